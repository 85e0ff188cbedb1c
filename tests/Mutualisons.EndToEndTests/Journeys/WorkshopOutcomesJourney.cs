using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>After the room, on a phone: a note becomes a need through the dialog, and attendance is recorded.</summary>
[Collection(SharedBrowser.Name)]
public sealed class WorkshopOutcomesJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_facilitator_turns_a_note_into_a_need_and_records_attendance_from_a_phone()
    {
        var now = DateTimeOffset.UtcNow;
        var idea = $"Un atelier vélo partagé ({Guid.NewGuid().ToString()[..6]})";
        Guid lab, workshopId;
        await using (var db = browser.CreateDbContext())
        {
            var bota = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
            lab = bota.Id;
            var activity = new Activity(lab, "Atelier des suites", ActivityKind.Workshop, null, [Cycle.Publics], now, "Tri postal", ParticipationLevel.Discussion, now);
            var workshop = new Workshop(lab, activity.Id, "Atelier des suites", now);
            var ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Que mettre en commun ?"));
            workshop.Start(now);
            var amina = new WorkshopParticipant(workshop, "Amina", bota.Memberships[0].OrganisationId, null, null, "fr", "secret-amina-journey-0123", now);
            var chloe = new WorkshopParticipant(workshop, "Chloé", null, "Une autre asbl", null, "fr", "secret-chloe-journey-0123", now);
            var written = ideas.Note(amina, idea, 0, now);
            workshop.End(now);
            db.AddRange(activity, workshop, amina, chloe, written);
            await db.SaveChangesAsync();
            workshopId = workshop.Id;
        }

        var page = await browser.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAppFixture.Facilitator);
        await page.OpenAsync($"/labs/{lab}/workshops/{workshopId}/outcomes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultats de l'atelier « Atelier des suites »", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("1 participant·e(s) d'autres organisations")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(page.GetByText("Présente à l'activité")).ToBeVisibleAsync();

        var note = page.Locator("li[data-note]").Filter(new() { HasText = idea });
        await note.GetByRole(AriaRole.Button, new() { Name = "En faire un besoin" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#conversion-title")).ToHaveValueAsync($"{idea} ({await OrganisationNameAsync(lab)})");
        await page.AssertNoSeriousViolationsAsync();
        await dialog.Locator("#conversion-title").FillAsync(idea);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "En faire un besoin" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(note.GetByRole(AriaRole.Link, new() { Name = idea })).ToBeVisibleAsync();
        await Expect(note.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    private async Task<string> OrganisationNameAsync(Guid lab)
    {
        await using var db = browser.CreateDbContext();
        var organisationId = (await db.Mutualisations.SingleAsync(m => m.Id == lab)).Memberships[0].OrganisationId;
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync();
    }
}
