using System.Diagnostics;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.ToolConfiguration.Experiments;
using Mutualisons.Web.Features.ToolConfiguration.Governance;

namespace Mutualisons.Bench;

// Cycle 4 of a large lab: 300 experiments, 20 working groups, and 2,000 decisions of an occupants' assembly
// (30 organisations) with 30 positions each, plus one decision of a 200-person body with 200 positions.
// Measured through the feature services, signed in as the lab's pilot group member, median of several runs:
// the portfolio's data, the decision log's first page, and one decision's outcome with its 200 voters.
internal static class GovernanceBench
{
    private const int Experiments = 300;
    private const int WorkingGroups = 20;
    private const int BigBodyVoters = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Bench.IntArgument(args, 0, 15);
        var decisions = Bench.IntArgument(args, 1, 2_000);
        var positions = Bench.IntArgument(args, 2, 30);
        if (runs < 1 || decisions < 1 || positions is < 1 or > 40)
        {
            throw new ArgumentException("Usage: governance [runs] [decisions] [positions per decision, 1 to 40], each at least 1.", nameof(args));
        }
        Bench.UseWebContentRoot();
        var connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        try
        {
            await using var app = new BenchApp(connectionString);
            var watch = Stopwatch.StartNew();
            // The impact benchmark's lab: 40 member organisations and a pilot group member to sign in as.
            var seed = await ImpactBench.SeedAsync(app.Services, 40, 1);
            var big = await SeedGovernanceAsync(app.Services, seed.LabId, decisions, positions);
            Console.WriteLine($"Governance benchmark: {Experiments} experiments, {WorkingGroups} working groups, {decisions} decisions of {positions} positions, "
                + $"one of {BigBodyVoters}; {runs} runs; {Environment.ProcessorCount} cores; seeded in {watch.Elapsed.TotalSeconds:F1} s");
            var cpuBefore = Bench.CpuCheck();

            var portfolio = new List<double>();
            var log = new List<double>();
            var outcome = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await SignInAsync(scope.ServiceProvider);
                var experiments = scope.ServiceProvider.GetRequiredService<ExperimentService>();
                var governance = scope.ServiceProvider.GetRequiredService<GovernanceService>();

                var timer = Stopwatch.StartNew();
                var view = await experiments.GetPortfolioAsync(seed.LabId) ?? throw new InvalidOperationException("No portfolio.");
                var portfolioMs = timer.Elapsed.TotalMilliseconds;
                timer.Restart();
                var page = await governance.GetLogAsync(seed.LabId) ?? throw new InvalidOperationException("No log.");
                var logMs = timer.Elapsed.TotalMilliseconds;
                timer.Restart();
                var decision = await governance.GetDecisionAsync(seed.LabId, big) ?? throw new InvalidOperationException("No decision.");
                var outcomeMs = timer.Elapsed.TotalMilliseconds;
                if (view.Experiments.Count != Experiments || page.Decisions.Count != 50 || decision.Tally!.NotVoted != 0 || decision.Ballots.Count != BigBodyVoters)
                {
                    throw new InvalidOperationException("The benchmark read something else than what it seeded.");
                }
                // The first run warms the connection pool, EF Core's query cache and the JIT.
                if (run == 0)
                {
                    continue;
                }
                portfolio.Add(portfolioMs);
                log.Add(logMs);
                outcome.Add(outcomeMs);
            }

            Console.WriteLine();
            Console.WriteLine($"  {"",-52}{"median",10}{"min",10}{"max",10}   goal");
            Row("portfolio data (300 experiments) (ms)", portfolio, "< 100 ms");
            Row("decision log, first page of 50 (ms)", log, "< 100 ms");
            Row($"one decision's outcome, {BigBodyVoters} voters (ms)", outcome, "< 20 ms");
            Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
            return 0;
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    private static void Row(string label, List<double> values, string goal) =>
        Console.WriteLine($"  {label,-52}{Bench.Median(values),10:F1}{values.Min(),10:F1}{values.Max(),10:F1}   {goal}");

    private static async Task SignInAsync(IServiceProvider services)
    {
        var user = await services.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync(ImpactBench.Email);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(user!);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }

    /// <summary>
    /// Experiments, working groups and bodies through the domain; the decisions, their voters, positions and log
    /// lines by SQL (one statement each), since casting 62,000 positions one by one measures nothing of interest.
    /// Returns the 200-voter decision.
    /// </summary>
    private static async Task<Guid> SeedGovernanceAsync(IServiceProvider services, Guid labId, int decisions, int positions)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var lab = await db.Mutualisations.SingleAsync(m => m.Id == labId);
        var person = lab.People.Select(p => p.PersonId).First();
        var organisations = lab.Memberships.Select(m => m.OrganisationId).Take(positions).ToList();
        var start = DateTimeOffset.UtcNow.AddYears(-3);

