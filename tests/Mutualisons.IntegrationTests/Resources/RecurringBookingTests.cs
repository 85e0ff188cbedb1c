using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Resources.Rooms;
using Mutualisons.Web.Localization;

namespace Mutualisons.IntegrationTests.Resources;

/// <summary>Repeated bookings on a real database: each occurrence a row the exclusion constraint checks, all or the free ones only, cancelled one by one or at once.</summary>
public sealed class RecurringBookingTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private async Task<Guid> LabAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<Guid> RoomAsync(Guid lab)
    {
        var saved = await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Pilot, s => s.SaveRoomAsync(lab, null, new RoomInput { Name = "Salle polyvalente", Capacity = 30 }));
        Assert.True(saved.Succeeded, saved.MessageKey);
        return saved.Id!.Value;
    }

    /// <summary>A Monday well ahead, so "in the past" never depends on when the test runs.</summary>
    private static DateOnly FirstMonday
    {
        get
        {
            var day = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
            return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
        }
    }

    private static BookingInput Weekly(Guid room, Guid organisation, int count, string purpose, int everyWeeks = 1, bool freeOnly = false) => new()
    {
        RoomId = room, OrganisationId = organisation, Date = DayText.Of(FirstMonday), From = "14:00", Until = "16:00", Purpose = purpose,
        Repeats = true, EveryWeeks = everyWeeks, EndsAfterCount = true, RepeatCount = count, FreeOnly = freeOnly,
    };

    private static BookingInput Once(Guid room, Guid organisation, DateOnly day, string from, string until, string purpose) =>
        new() { RoomId = room, OrganisationId = organisation, Date = DayText.Of(day), From = from, Until = until, Purpose = purpose };

    private Task<BookingResult> BookAsync(string who, Guid lab, BookingInput input) =>
        app.AsAsync<BookingService, BookingResult>(who, s => s.BookAsync(lab, input));

    [Fact]
    public async Task A_series_with_taken_dates_books_nothing_and_lists_them_then_books_the_free_ones_only_when_asked()
    {
        var lab = await LabAsync();
        var room = await RoomAsync(lab);
        var mdm = await OrganisationAsync("Médecins du Monde");
        var sawb = await OrganisationAsync("SAW-B");
        Assert.True((await BookAsync(DemoAppFixture.Facilitator, lab, Once(room, sawb, FirstMonday.AddDays(14), "15:00", "17:00", "Formation"))).Result.Succeeded);

        var refused = await BookAsync(DemoAppFixture.Participant, lab, Weekly(room, mdm, 4, "Permanence"));

        Assert.Equal((SaveStatus.Taken, 4, 0), (refused.Result.Status, refused.Occurrences, refused.Booked));
        Assert.Equal([FirstMonday.AddDays(14)], refused.Collisions.Select(c => DateOnly.FromDateTime(Formats.BrusselsDay(c.StartsAt))));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Bookings.AnyAsync(b => b.RoomId == room && b.Purpose == "Permanence"));
        }

        var freeOnly = await BookAsync(DemoAppFixture.Participant, lab, Weekly(room, mdm, 4, "Permanence", freeOnly: true));

        Assert.True(freeOnly.Result.Succeeded, freeOnly.Result.MessageKey);
        Assert.Equal(3, freeOnly.Booked);
        await using (var db = app.CreateDbContext())
        {
            var rows = await db.Bookings.Where(b => b.RoomId == room && b.Purpose == "Permanence").OrderBy(b => b.StartsAt).ToListAsync();
            Assert.Equal([FirstMonday, FirstMonday.AddDays(7), FirstMonday.AddDays(21)], rows.Select(b => DateOnly.FromDateTime(Formats.BrusselsDay(b.StartsAt))));
            Assert.Single(rows.Select(b => b.SeriesId).Distinct());
            Assert.All(rows, b => Assert.Equal(14, Formats.InBrussels(b.StartsAt).Hour));
        }
        var week = (await app.AsAsync<BookingService, WeekView?>(DemoAppFixture.Participant, s => s.GetWeekAsync(lab, FirstMonday.AddDays(7))))!;
        Assert.NotNull(week.Days[0].Bookings.Single(b => b.Purpose == "Permanence").SeriesId);
    }

    [Fact]
    public async Task Every_other_week_until_a_day_and_a_series_with_every_date_taken_is_refused()
    {
        var lab = await LabAsync();
        var room = await RoomAsync(lab);
        var mdm = await OrganisationAsync("Médecins du Monde");
        var input = Weekly(room, mdm, 0, "Atelier", everyWeeks: 2);
        input.EndsAfterCount = false;
        input.RepeatCount = null;
        input.RepeatUntil = DayText.Of(FirstMonday.AddDays(35));

        var booked = await BookAsync(DemoAppFixture.Participant, lab, input);

        Assert.Equal((true, 3), (booked.Result.Succeeded, booked.Booked));
        var again = await BookAsync(DemoAppFixture.Facilitator, lab, input);
        Assert.Equal((SaveStatus.Taken, 3), (again.Result.Status, again.Collisions.Count));
        input.FreeOnly = true;
        Assert.Equal(SaveStatus.Taken, (await BookAsync(DemoAppFixture.Facilitator, lab, input)).Result.Status);
        input.RepeatUntil = DayText.Of(FirstMonday.AddDays(-7));
        var invalid = await BookAsync(DemoAppFixture.Facilitator, lab, input);
        Assert.Equal(SaveStatus.Invalid, invalid.Result.Status);
        Assert.Contains(nameof(BookingInput.RepeatUntil), invalid.Result.Errors!.Keys);
    }

    [Fact]
    public async Task The_database_refuses_a_series_one_of_whose_occurrences_overlaps_and_nothing_of_it_is_written()
    {
        var lab = await LabAsync();
        var room = await RoomAsync(lab);
        var mdm = await OrganisationAsync("Médecins du Monde");
        Assert.True((await BookAsync(DemoAppFixture.Participant, lab, Once(room, mdm, FirstMonday.AddDays(7), "15:30", "16:30", "Déjà là"))).Result.Succeeded);

        // Straight to the database, past the service's look at the calendar: the exclusion constraint alone answers.
        await using var db = app.CreateDbContext();
        var roomRow = await db.Rooms.SingleAsync(r => r.Id == room);
        var occurrences = Enumerable.Range(0, 3).Select(i => FirstMonday.AddDays(7 * i))
            .Select(d => new Occurrence(Formats.FromBrussels(d.ToDateTime(new TimeOnly(14, 0))), Formats.FromBrussels(d.ToDateTime(new TimeOnly(16, 0)))));
        db.Bookings.AddRange(Booking.Series(roomRow, mdm, occurrences, "Par la porte de derrière", null, DateTimeOffset.UtcNow));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(Npgsql.PostgresErrorCodes.ExclusionViolation, Assert.IsType<Npgsql.PostgresException>(refused.InnerException).SqlState);
        await using var check = app.CreateDbContext();
        Assert.False(await check.Bookings.AnyAsync(b => b.Purpose == "Par la porte de derrière"));
    }

    [Fact]
    public async Task Two_series_saved_at_once_over_the_same_dates_one_is_booked_whole_and_the_other_hears_which_dates()
    {
        var lab = await LabAsync();
        var room = await RoomAsync(lab);
        var mdm = await OrganisationAsync("Médecins du Monde");
        var sawb = await OrganisationAsync("SAW-B");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            BookAsync(i % 2 == 0 ? DemoAppFixture.Participant : DemoAppFixture.Facilitator, lab, Weekly(room, i % 2 == 0 ? mdm : sawb, 5, $"Série {i}"))));

        Assert.Single(attempts, a => a.Result.Succeeded);
        Assert.All(attempts.Where(a => !a.Result.Succeeded), a => Assert.Equal((SaveStatus.Taken, 5), (a.Result.Status, a.Collisions.Count)));
        await using var db = app.CreateDbContext();
        Assert.Equal(5, await db.Bookings.CountAsync(b => b.RoomId == room));
    }

    [Fact]
    public async Task One_date_or_what_is_left_of_the_series_is_cancelled_by_its_organisation_only()
    {
        var lab = await LabAsync();
        var room = await RoomAsync(lab);
        var mdm = await OrganisationAsync("Médecins du Monde");
        Assert.True((await BookAsync(DemoAppFixture.Participant, lab, Weekly(room, mdm, 4, "Permanence"))).Result.Succeeded);
        var week = (await app.AsAsync<BookingService, WeekView?>(DemoAppFixture.Participant, s => s.GetWeekAsync(lab, FirstMonday)))!;
        var first = week.Days[0].Bookings.Single(b => b.Purpose == "Permanence");
        var series = first.SeriesId!.Value;

        Assert.True((await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Participant, s => s.CancelAsync(lab, first.Id, first.Version))).Succeeded);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Observer, s => s.CancelSeriesAsync(lab, series))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Participant, s => s.CancelSeriesAsync(lab, Guid.NewGuid()))).Status);
        Assert.True((await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Participant, s => s.CancelSeriesAsync(lab, series))).Succeeded);

        await using var db = app.CreateDbContext();
        Assert.Equal(4, await db.Bookings.CountAsync(b => b.SeriesId == series && b.CancelledAt != null));
        Assert.Equal(SaveStatus.Refused, (await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Participant, s => s.CancelSeriesAsync(lab, series))).Status);
        // The dates are free again.
        Assert.True((await BookAsync(DemoAppFixture.Facilitator, lab, Weekly(room, await OrganisationAsync("SAW-B"), 4, "Reprise"))).Result.Succeeded);
    }
}
