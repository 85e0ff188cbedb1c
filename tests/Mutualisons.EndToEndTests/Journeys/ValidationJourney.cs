using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Cycle 4: the pilot group puts an experiment to the organisations; four of them validate it, one through a proxy, and it becomes validated.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ValidationJourney(BrowserFixture browser)
{
    private const string Title = "Partage d'expertise";
    private const string Password = "a long enough journey password";

    /// <summary>SAW-B and Vluchtelingenwerk get a representative each, named as decision maker in their mandate (cycle 2).</summary>
    private async Task<(Guid Lab, Guid Experiment)> ArrangeAsync()
    {
        var people = new Dictionary<string, (string Organisation, Guid Id)>
        {
            ["sam.sawb@example.org"] = ("SAW-B", Guid.Empty),
            ["wout.vwv@example.org"] = ("Vluchtelingenwerk Vlaanderen", Guid.Empty),
        };
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            foreach (var email in people.Keys.ToList())
            {
                var account = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('.')[0], CreatedAt = DateTimeOffset.UtcNow };
                Assert.True((await users.CreateAsync(account, Password)).Succeeded);
                people[email] = (people[email].Organisation, account.Id);
            }
        }
        await using var db = browser.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
        foreach (var (organisation, id) in people.Values)
        {
            var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            lab.GrantRole(id, LabRole.Participant, organisationId, DateTimeOffset.UtcNow);
            lab.RecordMandate(organisationId, new Mandate("Direction", null, null, null, null, null, id), DateTimeOffset.UtcNow);
        }
        await db.SaveChangesAsync();
        var experiment = await db.Experiments.Where(e => e.LabId == lab.Id && e.Title == Title).Select(e => e.Id).SingleAsync();
        return (lab.Id, experiment);
    }

    private async Task<IPage> AsAsync(string email, string path, string password = AppFixture.DemoPassword)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, password);
        await page.OpenAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private static async Task ApproveAsync(IPage page, string organisation)
    {
        await page.Locator($"[data-answer-for='{organisation}']").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Approuve", new() { Exact = true }).CheckAsync();
        await page.AssertNoSeriousViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Donner la position" }).ClickAsync();
        await Expect(page.Locator($"li[data-organisation='{organisation}']")).ToHaveAttributeAsync("data-position", "Approve");
    }

    [Fact]
    public async Task Four_organisations_validate_an_experiment_one_through_a_proxy_and_it_becomes_validated()
    {
        var (lab, experiment) = await ArrangeAsync();
        var path = $"/labs/{lab}/experiments/{experiment}";

        // The pilot group puts it to the organisations: every member organisation is asked.
        var pilot = await AsAsync(DemoAppFixture.Pilot, path);
        await pilot.Locator("[data-move='AwaitingValidation']").ClickAsync();
        var move = pilot.GetByRole(AriaRole.Dialog);
        await move.Locator("#move-reason").FillAsync("Le GT a recensé les besoins : à chaque organisation de se prononcer.");
        await move.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'étape" }).ClickAsync();
        await Expect(pilot.Locator("[data-status]")).ToHaveTextAsync("En attente de validation des organisations");
        await Expect(pilot.Locator("[data-not-answered]")).ToContainTextAsync("SAW-B");
        await Expect(pilot.Locator("li[data-organisation]")).ToHaveCountAsync(4);
        await pilot.AssertNoSeriousViolationsAsync();

        // Réseau Financité has no decision maker in the app: the pilot group records the proxy it designated, Omar.
        await pilot.Locator("[data-proxy-for='Réseau Financité']").ClickAsync();
        var proxy = pilot.GetByRole(AriaRole.Dialog);
        await proxy.GetByLabel("Omar (observateur)").CheckAsync();
        await pilot.AssertNoSeriousViolationsAsync();
        await proxy.GetByRole(AriaRole.Button, new() { Name = "Désigner un mandataire" }).ClickAsync();
        await Expect(pilot.Locator("li[data-organisation='Réseau Financité']")).ToContainTextAsync("ou son mandataire Omar (observateur)");

        // Paula decides for Médecins du Monde (her mandate says so); she cannot answer for anyone else.
        var paula = await AsAsync(DemoAppFixture.Participant, path);
        await Expect(paula.Locator("[data-answer-for]")).ToHaveCountAsync(1);
        await ApproveAsync(paula, "Médecins du Monde");

        // Omar answers for Réseau Financité, as its proxy.
        var omar = await AsAsync(DemoAppFixture.Observer, path);
        await ApproveAsync(omar, "Réseau Financité");
        await Expect(omar.Locator("li[data-organisation='Réseau Financité']")).ToContainTextAsync("(mandataire)");

        var sam = await AsAsync("sam.sawb@example.org", path, Password);
        await ApproveAsync(sam, "SAW-B");
        await Expect(sam.Locator("[data-status]")).ToHaveTextAsync("En attente de validation des organisations");

        // The last approval meets the lab's rule: validated, with who and why in the history.
        var wout = await AsAsync("wout.vwv@example.org", path, Password);
        await ApproveAsync(wout, "Vluchtelingenwerk Vlaanderen");
        await Expect(wout.Locator("[data-status]")).ToHaveTextAsync("Validée");
        var validated = wout.Locator(".experiment-history li[data-move-to='Validated']");
        await Expect(validated).ToContainTextAsync("Toutes les organisations concernées l'ont approuvée.");
        await Expect(validated).ToContainTextAsync("wout");
        await wout.AssertNoSeriousViolationsAsync();

        // On a phone the panel stays within the screen.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(DemoAppFixture.Observer);
        await phone.OpenAsync(path);
        await Expect(phone.Locator("[data-validation-panel]")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await phone.AssertNoSeriousViolationsAsync();
    }
}
