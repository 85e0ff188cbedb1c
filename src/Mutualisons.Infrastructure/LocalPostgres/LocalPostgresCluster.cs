using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace Mutualisons.Infrastructure.LocalPostgres;

/// <summary>
/// Starts, reuses and stops a PostgreSQL cluster with <c>initdb</c> and <c>pg_ctl</c>. PostgreSQL refuses to
/// run as root, so as root the binaries run as the <c>postgres</c> system user on a folder it owns.
/// </summary>
public sealed class LocalPostgresCluster
{
    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;

    public LocalPostgresCluster(string rootDirectory, int port, string? binDirectory = null, bool durable = true)
    {
        RootDirectory = Path.GetFullPath(rootDirectory);
        Port = port;
        Durable = durable;
        _binDirectory = binDirectory is { Length: > 0 } ? binDirectory : FindBinDirectory();
        _asPostgresUser = IsRoot();
    }

    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    public int Port { get; }

    public bool Durable { get; }

    /// <summary>True when this instance started the server (and so should stop it).</summary>
    public bool StartedHere { get; private set; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    /// <summary>Creates the cluster on first use, starts it unless it already runs, and waits until it answers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(RootDirectory);
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres", RootDirectory], cancellationToken);
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await RunPostgresToolAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken);
        }

        if (await IsRunningAsync(cancellationToken))
        {
            return;
        }

        var settings = $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories=''";
        if (!Durable)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }
        try
        {
            await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", settings, "start"], cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"{exception.Message}\nServer log ({LogFile}):\n{TailOfLog()}", exception);
        }
        StartedHere = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (await IsRunningAsync(cancellationToken))
        {
            await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], cancellationToken);
        }
        StartedHere = false;
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var (exitCode, _) = await ExecuteAsync(PostgresCommand("pg_ctl", ["-D", DataDirectory, "status"]), cancellationToken);
        return exitCode == 0;
    }

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (file, args) = PostgresCommand(tool, arguments);
        return RunAsync(file, args, cancellationToken);
    }

    private (string File, IReadOnlyList<string> Arguments) PostgresCommand(string tool, IReadOnlyList<string> arguments)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? ("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : (executable, arguments);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ExecuteAsync((file, arguments), cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed with exit code {exitCode}:\n{output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> ExecuteAsync((string File, IReadOnlyList<string> Arguments) command, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(command.File)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command.File}.");
        // pg_ctl start leaves the server holding inherited pipes: read until the tool exits, not until EOF.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), cancellationToken)) is Task<string[]> done
            ? string.Concat(done.Result)
            : string.Empty;
        return (process.ExitCode, output);
    }

    private string TailOfLog()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(20));
        }
        catch (IOException)
        {
            return "(no log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(log not readable)";
        }
    }

    private static string FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin");
            }
        }

        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")));
        return fromPath ?? throw new InvalidOperationException(
            "PostgreSQL binaries (initdb, pg_ctl) were not found. Install PostgreSQL (apt-get install postgresql) or set LocalPostgres:BinDirectory.");
    }

    private static bool IsRoot() => !OperatingSystem.IsWindows() && geteuid() == 0;

    [DllImport("libc", SetLastError = false)]
#pragma warning disable SYSLIB1054 // one tiny call; a source-generated import buys nothing here
    private static extern uint geteuid();
#pragma warning restore SYSLIB1054
}
