using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Impact;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.IntegrationTests.Impact;

/// <summary>Hypotheses, indicators, measurements and conclusions through the services, on a real database.</summary>
public sealed class ImpactChainTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
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

    private Task<HypothesisView?> ViewAsync(Guid lab, Guid hypothesis, string who = Pilot) =>
        app.AsAsync<ImpactHypothesisService, HypothesisView?>(who, s => s.GetHypothesisAsync(lab, hypothesis));

    private Task<SaveResult> AsPilot(Func<ImpactHypothesisService, Task<SaveResult>> write) => app.AsAsync(Pilot, write);

    private async Task<(Guid Lab, Guid Hypothesis)> DemoHypothesisAsync()
    {
        var lab = await LabAsync();
        await using var db = app.CreateDbContext();
        return (lab, await db.ImpactHypotheses.Where(h => h.LabId == lab).Select(h => h.Id).SingleAsync());
    }

    [Fact]
    public async Task The_pilot_group_builds_a_hypothesis_measures_it_and_concludes_and_the_overview_shows_the_latest_figures()
    {
        var lab = await LabAsync();
        var sawb = await OrganisationAsync("SAW-B");
        var created = await AsPilot(s => s.CreateHypothesisAsync(lab, new HypothesisInput { OrganisationId = sawb, Statement = "Un annuaire des occupants fait naître des collaborations", Nature = EffectNature.Social }));
        Assert.True(created.Succeeded, created.MessageKey);
        var id = created.Id!.Value;

        var start = new DateOnly(2026, 1, 1);
        var view = (await ViewAsync(lab, id))!;
        Assert.True((await AsPilot(s => s.AddIndicatorAsync(lab, id, new IndicatorInput { Name = "Collaborations nouvelles", Unit = IndicatorUnit.Count, BaselineValue = 0, BaselineDate = DayText.Of(start), TargetValue = 6, TargetDate = "2026-12-31" }, view.Version))).Succeeded);
        view = (await ViewAsync(lab, id))!;
        Assert.True((await AsPilot(s => s.AddIndicatorAsync(lab, id, new IndicatorInput { Name = "Occupants inscrits", Unit = IndicatorUnit.Percentage, BaselineValue = 10, BaselineDate = DayText.Of(start) }, view.Version))).Succeeded);
        view = (await ViewAsync(lab, id))!;
        Assert.Equal(HypothesisStatus.Open, view.Status);

        var collaborations = view.Indicators.Single(i => i.Name == "Collaborations nouvelles");
        var recorded = await AsPilot(s => s.RecordMeasurementAsync(lab, id, new MeasurementInput { IndicatorId = collaborations.Id, Date = "2026-03-31", Value = 2, Note = "Deux projets communs" }, view.Version));
        Assert.True(recorded.Succeeded, recorded.MessageKey);

        view = (await ViewAsync(lab, id))!;
        Assert.Equal(HypothesisStatus.BeingMeasured, view.Status);
        var line = Assert.Single(view.Indicators.Single(i => i.Id == collaborations.Id).Measurements);
        Assert.Equal((new DateOnly(2026, 3, 31), 2m, "Pieter (groupe pilote)"), (line.On, line.Value, line.By));
        var overview = (await app.AsAsync<ImpactOverviewService, ImpactOverview?>(DemoAppFixture.Observer, s => s.GetOverviewAsync(lab)))!;
        var summary = overview.Organisations.Single(o => o.OrganisationId == sawb).Hypotheses.Single(h => h.Id == id);
        Assert.Equal(2m, summary.Indicators.Single(i => i.Name == "Collaborations nouvelles").LatestValue);
        Assert.Null(summary.Indicators.Single(i => i.Name == "Occupants inscrits").LatestValue);

        Assert.True((await AsPilot(s => s.ConcludeAsync(lab, id, new ConclusionInput { ImpactsMeasured = "Deux collaborations en trois mois", ImpactsNotSought = "Des échanges de matériel" }, view.Version))).Succeeded);
        view = (await ViewAsync(lab, id))!;
        Assert.Equal(HypothesisStatus.Concluded, view.Status);
        Assert.False(view.ConcludedUnmeasured);

        Assert.Equal(SaveStatus.Invalid, (await AsPilot(s => s.ReopenAsync(lab, id, new ReopenInput(), view.Version))).Status);
        Assert.True((await AsPilot(s => s.ReopenAsync(lab, id, new ReopenInput { Reason = "Le label change la donne" }, view.Version))).Succeeded);
        view = (await ViewAsync(lab, id))!;
        Assert.Equal(HypothesisStatus.BeingMeasured, view.Status);
        Assert.Equal("Le label change la donne", Assert.Single(view.Reopenings).Reason);
    }

    [Fact]
    public async Task A_conclusion_without_any_measurement_is_saved_and_flagged()
    {
        var lab = await LabAsync();
        var vwv = await OrganisationAsync("Vluchtelingenwerk Vlaanderen");
        var id = (await AsPilot(s => s.CreateHypothesisAsync(lab, new HypothesisInput { OrganisationId = vwv, Statement = "Les tables de conversation bilingues rapprochent les équipes" }))).Id!.Value;

        var concluded = await AsPilot(async s => await s.ConcludeAsync(lab, id, new ConclusionInput { ImpactsNotSought = "Des amitiés entre bénévoles" }, (await ViewAsync(lab, id))!.Version));

        Assert.True(concluded.Succeeded, concluded.MessageKey);
        var view = (await ViewAsync(lab, id))!;
        Assert.True(view.ConcludedUnmeasured);
        Assert.False(view.HasMeasurements);
    }

    [Fact]
    public async Task Invalid_figures_come_back_beside_their_field_and_nothing_is_half_saved()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var view = (await ViewAsync(lab, id))!;
        var hours = view.Indicators.Single(i => i.Unit == IndicatorUnit.Hours);
        int measurements;
        await using (var db = app.CreateDbContext())
        {
            measurements = await db.Measurements.CountAsync();
        }

        // The form knows the unit: the validator answers. Without it, the domain does, beside the same field.
        var negative = await AsPilot(s => s.RecordMeasurementAsync(lab, id, new MeasurementInput { IndicatorId = hours.Id, Unit = IndicatorUnit.Hours, Date = "2019-07-31", Value = -4 }, view.Version));
        var negativeUnchecked = await AsPilot(s => s.RecordMeasurementAsync(lab, id, new MeasurementInput { IndicatorId = hours.Id, Unit = IndicatorUnit.Number, Date = "2019-07-31", Value = -4 }, view.Version));
        var beforeBaseline = await AsPilot(s => s.RecordMeasurementAsync(lab, id, new MeasurementInput { IndicatorId = hours.Id, Unit = IndicatorUnit.Hours, Date = "2018-12-31", Value = 41 }, view.Version));
        var sameName = await AsPilot(s => s.AddIndicatorAsync(lab, id, new IndicatorInput { Name = hours.Name.ToUpperInvariant(), Unit = IndicatorUnit.Count, BaselineValue = 1, BaselineDate = "2019-01-31" }, view.Version));

        Assert.Equal(SaveStatus.Invalid, negative.Status);
        Assert.Contains(nameof(MeasurementInput.Value), negative.Errors!.Keys);
        Assert.Equal(SaveStatus.Invalid, negativeUnchecked.Status);
        Assert.Contains(nameof(MeasurementInput.Value), negativeUnchecked.Errors!.Keys);
        Assert.Equal(SaveStatus.Invalid, beforeBaseline.Status);
        Assert.Contains(nameof(MeasurementInput.Date), beforeBaseline.Errors!.Keys);
        Assert.Equal(SaveStatus.Invalid, sameName.Status);
        Assert.Contains(nameof(IndicatorInput.Name), sameName.Errors!.Keys);
        await using var reading = app.CreateDbContext();
        Assert.Equal(measurements, await reading.Measurements.CountAsync());
        Assert.Equal(view.Indicators.Count, await reading.Indicators.CountAsync(i => i.HypothesisId == id));
        Assert.Equal(view.Version, (await ViewAsync(lab, id))!.Version);
    }

    [Fact]
    public async Task Revising_an_indicator_and_the_hypothesis_keeps_the_rules_of_the_chain()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var view = (await ViewAsync(lab, id))!;
        var (rent, hours) = (view.Indicators.Single(i => i.Unit == IndicatorUnit.Euros), view.Indicators.Single(i => i.Unit == IndicatorUnit.Hours));
        IndicatorInput Edit(string name, string baselineDate) => new()
        {
            Name = name, Unit = hours.Unit, Direction = hours.Direction, BaselineValue = hours.BaselineValue, BaselineDate = baselineDate,
            TargetValue = hours.TargetValue, TargetDate = hours.TargetDate is { } on ? DayText.Of(on) : null,
        };

        var taken = await AsPilot(s => s.ReviseIndicatorAsync(lab, id, hours.Id, Edit(rent.Name, DayText.Of(hours.BaselineDate)), view.Version));
        var afterMeasurements = await AsPilot(s => s.ReviseIndicatorAsync(lab, id, hours.Id, Edit(hours.Name, "2019-12-31"), view.Version));
        var renamed = await AsPilot(s => s.ReviseIndicatorAsync(lab, id, hours.Id, Edit("Heures d'accompagnement", DayText.Of(hours.BaselineDate)), view.Version));

        Assert.Contains(nameof(IndicatorInput.Name), taken.Errors!.Keys);
        Assert.Contains(nameof(IndicatorInput.BaselineDate), afterMeasurements.Errors!.Keys);
        Assert.True(renamed.Succeeded, renamed.MessageKey);
        view = (await ViewAsync(lab, id))!;
        Assert.Equal(hours.Measurements.Count, view.Indicators.Single(i => i.Name == "Heures d'accompagnement").Measurements.Count);

        var revised = await AsPilot(s => s.ReviseHypothesisAsync(lab, id, new HypothesisInput { OrganisationId = view.OrganisationId, Statement = "Partager les salles libère du temps", Sign = EffectSign.Positive, Nature = EffectNature.Social }, view.Version));
        Assert.True(revised.Succeeded, revised.MessageKey);
        Assert.Equal(SaveStatus.Conflict, (await AsPilot(s => s.ReviseHypothesisAsync(lab, id, new HypothesisInput { OrganisationId = view.OrganisationId, Statement = "Ancienne page" }, view.Version))).Status);
        Assert.Equal((EffectNature.Social, "Partager les salles libère du temps"), ((await ViewAsync(lab, id))!.Nature, (await ViewAsync(lab, id))!.Statement));
    }

    [Fact]
    public async Task Another_labs_hypothesis_answers_not_found_and_a_participant_works_only_on_its_own_organisation()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var inCommon = await LabAsync("In Common");
        var version = (await ViewAsync(lab, id))!.Version;

        // Camille runs In Common: the Bota 75 hypothesis does not exist for her, under either lab's address.
        Assert.Null(await ViewAsync(lab, id, DemoAppFixture.Coordination));
        Assert.Null(await ViewAsync(inCommon, id, DemoAppFixture.Coordination));
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Coordination, s => s.ConcludeAsync(inCommon, id, new ConclusionInput { ImpactsMeasured = "x" }, version))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Coordination, s => s.DeleteHypothesisAsync(lab, id, version))).Status);

        // The demo hypothesis is Réseau Financité's: Paula (Médecins du Monde) reads it but does not change it.
        var paulas = (await ViewAsync(lab, id, DemoAppFixture.Participant))!;
        Assert.False(paulas.MayEdit);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Participant, s => s.ConcludeAsync(lab, id, new ConclusionInput { ImpactsMeasured = "x" }, version))).Status);
        var financite = await OrganisationAsync("Réseau Financité");
        var mdm = await OrganisationAsync("Médecins du Monde");
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Participant, s => s.CreateHypothesisAsync(lab, new HypothesisInput { OrganisationId = financite, Statement = "Pas la mienne" }))).Status);
        Assert.True((await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Participant, s => s.CreateHypothesisAsync(lab, new HypothesisInput { OrganisationId = mdm, Statement = "Nos consultations partagées touchent plus de personnes" }))).Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Equal(HypothesisStatus.BeingMeasured, (await db.ImpactHypotheses.AsNoTracking().SingleAsync(h => h.Id == id)).Status);
    }
}
