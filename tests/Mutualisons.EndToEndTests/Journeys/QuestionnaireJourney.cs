using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// Cycle 1 end to end: a facilitator builds a questionnaire with a conditional question and sends it; an
/// organisation answers on a phone, closes the page half-way, comes back with the same link and submits;
/// the results move and the CSV export reads back.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class QuestionnaireJourney(BrowserFixture browser)
{
    private async Task<Guid> LabAsync()
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
    }

    /// <summary>Picks an item of a MudSelect by its text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string item)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(item, new() { Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_questionnaire_is_built_answered_on_a_phone_resumed_submitted_and_exported()
    {
        var lab = await LabAsync();
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInAsync(DemoAppFixture.Coordination);

        // Build: a blank questionnaire, two parts, a question shown only after "yes".
        await facilitator.OpenAsync($"/labs/{lab}/questionnaires");
        await facilitator.GetByLabel("Titre").First.FillAsync("Besoins en salles");
        await facilitator.GetByRole(AriaRole.Radio, new() { Name = "Une page blanche" }).CheckAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Créer et ouvrir" }).ClickAsync();
        await facilitator.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/questionnaires/[0-9a-f-]{36}$"));
        await facilitator.WaitForInteractiveAsync();

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Ajouter une partie" }).ClickAsync();
        var part1 = facilitator.Locator(".section-editor[data-section='1']");
        await part1.GetByLabel("Titre de la partie").FillAsync("Votre participation");
        var q1 = part1.Locator(".question-editor[data-question='1']");
        await ChooseAsync(facilitator, q1.Locator(".question-type"), "Oui / non");
        await q1.Locator(".question-text textarea").First.FillAsync("Viendrez-vous à l'atelier ?");
        await q1.GetByLabel("Réponse obligatoire").CheckAsync();

        await part1.GetByRole(AriaRole.Button, new() { Name = "Ajouter une question" }).ClickAsync();
        var q2 = part1.Locator(".question-editor[data-question='2']");
        await ChooseAsync(facilitator, q2.Locator(".question-type"), "Texte court");
        await q2.Locator(".question-text textarea").First.FillAsync("Quel jour vous convient ?");
        await q2.GetByLabel("Réponse obligatoire").CheckAsync();
        await ChooseAsync(facilitator, q2.Locator(".condition-source"), "Q1. Viendrez-vous à l'atelier ?");
        await ChooseAsync(facilitator, q2.Locator(".condition-values"), "Oui");
        await facilitator.Keyboard.PressAsync("Escape");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Ajouter une partie" }).ClickAsync();
        var part2 = facilitator.Locator(".section-editor[data-section='2']");
        await part2.GetByLabel("Titre de la partie").FillAsync("Vos besoins");
        var q3 = part2.Locator(".question-editor[data-question='3']");
        await q3.Locator(".question-text textarea").First.FillAsync("Quel espace vous manque le plus ?");
        await q3.GetByRole(AriaRole.Textbox, new() { Name = "Proposition 1" }).FillAsync("Une salle de réunion");
        await q3.GetByRole(AriaRole.Textbox, new() { Name = "Proposition 2" }).FillAsync("Un bureau partagé");
        await q3.GetByLabel("Réponse obligatoire").CheckAsync();

        await Expect(facilitator.Locator("#missing-translations")).ToContainTextAsync("traduction");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).First.ClickAsync();
        await Expect(facilitator.GetByText("Enregistré.")).ToBeVisibleAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(facilitator.Locator("#version-status")).ToContainTextAsync("Version 1 publiée");

        // Send: a personal link for BRAL.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Envoi" }).ClickAsync();
        await facilitator.WaitForURLAsync(url => url.EndsWith("/sending", StringComparison.Ordinal));
        await facilitator.WaitForInteractiveAsync();
        await facilitator.Locator(".candidates").GetByText("BRAL", new() { Exact = false }).First.ClickAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Inviter (1)" }).ClickAsync();
        await Expect(facilitator.Locator(".response-rate")).ToHaveTextAsync("0 / 1");
        var link = await facilitator.Locator(".personal-link input").InputValueAsync();
        Assert.Matches("/r/[A-Za-z0-9_-]{43}$", link);
        // Each personal link has a copy button and a QR code drawn on the server, both named for the organisation.
        await Expect(facilitator.GetByRole(AriaRole.Img, new() { Name = "Code QR du lien personnel de BRAL" })).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await facilitator.Locator("img.link-qr").GetAttributeAsync("src"), StringComparison.Ordinal);
        await Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Copier le lien de BRAL" })).ToBeVisibleAsync();
        await facilitator.AssertNoSeriousViolationsAsync();

        // Answer on a phone, by keyboard: the conditional question appears only after "yes".
        var phone = await browser.NewPageAsync(phone: true);
        await phone.GotoAsync(link);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Votre participation");
        await Expect(phone.GetByText("Page 1 sur 2")).ToBeVisibleAsync();
        var day = phone.GetByLabel("Quel jour vous convient ?", new() { Exact = false });
        await Expect(day).ToBeHiddenAsync();
        await phone.AssertNoSeriousViolationsAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a 360 px phone.");

        await phone.GetByRole(AriaRole.Radio, new() { Name = "Oui" }).FocusAsync();
        await phone.Keyboard.PressAsync("Space");
        await Expect(day).ToBeVisibleAsync();
        // A radio group is one stop: the next Tab reaches the question that just appeared.
        await phone.Keyboard.PressAsync("Tab");
        await phone.Keyboard.TypeAsync("Le mardi");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.GetByText("Page 2 sur 2")).ToBeVisibleAsync();
        await phone.AssertNoSeriousViolationsAsync();

        // The tab is closed half-way; the same link brings the respondent back to page 2.
        await phone.Context.CloseAsync();
        var again = await browser.NewPageAsync(phone: true);
        await again.GotoAsync(link);
        await Expect(again.GetByText("Page 2 sur 2")).ToBeVisibleAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Expect(again.Locator(".answer-error")).ToHaveTextAsync("Cette question demande une réponse.");
        await again.AssertNoSeriousViolationsAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "Page précédente" }).ClickAsync();
        await Expect(again.GetByLabel("Quel jour vous convient ?", new() { Exact = false })).ToHaveValueAsync("Le mardi");
        await again.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await again.GetByRole(AriaRole.Radio, new() { Name = "Une salle de réunion" }).CheckAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Expect(again.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Merci, vos réponses sont envoyées");
        await again.AssertNoSeriousViolationsAsync();

        // Results: the chart counts the answer; the rate moves; the export reads back.
        await facilitator.ReloadInteractiveAsync();
        await Expect(facilitator.Locator(".response-rate")).ToHaveTextAsync("1 / 1");
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Résultats" }).ClickAsync();
        await facilitator.WaitForInteractiveAsync();
        await Expect(facilitator.Locator("#results-count")).ToContainTextAsync("1 réponse(s) envoyée(s)");
        var bar = facilitator.Locator(".question-result[data-question='3'] tr[data-choice='Une salle de réunion']");
        await Expect(bar.Locator(".result-count")).ToHaveTextAsync("1");
        await Expect(bar.Locator(".result-percent")).ToContainTextAsync("100");
        await Expect(facilitator.Locator(".question-result[data-question='3'] tr[data-choice='Un bureau partagé'] .result-count")).ToHaveTextAsync("0");

        var download = await facilitator.RunAndWaitForDownloadAsync(() => facilitator.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync());
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Q1. Viendrez-vous à l'atelier ?", lines[0], StringComparison.Ordinal);
        Assert.Contains("Q3. Quel espace vous manque le plus ?", lines[0], StringComparison.Ordinal);
        Assert.Contains("BRAL", lines[1], StringComparison.Ordinal);
        Assert.Contains("Oui", lines[1], StringComparison.Ordinal);
        Assert.Contains("Le mardi", lines[1], StringComparison.Ordinal);
        Assert.Contains("Une salle de réunion", lines[1], StringComparison.Ordinal);

        // The same export as an Excel workbook, in English.
        await ChooseAsync(facilitator, facilitator.Locator(".export-language"), "English");
        // The link's address changes once the server has the choice: a click before that would export in French.
        await Expect(facilitator.Locator("a.export-xlsx")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("lang=en"));
        var workbook = await facilitator.RunAndWaitForDownloadAsync(() => facilitator.GetByRole(AriaRole.Link, new() { Name = "Exporter en Excel" }).ClickAsync());
        using var zip = System.IO.Compression.ZipFile.OpenRead((await workbook.PathAsync())!);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = await reader.ReadToEndAsync();
        Assert.Contains(">Response<", sheet, StringComparison.Ordinal);
        Assert.Contains(">Yes<", sheet, StringComparison.Ordinal);
        Assert.Contains(">BRAL<", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_read_by_the_facilitator_becomes_a_need_on_the_diagnostic_page()
    {
        var lab = await LabAsync();
        Guid questionnaire, response;
        await using (var db = browser.CreateDbContext())
        {
            questionnaire = await db.Questionnaires.Where(q => q.LabId == lab && q.LatestVersionNumber == 1).OrderBy(q => q.CreatedAt).Select(q => q.Id).FirstAsync();
            var communa = await db.Organisations.Where(o => o.Name == "Communa").Select(o => o.Id).SingleAsync();
            response = await db.QuestionnaireResponses.Where(r => r.QuestionnaireId == questionnaire && r.OrganisationId == communa).Select(r => r.Id).SingleAsync();
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Coordination);

        await page.OpenAsync($"/labs/{lab}/questionnaires/{questionnaire}/responses/{response}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Communa");
        await page.Locator(".need-form .need-text textarea").First.FillAsync("Une salle d'événements à partager le soir");
        await ChooseAsync(page, page.Locator(".need-form .need-resource-kind"), "Lieux physiques");
        await page.Locator(".need-form").GetByRole(AriaRole.Button, new() { Name = "Ajouter au diagnostic" }).ClickAsync();
        await Expect(page.GetByText("Besoin ajouté au diagnostic du lab.")).ToBeVisibleAsync();

        await page.OpenAsync($"/labs/{lab}/cycles/Diagnostic");
        var need = page.Locator(".diagnostic-outputs li.need").Filter(new() { HasText = "Une salle d'événements à partager le soir" });
        await Expect(need).ToContainTextAsync("Lieux physiques");
        await Expect(need.GetByRole(AriaRole.Link, new() { Name = "Communa" })).ToBeVisibleAsync();

        // Removing it asks first.
        await need.GetByRole(AriaRole.Button, new() { Name = "Supprimer ce besoin" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Supprimer" }).ClickAsync();
        await Expect(need).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_respondent_reads_the_questionnaire_in_dutch_after_switching_language()
    {
        string token;
        await using (var db = browser.CreateDbContext())
        {
            var inCommon = await db.Mutualisations.Where(m => m.Name == "In Common").Select(m => m.Id).SingleAsync();
            var questionnaire = await db.Questionnaires.Where(q => q.LabId == inCommon).Select(q => q.Id).FirstAsync();
            var bral = await db.Organisations.Where(o => o.Name == "BRAL").Select(o => o.Id).SingleAsync();
            (var invitation, token) = Domain.Diagnostic.QuestionnaireInvitation.Create(questionnaire, bral, null, t => $"test:{t}", DateTimeOffset.UtcNow);
            db.QuestionnaireInvitations.Add(invitation);
            await db.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync($"/r/{token}");
        await Expect(page.GetByText("Page 1 sur 3")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "NL" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.GetByText("Pagina 1 van 3")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();
        await Expect(page.Locator(".answer-error").First).ToHaveTextAsync("Deze vraag is verplicht.");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task A_mistyped_link_shows_a_clear_accessible_page()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/r/not-a-real-link");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ce lien ne mène à aucun questionnaire");
        await page.AssertNoSeriousViolationsAsync();
    }
}
