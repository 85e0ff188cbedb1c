using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class LanguageJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_switches_to_Dutch_and_the_choice_stays_on_the_next_visit()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Facilitator);
        await page.OpenAsync("/organisations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annuaire des organisations" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "NL", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gids van organisaties" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe organisatie" })).ToBeVisibleAsync();

        await page.OpenAsync("/");
        await Expect(page.GetByText("Elk living lab bouwt samen aan het delen van middelen.", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bota 75" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Navigatielogboek" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-cycle=Diagnostic]")).ToContainTextAsync("Noden in kaart brengen");

        await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Navigation journal" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_sign_in_page_switches_language_before_anyone_signs_in()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "NL", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in$"));
        await page.Locator("#sign-in-email").FillAsync(DemoAppFixture.Observer);
        await page.Locator("#sign-in-password").FillAsync("wrong password");
        await page.Locator(".static-form button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Verkeerd adres of wachtwoord.");
    }

    [Fact]
    public async Task The_lab_map_works_on_a_phone()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAppFixture.Coordination);
        await page.GetByRole(AriaRole.Link, new() { Name = "In Common" }).ClickAsync();

        var cards = page.Locator(".cycle-card");
        await Expect(cards).ToHaveCountAsync(5);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width}px wide on a 360px screen.");
        var lastLanguage = await page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).BoundingBoxAsync();
        Assert.True(lastLanguage!.X + lastLanguage.Width <= 360, "The language switch is cut off on a phone.");
    }
}
