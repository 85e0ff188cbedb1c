using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mutualisons.Bench;

// Nine benchmarks in one program: the participation dashboard (cycle 2), answering plus results of a
// questionnaire (cycle 1), the impact chain (cycle 3), the cahier de synthèse, shared resources' matching and
// room booking, cycle 4's governance, live workshops and collaborative map data. "answers", "impact", "notebook",
// "matching", "booking", "governance", "workshops" or "mapdata" as first argument picks one;
// anything else runs the dashboard.
internal static class BenchMain
{
    public static Task<int> Main(string[] args) => (args.Length > 0 ? args[0] : null) switch
    {
        "answers" => AnswersBench.RunAsync(args[1..]),
        "impact" => ImpactBench.RunAsync(args[1..]),
        "notebook" => NotebookBench.RunAsync(args[1..]),
        "matching" => RoomsBench.MatchingAsync(args[1..]),
        "booking" => RoomsBench.BookingAsync(args[1..]),
        "governance" => GovernanceBench.RunAsync(args[1..]),
        "workshops" => WorkshopsBench.RunAsync(args[1..]),
        "workshops-browsers" => WorkshopBrowsersBench.RunAsync(args[1..]),
        "mapdata" => MapDataBench.RunAsync(args[1..]),
        _ => DashboardBench.RunAsync(args),
    };
}

/// <summary>What both benchmarks share: where the repository is, medians, the sign-in form.</summary>
internal static partial class Bench
{
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Mutualisons.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from the repository.");
    }

    /// <summary>The web project's folder is the app's content root (static assets, translations).</summary>
    public static void UseWebContentRoot() =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MUTUALISONS_WEB", Path.Combine(RepositoryRoot(), "src", "Mutualisons.Web"));

    public static int IntArgument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    /// <summary>A fixed amount of work on one thread: if it takes longer after the runs, the host was busier, not the app slower.</summary>
    public static double CpuCheck()
    {
        var data = new byte[256 * 1024 * 1024];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        System.Security.Cryptography.SHA256.HashData(data);
        return watch.Elapsed.TotalMilliseconds;
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = percent / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    /// <summary>Signs in through the real sign-in form; the client keeps the cookie.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = RequestToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();
}

/// <summary>The real app on the benchmark's database, with the settings the integration tests use.</summary>
internal sealed class BenchApp(string connectionString, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string Password = "a long benchmark password";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development keeps cookies usable over plain HTTP on loopback (elsewhere they are HTTPS only).
        builder.UseEnvironment("Development");
        builder.UseSetting("LocalPostgres:Enabled", "false");
        builder.UseSetting("ConnectionStrings:Mutualisons", connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("Email:Mode", "Outbox");
        builder.UseSetting("RateLimiting:PermitLimit", "10000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        configure?.Invoke(builder);
    }
}
