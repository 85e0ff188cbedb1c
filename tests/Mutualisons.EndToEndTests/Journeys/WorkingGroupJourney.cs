using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Cycle 4: the pilot group creates a working group with a lead, then gives it a next step with an owner and a due date.</summary>
[Collection(SharedBrowser.Name)]
public sealed class WorkingGroupJourney(BrowserFixture browser)
{
    private const string Group = "GT Tables de conversation";
    private const string Step = "Réserver la salle du rez-de-chaussée";

    [Fact]
    public async Task The_pilot_group_creates_a_working_group_with_a_lead_and_a_next_step()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);
        await page.OpenAsync($"/labs/{lab}/working-groups");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Groupes de travail", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Créer un groupe de travail" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#group-name").FillAsync(Group);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Pilote du groupe" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Paula" }).First.ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        // The group's page: led by Paula; a next step for her, due in a week.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Group, Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByText("Piloté par Paula")).ToBeVisibleAsync();
        await page.Locator("#step-text").FillAsync(Step);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Qui s'en charge" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Paula" }).First.ClickAsync();
        await page.Locator("#step-due").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une prochaine étape" }).ClickAsync();
        var step = page.Locator($"li[data-step='{Step}']");
        await Expect(step).ToContainTextAsync("Paula");
        await Expect(step.Locator("[data-overdue]")).ToHaveCountAsync(0);
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForTimeoutAsync(1200);
        await page.AssertNoSeriousViolationsAsync();

        // The list shows the group with its lead and its open step.
        await page.OpenAsync($"/labs/{lab}/working-groups");
        await Expect(page.Locator($"li[data-group='{Group}']")).ToContainTextAsync("Piloté par Paula");
    }
}
