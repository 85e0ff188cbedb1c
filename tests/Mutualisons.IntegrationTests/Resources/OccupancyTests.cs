using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Resources.Rooms;
using Mutualisons.Web.Localization;

namespace Mutualisons.IntegrationTests.Resources;

/// <summary>A month's occupancy, added up by PostgreSQL: hours within opening hours, cancelled bookings left out, per room and per organisation.</summary>
public sealed class OccupancyTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Hours_are_counted_within_opening_hours_in_the_month_asked_cancelled_ones_left_out()
    {
        // Half a year ahead: no demo booking reaches it.
        var month = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);
        var first = new DateOnly(month.Year, month.Month, 1);
        Guid lab, room, mdm, sawb;
        await using (var db = app.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
            mdm = await db.Organisations.Where(o => o.Name == "Médecins du Monde").Select(o => o.Id).SingleAsync();
            sawb = await db.Organisations.Where(o => o.Name == "SAW-B").Select(o => o.Id).SingleAsync();
            var salle = new Room(lab, "Salle de test", 10, null, DateTimeOffset.UtcNow);
            room = salle.Id;
            db.Rooms.Add(salle);
            Booking Book(Guid organisation, DateOnly day, int from, int until) =>
                new(salle, organisation, Formats.FromBrussels(day.ToDateTime(new TimeOnly(from, 0))), Formats.FromBrussels(day.ToDateTime(new TimeOnly(until, 0))), "Test", null, DateTimeOffset.UtcNow);
            var cancelled = Book(sawb, first.AddDays(3), 10, 18);
            cancelled.Cancel(DateTimeOffset.UtcNow);
            db.Bookings.AddRange(
                Book(mdm, first, 10, 12),                 // 2 h
                Book(mdm, first.AddDays(1), 7, 9),        // 1 h within opening hours (from 8:00)
                Book(sawb, first.AddDays(2), 21, 23),     // 1 h (until 22:00)
                cancelled,
                Book(sawb, first.AddMonths(1), 10, 20));  // next month
            await db.SaveChangesAsync();
        }

        var view = (await app.AsAsync<OccupancyService, OccupancyView?>(DemoAppFixture.Participant, s => s.GetAsync(lab, month.Year, month.Month)))!;

        var open = 14m * DateTime.DaysInMonth(month.Year, month.Month);
        Assert.Equal(open, view.OpenHoursPerRoom);
        var row = view.Rooms.Single(r => r.Id == room);
        Assert.Equal((4m, 3), (row.Hours, row.Bookings));
        Assert.Equal(Math.Round(4m / open, 6), Math.Round(row.Share!.Value, 6));
        Assert.All(view.Rooms.Where(r => r.Id != room), r => Assert.Equal((0m, 0), (r.Hours, r.Bookings)));
        Assert.Equal([("Médecins du Monde", 3m, 2), ("SAW-B", 1m, 1)], view.Organisations.Select(o => (o.Name, o.Hours, o.Bookings)));
        Assert.Equal(Math.Round(3m / (open * view.Rooms.Count), 6), Math.Round(view.Organisations[0].Share!.Value, 6));

        var empty = (await app.AsAsync<OccupancyService, OccupancyView?>(DemoAppFixture.Participant, s => s.GetAsync(lab, month.AddMonths(3).Year, month.AddMonths(3).Month)))!;
        Assert.True(empty.IsEmpty);
        Assert.Empty(empty.Organisations);
    }

    [Fact]
    public async Task The_demo_month_shows_the_recurring_trainings_and_another_labs_person_is_not_told_anything()
    {
        Guid lab;
        await using (var db = app.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var now = Formats.BrusselsDay(DateTimeOffset.UtcNow);

        var view = (await app.AsAsync<OccupancyService, OccupancyView?>(DemoAppFixture.Facilitator, s => s.GetAsync(lab, now.Year, now.Month)))!;

        Assert.False(view.IsEmpty);
        Assert.Contains(view.Organisations, o => o.Name == "SAW-B" && o.Hours >= 3.5m);
        Assert.Null(await app.AsAsync<OccupancyService, OccupancyView?>(DemoAppFixture.Coordination, s => s.GetAsync(lab, now.Year, now.Month)));
    }
}
