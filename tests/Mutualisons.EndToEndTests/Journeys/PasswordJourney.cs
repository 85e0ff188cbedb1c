using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class PasswordJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_mailed_link()
    {
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            await users.CreateAsync(new UserAccount { UserName = "forgetful@example.org", Email = "forgetful@example.org", DisplayName = "Forgetful", CreatedAt = DateTimeOffset.UtcNow }, "the first long password");
        }
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await page.Locator("#forgot-email").FillAsync("forgetful@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le lien" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Si un compte existe pour cette adresse");

        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(DemoAppFixture.Admin);
        await admin.OpenAsync("/admin/outbox");
        var link = await admin.Locator(".outbox-mail", new() { HasText = "forgetful@example.org" }).Locator("a").First.GetAttributeAsync("href");

        await page.GotoAsync(link!);
        await page.Locator("#reset-password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(page.GetByText("Le mot de passe doit compter au moins 12 caractères.")).ToBeVisibleAsync();
        await page.Locator("#reset-password").FillAsync("the second long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre mot de passe a été changé.");

        await page.SignInAsync("forgetful@example.org", "the second long password");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Living labs" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_administrator_opens_a_new_lab()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Admin);

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau lab" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le lab" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Donnez un nom au lab.");
        await Expect(dialog).ToContainTextAsync("Cochez au moins une ressource mise en commun.");

        await dialog.Locator("#new-lab-name").FillAsync("Mundo-Lab");
        await dialog.GetByLabel("Données").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le lab" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mundo-Lab", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-cycle]")).ToHaveCountAsync(5);
        await Expect(page.GetByText("Le focus n'a pas encore bougé.", new() { Exact = false })).ToBeVisibleAsync();
    }
}
