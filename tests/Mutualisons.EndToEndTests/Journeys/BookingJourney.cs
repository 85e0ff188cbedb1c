using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.Domain.Resources;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>The shared place's week: two people book the same room at the same time; one gets it, the other is told with the free slots nearby.</summary>
[Collection(SharedBrowser.Name)]
public sealed class BookingJourney(BrowserFixture browser)
{
    private const string RoomName = "Salle des fêtes du 5e";

    [Fact]
    public async Task Two_people_book_the_same_slot_and_the_second_is_told_which_slots_are_free()
    {
        Guid lab;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
            db.Rooms.Add(new Room(lab, RoomName, 60, "Sono, cuisine", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Both open the booking form for the same room and the same hours.
        var participant = await browser.NewPageAsync();
        await participant.SignInAsync(DemoAppFixture.Participant);
        await participant.OpenAsync($"/labs/{lab}/rooms?week={day}");
        await Expect(participant.GetByRole(AriaRole.Heading, new() { Name = "Salles du lieu partagé", Level = 1 })).ToBeVisibleAsync();
        await participant.AssertNoSeriousViolationsAsync();
        var facilitator = await browser.NewPageAsync();
        await facilitator.SignInAsync(DemoAppFixture.Facilitator);
        await facilitator.OpenAsync($"/labs/{lab}/rooms?week={day}");

        async Task<ILocator> FillAsync(IPage page, string purpose, string? organisation)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Réserver « {RoomName} »" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            if (organisation is not null)
            {
                await dialog.GetByLabel(organisation).CheckAsync();
            }
            await dialog.Locator("#booking-date").FillAsync(day);
            await dialog.Locator("#booking-from").FillAsync("14:00");
            await dialog.Locator("#booking-until").FillAsync("16:00");
            await dialog.Locator("#booking-purpose").FillAsync(purpose);
            return dialog;
        }

        var first = await FillAsync(participant, "Assemblée des bénévoles", null);
        var second = await FillAsync(facilitator, "Formation RGPD", "SAW-B");
        await first.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();
        await Expect(participant.Locator("li[data-booking='Assemblée des bénévoles']")).ToContainTextAsync("14:00–16:00");
        await participant.AssertNoSeriousViolationsAsync();

        await second.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();
        await Expect(second.Locator("[data-taken]")).ToContainTextAsync("vient d'être réservé");
        await Expect(second.Locator("[data-free-slot]").First).ToBeVisibleAsync();
        await facilitator.AssertNoSeriousViolationsAsync();
        // A free slot nearby fills the hours; this time it is booked.
        await second.Locator("[data-free-slot]").Last.ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();
        await Expect(facilitator.Locator("li[data-booking='Formation RGPD']")).ToBeVisibleAsync();
        await using var check = browser.CreateDbContext();
        Assert.Equal(2, await check.Bookings.CountAsync(b => b.LabId == lab && b.CancelledAt == null && (b.Purpose == "Formation RGPD" || b.Purpose == "Assemblée des bénévoles")));
    }

    [Fact]
    public async Task A_weekly_series_with_a_taken_date_lists_it_books_the_free_dates_only_and_is_cancelled_whole()
    {
        const string seriesRoom = "Salle de réunion du 2e";
        Guid lab;
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21);
        monday = monday.AddDays(((int)DayOfWeek.Monday - (int)monday.DayOfWeek + 7) % 7);
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
            var sawb = await db.Organisations.Where(o => o.Name == "SAW-B").Select(o => o.Id).SingleAsync();
            var room = new Room(lab, seriesRoom, 12, "Écran", DateTimeOffset.UtcNow);
            db.Rooms.Add(room);
            var taken = monday.AddDays(7);
            db.Bookings.Add(new Booking(room, sawb, Web.Localization.Formats.FromBrussels(taken.ToDateTime(new TimeOnly(9, 30))), Web.Localization.Formats.FromBrussels(taken.ToDateTime(new TimeOnly(11, 0))), "Comité de gestion", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Participant);
        await page.OpenAsync($"/labs/{lab}/rooms?week={Day(monday)}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Réserver « {seriesRoom} »" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#booking-date").FillAsync(Day(monday));
        await dialog.Locator("#booking-from").FillAsync("10:00");
        await dialog.Locator("#booking-until").FillAsync("12:00");
        await dialog.Locator("#booking-purpose").FillAsync("Permanence juridique");
        await dialog.GetByLabel("Répéter chaque semaine").CheckAsync();
        await dialog.GetByLabel("Un nombre de fois").CheckAsync();
        await dialog.Locator("#booking-count").FillAsync("4");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Réserver", Exact = true }).ClickAsync();

        // The second Monday is taken: nothing is booked yet, the person sees which date and chooses.
        await Expect(dialog.Locator("[data-collisions]")).ToContainTextAsync("1 des 4 dates");
        await Expect(dialog.Locator($"[data-collision='{Day(monday.AddDays(7))}']")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await using (var db = browser.CreateDbContext())
        {
            Assert.False(await db.Bookings.AnyAsync(b => b.Purpose == "Permanence juridique"));
        }
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Réserver seulement les 3 dates libres" }).ClickAsync();
        await Expect(page.Locator("li[data-booking='Permanence juridique'] [data-series]")).ToBeVisibleAsync();

        // The next week has no occurrence (taken), the one after has.
        await page.OpenAsync($"/labs/{lab}/rooms?week={Day(monday.AddDays(7))}");
        await Expect(page.Locator("li[data-booking='Comité de gestion']")).ToBeVisibleAsync();
        await Expect(page.Locator("li[data-booking='Permanence juridique']")).ToHaveCountAsync(0);
        await page.OpenAsync($"/labs/{lab}/rooms?week={Day(monday.AddDays(14))}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler la réservation « Permanence juridique »" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toute la série à venir" }).ClickAsync();
        await Expect(page.Locator("li[data-booking='Permanence juridique']")).ToHaveCountAsync(0);

        // The month's occupancy, reached from the rooms page: a chart and the same figures as a table.
        await page.GetByRole(AriaRole.Link, new() { Name = "Occupation du mois" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Occupation des salles", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("svg[data-chart='rooms']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-table='rooms'] tr[data-room='Salle de réunion du 3e étage']")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await using var check = browser.CreateDbContext();
        Assert.Equal((3, 3), (await check.Bookings.CountAsync(b => b.Purpose == "Permanence juridique"), await check.Bookings.CountAsync(b => b.Purpose == "Permanence juridique" && b.CancelledAt != null)));
    }
}
