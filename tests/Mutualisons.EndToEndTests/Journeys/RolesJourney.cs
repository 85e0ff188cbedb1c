using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Each demo role signs in and sees exactly what that role may see and do.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class RolesJourney(BrowserFixture browser)
{
    private async Task<Guid> LabIdAsync(string name)
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private static ILocator LabLinks(IPage page) => page.Locator(".mud-main-content a[href^='/labs/']");

    [Fact]
    public async Task The_administrator_sees_every_lab_and_the_outbox()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Admin);

        await Expect(LabLinks(page)).ToHaveTextAsync(["Bota 75", "Headquarters for Change", "In Common"]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Courriels (développement)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_facilitator_runs_their_lab_and_only_reads_the_lab_they_observe()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Facilitator);

        await Expect(LabLinks(page)).ToHaveTextAsync(["Bota 75", "In Common"]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Courriels (développement)" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bota 75" }).ClickAsync();
        await Expect(page.GetByTestId("my-role")).ToHaveTextAsync("Mon rôle : Facilitateur·rice");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Personnes du lab" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Journal des modifications" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = MoveFocusButton() }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Journal des modifications" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journal des modifications", Level = 1 })).ToBeVisibleAsync();

        await page.OpenAsync($"/labs/{await LabIdAsync("In Common")}");
        await Expect(page.GetByTestId("my-role")).ToHaveTextAsync("Mon rôle : Observateur·rice");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = MoveFocusButton() })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Personnes du lab" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_pilot_group_member_moves_the_focus_but_does_not_manage_people()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);
        var bota = await LabIdAsync("Bota 75");

        await Expect(LabLinks(page)).ToHaveTextAsync(["Bota 75"]);
        await page.OpenAsync($"/labs/{bota}");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = MoveFocusButton() }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Personnes du lab" })).ToHaveCountAsync(0);

        await page.OpenAsync($"/labs/{bota}/people");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable", Level = 1 })).ToBeVisibleAsync();
        await page.OpenAsync($"/labs/{bota}/audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_participant_reads_the_lab_and_edits_only_their_organisation()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Participant);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bota 75" }).ClickAsync();
        await Expect(page.GetByTestId("my-role")).ToHaveTextAsync("Mon rôle : Participant·e");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = MoveFocusButton() })).ToHaveCountAsync(0);

        await page.OpenAsync("/organisations");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Modifier Médecins du Monde" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Modifier SAW-B" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Supprimer Médecins du Monde" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle organisation" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_observer_reads_a_cycle_without_being_able_to_change_it()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Observer);

        await page.OpenAsync($"/labs/{await LabIdAsync("Bota 75")}/cycles/Diagnostic");
        await Expect(page.GetByText("Votre rôle permet de lire ce cycle, pas de le modifier.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = MoveFocusButton() })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Typing_the_address_of_another_lab_shows_nothing_of_it()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Observer);
        var hq = await LabIdAsync("Headquarters for Change");

        foreach (var path in new[] { $"/labs/{hq}", $"/labs/{hq}/cycles/Diagnostic", $"/labs/{hq}/people", $"/labs/{hq}/audit" })
        {
            await page.OpenAsync(path);
            await Expect(page.GetByText("Headquarters for Change")).ToHaveCountAsync(0);
            await Expect(page.Locator(".mud-main-content")).ToContainTextAsync("n'existe pas");
        }

        await page.GotoAsync("/admin/outbox");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Courriels (développement)" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Observer);

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();

        await page.GotoAsync("/organisations");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Porter le focus sur")]
    private static partial System.Text.RegularExpressions.Regex MoveFocusButton();
}
