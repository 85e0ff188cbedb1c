using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// The lab's notebook: from a cycle page, the pilot group tells a story with a picture and chooses it for the
/// notebook, checks in on its navigation, and adds an inspiration from elsewhere.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class NotebookJourney(BrowserFixture browser)
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private async Task<Guid> BotaAsync()
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task The_pilot_group_tells_a_story_with_a_picture_checks_in_on_its_navigation_and_adds_an_inspiration()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);

        // From the tools cycle, the stories that tell of it.
        await page.OpenAsync($"/labs/{lab}/cycles/ToolConfiguration");
        var panel = page.GetByTestId("notebook-panel");
        await Expect(panel).ToContainTextAsync("Premier GT Éco-label : le coût d'un audit");
        await panel.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Récits de ce cycle") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Récits", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-story='Le deuxième atelier, annulé deux fois']")).ToHaveCountAsync(0);
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();

        // A story without text says so beside the field and keeps what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Écrire un récit" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#story-title").FillAsync("Visite de la salle du 3e");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog.GetByText("Écrivez le récit.")).ToBeVisibleAsync();
        await Expect(dialog.Locator("#story-title")).ToHaveValueAsync("Visite de la salle du 3e");
        // The cycle the list was filtered on is already ticked.
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Configurer les outils" })).ToBeCheckedAsync();
        await dialog.Locator("#story-day").FillAsync("2026-11-20");
        await dialog.Locator("#story-body").FillAsync("La salle peut accueillir **trente personnes**.\n\n<script>alert('x')</script>");
        await dialog.GetByLabel("Reprendre dans le cahier de synthèse").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Visite de la salle du 3e", Level = 1 })).ToBeVisibleAsync();
        var body = page.GetByTestId("story-body");
        await Expect(body.Locator("strong")).ToHaveTextAsync("trente personnes");
        await Expect(body.Locator("script")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Reprendre dans le cahier de synthèse")).ToBeCheckedAsync();
        await page.WaitForInteractiveAsync();

        // A picture: a file that is not one is refused, a PNG with its description is shown.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une image" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#story-picture-file").SetInputFilesAsync(new FilePayload { Name = "plan.png", MimeType = "image/png", Buffer = "pas une image"u8.ToArray() });
        await dialog.Locator("#story-picture-alt").FillAsync("Le plan de la salle");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog.GetByText("Ce fichier n'est pas une image PNG, JPEG ou WebP.")).ToBeVisibleAsync();
        await dialog.Locator("#story-picture-file").SetInputFilesAsync(new FilePayload { Name = "plan.png", MimeType = "image/png", Buffer = Pixel });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Le plan de la salle" })).ToBeVisibleAsync();
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "Le plan de la salle" }).EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "The picture did not load from the app.");
        await page.AssertNoSeriousViolationsAsync();

        // The navigation: a stormy check-in asking for outside help shows on the timeline, with a call for help.
        await page.OpenAsync($"/labs/{lab}/navigation");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Navigation", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#checkin-where").FillAsync("Les groupes de travail s'essoufflent.");
        await page.Locator("#checkin-worries").FillAsync("Le départ de deux pilotes.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Dans la tempête" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Oui" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le point d'étape" }).ClickAsync();
        await Expect(page.Locator("li[data-kind='check-in']").First).ToContainTextAsync("Les groupes de travail s'essoufflent.");
        await Expect(page.GetByTestId("outside-help")).ToBeVisibleAsync();
        await Expect(page.Locator("li[data-kind='move']").First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // An inspiration with a link that is not a web address is refused, then saved once corrected.
        await page.OpenAsync($"/labs/{lab}/inspirations");
        await Expect(page.Locator("[data-inspiration='TIESS']")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une inspiration" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#inspiration-name").FillAsync("Une ressourcerie de quartier");
        await dialog.Locator("#inspiration-lesson").FillAsync("Un atelier de réparation partagé par trois associations.");
        await dialog.Locator("#inspiration-link").FillAsync("www.ressourcerie.example");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Solidarité" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog.GetByText("Le lien est une adresse web commençant par https:// ou http://.")).ToBeVisibleAsync();
        await dialog.Locator("#inspiration-link").FillAsync("https://ressourcerie.example");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator("[data-inspiration='Une ressourcerie de quartier']")).ToContainTextAsync("Solidarité");

        // On a phone, the story reads without scrolling sideways.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(DemoAppFixture.Observer);
        await phone.OpenAsync($"/labs/{lab}/stories");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Visite de la salle du 3e" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Img, new() { Name = "Le plan de la salle" })).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Ajouter une image" })).ToHaveCountAsync(0);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The story page scrolls sideways on a 360 px phone.");
        await phone.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_pilot_group_introduces_the_cahier_previews_it_in_dutch_and_downloads_it_as_word()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);

        await page.OpenAsync($"/labs/{lab}/stories");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cahier de synthèse" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cahier de synthèse", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.Locator("#synthesis-introduction").FillAsync("Ce cahier raconte la première année de Bota 75.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'introduction" }).ClickAsync();
        await Expect(page.GetByText("Enregistré")).ToBeVisibleAsync();

        // A period that ends before it starts is refused beside the field, and nothing is built.
        await page.Locator("#synthesis-from").FillAsync("2020-01-01");
        await page.Locator("#synthesis-to").FillAsync("2019-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        await Expect(page.GetByText("La fin de la période précède son début.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("synthesis-docx")).ToHaveCountAsync(0);

        // The whole lab, in Dutch, without the annex.
        await page.Locator("#synthesis-from").FillAsync("");
        await page.Locator("#synthesis-to").FillAsync("");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Annexe : méthodes et participants" }).UncheckAsync();
        await page.GetByLabel("Langue du cahier").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Néerlandais" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }).ClickAsync();
        var preview = page.Locator("article.synthesis-preview");
        // The whole lab's cahier takes a few seconds to gather on a busy machine: the page shows progress meanwhile.
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Instrumenten configureren", Level = 2 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(preview).ToContainTextAsync("Ce cahier raconte la première année de Bota 75.");
        await Expect(preview.GetByRole(AriaRole.Table, new() { Name = "Portefeuille van experimenten" })).ToBeVisibleAsync();
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Bijlage" })).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("synthesis-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        var headings = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Inleiding", "De kaart van de cycli", "Noden in kaart brengen", "Publiek identificeren en betrekken", "Sociale impact bepalen", "Instrumenten configureren", "Methoden kiezen en aanpassen"], headings);
        Assert.Equal("nl", word.PackageProperties.Language);
    }
}
