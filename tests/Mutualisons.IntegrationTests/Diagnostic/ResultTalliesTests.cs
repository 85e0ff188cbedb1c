using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Mutualisons.Domain.Organisations;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Answering;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Diagnostic.Results;

namespace Mutualisons.IntegrationTests.Diagnostic;

/// <summary>
/// The unfiltered results come from running totals plus the responses submitted since; they must always equal
/// what counting every answer gives (the filtered results still count answers, so they serve as the reference).
/// </summary>
public sealed class ResultTalliesTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private static KeyValuePair<string, StringValues>[] Form(params (string Name, string Value)[] fields) =>
        [.. fields.GroupBy(f => f.Name).Select(g => new KeyValuePair<string, StringValues>(g.Key, new StringValues([.. g.Select(f => f.Value)])))];

    private async Task SubmitAsync(DiagnosticScenario scenario, string link, string workshop, string staff, params string[] needs)
    {
        var token = link["/r/".Length..];
        var first = await app.AsAsync<RespondentService, RespondentService.Outcome>(null, s => s.AnswerInvitationAsync(token, 0, RespondentMove.Next,
            Form((AnswerFields.Name(scenario.Workshop.Id), workshop), (AnswerFields.Name(scenario.Availability.Id), "le jeudi"), (AnswerFields.Name(scenario.Staff.Id), staff)), "fr"));
        Assert.True(first.Redirect);
        var second = await app.AsAsync<RespondentService, RespondentService.Outcome>(null, s => s.AnswerInvitationAsync(token, 1, RespondentMove.Submit,
            Form([.. needs.Select(n => (AnswerFields.Name(scenario.Needs.Id), n)), (AnswerFields.Name(scenario.Comment.Id), "Merci")]), "fr"));
        Assert.True(second.Redirect);
    }

    private Task<QuestionnaireResults> ResultsAsync(DiagnosticScenario scenario, ResultsFilter filter) =>
        app.AsAsync<ResultsService, QuestionnaireResults>(DiagnosticScenario.Facilitator, async s => (await s.GetAsync(scenario.LabId, scenario.QuestionnaireId, filter))!);

    /// <summary>Every figure the page shows, question by question, in a form two results can be compared by.</summary>
    private static string[] Figures(QuestionnaireResults results) =>
        [.. results.Questions.Select(q => $"{q.Question.Id}: {q.Answered} answered, {q.Texts} texts, "
            + string.Join(" ", q.Choices.Select(c => $"{c.Choice}={c.Count}"))
            + (q.Numbers is { } n ? $" min {n.Minimum} max {n.Maximum} mean {n.Mean}" : ""))];

    [Fact]
    public async Task Responses_submitted_after_a_read_join_the_totals_once_and_the_figures_match_counting_every_answer()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Totaux");
        var links = await scenario.InviteAsync("BRAL", "Réseau Financité", "Communa");
        var rooms = scenario.Needs.Options[0].Key;
        var offices = scenario.Needs.Options[1].Key;

        await SubmitAsync(scenario, links["BRAL"], "yes", "12", rooms, offices);
        await SubmitAsync(scenario, links["Réseau Financité"], "no", "4", rooms);
        var early = await ResultsAsync(scenario, new ResultsFilter());
        Assert.Equal(2, early.Submitted);
        Assert.Equal(2, early.Questions.Single(q => q.Question.Id == scenario.Needs.Id).Choices.Single(c => c.Choice == rooms).Count);

        // A third response after the first read: the totals hold two, the third is counted from its answers.
        await SubmitAsync(scenario, links["Communa"], "no", "30,5", offices);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, await db.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == scenario.QuestionnaireId && EF.Property<bool>(r, "Tallied")));
        }
        var results = await ResultsAsync(scenario, new ResultsFilter());
        Assert.Equal(3, results.Submitted);
        var needs = results.Questions.Single(q => q.Question.Id == scenario.Needs.Id);
        Assert.Equal(3, needs.Answered);
        Assert.Equal(2, needs.Choices.Single(c => c.Choice == rooms).Count);
        Assert.Equal(2, needs.Choices.Single(c => c.Choice == offices).Count);
        var staff = results.Questions.Single(q => q.Question.Id == scenario.Staff.Id).Numbers!;
        Assert.Equal(4m, staff.Minimum);
        Assert.Equal(30.5m, staff.Maximum);
        Assert.Equal(15.5m, staff.Mean);

        // The three organisations are associations: the filtered results count every answer row instead.
        var counted = await ResultsAsync(scenario, new ResultsFilter(Kind: OrganisationKind.Association));
        Assert.Equal(3, counted.Submitted);
        Assert.Equal(Figures(counted), Figures(results));

        // Reading again changes nothing: each response is in the totals exactly once.
        Assert.Equal(Figures(results), Figures(await ResultsAsync(scenario, new ResultsFilter())));
        await using var check = app.CreateDbContext();
        var versionId = results.VersionId!.Value;
        Assert.Equal(3, await check.ResultTallies.Where(t => t.VersionId == versionId && t.QuestionId == scenario.Workshop.Id).SumAsync(t => t.Respondents));
    }

    [Fact]
    public async Task Several_servers_reading_at_once_fold_each_response_once()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Lectures simultanées");
        var links = await scenario.InviteAsync("BRAL", "Réseau Financité", "Communa");
        var rooms = scenario.Needs.Options[0].Key;
        foreach (var organisation in links.Keys)
        {
            await SubmitAsync(scenario, links[organisation], "yes", "2", rooms);
        }

        var reads = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ResultsAsync(scenario, new ResultsFilter())));
        Assert.All(reads, r => Assert.Equal(3, r.Questions.Single(q => q.Question.Id == scenario.Needs.Id).Choices.Single(c => c.Choice == rooms).Count));
        await using var db = app.CreateDbContext();
        var versionId = reads[0].VersionId!.Value;
        Assert.Equal(3, await db.ResultTallies.Where(t => t.VersionId == versionId && t.QuestionId == scenario.Needs.Id && t.Choice == rooms).SumAsync(t => t.Answers));
        Assert.Equal(0, await db.QuestionnaireResponses.CountAsync(r => r.VersionId == versionId && r.SubmittedAt != null && !EF.Property<bool>(r, "Tallied")));
    }

    [Fact]
    public async Task Deleting_a_questionnaire_takes_its_totals_with_it()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Supprimé");
        var links = await scenario.InviteAsync("BRAL");
        await SubmitAsync(scenario, links["BRAL"], "no", "1", scenario.Needs.Options[0].Key);
        var versionId = (await ResultsAsync(scenario, new ResultsFilter())).VersionId!.Value;
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.ResultTallies.AnyAsync(t => t.VersionId == versionId));
        }

        var deleted = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator,
            async s => await s.DeleteAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync()));
        Assert.True(deleted.Succeeded, deleted.MessageKey);
        await using var after = app.CreateDbContext();
        Assert.False(await after.ResultTallies.AnyAsync(t => t.VersionId == versionId));
    }

    [Fact]
    public async Task The_apps_database_sessions_do_not_compile_queries()
    {
        // A short query planned on stale statistics was compiled for most of a second before running in milliseconds.
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<Infrastructure.Persistence.MutualisonsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal("off", (await db.Database.SqlQuery<string>($"SELECT current_setting('jit') AS \"Value\"").ToListAsync()).Single());
    }

    [Fact]
    public void The_apps_sessions_prepare_repeated_statements_and_send_a_page_of_answers_at_once_unless_told_otherwise()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(Infrastructure.Persistence.DatabaseSetup.ForTheApp("Host=db;Database=app"));
        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal(64 * 1024, settings.WriteBufferSize);
        Assert.Equal("-c jit=off", settings.Options);

        var given = new Npgsql.NpgsqlConnectionStringBuilder(Infrastructure.Persistence.DatabaseSetup.ForTheApp("Host=db;MaxAutoPrepare=0;Write Buffer Size=16384;Options=-c jit=on"));
        Assert.Equal(0, given.MaxAutoPrepare);
        Assert.Equal(16384, given.WriteBufferSize);
        Assert.Equal("-c jit=on", given.Options);
    }
}
