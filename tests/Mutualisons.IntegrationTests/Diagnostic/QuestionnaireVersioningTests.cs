using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Features.Diagnostic.Answering;
using Mutualisons.Web.Features.Diagnostic.Needs;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Diagnostic.Sending;
using Mutualisons.Web.Features.Diagnostic.Results;

namespace Mutualisons.IntegrationTests.Diagnostic;

public sealed class QuestionnaireVersioningTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private static string TokenOf(string path) => path["/r/".Length..];

    private static KeyValuePair<string, StringValues>[] Form(params (string Name, string Value)[] fields) =>
        [.. fields.GroupBy(f => f.Name).Select(g => new KeyValuePair<string, StringValues>(g.Key, new StringValues([.. g.Select(f => f.Value)])))];

    private Task<RespondentService.Outcome> AnswerAsync(string token, int section, RespondentMove move, params (string, string)[] fields) =>
        app.AsAsync<RespondentService, RespondentService.Outcome>(null, s => s.AnswerInvitationAsync(token, section, move, Form(fields), "fr"));

    private Task<RespondentPage> OpenAsync(string token) =>
        app.AsAsync<RespondentService, RespondentPage>(null, s => s.OpenInvitationAsync(token));

    [Fact]
    public async Task Editing_a_published_questionnaire_makes_a_new_version_and_responses_keep_the_one_they_answered()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Versions");
        var links = await scenario.InviteAsync("BRAL", "Réseau Financité");
        var early = TokenOf(links["BRAL"]);
        var late = TokenOf(links["Réseau Financité"]);

        // BRAL starts on version 1.
        var saved = await AnswerAsync(early, 0, RespondentMove.Next, (AnswerFields.Name(scenario.Workshop.Id), "no"));
        Assert.True(saved.Redirect);

        // The facilitator rewords a question and publishes version 2.
        var editor = (await app.AsAsync<QuestionnaireService, QuestionnaireEditor?>(DiagnosticScenario.Facilitator, s => s.GetEditorAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        Assert.False(editor.HasUnpublishedChanges);
        editor.Draft.Sections[1].Questions[1].Text.Fr = "Une remarque pour finir ?";
        Assert.True((await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, s => s.SaveDraftAsync(scenario.LabId, scenario.QuestionnaireId, editor.Version, editor.Draft))).Succeeded);
        var republished = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.PublishAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync()));
        Assert.True(republished.Succeeded, republished.MessageKey);

        // Publishing again without change is refused.
        var again = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.PublishAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync()));
        Assert.Equal("Rule.Questionnaire.NothingToPublish", again.MessageKey);

        var bral = await OpenAsync(early);
        var financite = await OpenAsync(late);
        Assert.Equal("Un commentaire ?", bral.Content!.Sections[1].Questions[1].Text.Fr);
        Assert.Equal("Une remarque pour finir ?", financite.Content!.Sections[1].Questions[1].Text.Fr);

        await using var db = app.CreateDbContext();
        var versions = await db.QuestionnaireVersions.Where(v => v.QuestionnaireId == scenario.QuestionnaireId).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Un commentaire ?", versions[0].Content.Sections[1].Questions[1].Text.Fr);
        var response = await db.QuestionnaireResponses.SingleAsync(r => r.QuestionnaireId == scenario.QuestionnaireId);
        Assert.Equal(versions[0].Id, response.VersionId);
    }

    [Fact]
    public async Task Personal_links_are_long_random_tokens_stored_only_as_hashes()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Jetons");
        var links = await scenario.InviteAsync("BRAL", "Communa");
        var tokens = links.Values.Select(TokenOf).ToList();

        Assert.All(tokens, t => Assert.True(SecretToken.LooksValid(t)));
        Assert.NotEqual(tokens[0], tokens[1]);

        await using var db = app.CreateDbContext();
        var stored = await db.QuestionnaireInvitations.Where(i => i.QuestionnaireId == scenario.QuestionnaireId).ToListAsync();
        Assert.Equal(2, stored.Count);
        foreach (var token in tokens)
        {
            Assert.Contains(stored, i => i.TokenHash == SecretToken.HashOf(token));
            Assert.DoesNotContain(stored, i => i.TokenHash == token || i.TokenProtected.Contains(token, StringComparison.Ordinal) || i.Email == token);
        }
        // A second invitation of the same organisation does not create a second link.
        await scenario.InviteAsync("BRAL");
        Assert.Equal(2, await db.QuestionnaireInvitations.CountAsync(i => i.QuestionnaireId == scenario.QuestionnaireId));
    }

    [Fact]
    public async Task Unknown_malformed_and_revoked_links_all_lead_to_the_same_page_that_reveals_nothing()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Liens");
        var links = await scenario.InviteAsync("BRAL");
        var token = TokenOf(links["BRAL"]);
        Assert.Equal(RespondentOutcome.Answering, (await OpenAsync(token)).Outcome);

        Assert.Equal(RespondentOutcome.UnknownLink, (await OpenAsync("short")).Outcome);
        Assert.Equal(RespondentOutcome.UnknownLink, (await OpenAsync(SecretToken.New())).Outcome);
        Assert.Equal(RespondentOutcome.UnknownLink, (await OpenAsync(token[..^1] + "!")).Outcome);

        var sending = (await app.AsAsync<SendingService, QuestionnaireSending?>(DiagnosticScenario.Facilitator, s => s.GetSendingAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        var revoked = await app.AsAsync<SendingService, SaveResult>(DiagnosticScenario.Facilitator, s => s.RevokeAsync(scenario.LabId, scenario.QuestionnaireId, sending.Invitations.Single().Id));
        Assert.True(revoked.Succeeded);

        var page = await OpenAsync(token);
        Assert.Equal(RespondentOutcome.UnknownLink, page.Outcome);
        Assert.Null(page.Content);
        Assert.False((await AnswerAsync(token, 0, RespondentMove.Next, (AnswerFields.Name(scenario.Workshop.Id), "no"))).Redirect);
    }

    [Fact]
    public async Task Links_follow_the_opening_dates_and_a_closed_questionnaire_takes_no_more_answers()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Dates");
        var token = TokenOf((await scenario.InviteAsync("Communa"))["Communa"]);

        var future = DateTime.UtcNow.Date.AddDays(10);
        var scheduled = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.ScheduleAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync(), new ScheduleInput { OpensOn = future, ClosesOn = future.AddDays(5) }));
        Assert.True(scheduled.Succeeded);
        Assert.Equal(RespondentOutcome.NotOpenYet, (await OpenAsync(token)).Outcome);

        var backwards = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.ScheduleAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync(), new ScheduleInput { OpensOn = future, ClosesOn = future.AddDays(-1) }));
        Assert.Equal(SaveStatus.Invalid, backwards.Status);

        Assert.True((await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.ScheduleAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync(), new ScheduleInput()))).Succeeded);
        Assert.Equal(RespondentOutcome.Answering, (await OpenAsync(token)).Outcome);

        Assert.True((await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.CloseNowAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync()))).Succeeded);
        Assert.Equal(RespondentOutcome.Closed, (await OpenAsync(token)).Outcome);
        var refused = await AnswerAsync(token, 0, RespondentMove.Next, (AnswerFields.Name(scenario.Workshop.Id), "no"));
        Assert.Equal(RespondentOutcome.Closed, refused.Page!.Outcome);
        await using var db = app.CreateDbContext();
        Assert.False(await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
    }

    [Fact]
    public async Task Deleting_a_questionnaire_removes_its_versions_links_and_responses_and_a_stale_delete_is_refused()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("À supprimer");
        var token = TokenOf((await scenario.InviteAsync("BRAL"))["BRAL"]);
        Assert.True((await AnswerAsync(token, 0, RespondentMove.Next, (AnswerFields.Name(scenario.Workshop.Id), "no"))).Redirect);
        var stale = await scenario.VersionAsync();
        Assert.True((await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.CloseNowAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync()))).Succeeded);

        Assert.Equal(SaveStatus.Conflict, (await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, s => s.DeleteAsync(scenario.LabId, scenario.QuestionnaireId, stale))).Status);
        var deleted = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.DeleteAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync()));

        Assert.True(deleted.Succeeded, deleted.MessageKey);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Questionnaires.AnyAsync(q => q.Id == scenario.QuestionnaireId));
        Assert.False(await db.QuestionnaireVersions.AnyAsync(v => v.QuestionnaireId == scenario.QuestionnaireId));
        Assert.False(await db.QuestionnaireInvitations.AnyAsync(i => i.QuestionnaireId == scenario.QuestionnaireId));
        Assert.False(await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.SubjectId == scenario.QuestionnaireId && a.Action == Domain.Audit.AuditAction.Deleted));
        Assert.Equal(RespondentOutcome.UnknownLink, (await OpenAsync(token)).Outcome);
    }

    [Fact]
    public async Task A_need_or_resource_without_its_text_is_refused_beside_the_field_and_nothing_is_saved()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
        var needsBefore = await db.DiagnosticNeeds.CountAsync(n => n.LabId == lab);
        var resourcesBefore = await db.CandidateResources.CountAsync(r => r.LabId == lab);

        var need = await app.AsAsync<NeedsService, SaveResult>(DiagnosticScenario.Facilitator, s => s.AddNeedAsync(lab, new NeedInput { Text = "  " }));
        var resource = await app.AsAsync<NeedsService, SaveResult>(DiagnosticScenario.Facilitator, s => s.AddResourceAsync(lab, new ResourceInput { Name = "", Description = new string('x', 4001) }));

        Assert.Equal(SaveStatus.Invalid, need.Status);
        Assert.Equal("Décrivez le besoin.", Assert.Single(need.Errors![nameof(NeedInput.Text)]));
        Assert.Equal(SaveStatus.Invalid, resource.Status);
        Assert.Equal("Nommez la ressource.", Assert.Single(resource.Errors![nameof(ResourceInput.Name)]));
        Assert.Contains(nameof(ResourceInput.Description), resource.Errors!.Keys);
        Assert.Equal(needsBefore, await db.DiagnosticNeeds.CountAsync(n => n.LabId == lab));
        Assert.Equal(resourcesBefore, await db.CandidateResources.CountAsync(r => r.LabId == lab));
    }

    [Fact]
    public async Task A_draft_has_no_working_link_and_cannot_be_sent()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
        var created = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, s => s.CreateAsync(lab, new NewQuestionnaireInput { Title = "Brouillon", Template = QuestionnaireTemplates.General }));
        var communa = await db.Organisations.Where(o => o.Name == "Communa").Select(o => o.Id).SingleAsync();

        var invite = await app.AsAsync<SendingService, SaveResult>(DiagnosticScenario.Facilitator, s => s.InviteAsync(lab, created.Id!.Value, [communa], new Uri("http://localhost/")));

        Assert.Equal("Rule.Questionnaire.NotPublished", invite.MessageKey);
        var draft = await db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == created.Id);
        Assert.Equal(QuestionnaireState.Draft, draft.StateAt(DateTimeOffset.UtcNow));
        Assert.Contains(draft.Draft.Questions, q => q.Condition is not null);
        Assert.Equal("Brouillon", draft.Draft.Title.Fr);
    }

    [Fact]
    public async Task Invalid_drafts_are_refused_field_by_field_and_nothing_is_saved()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Validation");
        var editor = (await app.AsAsync<QuestionnaireService, QuestionnaireEditor?>(DiagnosticScenario.Facilitator, s => s.GetEditorAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        editor.Draft.Sections[1].Questions[0].Options.RemoveAt(1);
        editor.Draft.Sections[0].Questions[2].Text.Fr = string.Empty;

        var result = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, s => s.SaveDraftAsync(scenario.LabId, scenario.QuestionnaireId, editor.Version, editor.Draft));

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains("Sections[1].Questions[0].Options.Count", result.Errors!.Keys);
        Assert.Contains("Sections[0].Questions[2].Text.Fr", result.Errors!.Keys);
        await using var db = app.CreateDbContext();
        var stored = await db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == scenario.QuestionnaireId);
        Assert.Equal(2, stored.Draft.Sections[1].Questions[0].Options.Count);
        Assert.False(stored.HasUnpublishedChanges);

        // A condition pointing forward is a rule of the method, refused as such.
        var forward = (await app.AsAsync<QuestionnaireService, QuestionnaireEditor?>(DiagnosticScenario.Facilitator, s => s.GetEditorAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        forward.Draft.Sections[0].Questions[0].Condition = new DisplayCondition { QuestionId = scenario.Needs.Id, Values = [scenario.Needs.Options[0].Key] };
        var refused = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, s => s.SaveDraftAsync(scenario.LabId, scenario.QuestionnaireId, forward.Version, forward.Draft));
        Assert.Equal("Rule.Questionnaire.ConditionInvalid", refused.MessageKey);
    }

    [Fact]
    public async Task People_of_another_lab_see_and_change_nothing_of_a_questionnaire()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Cloisons");
        // The facilitator of Bota 75 has no role in Headquarters for Change; the pilot of Bota 75 neither.
        foreach (var outsider in new[] { DemoAppFixture.Facilitator, DemoAppFixture.Pilot, DemoAppFixture.Participant })
        {
            Assert.Null(await app.AsAsync<QuestionnaireService, QuestionnaireList?>(outsider, s => s.ListAsync(scenario.LabId)));
            Assert.Null(await app.AsAsync<QuestionnaireService, QuestionnaireEditor?>(outsider, s => s.GetEditorAsync(scenario.LabId, scenario.QuestionnaireId)));
            Assert.Null(await app.AsAsync<SendingService, QuestionnaireSending?>(outsider, s => s.GetSendingAsync(scenario.LabId, scenario.QuestionnaireId)));
            Assert.Null(await app.AsAsync<ResultsService, QuestionnaireResults?>(outsider, s => s.GetAsync(scenario.LabId, scenario.QuestionnaireId, new ResultsFilter())));
            Assert.Null(await app.AsAsync<NeedsService, DiagnosticOutputs?>(outsider, s => s.GetAsync(scenario.LabId)));
            var version = await scenario.VersionAsync();
            Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<QuestionnaireService, SaveResult>(outsider, s => s.PublishAsync(scenario.LabId, scenario.QuestionnaireId, version))).Status);
            Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<QuestionnaireService, SaveResult>(outsider, s => s.CloseNowAsync(scenario.LabId, scenario.QuestionnaireId, version))).Status);
            Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<QuestionnaireService, SaveResult>(outsider, s => s.DeleteAsync(scenario.LabId, scenario.QuestionnaireId, version))).Status);
            Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<NeedsService, SaveResult>(outsider, s => s.AddNeedAsync(scenario.LabId, new NeedInput { Text = "Intrusion" }))).Status);
        }
        // A questionnaire id under a lab where one has rights still answers "not found".
        await using var db = app.CreateDbContext();
        var bota = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        Assert.Null(await app.AsAsync<QuestionnaireService, QuestionnaireEditor?>(DemoAppFixture.Facilitator, s => s.GetEditorAsync(bota, scenario.QuestionnaireId)));
        Assert.Null(await app.AsAsync<ResultsService, QuestionnaireResults?>(DemoAppFixture.Facilitator, s => s.GetAsync(bota, scenario.QuestionnaireId, new ResultsFilter())));
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<QuestionnaireService, SaveResult>(DemoAppFixture.Facilitator, async s => await s.PublishAsync(bota, scenario.QuestionnaireId, await scenario.VersionAsync()))).Status);
        // An observer of the lab reads the list but neither the answers nor the editor.
        Assert.NotNull(await app.AsAsync<QuestionnaireService, QuestionnaireList?>(DemoAppFixture.Facilitator, s => s.ListAsync(bota)));
    }

    [Fact]
    public async Task Results_count_choices_in_the_database_and_needs_cite_their_responses()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Résultats");
        var links = await scenario.InviteAsync("BRAL", "Réseau Financité", "Communa");
        var rooms = scenario.Needs.Options[0].Key;
        var offices = scenario.Needs.Options[1].Key;
        (string Org, string Workshop, string Staff, string[] Needs)[] answers =
        [
            ("BRAL", "yes", "12", [rooms, offices]),
            ("Réseau Financité", "no", "4", [rooms]),
            ("Communa", "no", "30,5", [rooms, "other"]),
        ];
        foreach (var (org, workshop, staffCount, picked) in answers)
        {
            var token = TokenOf(links[org]);
            var first = await AnswerAsync(token, 0, RespondentMove.Next,
                (AnswerFields.Name(scenario.Workshop.Id), workshop), (AnswerFields.Name(scenario.Availability.Id), "le mardi"), (AnswerFields.Name(scenario.Staff.Id), staffCount));
            Assert.True(first.Redirect, string.Join(",", first.Page?.Errors?.Values ?? []));
            var second = await AnswerAsync(token, 1, RespondentMove.Submit,
                [.. picked.Select(n => (AnswerFields.Name(scenario.Needs.Id), n)), (AnswerFields.Other(scenario.Needs.Id), "=cmd|' /C calc'!A0"), (AnswerFields.Name(scenario.Comment.Id), $"Commentaire de {org}")]);
            Assert.True(second.Redirect);
        }

        var results = (await app.AsAsync<ResultsService, QuestionnaireResults?>(DiagnosticScenario.Facilitator, s => s.GetAsync(scenario.LabId, scenario.QuestionnaireId, new ResultsFilter())))!;
        Assert.Equal(3, results.Submitted);
        var needs = results.Questions.Single(q => q.Question.Id == scenario.Needs.Id);
        Assert.Equal(3, needs.Answered);
        Assert.Equal(3, needs.Choices.Single(c => c.Choice == rooms).Count);
        Assert.Equal(100, needs.Choices.Single(c => c.Choice == rooms).Percent, 3);
        Assert.Equal(1, needs.Choices.Single(c => c.Choice == offices).Count);
        Assert.Equal(1, needs.Choices.Single(c => c.Choice == "other").Count);
        var staff = results.Questions.Single(q => q.Question.Id == scenario.Staff.Id).Numbers!;
        Assert.Equal(4m, staff.Minimum);
        Assert.Equal(30.5m, staff.Maximum);
        // The availability was typed by everyone, but only BRAL saw the question: the others' answer was dropped.
        Assert.Equal(1, results.Questions.Single(q => q.Question.Id == scenario.Availability.Id).Answered);

        var filtered = (await app.AsAsync<ResultsService, QuestionnaireResults?>(DiagnosticScenario.Facilitator, s => s.GetAsync(scenario.LabId, scenario.QuestionnaireId, new ResultsFilter(Kind: Domain.Organisations.OrganisationKind.Association))))!;
        Assert.Equal(3, filtered.Submitted);
        var networks = (await app.AsAsync<ResultsService, QuestionnaireResults?>(DiagnosticScenario.Facilitator, s => s.GetAsync(scenario.LabId, scenario.QuestionnaireId, new ResultsFilter(Kind: Domain.Organisations.OrganisationKind.Network))))!;
        Assert.Equal(0, networks.Submitted);

        var texts = (await app.AsAsync<ResultsService, TextAnswers?>(DiagnosticScenario.Facilitator, s => s.GetTextsAsync(scenario.LabId, scenario.QuestionnaireId, results.VersionId!.Value, scenario.Comment.Id, new ResultsFilter(), "financit")))!;
        Assert.Equal("Commentaire de Réseau Financité", Assert.Single(texts.Items).Text);

        var responses = (await app.AsAsync<ResultsService, ResponseList?>(DiagnosticScenario.Facilitator, s => s.ListResponsesAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        var bral = responses.Items.Single(r => r.Organisation == "BRAL");
        var need = await app.AsAsync<NeedsService, SaveResult>(DiagnosticScenario.Facilitator, s => s.AddNeedAsync(scenario.LabId, new NeedInput { Text = "Des salles partagées", ResourceKind = Domain.Labs.ResourceKind.Place, Impact = Domain.Labs.ImpactObjective.Optimisation, Sources = [bral.Id, Guid.NewGuid()] }));
        Assert.True(need.Succeeded);
        var outputs = (await app.AsAsync<NeedsService, DiagnosticOutputs?>(DiagnosticScenario.Facilitator, s => s.GetAsync(scenario.LabId)))!;
        var recorded = outputs.Needs.Single(n => n.Text == "Des salles partagées");
        Assert.Equal("BRAL", Assert.Single(recorded.Sources).Label);

        // Exports: one row per response, stable headers, formula cells neutralised.
        var layout = (await app.AsAsync<ResultsService, (ResponseTable Table, string Title, Guid VersionId)?>(DiagnosticScenario.Facilitator, s => s.ExportLayoutAsync(scenario.LabId, scenario.QuestionnaireId, null, "fr")))!.Value;
        var rows = await app.AsAsync<ResultsService, List<ExportedResponse>>(DiagnosticScenario.Facilitator, async s =>
        {
            var list = new List<ExportedResponse>();
            await foreach (var r in s.StreamResponsesAsync(layout.VersionId, new ResultsFilter()))
            {
                list.Add(r);
            }
            return list;
        });
        Assert.Equal(3, rows.Count);
        Assert.Contains("Q4. De quoi avez-vous besoin ? — Salles de réunion", layout.Table.Headers);
        var communaRow = layout.Table.Row(rows.Single(r => r.Organisation == "Communa"));
        Assert.Equal(layout.Table.Headers.Count, communaRow.Count);
        using var output = new StringWriter();
        await new CsvWriter(output, CsvFormat.For("fr")).WriteRowAsync(communaRow);
        var line = output.ToString();
        Assert.Contains("'=cmd", line, StringComparison.Ordinal);
        // A French export: semicolons between cells, a decimal comma in numbers.
        Assert.Contains(";30,5;", line, StringComparison.Ordinal);
    }
}
