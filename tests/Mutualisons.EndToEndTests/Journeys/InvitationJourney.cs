using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutualisons.Domain.Access;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed partial class InvitationJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_facilitator_invites_someone_who_joins_with_a_new_account_and_the_link_then_works_no_more()
    {
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInAsync(DemoAppFixture.Facilitator);
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Bota 75" }).ClickAsync();
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Personnes du lab" }).ClickAsync();
        await facilitator.Locator("#invite-email").FillAsync("zoe@example.org");
        await facilitator.GetByRole(AriaRole.Radio, new() { Name = "Observateur·rice" }).CheckAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        await Expect(facilitator.Locator("tr", new() { HasText = "zoe@example.org" })).ToContainTextAsync("En attente");

        // The administrator reads the mail in the development outbox.
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAppFixture.Admin);
        await admin.OpenAsync("/admin/outbox");
        var mail = admin.Locator(".outbox-mail", new() { HasText = "zoe@example.org" });
        await Expect(mail).ToContainTextAsync("Invitation au living lab « Bota 75 »");
        var link = await mail.Locator("a").First.GetAttributeAsync("href");
        Assert.Matches(InvitationLink(), link);

        var guest = await browser.NewPageAsync(phone: true);
        await guest.GotoAsync(link!);
        await Expect(guest.GetByText("Vous êtes invité·e à rejoindre « Bota 75 » comme Observateur·rice.")).ToBeVisibleAsync();
        await guest.Locator("#invitation-name").FillAsync("Zoé");
        await guest.Locator("#invitation-password").FillAsync("court");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte et rejoindre" }).ClickAsync();
        await Expect(guest.GetByText("Le mot de passe doit compter au moins 12 caractères.")).ToBeVisibleAsync();
        await Expect(guest.Locator("#invitation-name")).ToHaveValueAsync("Zoé");

        await guest.Locator("#invitation-password").FillAsync("le jardin du botanique");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte et rejoindre" }).ClickAsync();
        await guest.WaitForInteractiveAsync();
        await Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "Bota 75", Level = 1 })).ToBeVisibleAsync();
        await Expect(guest.GetByTestId("my-role")).ToHaveTextAsync("Mon rôle : Observateur·rice");

        var again = await browser.NewPageAsync();
        await again.GotoAsync(link!);
        await Expect(again.GetByRole(AriaRole.Heading, new() { Name = "Invitation déjà utilisée" })).ToBeVisibleAsync();
        await Expect(again.GetByText("Bota 75")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_expired_invitation_shows_a_clear_page()
    {
        string token;
        await using (var db = browser.CreateDbContext())
        {
            var lab = await db.Mutualisations.SingleAsync(m => m.Name == "In Common");
            var inviter = await db.Users.Where(u => u.Email == DemoAppFixture.Coordination).Select(u => u.Id).SingleAsync();
            (var invitation, token) = Invitation.Create(lab.Id, "late@example.org", LabRole.Observer, null, inviter, DateTimeOffset.UtcNow.AddDays(-30));
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/invitations/{token}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invitation expirée" })).ToBeVisibleAsync();
        await Expect(page.GetByText("In Common")).ToHaveCountAsync(0);
        await Expect(page.Locator("#invitation-password")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unknown_invitation_link_shows_a_clear_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/invitations/this-is-not-a-real-token");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lien d'invitation inconnu" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Repeated_wrong_passwords_pause_sign_in_from_this_browser_with_a_clear_page()
    {
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            await users.CreateAsync(new UserAccount { UserName = "careless@example.org", Email = "careless@example.org", DisplayName = "Careless", CreatedAt = DateTimeOffset.UtcNow }, "the right long password");
        }
        var page = await browser.NewPageAsync();

        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync("/account/sign-in");
            await page.Locator("#sign-in-email").FillAsync("careless@example.org");
            await page.Locator("#sign-in-password").FillAsync($"wrong password {i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion temporairement suspendue" })).ToBeVisibleAsync();

        // Even the right password waits for the lock to end.
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#sign-in-email").FillAsync("careless@example.org");
        await page.Locator("#sign-in-password").FillAsync("the right long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion temporairement suspendue" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_explained_and_the_address_is_kept()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#sign-in-email").FillAsync(DemoAppFixture.Observer);
        await page.Locator("#sign-in-password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Adresse ou mot de passe incorrect.");
        await Expect(page.Locator("#sign-in-email")).ToHaveValueAsync(DemoAppFixture.Observer);
    }

    [GeneratedRegex("^http://127\\.0\\.0\\.1:\\d+/invitations/[A-Za-z0-9_-]{43}$")]
    private static partial Regex InvitationLink();
}
