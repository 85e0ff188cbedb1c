using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Answering;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;

namespace Mutualisons.IntegrationTests.Diagnostic;

/// <summary>The answering pages as a phone sees them: plain HTML forms, posted and redirected, no account.</summary>
public sealed class AnsweringHttpTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private HttpClient Respondent() => app.Factory.CreateClient(new() { AllowAutoRedirect = false });

    private static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        return await TextAsync(response);
    }

    /// <summary>The page as a person reads it: Blazor writes accented letters as character references.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_respondent_answers_page_by_page_sees_problems_beside_questions_resumes_elsewhere_and_submits_once()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Parcours HTTP");
        var path = (await scenario.InviteAsync("BRAL"))["BRAL"];
        using var phone = Respondent();

        var first = await PageAsync(phone, path);
        Assert.Contains("Votre organisation", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 2", first, StringComparison.Ordinal);
        Assert.Contains("noindex", (await phone.GetAsync(new Uri(path, UriKind.Relative))).Headers.GetValues("X-Robots-Tag"));

        // Bad input: a word for a number, an unknown option, an over-long text. Nothing is saved, input is kept.
        var bad = await Forms.PostAsync(phone, path, first, [
            new("section", "0"), new("move", "Next"),
            new(AnswerFields.Name(scenario.Workshop.Id), "perhaps"),
            new(AnswerFields.Name(scenario.Availability.Id), new string('x', 501)),
            new(AnswerFields.Name(scenario.Staff.Id), "douze")], "answers");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badHtml = await TextAsync(bad);
        Assert.Contains("Ce choix ne fait pas partie des propositions.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Cette réponse est trop longue.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Indiquez un nombre", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"douze\"", badHtml, StringComparison.Ordinal);
        Assert.Contains($"id=\"error-{scenario.Staff.Id:N}\"", badHtml, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.QuestionnaireResponses.AnyAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
        }

        // Out of range.
        var range = await Forms.PostAsync(phone, path, first, [new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "no"), new(AnswerFields.Name(scenario.Staff.Id), "9000")], "answers");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, range.StatusCode);
        Assert.Contains("Cette valeur sort des limites permises.", await TextAsync(range), StringComparison.Ordinal);

        // A required conditional question becomes required once "yes" is chosen.
        var missing = await Forms.PostAsync(phone, path, first, [new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "yes")], "answers");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var missingHtml = await TextAsync(missing);
        Assert.Contains("Cette question demande une réponse.", missingHtml, StringComparison.Ordinal);

        // Posted from the page the browser now shows (it carries the version saved with "yes").
        var next = await Forms.PostAsync(phone, path, missingHtml, [
            new("section", "0"), new("move", "Next"),
            new(AnswerFields.Name(scenario.Workshop.Id), "yes"), new(AnswerFields.Name(scenario.Availability.Id), "le jeudi"), new(AnswerFields.Name(scenario.Staff.Id), "12,5")], "answers");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);

        // The tab is closed; the same link on another device resumes on page 2, with page 1 kept.
        using var laptop = Respondent();
        var resumed = await PageAsync(laptop, path);
        Assert.Contains("Page 2 sur 2", resumed, StringComparison.Ordinal);
        Assert.Contains("Vos besoins", resumed, StringComparison.Ordinal);
        var back = await Forms.PostAsync(laptop, path, resumed, [new("section", "1"), new("move", "Previous")], "answers");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var firstAgain = await PageAsync(laptop, path);
        Assert.Contains("value=\"le jeudi\"", firstAgain, StringComparison.Ordinal);
        Assert.Contains("value=\"12.5\"", firstAgain, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(laptop, path, firstAgain, [
            new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "yes"), new(AnswerFields.Name(scenario.Availability.Id), "le jeudi"), new(AnswerFields.Name(scenario.Staff.Id), "12.5")], "answers")).StatusCode);

        // Submitting without the required answer of page 2 shows the problem there.
        var second = await PageAsync(laptop, path);
        var incomplete = await Forms.PostAsync(laptop, path, second, [new("section", "1"), new("move", "Submit")], "answers");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var incompleteHtml = await TextAsync(incomplete);
        Assert.Contains("Cette question demande une réponse.", incompleteHtml, StringComparison.Ordinal);

        // A double click sends the same form (the page now shown) twice at once: one response is stored, submitted once.
        KeyValuePair<string, string>[] complete = [new("section", "1"), new("move", "Submit"), new(AnswerFields.Name(scenario.Needs.Id), scenario.Needs.Options[0].Key)];
        var both = await Task.WhenAll(Forms.PostAsync(laptop, path, incompleteHtml, complete, "answers"), Forms.PostAsync(laptop, path, incompleteHtml, complete, "answers"));
        // Each click ends on the thanks page: directly, or through the redirect when it came first.
        foreach (var click in both)
        {
            Assert.True(click.StatusCode == HttpStatusCode.Redirect || (click.StatusCode == HttpStatusCode.OK && (await TextAsync(click)).Contains("Merci", StringComparison.Ordinal)), click.StatusCode.ToString());
        }
        Assert.Contains("Merci, vos réponses sont envoyées", await PageAsync(phone, path), StringComparison.Ordinal);

        await using var check = app.CreateDbContext();
        var response = await check.QuestionnaireResponses.Include(r => r.Answers).SingleAsync(r => r.QuestionnaireId == scenario.QuestionnaireId);
        Assert.NotNull(response.SubmittedAt);
        Assert.Single(response.Answers, a => a.QuestionId == scenario.Needs.Id);
        Assert.Equal(12.5m, response.Answers.Single(a => a.QuestionId == scenario.Staff.Id).Number);
        var invitation = await check.QuestionnaireInvitations.SingleAsync(i => i.QuestionnaireId == scenario.QuestionnaireId);
        Assert.Equal(RespondentProgress.Submitted, invitation.Progress);

        // After submitting, the link shows the thanks page and takes no more answers.
        var late = await Forms.PostAsync(laptop, path, second, complete, "answers");
        Assert.Contains("Merci", await (late.StatusCode == HttpStatusCode.Redirect ? PageAsync(phone, path) : TextAsync(late)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_posted_after_its_antiforgery_cookie_was_lost_comes_back_with_an_explanation()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Formulaire périmé");
        var path = (await scenario.InviteAsync("BRAL"))["BRAL"];
        using var before = Respondent();
        var page = await PageAsync(before, path);

        // The browser was restarted: the session cookie is gone, the page still holds the old token.
        using var after = Respondent();
        var post = await Forms.PostAsync(after, path, page, [new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "no")], "answers");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"{path}?expired=true", post.Headers.Location!.OriginalString);
        var again = await PageAsync(after, post.Headers.Location.OriginalString);
        Assert.Contains("Cette page était restée ouverte trop longtemps", again, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 2", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_malformed_links_get_a_clear_page_that_reveals_nothing()
    {
        using var client = Respondent();
        foreach (var path in new[] { "/r/abc", "/r/" + new string('a', 43), "/p/" + new string('b', 43), "/r/%3Cscript%3E" })
        {
            var html = await PageAsync(client, path);
            Assert.Contains("Ce lien ne mène à aucun questionnaire", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Headquarters", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_open_link_takes_one_response_per_browser_unless_turned_off()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Lien ouvert");
        var enabled = await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.SetPublicLinkAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync(), true, true));
        Assert.True(enabled.Succeeded);
        var editor = (await app.AsAsync<QuestionnaireService, QuestionnaireEditor?>(DiagnosticScenario.Facilitator, s => s.GetEditorAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        var path = editor.PublicPath!;

        using var browser = Respondent();
        var welcome = await PageAsync(browser, path);
        Assert.Contains("Commencer", welcome, StringComparison.Ordinal);
        var start = await Forms.PostAsync(browser, path, welcome, [new("move", "Start")], "start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Contains(start.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));

        var page1 = await PageAsync(browser, path);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, page1, [new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "no")], "answers")).StatusCode);
        var page2 = await PageAsync(browser, path);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, page2, [new("section", "1"), new("move", "Submit"), new(AnswerFields.Name(scenario.Needs.Id), scenario.Needs.Options[1].Key)], "answers")).StatusCode);

        Assert.Contains("Vous avez déjà répondu", await PageAsync(browser, path), StringComparison.Ordinal);

        // A browser that refuses cookies clicks "Start" twice: it stays on the welcome page and nothing is stored.
        using var cookieless = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var welcomeAgain = await PageAsync(cookieless, path);
        foreach (var _ in new[] { 1, 2 })
        {
            var click = await cookieless.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("move", "Start"), new("_handler", "start")]));
            Assert.NotEqual(HttpStatusCode.InternalServerError, click.StatusCode);
        }
        Assert.Contains("Commencer", welcomeAgain, StringComparison.Ordinal);
        await using (var counting = app.CreateDbContext())
        {
            Assert.Equal(1, await counting.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
        }

        // Another browser starts fresh; turning the limit off lets the first browser answer again.
        using var other = Respondent();
        Assert.Contains("Commencer", await PageAsync(other, path), StringComparison.Ordinal);
        Assert.True((await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.SetPublicLinkAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync(), true, false))).Succeeded);
        var thanks = await PageAsync(browser, path);
        Assert.Contains("Répondre une nouvelle fois", thanks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, thanks, [new("move", "Start")], "start-again")).StatusCode);
        var fresh = await PageAsync(browser, path);
        Assert.Contains("Page 1 sur", fresh, StringComparison.Ordinal);
        await using (var before = app.CreateDbContext())
        {
            // Nothing is stored until the first page is saved: starting leaves no empty response.
            Assert.Equal(1, await before.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(browser, path, fresh, [new("section", "0"), new("move", "Next"), new(AnswerFields.Name(scenario.Workshop.Id), "yes"), new(AnswerFields.Name(scenario.Availability.Id), "lundi")], "answers")).StatusCode);

        // Turning the link off kills it.
        Assert.True((await app.AsAsync<QuestionnaireService, SaveResult>(DiagnosticScenario.Facilitator, async s => await s.SetPublicLinkAsync(scenario.LabId, scenario.QuestionnaireId, await scenario.VersionAsync(), false, true))).Succeeded);
        Assert.Contains("Ce lien ne mène à aucun questionnaire", await PageAsync(browser, path), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == scenario.QuestionnaireId));
        Assert.All(await db.QuestionnaireResponses.Where(r => r.QuestionnaireId == scenario.QuestionnaireId).ToListAsync(), r => Assert.Null(r.OrganisationId));
    }

    [Fact]
    public async Task Exports_stream_csv_and_xlsx_to_the_lab_facilitator_only()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
        var questionnaire = await db.Questionnaires.Where(q => q.LabId == lab && q.LatestVersionNumber == 1 && db.QuestionnaireResponses.Count(r => r.QuestionnaireId == q.Id) == 9).Select(q => q.Id).FirstAsync();
        var csvPath = $"/labs/{lab}/questionnaires/{questionnaire}/export.csv?lang=fr";
        var xlsxPath = $"/labs/{lab}/questionnaires/{questionnaire}/export.xlsx?lang=en";

        using var anonymous = Respondent();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(new Uri(csvPath, UriKind.Relative))).StatusCode);
        using var outsider = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Facilitator, AppFixture.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(csvPath, UriKind.Relative))).StatusCode);

        using var facilitator = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);
        var csv = await facilitator.GetAsync(new Uri(csvPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 8, lines.Length);
        // French Excel splits on semicolons.
        Assert.StartsWith("Réponse;Organisation;Forme;Secteur;Langue", lines[0], StringComparison.Ordinal);
        Assert.Contains("Q1.", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("BRAL", StringComparison.Ordinal));

        var xlsx = await facilitator.GetAsync(new Uri(xlsxPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        await using var sheetStream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var sheet = XDocument.Load(sheetStream);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rows = sheet.Descendants(ns + "row").ToList();
        Assert.Equal(9, rows.Count);
        var header = rows[0].Elements(ns + "c").Select(c => string.Concat(c.Descendants(ns + "t").Select(t => t.Value))).ToList();
        Assert.Equal("Response", header[0]);
        Assert.Equal("Organisation", header[1]);
        Assert.Contains(header, h => h.StartsWith("Q1. ", StringComparison.Ordinal));
    }
}
