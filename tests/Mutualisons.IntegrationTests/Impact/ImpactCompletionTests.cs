using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Catalogue;
using Mutualisons.Web.Features.Impact.Sources;

namespace Mutualisons.IntegrationTests.Impact;

/// <summary>
/// Correcting measurements, removing evidence, choosing a source among the lab's questions and figures, dismissing a
/// platform figure, the lab's own catalogue, and the bad input of the chain in three languages, on a real database.
/// </summary>
public sealed class ImpactCompletionTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<Guid> LabAsync(string name = "Bota 75")
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<(Guid Lab, Guid Hypothesis)> DemoHypothesisAsync()
    {
        var lab = await LabAsync();
        await using var db = app.CreateDbContext();
        return (lab, await db.ImpactHypotheses.Where(h => h.LabId == lab).Select(h => h.Id).SingleAsync());
    }

    private Task<HypothesisView?> ViewAsync(Guid lab, Guid hypothesis, string who = Pilot) =>
        app.AsAsync<ImpactHypothesisService, HypothesisView?>(who, s => s.GetHypothesisAsync(lab, hypothesis));

    private Task<SaveResult> AsPilot<TService>(Func<TService, Task<SaveResult>> write) where TService : notnull => app.AsAsync(Pilot, write);

    [Fact]
    public async Task A_measurement_is_corrected_under_its_rules_and_another_labs_measurement_is_not_found()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var view = (await ViewAsync(lab, id))!;
        var hours = view.Indicators.Single(i => i.Unit == IndicatorUnit.Hours);
        var may = hours.Measurements.Single(m => m.On == new DateOnly(2019, 5, 31));
        MeasurementInput Edit(string date, decimal value, string? note = null) => new() { IndicatorId = hours.Id, Unit = hours.Unit, BaselineDate = hours.BaselineDate, Date = date, Value = value, Note = note };

        var negative = await AsPilot<ImpactHypothesisService>(s => s.ReviseMeasurementAsync(lab, id, may.Id, Edit("2019-05-31", -1), view.Version));
        var early = await AsPilot<ImpactHypothesisService>(s => s.ReviseMeasurementAsync(lab, id, may.Id, Edit("2018-12-31", 50), view.Version));
        var stranger = await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Coordination, s => s.ReviseMeasurementAsync(lab, id, may.Id, Edit("2019-05-31", 50), view.Version));
        var paula = await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Participant, s => s.ReviseMeasurementAsync(lab, id, may.Id, Edit("2019-05-31", 50), view.Version));

        Assert.Contains(nameof(MeasurementInput.Value), negative.Errors!.Keys);
        Assert.Contains(nameof(MeasurementInput.Date), early.Errors!.Keys);
        Assert.Equal(SaveStatus.NotFound, stranger.Status);
        Assert.Equal(SaveStatus.Forbidden, paula.Status);
        Assert.Equal(view.Version, (await ViewAsync(lab, id))!.Version);

        var corrected = await AsPilot<ImpactHypothesisService>(s => s.ReviseMeasurementAsync(lab, id, may.Id, Edit("2019-05-30", 51.5m, "Relevé corrigé"), view.Version));

        Assert.True(corrected.Succeeded, corrected.MessageKey);
        var line = (await ViewAsync(lab, id))!.Indicators.Single(i => i.Id == hours.Id).Measurements.Single(m => m.Id == may.Id);
        Assert.Equal((new DateOnly(2019, 5, 30), 51.5m, "Relevé corrigé"), (line.On, line.Value, line.Note));
        Assert.Equal(SaveStatus.Conflict, (await AsPilot<ImpactHypothesisService>(s => s.ReviseMeasurementAsync(lab, id, may.Id, Edit("2019-05-31", 52), view.Version))).Status);
        // A measurement id of this lab under another hypothesis's address is not found either.
        var other = (await AsPilot<ImpactHypothesisService>(s => s.CreateHypothesisAsync(lab, new HypothesisInput { OrganisationId = view.OrganisationId, Statement = "Une autre hypothèse" }))).Id!.Value;
        var otherVersion = (await ViewAsync(lab, other))!.Version;
        Assert.Equal(SaveStatus.NotFound, (await AsPilot<ImpactHypothesisService>(s => s.ReviseMeasurementAsync(lab, other, may.Id, Edit("2019-05-31", 52), otherVersion))).Status);
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.AuditEntries.Where(a => a.LabId == lab).Select(a => a.Summary).ToListAsync(), s => s.Contains("51.5 (2019-05-30)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evidence_is_removed_by_those_who_write_the_hypothesis_and_only_through_its_own_hypothesis()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var view = (await ViewAsync(lab, id))!;
        var quote = Assert.Single(view.Evidence);

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Observer, s => s.RemoveEvidenceAsync(lab, id, quote.Id, view.Version))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Coordination, s => s.RemoveEvidenceAsync(lab, id, quote.Id, view.Version))).Status);
        var removed = await AsPilot<ImpactHypothesisService>(s => s.RemoveEvidenceAsync(lab, id, quote.Id, view.Version));

        Assert.True(removed.Succeeded, removed.MessageKey);
        Assert.Empty((await ViewAsync(lab, id))!.Evidence);
        Assert.Equal(SaveStatus.NotFound, (await AsPilot<ImpactHypothesisService>(async s => await s.RemoveEvidenceAsync(lab, id, quote.Id, (await ViewAsync(lab, id))!.Version))).Status);
    }

    [Fact]
    public async Task An_indicator_is_sourced_from_a_question_of_the_labs_questionnaires_and_a_question_of_another_lab_is_not_found()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var view = (await ViewAsync(lab, id))!;
        var hours = view.Indicators.Single(i => i.Unit == IndicatorUnit.Hours);
        var sourcing = (await app.AsAsync<IndicatorSourceService, HypothesisSourcing?>(Pilot, s => s.GetSourcingAsync(lab, id)))!;
        var survey = sourcing.Questionnaires.Single(q => q.Questions.Any(x => x.Type == QuestionType.Number));
        var number = survey.Questions.First(x => x.Type == QuestionType.Number);
        Guid foreignQuestionnaire, foreignQuestion;
        await using (var db = app.CreateDbContext())
        {
            var headquarters = await LabAsync("Headquarters for Change");
            var questionnaire = await db.Questionnaires.AsNoTracking().FirstAsync(q => q.LabId == headquarters);
            (foreignQuestionnaire, foreignQuestion) = (questionnaire.Id, questionnaire.Draft.Questions.First().Id);
        }

        var share = await AsPilot<IndicatorSourceService>(s => s.SourceFromQuestionAsync(lab, id, hours.Id, new QuestionSourceInput { QuestionnaireId = survey.Id, QuestionId = number.Id, Computation = AnswerComputation.ShareChoosing, Choice = "x" }));
        var foreign = await AsPilot<IndicatorSourceService>(s => s.SourceFromQuestionAsync(lab, id, hours.Id, new QuestionSourceInput { QuestionnaireId = foreignQuestionnaire, QuestionId = foreignQuestion, Computation = AnswerComputation.MeanOfNumber }));
        var sourced = await AsPilot<IndicatorSourceService>(s => s.SourceFromQuestionAsync(lab, id, hours.Id, new QuestionSourceInput { QuestionnaireId = survey.Id, QuestionId = number.Id, Computation = AnswerComputation.MeanOfNumber }));

        Assert.Contains(nameof(QuestionSourceInput.Computation), share.Errors!.Keys);
        Assert.Equal(SaveStatus.NotFound, foreign.Status);
        Assert.True(sourced.Succeeded, sourced.MessageKey);
        var source = (await app.AsAsync<IndicatorSourceService, HypothesisSourcing?>(Pilot, s => s.GetSourcingAsync(lab, id)))!.Indicators[hours.Id];
        Assert.Equal((IndicatorSource.Questionnaire, survey.Id, AnswerComputation.MeanOfNumber), (source.Source, source.QuestionnaireId, source.Computation));
        // The demo survey's three answers (120, 85 and 40 m²) are proposed as their mean.
        Assert.Equal(81.67m, source.Proposal!.Value);
    }

    [Fact]
    public async Task A_dismissed_platform_figure_is_not_proposed_again_until_the_figure_moves()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var view = (await ViewAsync(lab, id))!;
        Assert.True((await AsPilot<ImpactHypothesisService>(s => s.AddIndicatorAsync(lab, id, new IndicatorInput { Name = "Besoins relevés", Unit = IndicatorUnit.Count, BaselineValue = 0, BaselineDate = "2019-01-31" }, view.Version))).Succeeded);
        var needs = (await ViewAsync(lab, id))!.Indicators.Single(i => i.Name == "Besoins relevés").Id;
        Assert.True((await AsPilot<IndicatorSourceService>(s => s.SourceFromFigureAsync(lab, id, needs, new FigureSourceInput { Figure = PlatformFigure.NeedsRecorded, Unit = IndicatorUnit.Count }))).Succeeded);
        await using (var db = app.CreateDbContext())
        {
            db.DiagnosticNeeds.Add(new DiagnosticNeed(lab, "Des salles le soir", null, null, [], null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        async Task<ProposedMeasurement?> ProposalAsync() => (await app.AsAsync<IndicatorSourceService, HypothesisSourcing?>(Pilot, s => s.GetSourcingAsync(lab, id)))!.Indicators[needs].Proposal;
        var proposal = (await ProposalAsync())!;

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<IndicatorSourceService, SaveResult>(DemoAppFixture.Observer, s => s.DismissAsync(lab, id, needs, new ProposalSeen(proposal.Value, proposal.Through)))).Status);
        var dismissed = await AsPilot<IndicatorSourceService>(s => s.DismissAsync(lab, id, needs, new ProposalSeen(proposal.Value, proposal.Through)));

        Assert.True(dismissed.Succeeded, dismissed.MessageKey);
        Assert.Null(await ProposalAsync());
        await using (var db = app.CreateDbContext())
        {
            db.DiagnosticNeeds.Add(new DiagnosticNeed(lab, "Un informaticien partagé", null, null, [], null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.Measurements.CountAsync(m => m.IndicatorId == needs));
        }
        Assert.Equal(proposal.Value + 1, (await ProposalAsync())!.Value);
    }

    [Fact]
    public async Task The_lab_writes_its_own_catalogue_entries_copies_them_into_hypotheses_and_collects_them_with_its_own_question()
    {
        var (lab, id) = await DemoHypothesisAsync();
        var inCommon = await LabAsync("In Common");
        var created = await AsPilot<LabCatalogueService>(s => s.CreateAsync(lab, new LabEntryInput
        {
            Logic = MutualisationLogic.StrongProject, Objective = ImpactObjective.QuantitativeIncrease, Name = "Repas partagés entre occupants", Unit = IndicatorUnit.Count,
            Definition = "Les repas pris ensemble par des équipes de deux occupants au moins.", Question = "Combien de repas votre équipe a-t-elle partagés avec un autre occupant ce mois-ci ?",
        }));
        var adapted = await AsPilot<LabCatalogueService>(s => s.CopyBuiltInAsync(lab, "project.cross-publicity"));
        Assert.True(created.Succeeded, created.MessageKey);
        Assert.True(adapted.Succeeded, adapted.MessageKey);
        Assert.Equal(SaveStatus.Invalid, (await AsPilot<LabCatalogueService>(s => s.CreateAsync(lab, new LabEntryInput { Name = " " }))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<LabCatalogueService, SaveResult>(DemoAppFixture.Observer, s => s.CreateAsync(lab, new LabEntryInput { Name = "Non" }))).Status);

        var catalogue = (await app.AsAsync<CatalogueService, CatalogueView?>(Pilot, s => s.GetAsync(lab)))!;
        Assert.True(catalogue.MayEdit);
        // The demo lab comes with an adapted entry and one of its own.
        Assert.Contains(catalogue.LabEntries, e => e.Name == "Midis partagés entre occupants" && e.CopiedFrom is null);
        Assert.Contains(catalogue.LabEntries, e => e.Name == "Occupants qui relaient les soirées des autres" && e.CopiedFrom == "project.cross-publicity");
        var copy = catalogue.LabEntries.Single(e => e.Id == adapted.Id);
        Assert.Equal(("project.cross-publicity", "Membres qui relaient les activités des autres"), (copy.CopiedFrom, copy.Name));
        var revised = await AsPilot<LabCatalogueService>(s => s.ReviseAsync(lab, copy.Id, new LabEntryInput
        {
            Logic = copy.Input.Logic, Objective = copy.Input.Objective, Name = "Occupants qui relaient les soirées des autres", Unit = copy.Input.Unit, Direction = copy.Input.Direction,
        }, copy.Version));
        Assert.True(revised.Succeeded, revised.MessageKey);
        Assert.Equal(SaveStatus.Conflict, (await AsPilot<LabCatalogueService>(s => s.ReviseAsync(lab, copy.Id, copy.Input, copy.Version))).Status);
        Assert.Equal("Membres qui relaient les activités des autres", IndicatorCatalogue.Find("project.cross-publicity")!.Name.Fr);
        Assert.False((await app.AsAsync<CatalogueService, CatalogueView?>(DemoAppFixture.Observer, s => s.GetAsync(lab)))!.MayEdit);

        // Another lab neither sees nor reaches these entries.
        Assert.Empty((await app.AsAsync<CatalogueService, CatalogueView?>(DemoAppFixture.Coordination, s => s.GetAsync(inCommon)))!.LabEntries);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<LabCatalogueService, SaveResult>(DemoAppFixture.Coordination, s => s.ReviseAsync(inCommon, copy.Id, copy.Input, copy.Version))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<LabCatalogueService, SaveResult>(DemoAppFixture.Coordination, s => s.DeleteAsync(lab, copy.Id, copy.Version))).Status);

        var key = LabCatalogueEntry.KeyOf(created.Id!.Value);
        var copied = await AsPilot<CatalogueService>(s => s.CopyAsync(lab, new CopyEntryInput { EntryKey = key, Unit = IndicatorUnit.Count, HypothesisId = id, BaselineValue = 0, BaselineDate = "2019-01-31", TargetValue = 12, TargetDate = "2019-12-31" }));
        var fractional = await AsPilot<CatalogueService>(s => s.CopyAsync(lab, new CopyEntryInput { EntryKey = key, Unit = IndicatorUnit.Count, HypothesisId = id, BaselineValue = 0.5m, BaselineDate = "2019-01-31" }));
        Assert.True(copied.Succeeded, copied.MessageKey);
        Assert.Contains(nameof(CopyEntryInput.BaselineValue), fractional.Errors!.Keys);
        var meals = (await ViewAsync(lab, id))!.Indicators.Single(i => i.Name == "Repas partagés entre occupants");
        Assert.Equal((IndicatorUnit.Count, 12m), (meals.Unit, meals.TargetValue));

        var collected = await AsPilot<IndicatorSourceService>(s => s.CollectAsync(lab, id, meals.Id, new CollectInput { NewTitle = "Repas du mois" }));
        Assert.True(collected.Succeeded, collected.MessageKey);
        await using (var db = app.CreateDbContext())
        {
            var questionnaire = Assert.Single(await db.Questionnaires.AsNoTracking().Where(q => q.LabId == lab).ToListAsync(), q => q.Draft.Title.Fr == "Repas du mois");
            var question = Assert.Single(questionnaire.Draft.Questions);
            Assert.Equal((QuestionType.Number, "Combien de repas votre équipe a-t-elle partagés avec un autre occupant ce mois-ci ?"), (question.Type, question.Text.Fr));
        }

        // Deleting the entry leaves the indicator the hypothesis owns.
        var entry = (await app.AsAsync<CatalogueService, CatalogueView?>(Pilot, s => s.GetAsync(lab)))!.LabEntries.Single(e => e.Id == created.Id);
        Assert.True((await AsPilot<LabCatalogueService>(s => s.DeleteAsync(lab, entry.Id, entry.Version))).Succeeded);
        Assert.Contains((await ViewAsync(lab, id))!.Indicators, i => i.Id == meals.Id);
        Assert.Equal(SaveStatus.NotFound, (await AsPilot<CatalogueService>(s => s.CopyAsync(lab, new CopyEntryInput { EntryKey = key, Unit = IndicatorUnit.Count, HypothesisId = id, BaselineValue = 0, BaselineDate = "2019-01-31" }))).Status);
    }

    [Theory]
    [InlineData("fr", "Un nombre d'heures est positif ou nul.", "Une mesure ne peut pas précéder la situation de départ.", "Un autre indicateur de cette hypothèse porte déjà ce nom.")]
    [InlineData("nl", "Een aantal uren is positief of nul.", "Een meting kan niet vóór de beginsituatie liggen.", "Een andere indicator van deze hypothese heeft al deze naam.")]
    [InlineData("en", "A number of hours is zero or more.", "A measurement cannot come before the baseline.", "Another indicator of this hypothesis already has this name.")]
    public async Task Bad_input_comes_back_beside_its_field_in_the_users_language_and_nothing_is_half_saved(string language, string unit, string beforeBaseline, string nameTaken)
    {
        var (lab, id) = await DemoHypothesisAsync();
        var view = (await ViewAsync(lab, id))!;
        var hours = view.Indicators.Single(i => i.Unit == IndicatorUnit.Hours);
        CultureInfo.CurrentUICulture = new CultureInfo(language);

        // The form knows the unit and the baseline, so the validator answers; the domain answers the same beside the same field.
        var value = await AsPilot<ImpactHypothesisService>(s => s.RecordMeasurementAsync(lab, id, new MeasurementInput { IndicatorId = hours.Id, Unit = hours.Unit, Date = "2019-07-31", Value = -4 }, view.Version));
        var early = await AsPilot<ImpactHypothesisService>(s => s.RecordMeasurementAsync(lab, id, new MeasurementInput { IndicatorId = hours.Id, Unit = IndicatorUnit.Number, Date = "2018-12-31", Value = 41 }, view.Version));
        var target = await AsPilot<ImpactHypothesisService>(s => s.AddIndicatorAsync(lab, id, new IndicatorInput { Name = "Heures libérées", Unit = IndicatorUnit.Hours, BaselineValue = 1, BaselineDate = "2019-01-31", TargetValue = -2, TargetDate = "2019-12-31" }, view.Version));
        var taken = await AsPilot<ImpactHypothesisService>(s => s.AddIndicatorAsync(lab, id, new IndicatorInput { Name = hours.Name, Unit = IndicatorUnit.Count, BaselineValue = 1, BaselineDate = "2019-01-31" }, view.Version));

        Assert.Equal(unit, Assert.Single(value.Errors![nameof(MeasurementInput.Value)]));
        Assert.Equal(beforeBaseline, Assert.Single(early.Errors![nameof(MeasurementInput.Date)]));
        Assert.Equal(unit, Assert.Single(target.Errors![nameof(IndicatorInput.TargetValue)]));
        Assert.Equal(nameTaken, Assert.Single(taken.Errors![nameof(IndicatorInput.Name)]));
        await using var db = app.CreateDbContext();
        Assert.Equal(view.Indicators.Sum(i => i.Measurements.Count), await db.Measurements.CountAsync(m => view.Indicators.Select(i => i.Id).Contains(m.IndicatorId)));
        Assert.Equal(view.Version, (await ViewAsync(lab, id))!.Version);
    }
}
