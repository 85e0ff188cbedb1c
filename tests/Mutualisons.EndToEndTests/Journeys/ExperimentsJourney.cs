using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Cycle 4: the pilot group proposes an experiment, places it on the portfolio, moves it with a reason, and finds the working groups.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ExperimentsJourney(BrowserFixture browser)
{
    // The issue's own example: "Eco-label" recorded with feasibility 4 and impact 5.
    private const string Title = "Éco-label";

    private async Task<Guid> BotaAsync()
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task The_pilot_group_proposes_places_and_postpones_an_experiment_and_reads_the_working_groups()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);

        await page.OpenAsync($"/labs/{lab}/cycles/ToolConfiguration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir les expérimentations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Expérimentations", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Proposing without a title says why, beside the title.
        await page.GetByRole(AriaRole.Button, new() { Name = "Proposer une expérimentation" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#experiment-title")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Donnez un titre à l'expérimentation.");
        await page.AssertNoSeriousViolationsAsync();
        await dialog.Locator("#experiment-title").FillAsync(Title);
        await dialog.Locator("#experiment-staff").FillAsync("Une heure par semaine");
        await dialog.GetByLabel("Rendre la coopération possible").CheckAsync();
        await dialog.Locator("[data-score='feasibility']").GetByLabel("4", new() { Exact = true }).CheckAsync();
        await dialog.Locator("[data-score='impact']").GetByLabel("5", new() { Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        // The experiment's page: placed where feasibility 4 and impact 5 put it.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-quadrant='StartFirst']")).ToHaveTextAsync("À lancer en priorité");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Proposée");
        await page.AssertNoSeriousViolationsAsync();

        // A move asks why; without a reason nothing moves.
        await page.Locator("[data-move='Postponed']").ClickAsync();
        var move = page.GetByRole(AriaRole.Dialog);
        await move.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'étape" }).ClickAsync();
        await Expect(move).ToContainTextAsync("Dites pourquoi");
        await page.AssertNoSeriousViolationsAsync();
        await move.Locator("#move-reason").FillAsync("Après la première réunion des occupants");
        await move.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'étape" }).ClickAsync();
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Reportée");
        var history = page.Locator(".experiment-history li[data-move-to='Postponed']");
        await Expect(history).ToContainTextAsync("Après la première réunion des occupants");
        await Expect(history).ToContainTextAsync("Pieter (groupe pilote)");
        await Expect(page.Locator("[data-move='Proposed']")).ToBeVisibleAsync();
        await page.Locator(".mud-snackbar").First.WaitForAsync();
        await page.AssertNoSeriousViolationsAsync();

        // On the portfolio, its point is reached by keyboard and shows its details.
        await page.GetByRole(AriaRole.Link, new() { Name = "Expérimentations", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Expérimentations", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        var point = page.Locator($"svg a[data-experiment='{Title}']");
        await point.FocusAsync();
        await Expect(point).ToBeFocusedAsync();
        await Expect(page.Locator("[data-details]")).ToContainTextAsync(Title);
        await Expect(page.Locator("[data-details]")).ToContainTextAsync("À lancer en priorité");
        await Expect(page.Locator($"tr[data-row='{Title}']")).ToContainTextAsync("Reportée");
        await page.Locator("button[data-column='Title']").ClickAsync();
        await Expect(page.Locator("th:has(button[data-column='Title'])")).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.AssertNoSeriousViolationsAsync();

        // The working groups and one of them, with its overdue step flagged.
        await page.GetByRole(AriaRole.Link, new() { Name = "Groupes de travail" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Groupes de travail", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "GT Éco-label et coopérative" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "GT Éco-label et coopérative", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("li[data-step=\"Demander un devis d'audit énergétique pour tout le bâtiment\"] [data-overdue]")).ToHaveTextAsync("En retard");
        await Expect(page.Locator("li[data-meeting='Réunion du GT Éco-label']")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // On a phone the portfolio stays within the screen.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(DemoAppFixture.Observer);
        await phone.OpenAsync($"/labs/{lab}/experiments");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Expérimentations", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Proposer une expérimentation" })).ToHaveCountAsync(0);
        await phone.AssertNoSeriousViolationsAsync();
    }
}
