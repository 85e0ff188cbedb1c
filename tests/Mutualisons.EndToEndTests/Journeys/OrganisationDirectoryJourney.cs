using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class OrganisationDirectoryJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_facilitator_registers_an_organisation_and_finds_it_by_search()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Admin);
        await page.OpenAsync("/organisations");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle organisation" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#organisation-name").FillAsync("Repair Café Ixelles");
        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Initiative citoyenne" }).ClickAsync();
        await dialog.Locator("#organisation-sector").FillAsync("Réparation");
        await dialog.Locator("#organisation-city").FillAsync("Ixelles");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.GetByLabel("Rechercher par nom, secteur ou commune").FillAsync("repair caf");

        var row = page.Locator("tr", new() { HasText = "Repair Café Ixelles" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Initiative citoyenne");
        await Expect(row).ToContainTextAsync("Ixelles");
        await Expect(page.Locator("tr", new() { HasText = "Médecins du Monde" })).ToHaveCountAsync(0);

        // Still there for the next person: the directory reads from the database.
        await page.ReloadInteractiveAsync();
        await page.GetByLabel("Rechercher par nom, secteur ou commune").FillAsync("Ixelles");
        await Expect(page.Locator("tr", new() { HasText = "Repair Café Ixelles" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_form_with_mistakes_explains_them_beside_the_fields_and_keeps_what_was_typed()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Admin);
        await page.OpenAsync("/organisations");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle organisation" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#organisation-sector").FillAsync("Culture");
        await dialog.Locator("#organisation-website").FillAsync("culture.example");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(dialog).ToContainTextAsync("Le nom de l'organisation est obligatoire.");
        await Expect(dialog).ToContainTextAsync("Choisissez la forme de l'organisation.");
        await Expect(dialog).ToContainTextAsync("Indiquez une adresse web complète");
        await Expect(dialog.Locator("#organisation-sector")).ToHaveValueAsync("Culture");
        await Expect(dialog.Locator("#organisation-website")).ToHaveValueAsync("culture.example");
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_first()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Admin);
        await page.OpenAsync("/organisations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle organisation" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#organisation-name").FillAsync("Éphémère asbl");
        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Association" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer Éphémère asbl" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        await Expect(page.Locator("tr", new() { HasText = "Éphémère asbl" })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer Éphémère asbl" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Supprimer" }).ClickAsync();
        await Expect(page.Locator("tr", new() { HasText = "Éphémère asbl" })).ToHaveCountAsync(0);
    }
}
