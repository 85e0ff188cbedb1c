using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.IntegrationTests.Support;
using Activity = Mutualisons.Domain.Publics.Activity;
using ActivityKind = Mutualisons.Domain.Publics.ActivityKind;

namespace Mutualisons.Bench;

// Live workshops (issue 12), checked with real browsers: twenty headless Chromium phones join a room through its
// door and tap "+" then "−" on a dot vote once a second, each tap a form post and the page's reload, while a
// Chromium big screen (a signed-in Blazor circuit) shows the tally. Measures the time from a tap's click to the
// moment the big screen's bars show it, with one app instance, then with the phones on A and the screen on B.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0005:Weak random number generator",
    Justification = "The phones' start times in the first second; no secret comes from them.")]
internal static class WorkshopBrowsersBench
{
    private const string Facilitator = "workshops-browsers-bench@example.org";
    private const string ChromiumVariable = "MUTUALISONS_CHROMIUM";

    /// <summary>workshops-browsers [phones] [taps each way, at most 20]</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var phones = Bench.IntArgument(args, 0, 20);
        var taps = Bench.IntArgument(args, 1, WorkshopStep.MaxDots);
        if (phones < 1 || taps < 1 || taps > WorkshopStep.MaxDots)
        {
            throw new ArgumentException($"Usage: workshops-browsers [phones] [taps each way, 1 to {WorkshopStep.MaxDots}]", nameof(args));
        }
        Bench.UseWebContentRoot();
        var total = Stopwatch.StartNew();
        var database = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 40 }.ConnectionString;
        try
        {
            await using var instanceA = StartInstance(connectionString, out var addressA);
            await using var instanceB = StartInstance(connectionString, out var addressB);
            var labId = await SeedLabAsync(instanceA.Services);
            await SignalProbe.ListeningAsync(instanceA.Services);
            await SignalProbe.ListeningAsync(instanceB.Services);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath(),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
            Console.WriteLine($"Workshops in browsers: {phones} Chromium phones (360 px) tap + then − on a dot vote, {taps} times each way, once a second; one Chromium big screen; "
                + $"{Environment.ProcessorCount} cores; PostgreSQL ({TestDatabaseServer.Kind}); CPU check {Bench.CpuCheck():F0} ms");
            var settings = new (string Name, Uri Phones, Uri Screen)[]
            {
                ("one instance", addressA, addressA),
                ("two instances (phones on A, screen on B)", addressA, addressB),
            };
            var results = new List<(string Name, Figures Figures)>();
            foreach (var (name, phonesAt, screenAt) in settings)
            {
                var (workshopId, code) = await SeedWorkshopAsync(instanceA.Services, labId);
                var figures = await RunSettingAsync(browser, labId, workshopId, code, phonesAt, screenAt, phones, taps);
                Console.WriteLine($"  {name}: {figures}");
                results.Add((name, figures));
            }
            Console.WriteLine();
            Console.WriteLine($"  {"",-42}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"taps",7}{"shown",7}{"post p50",10}   goal: p95 < 200 ms");
            foreach (var (name, f) in results)
            {
                Console.WriteLine($"  {name,-42}{f.P50,9:F1}{f.P95,9:F1}{f.P99,9:F1}{f.Taps,7}{f.Shown,7}{f.PostP50,10:F1}");
            }
            Console.WriteLine($"CPU check after: {Bench.CpuCheck():F0} ms. Whole run: {total.Elapsed.TotalMinutes:F1} min");
            return results.All(r => r.Figures.Shown == r.Figures.Taps) ? 0 : 1;
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    private sealed record Figures(double P50, double P95, double P99, int Taps, int Shown, double PostP50, double PostP95)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"click → big screen p50 {P50:F1} ms, p95 {P95:F1}, p99 {P99:F1}; {Taps} taps, {Shown} seen on the screen; the phone's post and reload p50 {PostP50:F1} ms, p95 {PostP95:F1}");
    }

    private static BenchApp StartInstance(string connectionString, out Uri address)
    {
        // Every phone comes from loopback: the per-address limits would count the twenty as one Wi-Fi does, so they
        // are lifted here; the room's own rules still hold.
        var app = new BenchApp(connectionString, builder =>
        {
            builder.UseSetting("RateLimiting:WorkshopJoinPermitLimit", "100000");
            builder.UseSetting("RateLimiting:WorkshopTapPermitLimit", "100000");
        });
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
        address = new Uri($"http://127.0.0.1:{port}");
        return app;
    }

    /// <summary>A lab of four organisations, run by a facilitator with a password the big screen signs in with.</summary>
    private static async Task<Guid> SeedLabAsync(IServiceProvider services)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var facilitator = new UserAccount { UserName = Facilitator, Email = Facilitator, EmailConfirmed = true, DisplayName = "Bench", CreatedAt = now };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().CreateAsync(facilitator, BenchApp.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var lab = new Mutualisation("Workshops in browsers", null, [ResourceKind.Place], CooperationLevel.Simple, now.AddYears(-1));
        lab.GrantRole(facilitator.Id, LabRole.Facilitator, null, now);
        db.Mutualisations.Add(lab);
        for (var o = 0; o < 4; o++)
        {
            var organisation = new Organisation(new OrganisationProfile($"Organisation {o}", OrganisationKind.Association, "Social", null, null,
                new PostalAddress($"Rue {o}", "1000", "Bruxelles", "BE", null, null), [Language.French], []), now);
            db.Organisations.Add(organisation);
            lab.AddMember(organisation.Id, MembershipRole.Participant, now);
        }
        await db.SaveChangesAsync();
        return lab.Id;
    }

    /// <summary>A running workshop on one dot vote whose results are shown, with dots enough to tap + all the way.</summary>
    private static async Task<(Guid Id, string Code)> SeedWorkshopAsync(IServiceProvider services, Guid labId)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var activity = new Activity(labId, "Atelier", ActivityKind.Workshop, null, [Cycle.Diagnostic], now, "Salle", ParticipationLevel.Deliberation, now);
        var workshop = new Workshop(labId, activity.Id, activity.Title, now);
        var step = workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer ?", Options: ["Piste 1", "Piste 2", "Piste 3"],
            DotsPerPerson: WorkshopStep.MaxDots, MaxDotsPerItem: WorkshopStep.MaxDots));
        workshop.Start(now);
        step.Reveal(true);
        db.AddRange(activity, workshop);
        await db.SaveChangesAsync();
        return (workshop.Id, workshop.JoinCode);
    }

    private static async Task<Figures> RunSettingAsync(IBrowser browser, Guid labId, Guid workshopId, string code, Uri phonesAt, Uri screenAt, int phones, int taps)
    {
        var screenContext = await browser.NewContextAsync(new() { BaseURL = screenAt.ToString(), ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "fr-BE" });
        var screen = await screenContext.NewPageAsync();
        screen.SetDefaultTimeout(60_000);
        await screen.GotoAsync("/account/sign-in");
        await screen.Locator("#sign-in-email").FillAsync(Facilitator);
        await screen.Locator("#sign-in-password").FillAsync(BenchApp.Password);
        await screen.Locator(".static-form button[type=submit]").ClickAsync();
        await screen.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await screen.GotoAsync($"/labs/{labId}/workshops/{workshopId}/screen");
        await screen.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await screen.Locator("li.bar").First.WaitForAsync();
        // Each change of the bars' total, with the browser's wall-clock time in milliseconds.
        await screen.EvaluateAsync("""
            () => {
                window.__tally = [];
                const total = () => Array.from(document.querySelectorAll('li.bar[data-dots]')).reduce((s, li) => s + Number(li.getAttribute('data-dots')), 0);
                let last = total();
                new MutationObserver(() => {
                    const t = total();
                    if (t !== last) { last = t; window.__tally.push([performance.timeOrigin + performance.now(), t]); }
                }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            }
            """);

        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        for (var p = 0; p < phones; p++)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = phonesAt.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, Locale = "fr-BE" });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync($"/w/{code}");
            await page.Locator("#room-name").FillAsync($"Téléphone {p + 1}");
            await page.Locator("input[name=organisation]").Nth(p % 4).CheckAsync();
            await page.Locator(".room-form button[type=submit]").ClickAsync();
            await page.Locator(".room-status[data-state=online]").WaitForAsync();
            contexts.Add(context);
            pages.Add(page);
        }

        var item = WorkshopItems.Option(0);
        var clicks = new System.Collections.Concurrent.ConcurrentBag<(double At, bool Up)>();
        var posts = new System.Collections.Concurrent.ConcurrentBag<double>();
        var random = new Random(phones * 31 + taps);
        // Every "+" first, then, once all are in, every "−": the total on the screen rises to its top, then falls.
        foreach (var up in new[] { true, false })
        {
            var start = Stopwatch.GetTimestamp();
            var firsts = pages.Select(_ => random.NextDouble()).ToList();
            await Task.WhenAll(pages.Select((page, p) => TapAsync(page, up, start, firsts[p])));
        }
        async Task TapAsync(IPage page, bool up, long start, double first)
        {
            for (var k = 0; k < taps; k++)
            {
                var wait = TimeSpan.FromSeconds(first + k) - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                // "+" is the item's last button, "−" its first.
                var button = page.Locator($"li.room-item[data-item='{item}'] button[name=tap]").Nth(up ? 1 : 0);
                var before = Stopwatch.GetTimestamp();
                clicks.Add((NowMs(), up));
                // The post, its redirect, and the room page read again, as a phone's thumb waits for it.
                await page.RunAndWaitForResponseAsync(() => button.ClickAsync(),
                    r => r.Request.Method == "GET" && r.Url.EndsWith($"/w/room/{workshopId}", StringComparison.Ordinal));
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                posts.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            }
        }
        // Every "+" taken back: the screen's total comes back to nothing (a tap it never shows counts as not shown).
        try
        {
            await screen.WaitForFunctionAsync("() => window.__tally.length > 0 && window.__tally[window.__tally.length - 1][1] === 0", null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
        }
        var samples = (await screen.EvaluateAsync<double[][]>("() => window.__tally")).Select(s => (At: s[0], Total: (int)s[1])).ToList();
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
        await screenContext.DisposeAsync();

        // The k-th "+" click overall is shown once the total reaches k; the k-th "−" once it falls to (top − k).
        var latencies = new List<double>();
        var ups = clicks.Where(c => c.Up).Select(c => c.At).Order().ToList();
        var downs = clicks.Where(c => !c.Up).Select(c => c.At).Order().ToList();
        var top = ups.Count;
        var peak = samples.FindIndex(s => s.Total == top);
        for (var k = 1; k <= ups.Count; k++)
        {
            var shown = samples.FindIndex(s => s.Total >= k);
            if (shown >= 0)
            {
                latencies.Add(samples[shown].At - ups[k - 1]);
            }
        }
        for (var k = 1; k <= downs.Count && peak >= 0; k++)
        {
            var shown = samples.FindIndex(peak, s => s.Total <= top - k);
            if (shown >= 0)
            {
                latencies.Add(samples[shown].At - downs[k - 1]);
            }
        }
        var postTimes = posts.ToList();
        return new Figures(Bench.Percentile(latencies, 50), Bench.Percentile(latencies, 95), Bench.Percentile(latencies, 99), clicks.Count, latencies.Count,
            Bench.Percentile(postTimes, 50), Bench.Percentile(postTimes, 95));
    }

    /// <summary>Wall-clock milliseconds since the epoch, as the browser's <c>performance.timeOrigin + performance.now()</c>.</summary>
    private static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } given ? given : "/usr/bin/chromium";
        return File.Exists(path) ? path : throw new InvalidOperationException($"Chromium was not found at {path}. Install it (apt-get install chromium) or set {ChromiumVariable}.");
    }
}
