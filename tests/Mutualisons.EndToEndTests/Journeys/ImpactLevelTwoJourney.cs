using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Cycle 3, second level: the pilot group sets the lab's evaluation frame, pursues a logic for a member's hypothesis and sees it on the chain.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ImpactLevelTwoJourney(BrowserFixture browser)
{
    private async Task<Guid> BotaAsync()
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task The_pilot_group_sets_the_frame_links_a_logic_to_a_hypothesis_and_finds_it_on_the_chain()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);

        await page.OpenAsync($"/labs/{lab}/impact");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cadre d'évaluation", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cadre d'évaluation", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        // Each complexity comes with what it means.
        await Expect(page.Locator("[data-complexity='Epistemic']")).ToContainTextAsync("chaque méthode porte ses propres présupposés");
        await page.GetByLabel("Les pouvoirs publics").CheckAsync();
        await page.Locator("#frame-epistemic").FillAsync("Le temps libéré ne dit pas ce que les groupes locaux en font");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le cadre" }).ClickAsync();
        await Expect(page.GetByText("Dernière modification le", new() { Exact = false })).ToBeVisibleAsync();
        // The "saved" notice is checked once it has gone, as every journey does.
        await page.Locator(".mud-snackbar").First.WaitForAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.ReloadInteractiveAsync();
        await Expect(page.Locator("#frame-epistemic")).ToHaveValueAsync("Le temps libéré ne dit pas ce que les groupes locaux en font");
        await Expect(page.GetByLabel("Les pouvoirs publics")).ToBeCheckedAsync();

        await page.OpenAsync($"/labs/{lab}/impact");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logiques de mutualisation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logiques de mutualisation", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        var strong = page.Locator("[data-logic='StrongProject']");
        await Expect(strong).ToContainTextAsync("Non poursuivie");
        await strong.GetByRole(AriaRole.Button, new() { Name = "Poursuivre cette logique : Logique de projet forte (coopération)" }).ClickAsync();
        var form = strong.GetByTestId("logic-form");
        await form.Locator("#logic-expectation-StrongProject").FillAsync("Des sessions de sensibilisation communes entre occupants");
        // Saving without an objective says why, beside the objectives.
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la logique" }).ClickAsync();
        await Expect(form).ToContainTextAsync("Choisissez au moins un objectif d'impact");
        await form.GetByLabel("Réseau Financité — Partager les salles de réunion", new() { Exact = false }).CheckAsync();
        await form.GetByLabel("Amélioration de la qualité").CheckAsync();
        await Expect(form.Locator("[data-strategy='Learning']")).ToContainTextAsync("sert vos objectifs");
        await form.GetByLabel("Coopération", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la logique" }).ClickAsync();
        await Expect(strong).ToContainTextAsync("Poursuivie");
        await Expect(strong).ToContainTextAsync("Des sessions de sensibilisation communes entre occupants");
        await page.Locator(".mud-snackbar").First.WaitForAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Voir la chaîne d'impact" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chaîne d'impact du lab", Level = 1 })).ToBeVisibleAsync();
        // The chain starts from the frame just set.
        await Expect(page.GetByTestId("chain-frame")).ToContainTextAsync("Les pouvoirs publics");
        var listed = page.Locator("[data-testid='chain-list'] li[data-chain-logic='StrongProject']");
        await Expect(listed).ToContainTextAsync("Partager les salles de réunion du Bota 75");
        await Expect(listed.Locator("li[data-chain-indicator='Frais de location de salles par mois']")).ToContainTextAsync("850 €");
        // The diagram's nodes are reached by keyboard.
        var node = page.Locator("[data-diagram-logic='StrongProject']");
        await node.FocusAsync();
        await Expect(node).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("[data-diagram-logic='StrongProject'] + .chain-children .chain-node-hypothesis").First).ToBeFocusedAsync();
        await page.AssertNoSeriousViolationsAsync();

        // On a phone the chain stays within the screen.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(DemoAppFixture.Observer);
        await phone.OpenAsync($"/labs/{lab}/impact/chain");
        await Expect(phone.Locator("[data-diagram-logic='StrongProject']")).ToBeVisibleAsync();
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The chain is {width} px wide on a 360 px screen.");
        await phone.AssertNoSeriousViolationsAsync();

        // The observer reads the frame and the logics without a way to change them, on the same small screen.
        await phone.OpenAsync($"/labs/{lab}/impact/frame");
        await Expect(phone.Locator("#frame-epistemic")).ToHaveAttributeAsync("readonly", string.Empty);
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le cadre" })).ToHaveCountAsync(0);
        await phone.AssertNoSeriousViolationsAsync();
        await phone.OpenAsync($"/labs/{lab}/impact/logics");
        await Expect(phone.Locator("[data-logic='StrongProject']")).ToContainTextAsync("Poursuivie");
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Modifier", Exact = false })).ToHaveCountAsync(0);
        width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The logics page is {width} px wide on a 360 px screen.");
        await phone.AssertNoSeriousViolationsAsync();
    }
}
