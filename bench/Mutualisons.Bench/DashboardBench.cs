using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Activity = Mutualisons.Domain.Publics.Activity;
using ActivityKind = Mutualisons.Domain.Publics.ActivityKind;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.Bench;

// Participation dashboard benchmark: a lab with 200 stakeholders and 500 activities (times a scale factor);
// the time to render the dashboard page (server prerender over HTTP, signed in) and to compute its data,
// median of several runs.
internal static class DashboardBench
{
    private const int BaseStakeholders = 200;
    private const int BaseActivities = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        // "dashboard 15" and "15" both work: the mode name is optional here. A second number scales the lab
        // ("dashboard 15 10": 2,000 stakeholders and 5,000 activities).
        var numbers = args.Length > 0 && args[0] == "dashboard" ? args[1..] : args;
        var runs = Bench.IntArgument(numbers, 0, 15);
        var scale = Bench.IntArgument(numbers, 1, 1);
        var stakeholderCount = BaseStakeholders * scale;
        var activityCount = BaseActivities * scale;
        Bench.UseWebContentRoot();
        var connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        await using var app = new BenchApp(connectionString);
        var labId = await SeedAsync(app.Services, stakeholderCount, activityCount);
        var cpuBefore = Bench.CpuCheck();

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Bench.SignInAsync(client, "bench@example.org", BenchApp.Password);

        var path = $"/labs/{labId}/publics";
        var warm = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var rows = Regex.Count(warm, "data-stakeholder=");
        var pageTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("data-alert", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The dashboard did not render: {response.StatusCode}");
            }
            pageTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        var queryTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var signIn = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync("bench@example.org");
            var auth = (Microsoft.AspNetCore.Components.Authorization.IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
            auth.SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(await signIn.CreateAsync(user!))));
            var service = scope.ServiceProvider.GetRequiredService<Mutualisons.Web.Features.Publics.Dashboard.PublicsDashboardService>();
            var watch = Stopwatch.StartNew();
            var dashboard = await service.GetDashboardAsync(labId);
            watch.Stop();
            queryTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (dashboard!.StakeholderCount != stakeholderCount)
            {
                throw new InvalidOperationException("Unexpected stakeholder count.");
            }
        }

        Console.WriteLine($"Participation dashboard, {stakeholderCount} stakeholders, {activityCount} activities, {runs} runs");
        Console.WriteLine($"  matrix rows rendered: {rows} (page size {Mutualisons.Web.Features.Publics.Dashboard.PublicsDashboardService.MatrixPageSize})");
        Console.WriteLine($"  page render over HTTP (prerender, signed in): median {Bench.Median(pageTimes):F1} ms, min {pageTimes.Min():F1} ms, max {pageTimes.Max():F1} ms");
        Console.WriteLine($"  dashboard data (queries only):             median {Bench.Median(queryTimes):F1} ms, min {queryTimes.Min():F1} ms, max {queryTimes.Max():F1} ms");
        Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
        await TestDatabaseServer.DropDatabaseAsync(connectionString);
        return 0;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0005:Weak random number generator",
        Justification = "Made-up benchmark data from a seeded source, so runs compare; no secret comes from it.")]
    private static async Task<Guid> SeedAsync(IServiceProvider services, int stakeholderCount, int activityCount)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = new UserAccount { UserName = "bench@example.org", Email = "bench@example.org", DisplayName = "Bench", CreatedAt = DateTimeOffset.UtcNow };
        await users.CreateAsync(account, BenchApp.Password);

        var db = scope.ServiceProvider.GetRequiredService<Mutualisons.Infrastructure.Persistence.MutualisonsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var lab = new Mutualisation("Bench lab", null, [ResourceKind.Place], CooperationLevel.Reinforced, now.AddYears(-1));
        lab.GrantRole(account.Id, LabRole.PilotGroupMember, null, now);
        db.Mutualisations.Add(lab);

        var random = new Random(42);
        var cycles = Enum.GetValues<Cycle>();
        var levels = Enum.GetValues<ParticipationLevel>();
        var stakeholders = Enumerable.Range(1, stakeholderCount)
            .Select(i => new Stakeholder(lab.Id, (StakeholderKind)(i % 3), $"Partie prenante {i:D4}", null, "Intéressement", now))
            .ToList();
        foreach (var stakeholder in stakeholders)
        {
            foreach (var cycle in cycles)
            {
                stakeholder.SetTarget(cycle, levels[random.Next(levels.Length)], account.Id, now);
            }
        }
        db.Stakeholders.AddRange(stakeholders);

        var activities = new List<Activity>();
        for (var i = 0; i < activityCount; i++)
        {
            var activity = new Activity(lab.Id, $"Activité {i:D4}", (ActivityKind)(i % 6), null, [cycles[i % cycles.Length]], now.AddDays(-i), null, levels[random.Next(levels.Length)], now);
            var present = stakeholders.OrderBy(_ => random.Next()).Take(12).Select(s => s.Id).ToList();
            activity.Invite(present);
            if (i % 10 == 0)
            {
                activity.Postpone(now.AddDays(7), "Report");
                activity.Postpone(now.AddDays(14), "Report");
            }
            else
            {
                activity.RecordHeld(present, null);
            }
            activities.Add(activity);
        }
        db.Activities.AddRange(activities);
        // Each stakeholder's levels from the activities they attended only (a lookup, not a scan per stakeholder).
        var attended = activities.SelectMany(a => a.Present.Select(p => (Stakeholder: p, Activity: a))).ToLookup(x => x.Stakeholder, x => x.Activity);
        foreach (var stakeholder in stakeholders)
        {
            foreach (var cycle in cycles)
            {
                stakeholder.RecordDerived(cycle, ParticipationLadder.Derive(attended[stakeholder.Id], stakeholder.Id, cycle), "Seed", now);
            }
        }
        await db.SaveChangesAsync();
        return lab.Id;
    }
}
