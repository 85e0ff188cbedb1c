using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// Answering as respondents do it: typing and closing the tab without pressing anything, and reading in Dutch
/// a questionnaire that was not fully translated; and the facilitator warned of it before publishing.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AnsweringJourney(BrowserFixture browser)
{
    private static QuestionnaireContent Content(string title, bool dutchComplete)
    {
        var content = new QuestionnaireContent
        {
            Title = new(title, $"{title} (nl)", $"{title} (en)"),
            Sections =
            [
                new SectionDefinition
                {
                    Title = new("Vos disponibilités", "Uw beschikbaarheid", "Your availability"),
                    Questions =
                    [
                        new QuestionDefinition { Type = QuestionType.ShortText, Text = new("Quel jour vous convient ?", "Welke dag past u?", "Which day suits you?") },
                        new QuestionDefinition { Type = QuestionType.LongText, Text = new("Un commentaire ?", dutchComplete ? "Een opmerking?" : string.Empty, "A comment?") },
                    ],
                },
                new SectionDefinition
                {
                    Title = new("Vos besoins", "Uw noden", "Your needs"),
                    Questions = [new QuestionDefinition { Type = QuestionType.YesNo, Text = new("Une salle vous manque-t-elle ?", "Mist u een zaal?", "Do you lack a room?") }],
                },
            ],
        };
        return content;
    }

    /// <summary>A questionnaire of Headquarters for Change, as a draft or published, with a personal link for BRAL when published.</summary>
    private async Task<(Guid Lab, Guid Questionnaire, string? Link)> ArrangeAsync(string title, bool dutchComplete, bool publish)
    {
        await using var db = browser.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
        var organisation = await db.Organisations.Where(o => o.Name == "BRAL").Select(o => o.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var questionnaire = new Questionnaire(lab, Content(title, dutchComplete), null, now);
        db.Questionnaires.Add(questionnaire);
        string? link = null;
        if (publish)
        {
            db.QuestionnaireVersions.Add(questionnaire.Publish(null, now));
            var (invitation, token) = QuestionnaireInvitation.Create(questionnaire.Id, organisation, null, t => t, now);
            db.QuestionnaireInvitations.Add(invitation);
            link = $"/r/{token}";
        }
        await db.SaveChangesAsync();
        return (lab, questionnaire.Id, link);
    }

    private async Task<string?> StoredTextAsync(Guid questionnaire, string text)
    {
        await using var db = browser.CreateDbContext();
        return await db.ResponseAnswers.Where(a => a.Text == text && db.QuestionnaireResponses.Any(r => r.Id == a.ResponseId && r.QuestionnaireId == questionnaire))
            .Select(a => a.Text).FirstOrDefaultAsync();
    }

    /// <summary>
    /// axe-core on one region of a page: the warning this journey adds to the editor. (The editor page as a
    /// whole is checked by the journeys that run axe on every page.)
    /// </summary>
    private static async Task AssertNoSeriousViolationsInAsync(ILocator region)
    {
        var result = await region.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    [Fact]
    public async Task Answers_typed_are_saved_without_pressing_anything_and_are_there_when_the_link_is_opened_again()
    {
        var (_, questionnaire, link) = await ArrangeAsync("Sauvegarde continue", dutchComplete: true, publish: true);
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync(link!);
        var note = phone.Locator(".answer-resume-note");
        await Expect(note).ToContainTextAsync("au fur et à mesure");

        // Typed, then a pause: the page says it is saved.
        await phone.GetByLabel("Quel jour vous convient ?", new() { Exact = false }).FillAsync("Le mardi");
        var status = phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "enregistr" });
        await Expect(phone.Locator(".answer-autosave")).ToHaveTextAsync("Réponses enregistrées.");
        await Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        await phone.AssertNoSeriousViolationsAsync();

        // Typed, and the tab closed at once, before any pause: the page's last words still reach the server.
        await phone.GetByLabel("Un commentaire ?", new() { Exact = false }).FillAsync("Fermé tout de suite");
        await phone.CloseAsync(new() { RunBeforeUnload = true });
        // The tab is closed, the browser stays open (as when a person closes one tab): its beacon is on its way.
        for (var i = 0; i < 75 && await StoredTextAsync(questionnaire, "Fermé tout de suite") is null; i++)
        {
            await Task.Delay(200);
        }
        await phone.Context.CloseAsync();

        // The same link, opened again: both answers are there, and nothing was pressed.
        var again = await browser.NewPageAsync(phone: true);
        await again.GotoAsync(link!);
        await Expect(again.GetByText("Page 1 sur 2")).ToBeVisibleAsync();
        await Expect(again.GetByLabel("Quel jour vous convient ?", new() { Exact = false })).ToHaveValueAsync("Le mardi");
        await Expect(again.GetByLabel("Un commentaire ?", new() { Exact = false })).ToHaveValueAsync("Fermé tout de suite");
        await again.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Without_script_the_page_says_when_answers_are_saved()
    {
        var (_, _, link) = await ArrangeAsync("Sans script", dutchComplete: true, publish: true);
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), JavaScriptEnabled = false, Locale = "fr-BE" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(link!);

        await Expect(page.Locator(".answer-resume-note")).ToContainTextAsync("quand vous changez de page ou appuyez sur « Enregistrer et finir plus tard »");
        await Expect(page.Locator(".answer-autosave")).ToBeHiddenAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_facilitator_is_told_what_is_not_translated_before_publishing_and_a_Dutch_respondent_reads_it_all_in_French()
    {
        var (lab, questionnaire, _) = await ArrangeAsync("Traduction partielle", dutchComplete: false, publish: false);
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInAsync(DemoAppFixture.Coordination);
        await facilitator.OpenAsync($"/labs/{lab}/questionnaires/{questionnaire}");

        var missing = facilitator.Locator("#missing-translations");
        await Expect(missing).ToContainTextAsync("Partie 1, question 2 : texte de la question en néerlandais");
        await Expect(missing).ToContainTextAsync("Qui répond en néerlandais lira tout le questionnaire en français.");
        await AssertNoSeriousViolationsInAsync(missing);

        // Publishing asks first, saying what Dutch respondents will read.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        var dialog = facilitator.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Il manque 1 traduction(s)");
        await Expect(dialog).ToContainTextAsync("Qui répond en néerlandais lira tout le questionnaire en français.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        await Expect(facilitator.Locator("#version-status")).ToContainTextAsync("Jamais publié");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Publier quand même" }).ClickAsync();
        await Expect(facilitator.Locator("#version-status")).ToContainTextAsync("Version 1 publiée");

        // A Dutch respondent: the whole questionnaire in French, the page's own words and the explanation in Dutch.
        string link;
        await using (var db = browser.CreateDbContext())
        {
            var organisation = await db.Organisations.Where(o => o.Name == "BRAL").Select(o => o.Id).SingleAsync();
            var (invitation, token) = QuestionnaireInvitation.Create(questionnaire, organisation, null, t => t, DateTimeOffset.UtcNow);
            db.QuestionnaireInvitations.Add(invitation);
            await db.SaveChangesAsync();
            link = $"/r/{token}";
        }
        var respondent = await browser.NewPageAsync(phone: true);
        await respondent.GotoAsync(link);
        await respondent.GetByRole(AriaRole.Button, new() { Name = "NL", Exact = true }).ClickAsync();
        await Expect(respondent.GetByText("Pagina 1 van 2")).ToBeVisibleAsync();
        await Expect(respondent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vos disponibilités");
        await Expect(respondent.Locator(".answer-language-note")).ToHaveTextAsync(
            "Deze vragenlijst is niet volledig in het Nederlands vertaald: u leest hem daarom volledig in het Frans, zodat de talen niet door elkaar staan.");
        await Expect(respondent.GetByLabel("Quel jour vous convient ?", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(respondent.GetByText("Welke dag past u?")).ToHaveCountAsync(0);
        await respondent.AssertNoSeriousViolationsAsync();
    }
}
