using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// Cycle 3, the finishing touches: the pilot group corrects a measurement, removes an observation after a
/// confirmation, sources an indicator from a question of the lab's survey and dismisses the figure proposed, and
/// writes and adapts indicators of the lab's own catalogue; an observer reads that catalogue on a phone.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ImpactCompletionJourney(BrowserFixture browser)
{
    private const string Hours = "Heures d'accompagnement des groupes locaux par mois";

    private async Task<(Guid Lab, Guid Hypothesis)> BotaAsync()
    {
        await using var db = browser.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        var financite = await db.Organisations.Where(o => o.Name == "Réseau Financité").Select(o => o.Id).SingleAsync();
        return (lab, await db.ImpactHypotheses.Where(h => h.LabId == lab && h.OrganisationId == financite).OrderBy(h => h.CreatedAt).Select(h => h.Id).FirstAsync());
    }

    [Fact]
    public async Task The_pilot_group_corrects_a_measurement_removes_an_observation_and_sources_an_indicator_from_the_labs_survey()
    {
        var (lab, hypothesis) = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);
        await page.OpenAsync($"/labs/{lab}/impact/hypotheses/{hypothesis}");
        var hours = page.Locator($"[data-indicator=\"{Hours}\"]");

        // The February figure was typed wrong: corrected in place, the dialog starting from what was recorded.
        var february = hours.Locator("tr.measurement-row").First;
        await february.GetByRole(AriaRole.Button, new() { Name = "Modifier la mesure du", Exact = false }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#measurement-value")).ToHaveValueAsync("42");
        await dialog.Locator("#measurement-value").FillAsync("-1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Un nombre d'heures est positif ou nul.");
        await dialog.Locator("#measurement-value").FillAsync("43");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(february.Locator("td").First).ToHaveTextAsync("43 h");

        // An observation added by mistake is removed, after a confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un témoignage" }).ClickAsync();
        await page.GetByLabel("Observation", new() { Exact = true }).CheckAsync();
        await page.Locator("#evidence-text").FillAsync("Observation notée sur la mauvaise hypothèse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        var observation = page.Locator("li.evidence").Filter(new() { HasText = "Observation notée sur la mauvaise hypothèse" });
        await Expect(observation).ToHaveCountAsync(1);
        await observation.GetByRole(AriaRole.Button, new() { Name = "Supprimer la citation ou l'observation", Exact = false }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Cela ne peut pas être annulé");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Supprimer" }).ClickAsync();
        await Expect(observation).ToHaveCountAsync(0);

        // The hours are now followed through the lab's survey: the mean of its answers is proposed, then set aside.
        await hours.GetByRole(AriaRole.Button, new() { Name = $"Choisir la source de {Hours}" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Une question d'un questionnaire du lab");
        await dialog.Locator(".source-questionnaire").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Bilan du partage des lieux" }).ClickAsync();
        await dialog.Locator(".source-question").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "mètres carrés" }).First.ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la source" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(hours.GetByTestId("indicator-source")).ToContainTextAsync("« Bilan du partage des lieux »");
        var proposal = hours.GetByTestId("proposal");
        await Expect(proposal).ToContainTextAsync("3 réponse(s)");
        await proposal.GetByRole(AriaRole.Button, new() { Name = $"Écarter la mesure proposée pour {Hours}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Écarter" }).ClickAsync();
        await Expect(proposal).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_pilot_group_writes_and_adapts_the_labs_own_indicators_and_an_observer_reads_them_on_a_phone()
    {
        var (lab, _) = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);
        await page.OpenAsync($"/labs/{lab}/impact/catalogue");
        var own = page.GetByTestId("lab-catalogue");
        await Expect(own.Locator("[data-lab-entry='Midis partagés entre occupants']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un indicateur au catalogue du lab" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'indicateur du lab" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Donnez un nom à l'indicateur.");
        await dialog.Locator("#lab-entry-name").FillAsync("Prêts de matériel entre occupants");
        await dialog.Locator("#lab-entry-question").FillAsync("Combien d'objets avez-vous prêtés à un autre occupant ce mois-ci ?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'indicateur du lab" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(own.Locator("[data-lab-entry='Prêts de matériel entre occupants']")).ToContainTextAsync("Combien d'objets avez-vous prêtés");

        // A built-in entry is adapted through a copy: the catalogue's own entry stays as it was.
        await page.GetByRole(AriaRole.Button, new() { Name = "Adapter pour le lab : « Coûts annuels économisés »" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#lab-entry-name")).ToHaveValueAsync("Coûts annuels économisés");
        await dialog.Locator("#lab-entry-name").FillAsync("Loyer économisé par les occupants");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'indicateur du lab" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(own.Locator("[data-lab-entry='Loyer économisé par les occupants']")).ToContainTextAsync("Adapté de « Coûts annuels économisés »");
        await Expect(page.Locator("[data-entry='means.costs-saved'] h4")).ToHaveTextAsync("Coûts annuels économisés");
        await page.AssertNoSeriousViolationsAsync();

        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(DemoAppFixture.Observer);
        await phone.OpenAsync($"/labs/{lab}/impact/catalogue");
        await Expect(phone.GetByTestId("lab-catalogue").Locator("[data-lab-entry='Loyer économisé par les occupants']")).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Ajouter un indicateur au catalogue du lab" })).ToHaveCountAsync(0);
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Adapter pour le lab", Exact = false })).ToHaveCountAsync(0);
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The catalogue is {width} px wide on a 360 px screen.");
        await phone.AssertNoSeriousViolationsAsync();
    }
}
