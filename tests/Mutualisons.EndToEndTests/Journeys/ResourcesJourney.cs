using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.Domain.Resources;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// Shared resources: an organisation offers a 40 m² room on Tuesdays, another's need is matched to it with the
/// reasons shown, and the facilitator turns the match into a pooling agreement.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ResourcesJourney(BrowserFixture browser)
{
    private const string Room = "Salle polyvalente du rez-de-chaussée";
    private const string NeedTitle = "Une salle pour nos permanences juridiques";

    [Fact]
    public async Task An_organisation_offers_a_room_on_Tuesdays_and_another_organisations_need_becomes_an_agreement()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
            var vwv = await db.Organisations.Where(o => o.Name == "Vluchtelingenwerk Vlaanderen").Select(o => o.Id).SingleAsync();
            // The other organisation's need, as its representative would have declared it.
            db.ResourceDeclarations.Add(new ResourceDeclaration(lab, vwv, ResourceSide.Need, PooledResourceKind.Place,
                new ResourceDetails(NeedTitle, AreaSquareMetres: 30, Days: Weekdays.Tuesday, From: new TimeOnly(15, 0), Until: new TimeOnly(17, 0)), null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        // Médecins du Monde's representative declares the room from the lab's page.
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Participant);
        await page.OpenAsync($"/labs/{lab}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ressources partagées", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ressources partagées", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer une offre ou un besoin" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#declaration-title")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Donnez un intitulé.");
        await Expect(dialog).ToContainTextAsync("Indiquez la surface ou la capacité du lieu.");
        await page.AssertNoSeriousViolationsAsync();
        await dialog.Locator("#declaration-title").FillAsync(Room);
        await dialog.Locator("#declaration-area").FillAsync("40");
        await dialog.Locator("#declaration-capacity").FillAsync("25");
        await dialog.GetByLabel("mardi").CheckAsync();
        await dialog.Locator("#declaration-from").FillAsync("14:00");
        await dialog.Locator("#declaration-until").FillAsync("18:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        var offer = page.Locator($"section[data-organisation='Médecins du Monde'] li[data-declaration='{Room}']");
        await Expect(offer).ToContainTextAsync("40 m²");
        await Expect(offer).ToContainTextAsync("mardi · 14:00–18:00");
        await page.AssertNoSeriousViolationsAsync();

        // The facilitator opens the need's possible offers: the room is there, with why.
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInAsync(DemoAppFixture.Facilitator);
        await facilitator.OpenAsync($"/labs/{lab}/resources");
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Ressources partagées", Level = 1 })).ToBeVisibleAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = $"Offres possibles pour « {NeedTitle} »" }).ClickAsync();
        var matches = facilitator.GetByRole(AriaRole.Dialog);
        var match = matches.Locator($"li[data-match='{Room}']");
        await Expect(match).ToContainTextAsync("Médecins du Monde");
        await Expect(match.Locator("[data-reason='AvailabilityOverlaps']")).ToContainTextAsync("mardi · 15:00–17:00");
        await Expect(match.Locator("[data-reason='EnoughArea']")).ToContainTextAsync("40 m² pour 30 m² demandés");
        await Expect(match.Locator("[data-reason='CloseEnough']")).ToContainTextAsync("À 0 km, dans la limite de 20 km");
        await facilitator.AssertNoSeriousViolationsAsync();

        // It becomes an agreement, listed with its parties, and the m² shared grow by 40.
        var before = decimal.Parse((await facilitator.Locator("[data-total='area']").InnerTextAsync()).Replace("m²", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.GetCultureInfo("fr-BE"));
        await match.GetByRole(AriaRole.Button, new() { Name = "Conclure un accord" }).ClickAsync();
        var agree = facilitator.GetByRole(AriaRole.Dialog).Filter(new() { Has = facilitator.Locator("#agreement-terms") });
        await Expect(agree).ToContainTextAsync("Médecins du Monde le met à disposition de Vluchtelingenwerk Vlaanderen");
        await agree.GetByRole(AriaRole.Button, new() { Name = "Conclure un accord" }).ClickAsync();
        await Expect(agree).ToContainTextAsync("Décrivez les conditions convenues.");
        await facilitator.AssertNoSeriousViolationsAsync();
        await agree.Locator("#agreement-terms").FillAsync("Le mardi de 15 h à 17 h ; les clés à l'accueil.");
        await agree.Locator("#agreement-cost").FillAsync("600");
        await agree.GetByRole(AriaRole.Button, new() { Name = "Conclure un accord" }).ClickAsync();
        var agreement = facilitator.Locator($"li[data-agreement='{Room}']");
        await Expect(agreement).ToContainTextAsync("Médecins du Monde → Vluchtelingenwerk Vlaanderen");
        await Expect(agreement.Locator("[data-in-force]")).ToHaveTextAsync("En cours");
        await Expect(facilitator.Locator("[data-total='area']")).ToHaveTextAsync($"{before + 40} m²");
        await Expect(facilitator.Locator($"li[data-declaration='{NeedTitle}'] [data-agreed]")).ToBeVisibleAsync();
        await facilitator.AssertNoSeriousViolationsAsync();

        // On a phone the page stays within the screen, and an observer changes nothing.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(DemoAppFixture.Observer);
        await phone.OpenAsync($"/labs/{lab}/resources");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Ressources partagées", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Déclarer une offre ou un besoin" })).ToHaveCountAsync(0);
        await phone.AssertNoSeriousViolationsAsync();
    }
}
