using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// Cycle 4 governance closes its loop: a body tries consent and evaluates it; a proposal to adopt that mode is put
/// to it, an organisation votes through a proxy, those who have not voted are reminded, and the adopted decision
/// records the mode as adopted in one click, linked from the bodies page and shown in the log.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class DecisionFollowUpJourney(BrowserFixture browser)
{
    private const string Body = "Conseil des occupants (essai du consentement)";
    private const string Proposal = "Adopter le consentement pour le conseil";

    /// <summary>Lets a clicked button's ripple fade before axe measures contrast.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForTimeoutAsync(1200);
    }

    [Fact]
    public async Task A_proxy_votes_the_others_are_reminded_and_the_adopted_decision_records_the_mode_as_adopted()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }

        // The pilot group sets up a body of two organisations deciding by consent, and evaluates the mode.
        var pilot = await browser.NewPageAsync();
        await pilot.SignInAsync(DemoAppFixture.Pilot);
        await pilot.OpenAsync($"/labs/{lab}/bodies");
        await pilot.Locator("#body-name").FillAsync(Body);
        await pilot.GetByLabel("Assemblée des occupants", new() { Exact = true }).CheckAsync();
        await pilot.GetByLabel("Consentement", new() { Exact = true }).CheckAsync();
        await pilot.GetByLabel("Médecins du Monde", new() { Exact = true }).CheckAsync();
        await pilot.GetByLabel("Réseau Financité", new() { Exact = true }).CheckAsync();
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Créer une instance" }).ClickAsync();
        var body = pilot.Locator($"li[data-body='{Body}']");
        await Expect(body).ToHaveAttributeAsync("data-mode-status", "BeingTried");
        await body.GetByLabel($"Comment le mode de {Body} a fonctionné").FillAsync("Deux réunions ont suffi, les objections ont été entendues.");
        await body.GetByRole(AriaRole.Button, new() { Name = "Évaluer le mode" }).ClickAsync();
        await Expect(body).ToHaveAttributeAsync("data-mode-status", "Evaluated");

        // It proposes to adopt that mode: the proposal says what it decides.
        await pilot.OpenAsync($"/labs/{lab}/decisions");
        await pilot.GetByLabel(Body, new() { Exact = true }).CheckAsync();
        await pilot.Locator("#decision-title").FillAsync(Proposal);
        await pilot.Locator("#decision-deadline").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // A select is the combobox its label names.
        await pilot.GetByRole(AriaRole.Combobox, new() { Name = "Ce que la décision décide" }).ClickAsync();
        await pilot.GetByRole(AriaRole.Option, new() { Name = "Le mode de décision d'une instance", Exact = true }).ClickAsync();
        var target = pilot.GetByRole(AriaRole.Combobox, new() { Name = "Instance dont le mode est décidé" });
        await Expect(target).ToBeVisibleAsync();
        await target.ClickAsync();
        await pilot.GetByRole(AriaRole.Option).Filter(new() { HasText = Body }).First.ClickAsync();
        await Expect(target).ToHaveValueAsync(Body);
        await SettleAsync(pilot);
        await pilot.AssertNoSeriousViolationsAsync();
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Soumettre", Exact = true }).ClickAsync();
        await Expect(pilot.GetByRole(AriaRole.Heading, new() { Name = Proposal, Level = 1 })).ToBeVisibleAsync();
        await pilot.WaitForInteractiveAsync();
        await Expect(pilot.Locator("[data-subject='DecisionMode']")).ToContainTextAsync(Body);
        var decisionPath = new Uri(pilot.Url).AbsolutePath;

        // Réseau Financité has no decision maker in the app: the pilot group records the proxy it designated, Omar.
        var proxy = pilot.Locator("[data-proxy]");
        await proxy.GetByRole(AriaRole.Combobox, new() { Name = "Pour l'organisation" }).ClickAsync();
        await pilot.GetByRole(AriaRole.Option).Filter(new() { HasText = "Réseau Financité" }).First.ClickAsync();
        await proxy.GetByRole(AriaRole.Combobox, new() { Name = "Personne qui vote à sa place" }).ClickAsync();
        await pilot.GetByRole(AriaRole.Option).Filter(new() { HasText = "Omar" }).First.ClickAsync();
        await proxy.GetByRole(AriaRole.Button, new() { Name = "Désigner", Exact = true }).ClickAsync();
        await Expect(pilot.Locator("li[data-log='ProxyDesignated']")).ToBeVisibleAsync();

        // Nobody has voted yet: the pilot group reminds them, and the log keeps it.
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Envoyer un rappel maintenant" }).ClickAsync();
        await Expect(pilot.Locator("li[data-log='Reminded']")).ToBeVisibleAsync();
        await SettleAsync(pilot);
        await pilot.AssertNoSeriousViolationsAsync();

        // Omar votes for Réseau Financité, as its proxy; Paula for Médecins du Monde.
        var omar = await browser.NewPageAsync();
        await omar.SignInAsync(DemoAppFixture.Observer);
        await omar.OpenAsync(decisionPath);
        await Expect(omar.Locator("[data-vote]")).ToContainTextAsync("Réseau Financité");
        await omar.GetByRole(AriaRole.Button, new() { Name = "Donner ma position" }).ClickAsync();
        await Expect(omar.Locator("li[data-ballot='Réseau Financité']")).ToContainTextAsync("(mandataire)");
        await SettleAsync(omar);
        await omar.AssertNoSeriousViolationsAsync();
        var paula = await browser.NewPageAsync();
        await paula.SignInAsync(DemoAppFixture.Participant);
        await paula.OpenAsync(decisionPath);
        await paula.GetByRole(AriaRole.Button, new() { Name = "Donner ma position" }).ClickAsync();
        await Expect(paula.Locator("li[data-ballot='Médecins du Monde']")).ToHaveAttributeAsync("data-position", "For");

        // Closed as adopted, the decision is carried over in one click: the mode is adopted.
        await pilot.ReloadInteractiveAsync();
        await pilot.Locator("#decision-statement").FillAsync("Le conseil décide par consentement.");
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Clôturer maintenant" }).ClickAsync();
        await Expect(pilot.Locator("[data-outcome]")).ToHaveTextAsync("Adoptée");
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mode comme adopté" }).ClickAsync();
        await Expect(pilot.Locator("[data-carry-over='Done']")).ToBeVisibleAsync();
        await SettleAsync(pilot);
        await pilot.AssertNoSeriousViolationsAsync();

        // The bodies page shows the mode adopted, by that decision; the log shows what the decision decided.
        await pilot.OpenAsync($"/labs/{lab}/bodies");
        await Expect(body).ToHaveAttributeAsync("data-mode-status", "Adopted");
        await Expect(body.Locator("[data-adopted-by]")).ToContainTextAsync(Proposal);
        await pilot.AssertNoSeriousViolationsAsync();
        await pilot.OpenAsync($"/labs/{lab}/decisions");
        await Expect(pilot.Locator($"li[data-decision=\"{Proposal}\"] [data-subject='DecisionMode']")).ToContainTextAsync(Body);
        await pilot.AssertNoSeriousViolationsAsync();
    }
}
