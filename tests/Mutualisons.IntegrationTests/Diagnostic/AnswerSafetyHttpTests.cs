using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Diagnostic.Answering;

namespace Mutualisons.IntegrationTests.Diagnostic;

/// <summary>
/// What respondents send that the answering pages must not lose or choke on: invisible characters, two tabs
/// saving one response, answers saved in the background while typing.
/// </summary>
public sealed class AnswerSafetyHttpTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private HttpClient Respondent() => app.Factory.CreateClient(new() { AllowAutoRedirect = false });

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TextAsync(response);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<string?> StoredTextAsync(Guid questionnaireId, Guid questionId)
    {
        await using var db = app.CreateDbContext();
        return await db.ResponseAnswers.Where(a => a.QuestionId == questionId && db.QuestionnaireResponses.Any(r => r.Id == a.ResponseId && r.QuestionnaireId == questionnaireId))
            .Select(a => a.Text).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task A_NUL_character_in_an_answer_is_refused_beside_its_question_and_the_other_answers_are_kept()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Caractère nul");
        var path = (await scenario.InviteAsync("BRAL"))["BRAL"];
        using var phone = Respondent();
        var page = await PageAsync(phone, path);

        var post = await Forms.PostAsync(phone, path, page, [
            new("section", "0"), new("move", "Next"),
            new(AnswerFields.Name(scenario.Workshop.Id), "yes"),
            new(AnswerFields.Name(scenario.Availability.Id), "le\0 jeudi"),
            new(AnswerFields.Name(scenario.Staff.Id), "12")], "answers");

        Assert.True(post.StatusCode == HttpStatusCode.UnprocessableEntity, $"{post.StatusCode} {post.Headers.Location}");
        var html = await TextAsync(post);
        Assert.Contains("caractères invisibles", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"error-{scenario.Availability.Id:N}\"", html, StringComparison.Ordinal);
        // What was typed comes back, without the character that cannot be stored; the other answers too.
        Assert.Contains("value=\"le jeudi\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cette page était restée ouverte trop longtemps", html, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
        }

        // Sent again as shown, the page saves.
        var again = await Forms.PostAsync(phone, path, html, [
            new("section", "0"), new("move", "Next"),
            new(AnswerFields.Name(scenario.Workshop.Id), "yes"),
            new(AnswerFields.Name(scenario.Availability.Id), "le jeudi"),
            new(AnswerFields.Name(scenario.Staff.Id), "12")], "answers");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("le jeudi", await StoredTextAsync(scenario.QuestionnaireId, scenario.Availability.Id));
    }

    [Fact]
    public async Task Two_tabs_saving_different_answers_at_once_keep_one_and_tell_the_other_with_its_input_kept()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Deux onglets");
        var path = (await scenario.InviteAsync("BRAL"))["BRAL"];
        using var browser = Respondent();
        var tab1 = await PageAsync(browser, path);
        var tab2 = await PageAsync(browser, path);
        KeyValuePair<string, string>[] Answers(string day) =>
            [new("section", "0"), new("move", "Save"), new(AnswerFields.Name(scenario.Workshop.Id), "yes"), new(AnswerFields.Name(scenario.Availability.Id), day)];

        var both = await Task.WhenAll(Forms.PostAsync(browser, path, tab1, Answers("lundi"), "answers"), Forms.PostAsync(browser, path, tab2, Answers("mardi"), "answers"));

        var saved = Assert.Single(both, r => r.StatusCode == HttpStatusCode.Redirect);
        var told = Assert.Single(both, r => r.StatusCode == HttpStatusCode.Conflict);
        var kept = saved == both[0] ? "lundi" : "mardi";
        var typed = saved == both[0] ? "mardi" : "lundi";
        var html = await TextAsync(told);
        Assert.Contains("modifiées entre-temps dans une autre fenêtre", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.Equal(kept, await StoredTextAsync(scenario.QuestionnaireId, scenario.Availability.Id));

        // Saving again from the page that was told is a knowing choice: it replaces the other answer.
        var replaced = await Forms.PostAsync(browser, path, html, Answers(typed), "answers");
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal(typed, await StoredTextAsync(scenario.QuestionnaireId, scenario.Availability.Id));
    }

    [Fact]
    public async Task A_second_tab_saving_the_same_answers_or_another_page_is_no_conflict()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Onglets d'accord");
        var path = (await scenario.InviteAsync("BRAL"))["BRAL"];
        using var browser = Respondent();
        var tab1 = await PageAsync(browser, path);
        var tab2 = await PageAsync(browser, path);
        KeyValuePair<string, string>[] same = [new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "no")];

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, tab1, same, "answers")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, tab2, same, "answers")).StatusCode);

        // Tab 1 goes on to page 2 and saves there; tab 2, still showing page 1, saves page 1 unchanged.
        var page2 = await PageAsync(browser, path);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, page2, [new("section", "1"), new("move", "Save"), new(AnswerFields.Name(scenario.Comment.Id), "Merci")], "answers")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, tab2, same, "answers")).StatusCode);
        Assert.Equal("Merci", await StoredTextAsync(scenario.QuestionnaireId, scenario.Comment.Id));
    }

    [Fact]
    public async Task Changes_typed_in_a_tab_after_another_tab_submitted_are_reported_on_the_thanks_page()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Envoyé ailleurs");
        var path = (await scenario.InviteAsync("BRAL"))["BRAL"];
        using var browser = Respondent();
        var first = await PageAsync(browser, path);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, first, [new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "no")], "answers")).StatusCode);
        var stale = await PageAsync(browser, path);
        KeyValuePair<string, string>[] Submit(string comment) =>
            [new("section", "1"), new("move", "Submit"), new(AnswerFields.Name(scenario.Needs.Id), scenario.Needs.Options[0].Key), new(AnswerFields.Name(scenario.Comment.Id), comment)];
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, await PageAsync(browser, path), Submit("Envoyé"), "answers")).StatusCode);

        var late = await Forms.PostAsync(browser, path, stale, Submit("Changé ensuite"), "answers");

        var html = await TextAsync(late);
        Assert.Contains("Merci, vos réponses sont envoyées", html, StringComparison.Ordinal);
        Assert.Contains("n'ont pas pu y être ajoutées", html, StringComparison.Ordinal);
        Assert.Equal("Envoyé", await StoredTextAsync(scenario.QuestionnaireId, scenario.Comment.Id));
    }

    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient client, string path, string pageHtml, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var hidden = Forms.HiddenFields(pageHtml, "answers").Where(h => withToken || h.Key != "__RequestVerificationToken");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in hidden.Where(h => !fields.Any(f => f.Key == h.Key)).Concat(fields))
        {
            content.Add(new StringContent(value), name);
        }
        return await client.PostAsync(new Uri($"{path}/{AutosaveEndpoints.Segment}", UriKind.Relative), content);
    }

    private static async Task<string> StateAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("state").GetString()!;
    }

    [Fact]
    public async Task Answers_saved_in_the_background_are_there_when_the_link_is_opened_again()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Sauvegarde en tapant");
        var path = (await scenario.InviteAsync("BRAL"))["BRAL"];
        using var phone = Respondent();
        var page = await PageAsync(phone, path);
        Assert.Contains($"data-autosave=\"{path}/{AutosaveEndpoints.Segment}\"", page, StringComparison.Ordinal);
        Assert.Contains("quand vous changez de page ou appuyez sur", page, StringComparison.Ordinal);

        // Without its antiforgery token nothing is saved.
        var forged = await AutosaveAsync(phone, path, page, [new("section", "0"), new(AnswerFields.Name(scenario.Workshop.Id), "no")], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("failed", await StateAsync(forged));

        // A number still being typed is not saved, and said so.
        var invalid = await AutosaveAsync(phone, path, page, [new("section", "0"), new(AnswerFields.Name(scenario.Staff.Id), "douze")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("invalid", await StateAsync(invalid));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
        }

        var saved = await AutosaveAsync(phone, path, page, [new("section", "0"), new(AnswerFields.Name(scenario.Workshop.Id), "yes"), new(AnswerFields.Name(scenario.Availability.Id), "le vendredi")]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("saved", await StateAsync(saved));
        Assert.Equal("no-store", saved.Headers.CacheControl!.ToString());

        // The tab is closed without pressing anything; the link opened elsewhere shows the answer.
        using var laptop = Respondent();
        var reopened = await PageAsync(laptop, path);
        Assert.Contains("Page 1 sur 2", reopened, StringComparison.Ordinal);
        Assert.Contains("value=\"le vendredi\"", reopened, StringComparison.Ordinal);

        // The first tab, which did not see that save, is told rather than overwriting it.
        var conflict = await AutosaveAsync(phone, path, page, [new("section", "0"), new(AnswerFields.Name(scenario.Workshop.Id), "no")]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("conflict", await StateAsync(conflict));
        Assert.Equal("le vendredi", await StoredTextAsync(scenario.QuestionnaireId, scenario.Availability.Id));
    }
}
