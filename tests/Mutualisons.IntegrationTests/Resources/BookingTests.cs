using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Resources.Rooms;
using Mutualisons.Web.Localization;

namespace Mutualisons.IntegrationTests.Resources;

/// <summary>The shared place's rooms and bookings on a real database: the exclusion constraint under concurrent bookings, bad input, cancellation, rights.</summary>
public sealed class BookingTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private async Task<Guid> LabAsync(string name = "Bota 75")
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<Guid> RoomAsync(Guid lab, string name = "Salle du 3e")
    {
        var saved = await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Pilot, s => s.SaveRoomAsync(lab, null, new RoomInput { Name = name, Capacity = 20, Equipment = "Projecteur" }));
        Assert.True(saved.Succeeded, saved.MessageKey);
        return saved.Id!.Value;
    }

    /// <summary>A day well ahead, so "in the past" never depends on when the test runs.</summary>
    private static string NextMonth => DayText.Of(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1));

    private static BookingInput Slot(Guid room, Guid organisation, string from, string until, string purpose, string? date = null) =>
        new() { RoomId = room, OrganisationId = organisation, Date = date ?? NextMonth, From = from, Until = until, Purpose = purpose };

    private Task<BookingResult> BookAsync(string who, Guid lab, BookingInput input) =>
        app.AsAsync<BookingService, BookingResult>(who, s => s.BookAsync(lab, input));

    [Fact]
    public async Task Of_many_people_booking_one_slot_at_the_same_moment_exactly_one_wins_and_the_others_hear_the_free_slots()
    {
        var lab = await LabAsync();
        var room = await RoomAsync(lab);
        var mdm = await OrganisationAsync("Médecins du Monde");
        var sawb = await OrganisationAsync("SAW-B");
        Assert.True((await BookAsync(DemoAppFixture.Facilitator, lab, Slot(room, sawb, "09:00", "10:00", "Réunion d'équipe"))).Result.Succeeded);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            BookAsync(i % 2 == 0 ? DemoAppFixture.Participant : DemoAppFixture.Facilitator, lab, Slot(room, i % 2 == 0 ? mdm : sawb, "14:00", i % 3 == 0 ? "16:00" : "15:30", $"Atelier {i}"))));

        Assert.Single(attempts, a => a.Result.Succeeded);
        Assert.All(attempts.Where(a => !a.Result.Succeeded), a =>
        {
            Assert.Equal((SaveStatus.Taken, "Save.Taken"), (a.Result.Status, a.Result.MessageKey));
            Assert.NotEmpty(a.FreeSlots);
        });
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.Bookings.CountAsync(b => b.RoomId == room));
        var loser = attempts.First(a => !a.Result.Succeeded);
        // The free slots nearby: between the morning meeting and the afternoon workshop, and after it.
        Assert.Contains(loser.FreeSlots, s => Formats.InBrussels(s.From).Hour == 10);
    }

    [Fact]
    public async Task A_booking_in_the_past_or_ending_before_it_starts_is_refused_and_a_cancelled_one_frees_its_slot()
    {
        var lab = await LabAsync();
        var room = await RoomAsync(lab);
        var mdm = await OrganisationAsync("Médecins du Monde");

        var past = await BookAsync(DemoAppFixture.Participant, lab, Slot(room, mdm, "09:00", "10:00", "Hier", DayText.Of(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));
        var inverted = await BookAsync(DemoAppFixture.Participant, lab, Slot(room, mdm, "11:00", "10:00", "À l'envers"));
        Assert.Equal("Rule.Booking.InThePast", past.Result.MessageKey);
        Assert.Equal(SaveStatus.Invalid, inverted.Result.Status);
        Assert.Contains(nameof(BookingInput.Until), inverted.Result.Errors!.Keys);

        var first = await BookAsync(DemoAppFixture.Participant, lab, Slot(room, mdm, "10:00", "12:00", "Permanence"));
        Assert.True(first.Result.Succeeded);
        Assert.Equal(SaveStatus.Taken, (await BookAsync(DemoAppFixture.Facilitator, lab, Slot(room, await OrganisationAsync("SAW-B"), "11:00", "13:00", "Formation"))).Result.Status);
        var week = (await app.AsAsync<BookingService, WeekView?>(DemoAppFixture.Participant, s => s.GetWeekAsync(lab, DayText.Parse(NextMonth)!.Value)))!;
        var booking = week.Days.SelectMany(d => d.Bookings).Single(b => b.Purpose == "Permanence");
        Assert.True(booking.MayCancel);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Observer, s => s.CancelAsync(lab, booking.Id, booking.Version))).Status);
        Assert.True((await app.AsAsync<BookingService, SaveResult>(DemoAppFixture.Participant, s => s.CancelAsync(lab, booking.Id, booking.Version))).Succeeded);
        Assert.True((await BookAsync(DemoAppFixture.Facilitator, lab, Slot(room, await OrganisationAsync("SAW-B"), "11:00", "13:00", "Formation"))).Result.Succeeded);
    }

    [Fact]
    public async Task Another_labs_rooms_and_organisations_answer_not_found()
    {
        var bota = await LabAsync();
        var inCommon = await LabAsync("In Common");
        var room = await RoomAsync(bota);
        var dewey = await OrganisationAsync("Dewey");
        var mdm = await OrganisationAsync("Médecins du Monde");

        Assert.Null(await app.AsAsync<BookingService, WeekView?>(DemoAppFixture.Coordination, s => s.GetWeekAsync(bota, DateOnly.FromDateTime(DateTime.UtcNow))));
        Assert.Equal(SaveStatus.NotFound, (await BookAsync(DemoAppFixture.Coordination, inCommon, Slot(room, dewey, "09:00", "10:00", "Intrus"))).Result.Status);
        Assert.Equal(SaveStatus.NotFound, (await BookAsync(DemoAppFixture.Coordination, bota, Slot(room, mdm, "09:00", "10:00", "Intrus"))).Result.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Bookings.AnyAsync(b => b.RoomId == room));
    }
}
