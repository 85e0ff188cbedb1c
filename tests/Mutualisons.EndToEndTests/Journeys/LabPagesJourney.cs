using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>The frame lab pages share, the not-found answer, and the forms' messages, as a person meets them.</summary>
[Collection(SharedBrowser.Name)]
public sealed class LabPagesJourney(BrowserFixture browser)
{
    private async Task<Guid> LabIdAsync(string name)
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task The_people_of_a_lab_fit_a_1280_pixel_screen_without_scrolling_sideways()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Facilitator);
        await page.OpenAsync($"/labs/{await LabIdAsync("Bota 75")}/people");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Personnes du lab", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-breadcrumbs")).ToContainTextAsync("Bota 75");

        var overflowing = await page.EvaluateAsync<int>(
            "() => [document.documentElement, ...document.querySelectorAll('.mud-table-container')].filter(e => e.scrollWidth > e.clientWidth + 1).length");

        Assert.Equal(0, overflowing);
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task An_unknown_lab_shows_the_not_found_page_inside_the_app()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Facilitator);

        var response = await page.GotoAsync($"/labs/{Guid.NewGuid()}/publics");

        Assert.Equal(404, response!.Status);
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task A_new_lab_without_a_name_is_explained_beside_the_field_and_what_was_typed_stays()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Admin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau lab" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Group, new() { Name = "Niveau de coopération" })).ToBeVisibleAsync();
        await dialog.Locator("#new-lab-description").FillAsync("Un atelier partagé à Forest.");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le lab" }).ClickAsync();

        await Expect(dialog).ToContainTextAsync("Donnez un nom au lab.");
        await Expect(dialog.Locator(".field-message")).ToHaveTextAsync("Cochez au moins une ressource mise en commun.");
        await Expect(dialog.Locator("#new-lab-description")).ToHaveValueAsync("Un atelier partagé à Forest.");
        await page.AssertNoSeriousViolationsAsync();
    }
}
