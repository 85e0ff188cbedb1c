using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Infrastructure.LocalPostgres;
using Mutualisons.Infrastructure.Persistence;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>
/// One PostgreSQL server for the whole test run, and a fresh database for whoever asks. The server is, in
/// order: the one named by MUTUALISONS_TEST_POSTGRES; a Testcontainers container when a Docker engine
/// answers; otherwise a throwaway cluster started from the machine's PostgreSQL binaries. Never skipped.
/// </summary>
public static class TestDatabaseServer
{
    public const string ServerVariable = "MUTUALISONS_TEST_POSTGRES";
    /// <summary>The template with every migration applied and no rows.</summary>
    public const string MigratedTemplate = "mutualisons_template";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly HashSet<string> ReadyTemplates = [];
    private static string? _adminConnectionString;

    public static string Kind { get; private set; } = "not started";

    /// <summary>Creates an empty database with every migration applied (copied from a migrated template).</summary>
    public static Task<string> CreateMigratedDatabaseAsync() => CreateDatabaseAsync(MigratedTemplate);

    /// <summary>Creates a database copied from <paramref name="template"/>.</summary>
    public static async Task<string> CreateDatabaseAsync(string template)
    {
        var admin = await EnsureServerAsync();
        var name = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"create database \"{name}\" template \"{template}\"");
        return WithDatabase(admin, name);
    }

    /// <summary>
    /// Makes, once per run, a template named <paramref name="name"/>: a copy of the migrated one that
    /// <paramref name="prepare"/> fills (given its connection string); returns its name.
    /// </summary>
    public static async Task<string> EnsureTemplateAsync(string name, Func<string, Task> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var admin = await EnsureServerAsync();
        await TemplateGate.WaitAsync();
        try
        {
            if (ReadyTemplates.Add(name))
            {
                await ExecuteAsync(admin, $"drop database if exists \"{name}\"");
                await ExecuteAsync(admin, $"create database \"{name}\" template \"{MigratedTemplate}\"");
                var connectionString = WithDatabase(admin, name);
                await prepare(connectionString);
                // A template cannot be copied while anyone is connected to it. Clearing our pool is not enough: the
                // app that filled it leaves connections behind (measured: without this, every copy fails).
                ClearPool(connectionString);
                await ExecuteAsync(admin, $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{name}' and pid <> pg_backend_pid()");
            }
            return name;
        }
        catch
        {
            ReadyTemplates.Remove(name);
            throw;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>
    /// Puts the database back as <paramref name="template"/> made it, under the same name, so an app that
    /// points at it carries on: its pooled connections are closed first, then the database is dropped and
    /// copied again. Copying a template is faster than deleting every row and loading the demo data again.
    /// </summary>
    public static async Task RestoreAsync(string connectionString, string template)
    {
        var admin = await EnsureServerAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        ClearPool(connectionString);
        await ExecuteAsync(admin, $"drop database if exists \"{name}\" with (force)");
        await ExecuteAsync(admin, $"create database \"{name}\" template \"{template}\"");
    }

    private static void ClearPool(string connectionString)
    {
        // The app's contexts connect with the same string plus their session settings: a pool of its own.
        foreach (var pool in new[] { connectionString, DatabaseSetup.ForTheApp(connectionString) })
        {
            using var pooled = new NpgsqlConnection(pool);
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    /// <summary>Creates a database with nothing in it, not even the migrations.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var admin = await EnsureServerAsync();
        var name = $"empty_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"create database \"{name}\"");
        return WithDatabase(admin, name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var admin = await EnsureServerAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(admin, $"drop database if exists \"{name}\" with (force)");
    }

    public static MutualisonsDbContext CreateDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MutualisonsDbContext>();
        options.UseMutualisonsDatabase(connectionString);
        return new MutualisonsDbContext(options.Options);
    }

    private static async Task<string> EnsureServerAsync()
    {
        if (_adminConnectionString is not null)
        {
            return _adminConnectionString;
        }
        await Gate.WaitAsync();
        try
        {
            if (_adminConnectionString is null)
            {
                var admin = await StartServerAsync();
                await ExecuteAsync(admin, $"drop database if exists \"{MigratedTemplate}\"");
                await ExecuteAsync(admin, $"create database \"{MigratedTemplate}\"");
                await using (var db = CreateDbContext(WithDatabase(admin, MigratedTemplate)))
                {
                    await db.Database.MigrateAsync();
                }
                // A template cannot be copied while anyone is connected to it.
                NpgsqlConnection.ClearAllPools();
                _adminConnectionString = admin;
            }
            return _adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartServerAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } given)
        {
            Kind = "configured server";
            return WithDatabase(given, "postgres");
        }

        if (DockerEngineAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Kind = "Testcontainers";
            return WithDatabase(container.GetConnectionString(), "postgres");
        }

        SweepLeftovers();
        var root = Path.Combine(Path.GetTempPath(), $"mutualisons-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var cluster = new LocalPostgresCluster(root, FreePort(), durable: false);
        await cluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The next run sweeps it (see SweepLeftovers).
            }
        };
        Kind = "local cluster";
        return cluster.ConnectionString("postgres");
    }

    /// <summary>Removes the folders of earlier test runs whose process is gone (a cluster still shutting down at exit can keep its folder).</summary>
    private static void SweepLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "mutualisons-tests-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var pid) || ProcessAlive(pid)
                || File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                continue;
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another run may be sweeping it at the same moment.
            }
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool DockerEngineAnswers()
    {
        const string socket = "/var/run/docker.sock";
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return true;
        }
        if (!File.Exists(socket))
        {
            return false;
        }
        try
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            probe.Connect(new UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
