using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class LabNavigationJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_facilitator_moves_the_focus_of_a_lab_with_a_reason_and_finds_it_in_the_journal_after_a_reload()
    {
        var page = await browser.NewPageAsync();
        var refused = await page.WatchAsync();
        await page.SignInAsync(DemoAppFixture.Facilitator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bota 75" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bota 75", Level = 1 })).ToBeVisibleAsync();

        var core = page.Locator("[data-cycle=CoreMethods]");
        await core.GetByRole(AriaRole.Button, new() { Name = "Porter le focus sur « Choisir et adapter les méthodes »" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#move-focus-reason").FillAsync("Trop de monde pour des ateliers : passer à un questionnaire large.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Déplacer le focus" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.ReloadInteractiveAsync();

        var newest = page.Locator(".journal-entry").First;
        await Expect(newest).ToContainTextAsync("Définir l'impact social → Choisir et adapter les méthodes");
        await Expect(newest).ToContainTextAsync("Fatima (facilitatrice)");
        await Expect(newest).ToContainTextAsync("Trop de monde pour des ateliers : passer à un questionnaire large.");
        await Expect(page.Locator("[data-cycle=CoreMethods]")).ToContainTextAsync("Focus actuel");
        // Sign-in, the interactive lab page, a dialog and a reload all ran under the Content-Security-Policy.
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_move_without_a_reason_is_explained_and_nothing_is_written()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Coordination);
        await page.GetByRole(AriaRole.Link, new() { Name = "In Common" }).ClickAsync();
        await Expect(page.Locator(".journal-entry").First).ToBeVisibleAsync();
        var entriesBefore = await page.Locator(".journal-entry").CountAsync();
        Assert.True(entriesBefore > 0);

        await page.Locator("[data-cycle=Impact]").GetByRole(AriaRole.Button, new() { Name = "Porter le focus sur « Définir l'impact social »" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Déplacer le focus" }).ClickAsync();

        await Expect(dialog).ToContainTextAsync("Expliquez pourquoi le focus change");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        await page.ReloadInteractiveAsync();
        await Expect(page.Locator(".journal-entry")).ToHaveCountAsync(entriesBefore);
    }

    [Fact]
    public async Task A_cycle_page_records_where_the_team_stands()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Coordination);
        await page.GetByRole(AriaRole.Link, new() { Name = "Headquarters for Change" }).ClickAsync();
        await page.Locator("[data-cycle=ToolConfiguration]").GetByRole(AriaRole.Link, new() { Name = "Ouvrir" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Configurer les outils", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "En exploration" }).CheckAsync();
        await page.GetByLabel("Notes de l'équipe").FillAsync("Outils de gouvernance à tester avec le groupe pilote.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByText("Enregistré.")).ToBeVisibleAsync();

        await page.ReloadInteractiveAsync();
        await Expect(page.GetByLabel("Notes de l'équipe")).ToHaveValueAsync("Outils de gouvernance à tester avec le groupe pilote.");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "En exploration" })).ToBeCheckedAsync();
    }

    [Fact]
    public async Task An_unknown_address_shows_a_friendly_page()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Observer);
        var response = await page.GotoAsync("/nowhere/to/be/found");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable" })).ToBeVisibleAsync();
    }
}
