using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Cycle 4's SWOT boards: the place theme's board takes a threat from the notebook's prompts, linked to an experiment that shows it.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SwotJourney(BrowserFixture browser)
{
    private const string EcoLabel = "Éco-label « entreprise éco-dynamique »";

    [Fact]
    public async Task The_SWOT_board_of_the_place_theme_links_an_experiment()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var text = $"Qui décide de l'usage des salles ? ({Guid.NewGuid().ToString()[..6]})";

        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);
        await page.OpenAsync($"/labs/{lab}/cycles/ToolConfiguration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir l'analyse SWOT par thème" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forces, faiblesses, opportunités et risques par thème", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-board]")).ToHaveAttributeAsync("data-board", "Place");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lieux physiques (4)" })).ToHaveAttributeAsync("aria-current", "page");
        await page.AssertNoSeriousViolationsAsync();

        // The threats square offers the notebook's risks not yet noted there; the keyboard takes one.
        var threats = page.Locator("section[data-quadrant='Threat']");
        await Expect(threats.Locator("[data-prompt='RelationsBetweenPeople']")).ToHaveCountAsync(0);
        await threats.Locator("[data-prompt='Governance']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#swot-text")).ToHaveValueAsync("Gouvernance");
        await dialog.Locator("#swot-text").FillAsync(text);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = EcoLabel }).CheckAsync();
        await page.AssertNoSeriousViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var item = threats.Locator($"li[data-item=\"{text}\"]");
        await Expect(item).ToContainTextAsync("Gouvernance");
        await Expect(threats.Locator("[data-prompt='Governance']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lieux physiques (5)" })).ToBeVisibleAsync();

        // The experiment shows the item, and leads back to the board.
        await item.GetByRole(AriaRole.Link, new() { Name = EcoLabel }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = EcoLabel, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator($"li[data-swot-item=\"{text}\"]")).ToContainTextAsync("Lieux physiques, Risques");
        await page.AssertNoSeriousViolationsAsync();
        await page.Locator($"li[data-swot-item=\"{text}\"]").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("[data-board]")).ToHaveAttributeAsync("data-board", "Place");
        await page.WaitForInteractiveAsync();

        // Removing it asks first.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Supprimer « {text} »" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Supprimer" }).ClickAsync();
        await Expect(threats.Locator($"li[data-item=\"{text}\"]")).ToHaveCountAsync(0);
        await Expect(threats.Locator("[data-prompt='Governance']")).ToHaveCountAsync(1);
    }
}
