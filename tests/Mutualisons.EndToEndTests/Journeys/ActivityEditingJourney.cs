using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>A pilot group member corrects an activity and records one nobody came to, on purpose.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ActivityEditingJourney(BrowserFixture browser)
{
    [Fact]
    public async Task An_activity_is_edited_and_holding_it_with_nobody_present_asks_for_confirmation_first()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);
        await page.OpenAsync($"/labs/{lab}/publics/activities");

        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier une activité" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#activity-title").FillAsync("Permanence du jeudi");
        await dialog.Locator("#activity-date").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Identifier et impliquer les publics", new() { Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Information", Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // Edit: the form comes back filled in, and the new title is saved.
        await page.Locator("[data-activity='Permanence du jeudi']").GetByRole(AriaRole.Button, new() { Name = "Modifier l'activité « Permanence du jeudi »" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#activity-title")).ToHaveValueAsync("Permanence du jeudi");
        await page.AssertNoSeriousViolationsAsync();
        await dialog.Locator("#activity-title").FillAsync("Permanence du vendredi");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        var card = page.Locator("[data-activity='Permanence du vendredi']");
        await Expect(card).ToContainTextAsync("Prévue");

        // Attendance starts with nobody ticked; saving it so is asked twice.
        await card.GetByRole(AriaRole.Button, new() { Name = "Noter la tenue et les présences" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(0);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Personne n'est coché comme présent");
        await page.AssertNoSeriousViolationsAsync();
        await Expect(card).ToContainTextAsync("Prévue");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirmer : personne n'est venu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(card).ToContainTextAsync("Tenue");
        await Expect(card).ToContainTextAsync("0 présent(s) sur 0 invité(s)");
    }
}
