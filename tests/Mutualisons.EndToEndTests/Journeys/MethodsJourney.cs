using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>The core cycle: the pilot group asks the chooser for a method, reads the library and sees which methods the lab used.</summary>
[Collection(SharedBrowser.Name)]
public sealed class MethodsJourney(BrowserFixture browser)
{
    private async Task<Guid> BotaAsync()
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task The_chooser_suggests_a_wide_questionnaire_to_consult_a_hundred_organisations_in_the_diagnosis()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);

        await page.OpenAsync($"/labs/{lab}/cycles/CoreMethods");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bibliothèque de méthodes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Méthodes", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Asking without saying how many to reach says so beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggérer" }).ClickAsync();
        await Expect(page.GetByText("Indiquez combien de personnes ou d'organisations toucher.")).ToBeVisibleAsync();
        await Expect(page.Locator(".method-suggestion")).ToHaveCountAsync(0);

        // The diagnosis, at the consultation level (the defaults), for 100 organisations in 8 weeks.
        await page.Locator("#chooser-people").FillAsync("100");
        await page.Locator("#chooser-weeks").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggérer" }).ClickAsync();
        var first = page.Locator(".method-suggestion").First;
        await Expect(first).ToHaveAttributeAsync("data-method", "wide-questionnaire");
        await Expect(first).ToContainTextAsync("Questionnaire large");
        await Expect(first).ToContainTextAsync("Bien adaptée");
        await Expect(first).ToContainTextAsync("Une seule séance réunit tout le monde.");
        await Expect(page.Locator(".method-suggestion[data-method='bilateral-meetings']")).ToContainTextAsync("À mener 7 fois pour toucher tout le monde.");
        await page.AssertNoSeriousViolationsAsync();

        // The library says how to run each method and what to watch out for.
        var questionnaire = page.Locator(".library-method[data-method='wide-questionnaire']");
        await questionnaire.GetByText("Comment mener : Questionnaire large").ClickAsync();
        await Expect(questionnaire).ToContainTextAsync("Attendez-vous à un taux de réponse modeste");

        // The working group's meeting of the demo follows the working-group method.
        await Expect(page.GetByTestId("method-uses").Locator("tr[data-method='working-group']")).ToContainTextAsync("Groupe de travail");

        // On a phone, the page does not scroll sideways.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(DemoAppFixture.Observer);
        await phone.OpenAsync($"/labs/{lab}/methods");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Méthodes", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The methods page scrolls sideways on a 360 px phone.");
        await phone.AssertNoSeriousViolationsAsync();
    }
}
