using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Chain;
using Mutualisons.Web.Features.Impact.Frame;
using Mutualisons.Web.Features.Impact.Logics;

namespace Mutualisons.IntegrationTests.Impact;

/// <summary>The evaluation frame, the logics a lab pursues and the chain view, through the services, on a real database.</summary>
public sealed class ImpactLevelTwoTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<Guid> LabAsync(string name = "Bota 75")
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private Task<FrameView?> FrameAsync(string who, Guid lab, Guid? organisation = null) =>
        app.AsAsync<EvaluationFrameService, FrameView?>(who, s => s.GetFrameAsync(lab, organisation));

    private Task<SaveResult> SaveFrameAsync(string who, Guid lab, Guid? organisation, FrameInput input) =>
        app.AsAsync<EvaluationFrameService, SaveResult>(who, s => s.SaveFrameAsync(lab, organisation, input));

    private Task<SaveResult> SaveLogicAsync(string who, Guid lab, LogicInput input) =>
        app.AsAsync<MutualisationLogicService, SaveResult>(who, s => s.SaveLogicAsync(lab, input));

    private Task<LogicsView?> LogicsAsync(string who, Guid lab) =>
        app.AsAsync<MutualisationLogicService, LogicsView?>(who, s => s.GetLogicsAsync(lab));

    private Task<ImpactChain?> ChainAsync(string who, Guid lab) =>
        app.AsAsync<ImpactChainService, ImpactChain?>(who, s => s.GetChainAsync(lab));

    private async Task<Guid> HypothesisAsync(string who, Guid lab, Guid organisation, string statement)
    {
        var created = await app.AsAsync<ImpactHypothesisService, SaveResult>(who, s => s.CreateHypothesisAsync(lab, new HypothesisInput { OrganisationId = organisation, Statement = statement }));
        Assert.True(created.Succeeded, created.MessageKey);
        return created.Id!.Value;
    }

    [Fact]
    public async Task A_facilitator_writes_the_labs_frame_then_revises_it_and_a_stale_version_is_refused()
    {
        var inCommon = await LabAsync("In Common");
        var who = DemoAppFixture.Coordination;
        Assert.False((await FrameAsync(who, inCommon))!.Exists);

        var empty = await SaveFrameAsync(who, inCommon, null, new FrameInput { WhoCarriesIt = "Camille" });
        Assert.Equal(SaveStatus.Invalid, empty.Status);
        Assert.Contains(nameof(FrameInput.Purposes), empty.Errors!.Keys);

        var first = new FrameInput { Purposes = [EvaluationPurpose.UnderstandEffects], Methods = [EvaluationMethod.Indicators], Timings = [EvaluationTiming.Continuous], SystemicNotes = "Les cartes servent aussi à d'autres réseaux" };
        Assert.True((await SaveFrameAsync(who, inCommon, null, first)).Succeeded);
        Assert.Equal(SaveStatus.Refused, (await SaveFrameAsync(who, inCommon, null, first)).Status);

        var seen = (await FrameAsync(who, inCommon))!;
        Assert.True(seen.Exists);
        Assert.Equal("Les cartes servent aussi à d'autres réseaux", seen.Input.SystemicNotes);
        seen.Input.Audiences.Add(EvaluationAudience.PublicAuthorities);
        var version = seen.Input.Version;
        Assert.True((await SaveFrameAsync(who, inCommon, null, seen.Input)).Succeeded);

        var stale = new FrameInput { Purposes = [EvaluationPurpose.ConvinceFunders], Version = version };
        Assert.Equal(SaveStatus.Conflict, (await SaveFrameAsync(who, inCommon, null, stale)).Status);
        var kept = (await FrameAsync(DemoAppFixture.Facilitator, inCommon))!;
        Assert.Equal([EvaluationPurpose.UnderstandEffects], kept.Input.Purposes);
        Assert.Equal([EvaluationAudience.PublicAuthorities], kept.Input.Audiences);
        Assert.False(kept.MayEdit);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.LabId == inCommon && a.Subject == AuditSubject.EvaluationFrame));
    }

    [Fact]
    public async Task A_participant_writes_its_own_organisations_frame_but_neither_the_labs_nor_another_members()
    {
        var lab = await LabAsync();
        var (mdm, financite) = (await OrganisationAsync("Médecins du Monde"), await OrganisationAsync("Réseau Financité"));
        var input = new FrameInput { Purposes = [EvaluationPurpose.VerifyMission, EvaluationPurpose.ConvinceFunders], Audiences = [EvaluationAudience.Funders] };

        Assert.True((await SaveFrameAsync(DemoAppFixture.Participant, lab, mdm, input)).Succeeded);
        Assert.Equal(SaveStatus.Forbidden, (await SaveFrameAsync(DemoAppFixture.Participant, lab, financite, input)).Status);
        var labs = (await FrameAsync(DemoAppFixture.Participant, lab))!;
        Assert.False(labs.MayEdit);
        Assert.Equal(SaveStatus.Forbidden, (await SaveFrameAsync(DemoAppFixture.Participant, lab, null, labs.Input)).Status);

        // The observer reads both frames, and the organisation's stays apart from the lab's.
        var own = (await FrameAsync(DemoAppFixture.Observer, lab, mdm))!;
        Assert.Equal(("Médecins du Monde", false), (own.OrganisationName, own.MayEdit));
        Assert.Equal([EvaluationPurpose.VerifyMission, EvaluationPurpose.ConvinceFunders], own.Input.Purposes);
        Assert.Contains(EvaluationPurpose.UnderstandEffects, (await FrameAsync(DemoAppFixture.Observer, lab))!.Input.Purposes);
    }

    [Fact]
    public async Task The_pilot_group_pursues_a_logic_for_two_hypotheses_and_the_chain_shows_each_indicators_latest_value()
    {
        var lab = await LabAsync();
        var sawb = await OrganisationAsync("SAW-B");
        var directory = await HypothesisAsync(Pilot, lab, sawb, "Un annuaire des occupants fait naître des collaborations");
        var unlinked = await HypothesisAsync(Pilot, lab, sawb, "Des tables de conversation rapprochent les équipes");
        var view = (await app.AsAsync<ImpactHypothesisService, HypothesisView?>(Pilot, s => s.GetHypothesisAsync(lab, directory)))!;
        Assert.True((await app.AsAsync<ImpactHypothesisService, SaveResult>(Pilot, s => s.AddIndicatorAsync(lab, directory,
            new IndicatorInput { Name = "Collaborations nouvelles", Unit = IndicatorUnit.Count, BaselineValue = 0, BaselineDate = "2026-01-01", TargetValue = 6, TargetDate = "2026-12-31" }, view.Version))).Succeeded);
        view = (await app.AsAsync<ImpactHypothesisService, HypothesisView?>(Pilot, s => s.GetHypothesisAsync(lab, directory)))!;
        var indicator = view.Indicators.Single().Id;
        foreach (var (date, value) in new[] { ("2026-03-31", 4m), ("2026-02-28", 1m) })
        {
            var version = (await app.AsAsync<ImpactHypothesisService, HypothesisView?>(Pilot, s => s.GetHypothesisAsync(lab, directory)))!.Version;
            Assert.True((await app.AsAsync<ImpactHypothesisService, SaveResult>(Pilot, s => s.RecordMeasurementAsync(lab, directory, new MeasurementInput { IndicatorId = indicator, Date = date, Value = value }, version))).Succeeded);
        }
        var rooms = (await LogicsAsync(Pilot, lab))!.Hypotheses.Single(h => h.OrganisationName == "Réseau Financité").Id;

        var pursued = await SaveLogicAsync(Pilot, lab, new LogicInput
        {
            Logic = MutualisationLogic.StrongProject,
            Expectation = "Des sessions communes de sensibilisation",
            HypothesisIds = [directory, rooms],
            Objectives = [ImpactObjective.QualityImprovement],
            Strategies = [ScalingStrategy.Cooperation, ScalingStrategy.Learning],
        });

        Assert.True(pursued.Succeeded, pursued.MessageKey);
        var chain = (await ChainAsync(DemoAppFixture.Observer, lab))!;
        Assert.False(chain.MayEdit);
        // The chain starts from the lab's evaluation frame (not an organisation's own).
        Assert.Contains(EvaluationPurpose.UnderstandEffects, chain.Frame!.Purposes);
        var strong = chain.Logics.Single(l => l.Logic == MutualisationLogic.StrongProject);
        Assert.Equal([ScalingStrategy.Cooperation, ScalingStrategy.Learning], strong.Strategies);
        Assert.Equal(new[] { directory, rooms }.Order(), strong.Hypotheses.Select(h => h.Id).Order());
        var collaborations = strong.Hypotheses.Single(h => h.Id == directory).Indicators.Single();
        // The latest is the latest measured, not the latest typed.
        Assert.Equal((4m, new DateOnly(2026, 3, 31), 6m), (collaborations.LatestValue, collaborations.LatestOn, collaborations.TargetValue));
        Assert.Equal(600m, chain.Logics.Single(l => l.Logic == MutualisationLogic.Means).Hypotheses.Single().Indicators.Single(i => i.Unit == IndicatorUnit.Euros).TargetValue);
        Assert.Equal(850m, strong.Hypotheses.Single(h => h.Id == rooms).Indicators.Single(i => i.Unit == IndicatorUnit.Euros).LatestValue);
        Assert.Equal(unlinked, Assert.Single(chain.Unlinked).Id);
    }

    [Fact]
    public async Task Another_labs_hypothesis_cannot_be_linked_another_labs_ids_answer_not_found_and_a_stale_logic_is_refused()
    {
        var bota = await LabAsync();
        var inCommon = await LabAsync("In Common");
        Guid inCommonMember;
        await using (var db = app.CreateDbContext())
        {
            inCommonMember = await db.Mutualisations.Where(m => m.Id == inCommon).SelectMany(m => m.Memberships).Select(ms => ms.OrganisationId).FirstAsync();
        }
        var foreign = await HypothesisAsync(DemoAppFixture.Coordination, inCommon, inCommonMember, "La carte partagée attire de nouveaux contributeurs");
        var means = (await LogicsAsync(Pilot, bota))!.Logics.Single(l => l.Logic == MutualisationLogic.Means).Chosen!;

        // A Bota 75 logic cannot serve an In Common hypothesis: it does not exist for this lab, and nothing changes.
        var linked = await SaveLogicAsync(Pilot, bota, new LogicInput
        {
            Logic = MutualisationLogic.Means, HypothesisIds = [.. means.HypothesisIds, foreign], Objectives = [.. means.Objectives], Version = means.Version,
        });
        var created = await SaveLogicAsync(Pilot, bota, new LogicInput { Logic = MutualisationLogic.Strategic, HypothesisIds = [foreign], Objectives = [ImpactObjective.Consolidation] });
        Assert.Equal(SaveStatus.NotFound, linked.Status);
        Assert.Equal(SaveStatus.NotFound, created.Status);
        var after = (await LogicsAsync(Pilot, bota))!;
        var unchanged = after.Logics.Single(l => l.Logic == MutualisationLogic.Means).Chosen!;
        Assert.Equal((means.Version, means.HypothesisIds.Single()), (unchanged.Version, Assert.Single(unchanged.HypothesisIds)));
        Assert.Null(after.Logics.Single(l => l.Logic == MutualisationLogic.Strategic).Chosen);

        // Camille runs In Common only: Bota 75's chain, logics and frame do not exist for her, under either lab's address.
        Assert.Null(await ChainAsync(DemoAppFixture.Coordination, bota));
        Assert.Null(await LogicsAsync(DemoAppFixture.Coordination, bota));
        Assert.Null(await FrameAsync(DemoAppFixture.Coordination, bota));
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<MutualisationLogicService, SaveResult>(DemoAppFixture.Coordination, s => s.DropLogicAsync(inCommon, means.Id, means.Version))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<MutualisationLogicService, SaveResult>(DemoAppFixture.Coordination, s => s.DropLogicAsync(bota, means.Id, means.Version))).Status);
        Assert.Equal(SaveStatus.NotFound, (await SaveFrameAsync(DemoAppFixture.Coordination, bota, null, new FrameInput { Purposes = [EvaluationPurpose.FindImprovements], Version = 1 })).Status);
        // An organisation of another lab has no frame here.
        Assert.Null(await FrameAsync(Pilot, bota, inCommonMember));
        Assert.Equal(SaveStatus.NotFound, (await SaveFrameAsync(Pilot, bota, inCommonMember, new FrameInput { Purposes = [EvaluationPurpose.FindImprovements] })).Status);

        // Two people edit the same logic: the second, who saw the older version, is refused and overwrites nothing.
        var first = await SaveLogicAsync(Pilot, bota, new LogicInput { Logic = MutualisationLogic.Means, Expectation = "Moins de loyer", Objectives = [ImpactObjective.Optimisation], Version = means.Version });
        var second = await SaveLogicAsync(DemoAppFixture.Facilitator, bota, new LogicInput { Logic = MutualisationLogic.Means, Expectation = "Autre chose", Objectives = [ImpactObjective.Consolidation], Version = means.Version });
        Assert.True(first.Succeeded, first.MessageKey);
        Assert.Equal(SaveStatus.Conflict, second.Status);
        var saved = (await LogicsAsync(Pilot, bota))!.Logics.Single(l => l.Logic == MutualisationLogic.Means).Chosen!;
        Assert.Equal(("Moins de loyer", 0), (saved.Expectation, saved.HypothesisIds.Count));

        // Dropping it at the version seen keeps the hypotheses; the participant may not.
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<MutualisationLogicService, SaveResult>(DemoAppFixture.Participant, s => s.DropLogicAsync(bota, saved.Id, saved.Version))).Status);
        Assert.True((await app.AsAsync<MutualisationLogicService, SaveResult>(Pilot, s => s.DropLogicAsync(bota, saved.Id, saved.Version))).Succeeded);
        await using var reading = app.CreateDbContext();
        Assert.False(await reading.PursuedLogics.AnyAsync(l => l.Id == saved.Id));
        Assert.Equal(means.HypothesisIds.Single(), await reading.ImpactHypotheses.Where(h => h.LabId == bota && h.Id == means.HypothesisIds.Single()).Select(h => h.Id).SingleAsync());
    }

    [Fact]
    public async Task The_chain_reads_with_the_same_few_queries_whatever_the_number_of_hypotheses_indicators_and_measurements()
    {
        var lab = await LabAsync();
        var before = await ChainQueriesAsync(lab);

        // Three more hypotheses, each with two indicators measured three times, all linked to a logic.
        var sawb = await OrganisationAsync("SAW-B");
        var added = new HashSet<Guid>();
        await using (var db = app.CreateDbContext())
        {
            for (var h = 0; h < 3; h++)
            {
                var hypothesis = new ImpactHypothesis(lab, sawb, $"Hypothèse {h}", null, EffectSign.Positive, EffectNature.Social, DateTimeOffset.UtcNow);
                for (var i = 0; i < 2; i++)
                {
                    var indicator = hypothesis.AddIndicator(new IndicatorDefinition($"Indicateur {i}", IndicatorUnit.Count, IndicatorDirection.HigherIsBetter, 0, new DateOnly(2026, 1, 1), 10, new DateOnly(2026, 12, 31)));
                    for (var m = 1; m <= 3; m++)
                    {
                        db.Measurements.Add(hypothesis.RecordMeasurement(indicator.Id, new DateOnly(2026, m, 28), m, null, null, DateTimeOffset.UtcNow));
                    }
                }
                db.ImpactHypotheses.Add(hypothesis);
                added.Add(hypothesis.Id);
            }
            await db.SaveChangesAsync();
        }
        Assert.True((await SaveLogicAsync(Pilot, lab, new LogicInput { Logic = MutualisationLogic.Strategic, HypothesisIds = added, Objectives = [ImpactObjective.Consolidation] })).Succeeded);

        var after = await ChainQueriesAsync(lab);

        Assert.Equal(before.Queries, after.Queries);
        // The person's role, the lab's name, the logics, the hypotheses with their figures.
        Assert.InRange(after.Queries, 4, 5);
        Assert.Equal(3, after.Chain.Logics.Single(l => l.Logic == MutualisationLogic.Strategic).Hypotheses.Count(h => h.Indicators.All(i => i.LatestValue == 3)));
    }

    /// <summary>The chain as the observer reads it, and how many SQL commands it took.</summary>
    private async Task<(ImpactChain Chain, int Queries)> ChainQueriesAsync(Guid lab)
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<MutualisonsDbContext>(app.Factory.Services.GetRequiredService<DbContextOptions<MutualisonsDbContext>>()).AddInterceptors(counter).Options;
        var chain = await app.AsAsync<CurrentActor, ImpactChain?>(DemoAppFixture.Observer, actor => new ImpactChainService(new CountedContexts(options), actor).GetChainAsync(lab));
        return (chain!, counter.Count);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class CountedContexts(DbContextOptions<MutualisonsDbContext> options) : IDbContextFactory<MutualisonsDbContext>
    {
        public MutualisonsDbContext CreateDbContext() => new(options);
    }
}
