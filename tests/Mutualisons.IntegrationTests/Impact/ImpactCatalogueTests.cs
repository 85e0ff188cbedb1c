using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Catalogue;
using Mutualisons.Web.Features.Impact.Sources;

namespace Mutualisons.IntegrationTests.Impact;

/// <summary>The loop catalogue → question → answers → proposed measurement → confirmed, its refusals, and the exports, on a real database.</summary>
public sealed class ImpactCatalogueTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
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

    private Task<HypothesisSourcing?> SourcingAsync(Guid lab, Guid hypothesis, string who = Pilot) =>
        app.AsAsync<IndicatorSourceService, HypothesisSourcing?>(who, s => s.GetSourcingAsync(lab, hypothesis));

    /// <summary>A hypothesis of SAW-B with the catalogue's "shared positions" indicator (a share of "yes").</summary>
    private async Task<(Guid Lab, Guid Hypothesis, Guid Indicator)> CatalogueIndicatorAsync()
    {
        var lab = await LabAsync();
        var sawb = await OrganisationAsync("SAW-B");
        var created = await app.AsAsync<ImpactHypothesisService, SaveResult>(Pilot, s => s.CreateHypothesisAsync(lab, new HypothesisInput { OrganisationId = sawb, Statement = "Porter des positions communes donne du poids à chacun" }));
        Assert.True(created.Succeeded, created.MessageKey);
        var hypothesis = created.Id!.Value;
        var copied = await app.AsAsync<CatalogueService, SaveResult>(Pilot, s => s.CopyAsync(lab, new CopyEntryInput { EntryKey = "strategic.shared-positions", HypothesisId = hypothesis, BaselineValue = 20, BaselineDate = "2026-01-01", TargetValue = 80, TargetDate = "2026-12-31" }));
        Assert.True(copied.Succeeded, copied.MessageKey);
        await using var db = app.CreateDbContext();
        var indicator = await db.Indicators.Where(i => i.HypothesisId == hypothesis).SingleAsync();
        Assert.Equal(("strategic.shared-positions", IndicatorUnit.Percentage, IndicatorSource.RecordedByHand), (indicator.CatalogueKey, indicator.Unit, indicator.Source));
        return (lab, hypothesis, indicator.Id);
    }

    /// <summary>Submitted (or only started) responses to the questionnaire's current version, answering one question.</summary>
    private async Task AnswerAsync(Guid questionnaireId, Guid questionId, params (string Value, bool Submitted)[] answers)
    {
        await using var db = app.CreateDbContext();
        var questionnaire = await db.Questionnaires.SingleAsync(q => q.Id == questionnaireId);
        var version = await db.QuestionnaireVersions.SingleAsync(v => v.Id == questionnaire.CurrentVersionId);
        var at = DateTimeOffset.UtcNow.AddMinutes(-answers.Length);
        foreach (var (value, submitted) in answers)
        {
            at = at.AddSeconds(30);
            var response = QuestionnaireResponse.Start(questionnaireId, version.Id, null, null, null, "fr", at);
            Assert.Empty(response.SaveSection(version.Content, 0, new Dictionary<Guid, SubmittedAnswer> { [questionId] = new([value]) }, "fr", at));
            if (submitted)
            {
                Assert.Null(response.Submit(version.Content, at));
            }
            db.QuestionnaireResponses.Add(response);
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_catalogue_indicator_collected_by_questionnaire_is_proposed_from_the_answers_and_confirmed_as_a_measurement()
    {
        var (lab, hypothesis, indicator) = await CatalogueIndicatorAsync();

        var collected = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.CollectAsync(lab, hypothesis, indicator, new CollectInput { NewTitle = "Positions communes 2026" }));

        Assert.True(collected.Succeeded, collected.MessageKey);
        Guid questionnaireId, questionId;
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Indicators.SingleAsync(i => i.Id == indicator);
            Assert.Equal((IndicatorSource.Questionnaire, AnswerComputation.ShareChoosing, QuestionDefinition.Yes), (stored.Source, stored.Computation, stored.Choice));
            var questionnaire = await db.Questionnaires.SingleAsync(q => q.Id == stored.QuestionnaireId);
            Assert.Equal((lab, "Positions communes 2026"), (questionnaire.LabId, questionnaire.Draft.Title.Fr));
            var question = Assert.Single(questionnaire.Draft.Questions);
            Assert.Equal((QuestionType.YesNo, stored.QuestionId), (question.Type, (Guid?)question.Id));
            (questionnaireId, questionId) = (questionnaire.Id, question.Id);
        }
        var published = await app.AsAsync<QuestionnaireService, SaveResult>(Pilot, async s =>
        {
            await using var db = app.CreateDbContext();
            return await s.PublishAsync(lab, questionnaireId, await db.Questionnaires.Where(q => q.Id == questionnaireId).Select(q => q.Version).SingleAsync());
        });
        Assert.True(published.Succeeded, published.MessageKey);
        Assert.Null((await SourcingAsync(lab, hypothesis))!.Indicators[indicator].Proposal);

        // Two of three submitted responses say yes; a response still in progress does not count.
        await AnswerAsync(questionnaireId, questionId, ("yes", true), ("no", true), ("yes", true), ("yes", false));
        var sourcing = (await SourcingAsync(lab, hypothesis))!;
        var proposal = sourcing.Indicators[indicator].Proposal!;
        Assert.Equal((66.67m, 3), (proposal.Value, proposal.Respondents));
        Assert.Contains("Positions communes 2026", sourcing.Indicators[indicator].QuestionnaireTitle, StringComparison.Ordinal);

        // Reading is not confirming: an observer may not.
        var byObserver = await app.AsAsync<IndicatorSourceService, SaveResult>(DemoAppFixture.Observer, s => s.ConfirmAsync(lab, hypothesis, indicator, new ProposalSeen(proposal.Value, proposal.Through)));
        Assert.Equal(SaveStatus.Forbidden, byObserver.Status);

        var confirmed = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.ConfirmAsync(lab, hypothesis, indicator, new ProposalSeen(proposal.Value, proposal.Through)));

        Assert.True(confirmed.Succeeded, confirmed.MessageKey);
        var view = (await app.AsAsync<ImpactHypothesisService, HypothesisView?>(Pilot, s => s.GetHypothesisAsync(lab, hypothesis)))!;
        var measurement = Assert.Single(view.Indicators.Single(i => i.Id == indicator).Measurements);
        Assert.Equal((66.67m, "Pieter (groupe pilote)"), (measurement.Value, measurement.By));
        Assert.Equal(HypothesisStatus.BeingMeasured, view.Status);
        Assert.Null((await SourcingAsync(lab, hypothesis))!.Indicators[indicator].Proposal);
        Assert.Equal(SaveStatus.Refused, (await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.ConfirmAsync(lab, hypothesis, indicator, new ProposalSeen(proposal.Value, proposal.Through)))).Status);

        // A later response makes a new proposal; dismissed, it does not come back, and nothing is measured.
        await AnswerAsync(questionnaireId, questionId, ("yes", true));
        var next = (await SourcingAsync(lab, hypothesis))!.Indicators[indicator].Proposal!;
        Assert.Equal(75m, next.Value);
        Assert.True((await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.DismissAsync(lab, hypothesis, indicator, new ProposalSeen(next.Value, next.Through)))).Succeeded);
        Assert.Null((await SourcingAsync(lab, hypothesis))!.Indicators[indicator].Proposal);
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Measurements.CountAsync(m => m.IndicatorId == indicator));
    }

    [Fact]
    public async Task Another_labs_questionnaire_is_not_found_a_published_one_is_refused_beside_its_field_and_nothing_is_half_saved()
    {
        var (lab, hypothesis, indicator) = await CatalogueIndicatorAsync();
        var headquarters = await LabAsync("Headquarters for Change");
        Guid foreign, published;
        int foreignQuestions;
        await using (var db = app.CreateDbContext())
        {
            var other = await db.Questionnaires.Where(q => q.LabId == headquarters).FirstAsync();
            (foreign, foreignQuestions) = (other.Id, other.Draft.Questions.Count());
            var mine = new Questionnaire(lab, new QuestionnaireContent
            {
                Title = new LocalizedText("Déjà envoyé", "Al verstuurd", "Already sent"),
                Sections = [new SectionDefinition { Title = new LocalizedText("Partie", "Deel", "Part"), Questions = [new QuestionDefinition { Type = QuestionType.YesNo, Text = new LocalizedText("Oui ?", "Ja?", "Yes?") }] }],
            }, null, DateTimeOffset.UtcNow);
            db.QuestionnaireVersions.Add(mine.Publish(null, DateTimeOffset.UtcNow));
            db.Questionnaires.Add(mine);
            await db.SaveChangesAsync();
            published = mine.Id;
        }
        var questionnairesBefore = await CountAsync(db => db.Questionnaires.CountAsync());

        var crossLab = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.CollectAsync(lab, hypothesis, indicator, new CollectInput { QuestionnaireId = foreign }));
        var intoPublished = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.CollectAsync(lab, hypothesis, indicator, new CollectInput { QuestionnaireId = published }));
        var sourceCrossLab = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.SourceFromQuestionAsync(lab, hypothesis, indicator, new QuestionSourceInput { QuestionnaireId = foreign, QuestionId = Guid.NewGuid(), Computation = AnswerComputation.ShareChoosing, Choice = "yes" }));
        var hypothesisOfAnotherLab = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.CollectAsync(headquarters, hypothesis, indicator, new CollectInput { NewTitle = "Ailleurs" }));
        var untitled = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.CollectAsync(lab, hypothesis, indicator, new CollectInput { NewTitle = " " }));

        Assert.Equal(SaveStatus.NotFound, crossLab.Status);
        Assert.Equal(SaveStatus.Invalid, intoPublished.Status);
        Assert.Contains(nameof(CollectInput.QuestionnaireId), intoPublished.Errors!.Keys);
        Assert.Equal(SaveStatus.NotFound, sourceCrossLab.Status);
        Assert.Equal(SaveStatus.NotFound, hypothesisOfAnotherLab.Status);
        Assert.Equal(SaveStatus.Invalid, untitled.Status);
        Assert.Contains(nameof(CollectInput.NewTitle), untitled.Errors!.Keys);
        await using var after = app.CreateDbContext();
        Assert.Equal(questionnairesBefore, await after.Questionnaires.CountAsync());
        Assert.Equal(foreignQuestions, (await after.Questionnaires.SingleAsync(q => q.Id == foreign)).Draft.Questions.Count());
        Assert.Single((await after.Questionnaires.SingleAsync(q => q.Id == published)).Draft.Questions);
        Assert.Equal(IndicatorSource.RecordedByHand, (await after.Indicators.SingleAsync(i => i.Id == indicator)).Source);
    }

    [Fact]
    public async Task A_platform_figure_proposes_the_count_of_needs_recorded()
    {
        var (lab, hypothesis, _) = await CatalogueIndicatorAsync();
        var view = (await app.AsAsync<ImpactHypothesisService, HypothesisView?>(Pilot, s => s.GetHypothesisAsync(lab, hypothesis)))!;
        Assert.True((await app.AsAsync<ImpactHypothesisService, SaveResult>(Pilot, s => s.AddIndicatorAsync(lab, hypothesis, new IndicatorInput { Name = "Besoins relevés", Unit = IndicatorUnit.Count, BaselineValue = 0, BaselineDate = "2026-01-01" }, view.Version))).Succeeded);
        Guid needs;
        int before;
        await using (var db = app.CreateDbContext())
        {
            needs = await db.Indicators.Where(i => i.HypothesisId == hypothesis && i.Name == "Besoins relevés").Select(i => i.Id).SingleAsync();
            // The demo lab may already hold needs (cycle 4's experiments answer some): two more are recorded here.
            before = await db.DiagnosticNeeds.CountAsync(n => n.LabId == lab);
            db.DiagnosticNeeds.Add(new DiagnosticNeed(lab, "Des salles le soir", null, null, [], null, DateTimeOffset.UtcNow));
            db.DiagnosticNeeds.Add(new DiagnosticNeed(lab, "Un informaticien partagé", null, null, [], null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var wrongUnit = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.SourceFromFigureAsync(lab, hypothesis, needs, new FigureSourceInput { Figure = PlatformFigure.ShareOfStakeholdersAtOrAboveLevel, Unit = IndicatorUnit.Count }));
        var sourced = await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.SourceFromFigureAsync(lab, hypothesis, needs, new FigureSourceInput { Figure = PlatformFigure.NeedsRecorded, Unit = IndicatorUnit.Count }));

        Assert.Equal(SaveStatus.Invalid, wrongUnit.Status);
        Assert.True(sourced.Succeeded, sourced.MessageKey);
        var proposal = (await SourcingAsync(lab, hypothesis))!.Indicators[needs].Proposal!;
        Assert.Equal(before + 2m, proposal.Value);
        Assert.True((await app.AsAsync<IndicatorSourceService, SaveResult>(Pilot, s => s.ConfirmAsync(lab, hypothesis, needs, new ProposalSeen(proposal.Value, proposal.Through)))).Succeeded);
        // The latest measurement says the same: nothing new to propose.
        Assert.Null((await SourcingAsync(lab, hypothesis))!.Indicators[needs].Proposal);
    }

    [Fact]
    public async Task The_demo_lab_shows_the_shared_area_collected_by_questionnaire_as_a_proposed_measurement()
    {
        var lab = await LabAsync();
        Guid hypothesis;
        await using (var db = app.CreateDbContext())
        {
            hypothesis = await db.ImpactHypotheses.Where(h => h.LabId == lab).Select(h => h.Id).SingleAsync();
        }

        var sourcing = (await SourcingAsync(lab, hypothesis, DemoAppFixture.Observer))!;

        var area = Assert.Single(sourcing.Indicators.Values, i => i.Source == IndicatorSource.Questionnaire);
        Assert.Equal((245m, 3), (area.Proposal!.Value, area.Proposal.Respondents));
        Assert.False(sourcing.MayConfirm);
    }

    [Fact]
    public async Task The_jsonld_export_reads_back_as_the_common_impact_data_standard_and_stays_in_its_lab()
    {
        var lab = await LabAsync();
        var path = $"/labs/{lab}/impact/export.jsonld";

        using var outsider = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        using var observer = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Observer, AppFixture.DemoPassword);
        var response = await observer.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = document.RootElement;
        Assert.Equal("https://ontology.commonapproach.org/cids#", root.GetProperty("@context").GetProperty("cids").GetString());
        var graph = root.GetProperty("@graph").EnumerateArray().ToList();
        JsonElement Node(string id) => graph.Single(n => n.GetProperty("@id").GetString() == id);
        string Id(JsonElement reference) => reference.GetProperty("@id").GetString()!;
        string Value(JsonElement measure) => measure.GetProperty("i72:hasNumericalValue").GetProperty("@value").GetString()!;

        // Every node carries what the basic tier's shapes require exactly once, under the standard's own terms.
        var required = new Dictionary<string, string[]>
        {
            ["cids:Organization"] = ["org:hasLegalName"],
            ["cids:Outcome"] = ["org:hasName", "cids:hasDescription", "cids:forOrganization"],
            ["cids:Indicator"] = ["org:hasName", "cids:hasDescription", "cids:unitDescription", "cids:forOrganization"],
            ["cids:IndicatorReport"] = ["org:hasName", "i72:value", "prov:startedAtTime", "prov:endedAtTime", "cids:forOrganization", "cids:forIndicator"],
        };
        Assert.Equal(required.Keys.Order(), graph.Select(n => n.GetProperty("@type").GetString()!).Distinct().Order());
        Assert.All(graph, node => Assert.All(required[node.GetProperty("@type").GetString()!], term =>
            Assert.True(node.TryGetProperty(term, out var value) && value.ValueKind != JsonValueKind.Array && (value.ValueKind != JsonValueKind.String || value.GetString()!.Length > 0), term)));
        var prefixes = root.GetProperty("@context").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(graph.SelectMany(n => n.EnumerateObject()).Select(p => p.Name).Where(n => !n.StartsWith('@')), term => Assert.Contains(term.Split(':')[0], prefixes));

        var financite = graph.Single(n => n.GetProperty("@type").GetString() == "cids:Organization" && n.GetProperty("org:hasLegalName").GetString() == "Réseau Financité");
        var outcome = Node(Id(Assert.Single(financite.GetProperty("cids:hasOutcome").EnumerateArray())));
        Assert.Equal("cids:Outcome", outcome.GetProperty("@type").GetString());
        Assert.StartsWith("Partager les salles de réunion du Bota 75", outcome.GetProperty("org:hasName").GetString(), StringComparison.Ordinal);
        Assert.Equal(financite.GetProperty("@id").GetString(), Id(outcome.GetProperty("cids:forOrganization")));

        var indicators = outcome.GetProperty("cids:hasIndicator").EnumerateArray().Select(r => Node(Id(r))).ToList();
        Assert.Equal(3, indicators.Count);
        Assert.All(indicators, i => Assert.Equal("cids:Indicator", i.GetProperty("@type").GetString()));
        var rent = indicators.Single(i => i.GetProperty("org:hasName").GetString() == "Frais de location de salles par mois");
        Assert.Equal(("1800", "600"), (Value(rent.GetProperty("cids:hasBaseline")), Value(rent.GetProperty("cids:hasThreshold"))));
        var reports = rent.GetProperty("cids:hasIndicatorReport").EnumerateArray().Select(r => Node(Id(r))).ToList();
        Assert.Equal(["1650", "1400", "1150", "900", "850"], reports.Select(r => Value(r.GetProperty("i72:value"))));
        Assert.All(reports, r =>
        {
            Assert.Equal("cids:IndicatorReport", r.GetProperty("@type").GetString());
            Assert.Equal(rent.GetProperty("@id").GetString(), Id(r.GetProperty("cids:forIndicator")));
        });
        Assert.Equal(("2019-02-28T00:00:00", "xsd:dateTime"), (reports[0].GetProperty("prov:startedAtTime").GetProperty("@value").GetString(), reports[0].GetProperty("prov:startedAtTime").GetProperty("@type").GetString()));
        Assert.Equal("xsd:decimal", reports[0].GetProperty("i72:value").GetProperty("i72:hasNumericalValue").GetProperty("@type").GetString());

        var csv = await (await observer.GetAsync(new Uri($"/labs/{lab}/impact/export.csv?lang=fr", UriKind.Relative))).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Organisation;Hypothèse;Statut;Indicateur", lines[0], StringComparison.Ordinal);
        // Ten measurements, and the shared area not measured yet.
        Assert.Equal(1 + 10 + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains("Frais de location de salles par mois", StringComparison.Ordinal) && l.Contains(";1650;", StringComparison.Ordinal));
    }

    private async Task<int> CountAsync(Func<Infrastructure.Persistence.MutualisonsDbContext, Task<int>> count)
    {
        await using var db = app.CreateDbContext();
        return await count(db);
    }
}
