using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>A pilot group member keeps the register, records activities and watches the ladder.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ParticipationJourney(BrowserFixture browser)
{
    private async Task<(IPage Page, Guid Lab)> StartAsync()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);
        return (page, lab);
    }

    private static async Task AddStakeholderAsync(IPage page, Guid lab, string name)
    {
        await page.OpenAsync($"/labs/{lab}/publics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une partie prenante" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#stakeholder-name").FillAsync(name);
        await dialog.Locator("#stakeholder-interest").FillAsync("Mieux se connaître entre occupants");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.Locator($"tr[data-stakeholder='{name}']")).ToHaveCountAsync(1);
    }

    private static async Task PlanAsync(IPage page, Guid lab, string title, string cycle, string level, params string[] invited)
    {
        await page.OpenAsync($"/labs/{lab}/publics/activities");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier une activité" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#activity-title").FillAsync(title);
        await dialog.Locator("#activity-date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByLabel(cycle, new() { Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Radio, new() { Name = level, Exact = true }).CheckAsync();
        foreach (var name in invited)
        {
            await dialog.GetByLabel(name, new() { Exact = true }).CheckAsync();
        }
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.Locator($"[data-activity='{title}']")).ToContainTextAsync("Prévue");
    }

    [Fact]
    public async Task Recording_a_workshop_with_attendance_raises_the_reached_levels_on_the_dashboard()
    {
        var (page, lab) = await StartAsync();
        await AddStakeholderAsync(page, lab, "Occupants du rez");
        await AddStakeholderAsync(page, lab, "Équipe cantine");
        await Expect(page.Locator("tr[data-stakeholder='Occupants du rez'] td[data-cycle=Publics]")).ToContainTextAsync("aucun");

        await PlanAsync(page, lab, "Atelier des pistes", "Identifier et impliquer les publics", "Délibération", "Occupants du rez", "Équipe cantine");
        var card = page.Locator("[data-activity='Atelier des pistes']");
        await card.GetByRole(AriaRole.Button, new() { Name = "Noter la tenue et les présences" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Occupants du rez", new() { Exact = true }).CheckAsync();
        await dialog.Locator("#activity-outputs").FillAsync("Six pistes d'expérimentation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Tenue");
        await Expect(card).ToContainTextAsync("1 présent(s) sur 2 invité(s)");

        await page.OpenAsync($"/labs/{lab}/publics");
        await Expect(page.Locator("tr[data-stakeholder='Occupants du rez'] td[data-cycle=Publics]")).ToContainTextAsync("Délibération");
        await Expect(page.Locator("tr[data-stakeholder='Équipe cantine'] td[data-cycle=Publics]")).ToContainTextAsync("aucun");
        var deliberation = page.Locator("tr[data-cycle=Publics] td[data-level=Deliberation]");
        Assert.True(int.Parse((await deliberation.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter la matrice (CSV, séparateur ;)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        // French Excel splits on semicolons.
        Assert.StartsWith("Nom;Type de partie prenante;", csv, StringComparison.Ordinal);
        Assert.Contains("Occupants du rez;Organisation;;;;Délibération", csv, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Occupants du rez" }).ClickAsync();
        await Expect(page.Locator(".history-line").First).ToContainTextAsync("Aucun → Délibération", new() { IgnoreCase = true });
        await Expect(page.Locator(".history-line").First).ToContainTextAsync("Atelier des pistes");
    }

    [Fact]
    public async Task A_target_above_the_reached_level_raises_an_alert()
    {
        var (page, lab) = await StartAsync();
        await AddStakeholderAsync(page, lab, "Futurs usagers du label");

        await page.GetByRole(AriaRole.Link, new() { Name = "Futurs usagers du label" }).ClickAsync();
        await page.Locator("tr[data-cycle=Impact] .mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Collaboration" }).ClickAsync();
        await Expect(page.GetByText("Enregistré.")).ToBeVisibleAsync();

        await page.OpenAsync($"/labs/{lab}/publics");
        var alert = page.Locator("[data-alert=below-target]");
        await Expect(alert).ToContainTextAsync("Futurs usagers du label");
        await Expect(alert).ToContainTextAsync("Définir l'impact social");
        await Expect(page.Locator("tr[data-stakeholder='Futurs usagers du label'] td[data-cycle=Impact]")).ToContainTextAsync("objectif : Collaboration ⚠");
    }

    [Fact]
    public async Task Postponing_an_activity_twice_raises_an_alert()
    {
        var (page, lab) = await StartAsync();
        await PlanAsync(page, lab, "Visite du Tri postal", "Configurer les outils", "Information");

        for (var i = 1; i <= 2; i++)
        {
            await page.Locator("[data-activity='Visite du Tri postal']").GetByRole(AriaRole.Button, new() { Name = "Reporter" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator("#activity-new-date").FillAsync(DateTime.UtcNow.AddDays(14 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await dialog.Locator("#activity-reason").FillAsync("Mobilisation trop faible");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-activity='Visite du Tri postal']")).ToContainTextAsync($"(reportée {i} fois)");
        }

        await page.OpenAsync($"/labs/{lab}/publics");
        await Expect(page.Locator("[data-alert=postponed]", new() { HasText = "Visite du Tri postal" })).ToContainTextAsync("reportée 2 fois");
    }

    [Fact]
    public async Task The_pilot_group_records_the_mandate_of_a_bilateral_meeting()
    {
        var (page, lab) = await StartAsync();
        await page.OpenAsync($"/labs/{lab}/publics");
        await page.GetByRole(AriaRole.Link, new() { Name = "Groupe pilote" }).ClickAsync();
        await Expect(page.GetByText("Faire vivre le processus et garder le cap.")).ToBeVisibleAsync();

        var card = page.Locator("[data-mandate='Vluchtelingenwerk Vlaanderen']");
        await card.GetByRole(AriaRole.Button, new() { Name = "Noter le mandat" }).ClickAsync();
        await card.Locator("#mandate-decision").FillAsync("Directie");
        await card.Locator("#mandate-time").FillAsync("Coördinator, een halve dag per maand");
        await card.GetByLabel("Feu vert donné").CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Indiquez la date du feu vert.");

        await card.Locator("#mandate-green-light-on").FillAsync("2018-12-04");
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(card).ToContainTextAsync("Feu vert le 4 déc. 2018");
        await Expect(card).ToContainTextAsync("Coördinator, een halve dag per maand");
    }

    [Fact]
    public async Task The_labs_organisations_join_the_register_in_one_click_and_can_be_described()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Coordination);
        await page.OpenAsync($"/labs/{lab}/publics");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter les organisations du lab" }).ClickAsync();
        await Expect(page.Locator("tr[data-stakeholder='Communa']")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr[data-stakeholder='BRAL']")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Communa" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier" }).ClickAsync();
        await page.Locator("#describe-interest").FillAsync("Co-construire un lieu fédérateur si l'idée est plébiscitée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByText("Co-construire un lieu fédérateur", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_observer_reads_the_ladder_but_cannot_change_it()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Observer);

        await page.OpenAsync($"/labs/{lab}/publics");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Publics et participation", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une partie prenante" })).ToHaveCountAsync(0);
        await page.OpenAsync($"/labs/{lab}/publics/activities");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Planifier une activité" })).ToHaveCountAsync(0);
    }
}
