using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Cycle 4 governance: a body tries consent; a proposal meets an objection, answered and withdrawn; the decision is adopted and appears in the log.</summary>
[Collection(SharedBrowser.Name)]
public sealed class GovernanceJourney(BrowserFixture browser)
{
    private const string Body = "Assemblée des occupants (essai)";
    private const string Proposal = "Essayer l'éco-label pendant un an";

    [Fact]
    public async Task A_consent_decision_with_an_objection_answered_and_withdrawn_appears_in_the_log()
    {
        Guid lab, mdm;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
            mdm = await db.Organisations.Where(o => o.Name == "Médecins du Monde").Select(o => o.Id).SingleAsync();
        }

        // The pilot group sets up a body of organisations deciding by consent.
        var pilot = await browser.NewPageAsync();
        await pilot.SignInAsync(DemoAppFixture.Pilot);
        await pilot.OpenAsync($"/labs/{lab}/cycles/ToolConfiguration");
        await pilot.GetByRole(AriaRole.Link, new() { Name = "Voir les instances et modes de décision" }).ClickAsync();
        await Expect(pilot.GetByRole(AriaRole.Heading, new() { Name = "Instances et modes de décision", Level = 1 })).ToBeVisibleAsync();
        await pilot.WaitForInteractiveAsync();
        await pilot.Locator("#body-name").FillAsync(Body);
        await pilot.GetByLabel("Assemblée des occupants", new() { Exact = true }).CheckAsync();
        await pilot.GetByLabel("Consentement", new() { Exact = true }).CheckAsync();
        await pilot.GetByLabel("Médecins du Monde").CheckAsync();
        await pilot.AssertNoSeriousViolationsAsync();
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Créer une instance" }).ClickAsync();
        await Expect(pilot.Locator($"li[data-body='{Body}']")).ToContainTextAsync("À l'essai");

        // It puts a proposal to that body.
        await pilot.GetByRole(AriaRole.Link, new() { Name = "Décisions", Exact = true }).ClickAsync();
        await Expect(pilot.GetByRole(AriaRole.Heading, new() { Name = "Décisions", Level = 1 })).ToBeVisibleAsync();
        await pilot.WaitForInteractiveAsync();
        await pilot.GetByLabel(Body).CheckAsync();
        await pilot.Locator("#decision-title").FillAsync(Proposal);
        await pilot.Locator("#decision-deadline").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await pilot.AssertNoSeriousViolationsAsync();
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Soumettre", Exact = true }).ClickAsync();
        await Expect(pilot.GetByRole(AriaRole.Heading, new() { Name = Proposal, Level = 1 })).ToBeVisibleAsync();
        await pilot.WaitForInteractiveAsync();
        var decisionPath = new Uri(pilot.Url).AbsolutePath;

        // Paula, who decides for Médecins du Monde, objects with a reason.
        var paula = await browser.NewPageAsync();
        await paula.SignInAsync(DemoAppFixture.Participant);
        await paula.OpenAsync(decisionPath);
        await Expect(paula.GetByRole(AriaRole.Heading, new() { Name = Proposal, Level = 1 })).ToBeVisibleAsync();
        await paula.GetByLabel("Objection", new() { Exact = true }).CheckAsync();
        await paula.Locator("#vote-reason").FillAsync("Qui paie l'audit énergétique ?");
        await paula.GetByRole(AriaRole.Button, new() { Name = "Donner ma position" }).ClickAsync();
        await Expect(paula.Locator("li[data-ballot='Médecins du Monde']")).ToHaveAttributeAsync("data-position", "Objection");
        await paula.AssertNoSeriousViolationsAsync();

        // The pilot group answers the objection.
        await pilot.ReloadInteractiveAsync();
        await pilot.Locator($"#answer-{mdm}").FillAsync("La coopérative prend l'audit à sa charge.");
        await pilot.Locator("[data-answer='Médecins du Monde']").ClickAsync();
        await Expect(pilot.Locator("li[data-log='ObjectionAnswered']")).ToContainTextAsync("La coopérative prend l'audit à sa charge.");

        // Paula withdraws it by consenting.
        await paula.ReloadInteractiveAsync();
        await paula.GetByLabel("Pour / d'accord", new() { Exact = true }).CheckAsync();
        await paula.Locator("#vote-reason").FillAsync("Dans ce cas, d'accord.");
        await paula.GetByRole(AriaRole.Button, new() { Name = "Donner ma position" }).ClickAsync();
        await Expect(paula.Locator("li[data-log='ObjectionWithdrawn']")).ToBeVisibleAsync();

        // The pilot group closes it: adopted, with its statement, and it appears in the log.
        await pilot.ReloadInteractiveAsync();
        await pilot.Locator("#decision-statement").FillAsync("Essai d'un an de l'éco-label, adopté par consentement.");
        await pilot.GetByRole(AriaRole.Button, new() { Name = "Clôturer maintenant" }).ClickAsync();
        await Expect(pilot.Locator("[data-outcome]")).ToHaveTextAsync("Adoptée");
        await pilot.AssertNoSeriousViolationsAsync();
        await pilot.GetByRole(AriaRole.Link, new() { Name = "Décisions", Exact = true }).ClickAsync();
        var entry = pilot.Locator($"li[data-decision=\"{Proposal}\"]");
        await Expect(entry).ToHaveAttributeAsync("data-outcome", "Adopted");
        await Expect(entry).ToContainTextAsync("adopté par consentement");
        await pilot.AssertNoSeriousViolationsAsync();
    }
}
