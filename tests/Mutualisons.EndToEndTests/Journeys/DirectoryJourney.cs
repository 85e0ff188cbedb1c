using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class DirectoryJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_chooses_what_the_who_is_who_shows_and_others_find_them()
    {
        var observer = await browser.NewPageAsync();
        await observer.SignInAsync(DemoAppFixture.Observer);
        await observer.GotoAsync("/account");
        await Expect(observer.GetByRole(AriaRole.Heading, new() { Name = "Mon compte", Level = 1 })).ToBeVisibleAsync();
        await observer.GetByLabel("Responsable RH").CheckAsync();
        await observer.GetByLabel("Néerlandais").CheckAsync();
        await observer.Locator("#profile-interests").FillAsync("Tables de conversation bilingues");
        await observer.GetByLabel("Figurer dans l'annuaire de mes labs").CheckAsync();
        await observer.GetByLabel("Montrer mes centres d'intérêt").CheckAsync();
        await observer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes choix" }).ClickAsync();
        await Expect(observer.GetByRole(AriaRole.Status)).ToContainTextAsync("Enregistré.");

        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var pilot = await browser.NewPageAsync();
        await pilot.SignInAsync(DemoAppFixture.Pilot);
        await pilot.OpenAsync($"/labs/{lab}/directory");
        var card = pilot.Locator("[data-person='Omar (observateur)']");
        await Expect(card).ToContainTextAsync("Responsable RH");
        await Expect(card).ToContainTextAsync("Tables de conversation bilingues");
        await Expect(card).Not.ToContainTextAsync("Néerlandais");
        await Expect(card).Not.ToContainTextAsync("observateur@mutualisons.test");

        await pilot.GetByLabel("Rechercher un nom, une organisation, un intérêt").FillAsync("bilingues");
        await Expect(pilot.Locator("[data-person]")).ToHaveCountAsync(1);
        await pilot.GetByLabel("Rechercher un nom, une organisation, un intérêt").FillAsync("introuvable");
        await Expect(pilot.Locator("[data-person]")).ToHaveCountAsync(0);
        await Expect(pilot.GetByText("Personne ne correspond", new() { Exact = false })).ToBeVisibleAsync();
    }
}