        var groups = Enumerable.Range(0, WorkingGroups).Select(g => new WorkingGroup(labId, $"GT {g:D2}", "Instruire des expérimentations.", person, null, start)).ToList();
        db.WorkingGroups.AddRange(groups);
        for (var e = 0; e < Experiments; e++)
        {
            var experiment = new Experiment(labId, new ExperimentDescription($"Expérimentation {e:D3}", "Une mesure de coopération à tester.", new ExperimentMeans(null, null, null, null),
                (CooperationLevel)(e % 4), null, "Un impact attendu."), null, start.AddDays(e));
            experiment.Score(1 + e % 5, 1 + (e / 5) % 5);
            experiment.AssignTo(groups[e % WorkingGroups]);
            db.Experiments.Add(experiment);
        }
        var assembly = new Body(labId, "Assemblée des occupants", BodyKind.OccupantsAssembly, null, new DecisionRule(DecisionMode.Majority, VoterKind.Organisations, 50), person, start);
        assembly.SetMembers(organisations.ToDictionary(o => o, _ => 1), organisations);
        var everyone = new Body(labId, "Assemblée générale", BodyKind.Other, null, new DecisionRule(DecisionMode.Consent, VoterKind.People), person, start);
        // People's ids: a 200-person body's voters need no accounts of their own for a count.
        everyone.SetMembers(Enumerable.Range(0, BigBodyVoters).ToDictionary(_ => Guid.NewGuid(), _ => 1), []);
        db.Bodies.AddRange(assembly, everyone);
        var big = new Decision(everyone, "Adopter la charte du bâtiment", "La charte proposée par le groupe pilote.", DateTimeOffset.UtcNow.AddDays(30), null, person, DateTimeOffset.UtcNow);
        db.Decisions.Add(big);
        await db.SaveChangesAsync();

        // 2,000 closed decisions of the assembly, 30 voters each, every one of them with a position and a log line.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO decisions (id, lab_id, body_id, title, proposal, rule_mode, rule_voters, rule_quorum_percent, rule_threshold_percent,
                                   rule_results_hidden_until_close, rule_anonymous, opened_at, deadline, closed_at, outcome, outcome_statement)
            SELECT gen_random_uuid(), {0}, {1}, 'Décision ' || d, 'Une proposition à l''assemblée.', 'Majority', 'Organisations', 50, NULL, false, false,
                   {2}::timestamptz + d * interval '12 hours', {2}::timestamptz + d * interval '12 hours' + interval '7 days',
                   {2}::timestamptz + d * interval '12 hours' + interval '7 days', CASE WHEN d % 3 = 0 THEN 'Rejected' ELSE 'Adopted' END, 'Décidé.'
            FROM generate_series(1, {3}) AS d;
            """, labId, assembly.Id, start, decisions);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO decision_voters (decision_id, voter_id, weight)
            SELECT d.id, m.voter_id, m.weight FROM decisions d JOIN body_members m ON m.body_id = d.body_id WHERE d.body_id = {0};
            INSERT INTO decision_ballots (decision_id, voter_id, cast_by, through_proxy, position, reason, at)
            SELECT v.decision_id, v.voter_id, gen_random_uuid(), false, (ARRAY['For','Against','Abstain'])[1 + (abs(hashtext(v.voter_id::text || v.decision_id::text)) % 3)], '', d.opened_at + interval '1 day'
            FROM decision_voters v JOIN decisions d ON d.id = v.decision_id WHERE d.body_id = {0};
            INSERT INTO decision_log (id, decision_id, kind, voter_id, position, text, by, at)
            SELECT gen_random_uuid(), b.decision_id, 'PositionGiven', b.voter_id, b.position, '', NULL, b.at FROM decision_ballots b JOIN decisions d ON d.id = b.decision_id WHERE d.body_id = {0};
            """, assembly.Id);
        // The 200 voters of the big decision each take a position.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO decision_ballots (decision_id, voter_id, cast_by, through_proxy, position, reason, at)
            SELECT v.decision_id, v.voter_id, v.voter_id, false, (ARRAY['For','Abstain','For'])[1 + (row_number() OVER () % 3)::int], 'Pourquoi pas.', now()
            FROM decision_voters v WHERE v.decision_id = {0};
            INSERT INTO decision_log (id, decision_id, kind, voter_id, position, text, by, at)
            SELECT gen_random_uuid(), b.decision_id, 'PositionGiven', b.voter_id, b.position, b.reason, NULL, b.at FROM decision_ballots b WHERE b.decision_id = {0};
            ANALYZE;
            """, big.Id);
        return big.Id;
    }
}
