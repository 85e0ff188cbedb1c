using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Resources;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Resources.Rooms;

public sealed record RoomRow(Guid Id, uint Version, string Name, int Capacity, string Equipment);

/// <summary>A booking of the week; <see cref="SeriesId"/> when it is one occurrence of a repeated booking.</summary>
public sealed record BookingRow(Guid Id, uint Version, Guid RoomId, string RoomName, string OrganisationName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Purpose, bool MayCancel, Guid? SeriesId = null);

public sealed record BookingDay(DateOnly Day, IReadOnlyList<BookingRow> Bookings);

public sealed record OrganisationChoice(Guid Id, string Name);

/// <summary>The shared place's week: its rooms, each day's bookings, and for whom the person may book.</summary>
public sealed record WeekView(string LabName, DateOnly Monday, bool MayManageRooms, IReadOnlyList<RoomRow> Rooms, IReadOnlyList<BookingDay> Days, IReadOnlyList<OrganisationChoice> BookableFor);

/// <summary>
/// What became of a booking; when the slot was taken, the free stretches of that day nearest to it. For a
/// repeated booking, the occurrences already taken (<see cref="Collisions"/>) and how many were booked.
/// </summary>
public sealed record BookingResult(SaveResult Result, IReadOnlyList<FreeSlot> FreeSlots)
{
    public IReadOnlyList<Occurrence> Collisions { get; init; } = [];

    /// <summary>How many occurrences the series has.</summary>
    public int Occurrences { get; init; } = 1;

    public int Booked { get; init; }
}

/// <summary>
/// The rooms of the lab's shared place and their bookings. Rooms are kept by those who configure the lab's
/// tools; an organisation's representative books for it (facilitators and the pilot group for any member).
/// The database refuses two overlapping bookings of one room; the one who loses hears which slots are free.
/// </summary>
public sealed class BookingService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    TimeProvider time,
    IValidator<RoomInput> roomValidator,
    IValidator<BookingInput> bookingValidator)
{
    public async Task<WeekView?> GetWeekAsync(Guid labId, DateOnly anyDay, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        var monday = anyDay.AddDays(-(((int)anyDay.DayOfWeek + 6) % 7));
        // PostgreSQL takes moments in UTC only.
        var from = Formats.FromBrussels(monday.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        var until = Formats.FromBrussels(monday.AddDays(7).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.LabId == labId).OrderBy(r => r.Name)
            .Select(r => new RoomRow(r.Id, r.Version, r.Name, r.Capacity, r.Equipment)).ToListAsync(cancellationToken);
        var organisations = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => new OrganisationChoice(o.Id, o.Name)).ToListAsync(cancellationToken);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var roomNames = rooms.ToDictionary(r => r.Id, r => r.Name);
        var now = time.GetUtcNow();
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.LabId == labId && b.CancelledAt == null && b.StartsAt < until && b.EndsAt > from)
            .OrderBy(b => b.StartsAt).ToListAsync(cancellationToken);
        var rows = bookings.Select(b => new BookingRow(b.Id, b.Version, b.RoomId, roomNames.GetValueOrDefault(b.RoomId, string.Empty), names.GetValueOrDefault(b.OrganisationId, string.Empty),
            b.StartsAt, b.EndsAt, b.Purpose, b.EndsAt > now && place.Role.MayEditOrganisation(b.OrganisationId, true, place.Represents), b.SeriesId)).ToList();
        var days = Enumerable.Range(0, 7).Select(monday.AddDays)
            .Select(day => new BookingDay(day, [.. rows.Where(r => DateOnly.FromDateTime(Formats.BrusselsDay(r.StartsAt)) == day)]))
            .ToList();
        return new WeekView(labName, monday, place.Role.Allows(LabRight.ConfigureTools), rooms, days,
            [.. organisations.Where(o => place.Role.MayEditOrganisation(o.Id, true, place.Represents)).OrderBy(o => o.Name, StringComparer.CurrentCulture)]);
    }

    public Task<SaveResult> SaveRoomAsync(Guid labId, Guid? roomId, RoomInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.ConfigureTools).Validating(input, roomValidator);
        if (roomId is not { } id)
        {
            return scope.CreateAsync<Room>(write =>
            {
                var room = new Room(labId, input.Name, input.Capacity!.Value, input.Equipment, write.Now);
                return (room, room.Name);
            }, cancellationToken);
        }
        return scope.ChangeAsync<Room>(id, input.Version, (room, _) =>
        {
            room.Describe(input.Name, input.Capacity!.Value, input.Equipment);
            return room.Name;
        }, cancellationToken);
    }

    /// <summary>
    /// Books a room for a member organisation. When someone else booked an overlapping slot first (even at the
    /// same second), the database refuses this one and the answer lists the free slots of that day nearby.
    /// </summary>
    public async Task<BookingResult> BookAsync(Guid labId, BookingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Repeats)
        {
            return await BookSeriesAsync(labId, input, cancellationToken);
        }
        var organisationId = input.OrganisationId ?? Guid.Empty;
        var result = await writes.In(labId, (role, represents) => role.MayEditOrganisation(organisationId, true, represents))
            .Validating(input, bookingValidator)
            .CreateAsync<Booking>(async write =>
            {
                var room = await write.Db.Rooms.SingleOrDefaultAsync(r => r.Id == input.RoomId && r.LabId == labId, write.CancellationToken) ?? throw LabWrite.NotFound();
                var labIdOfWrite = write.LabId;
                var organisation = await write.Db.Mutualisations.Where(m => m.Id == labIdOfWrite).SelectMany(m => m.Memberships).Where(ms => ms.OrganisationId == organisationId)
                    .Join(write.Db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => o.Name).SingleOrDefaultAsync(write.CancellationToken) ?? throw LabWrite.NotFound();
                var (start, end) = Moments(input);
                var booking = new Booking(room, organisationId, start, end, input.Purpose, write.Actor.UserId, write.Now);
                return (booking, $"{room.Name} — {organisation} : {Formats.BrusselsDateTime(booking.StartsAt)}–{TimeText.Of(TimeOnly.FromDateTime(Formats.InBrussels(booking.EndsAt).DateTime))}");
            }, cancellationToken);
        if (result.Status != SaveStatus.Taken)
        {
            return new BookingResult(result, []);
        }
        return new BookingResult(result, await FreeSlotsAsync(labId, input, cancellationToken));
    }

    /// <summary>
    /// Books every occurrence of a repeated booking in one transaction. When some are taken, nothing is booked
    /// and the answer lists them, unless the person asked for the free ones only; the database still checks each
    /// occurrence, so one taken between the look and the save refuses the whole series (and is listed then).
    /// </summary>
    private async Task<BookingResult> BookSeriesAsync(Guid labId, BookingInput input, CancellationToken cancellationToken)
    {
        var organisationId = input.OrganisationId ?? Guid.Empty;
        IReadOnlyList<Occurrence> collisions = [];
        var (booked, total) = (0, 0);
        var result = await writes.In(labId, (role, represents) => role.MayEditOrganisation(organisationId, true, represents))
            .Validating(input, bookingValidator)
            .RunAsync(async write =>
            {
                var room = await write.Db.Rooms.SingleOrDefaultAsync(r => r.Id == input.RoomId && r.LabId == labId, write.CancellationToken) ?? throw LabWrite.NotFound();
                var organisation = await OrganisationNameAsync(write.Db, labId, organisationId, write.CancellationToken) ?? throw LabWrite.NotFound();
                var occurrences = Occurrences(input);
                total = occurrences.Count;
                collisions = await CollisionsAsync(write.Db, room.Id, occurrences, write.CancellationToken);
                if (collisions.Count > 0 && (!input.FreeOnly || collisions.Count == occurrences.Count))
                {
                    return SaveResult.Taken;
                }
                var bookings = Booking.Series(room, organisationId, occurrences.Except(collisions), input.Purpose, write.Actor.UserId, write.Now);
                write.Db.Bookings.AddRange(bookings);
                booked = bookings.Count;
                var seriesId = bookings[0].SeriesId!.Value;
                write.AlsoAudit(Domain.Audit.AuditAction.Created, Booking.AuditSubject, seriesId,
                    $"{room.Name} — {organisation} : {Formats.BrusselsDateTime(bookings[0].StartsAt)}–{Clock(bookings[0].EndsAt)} × {bookings.Count}");
                write.ResultId = seriesId;
                return null;
            }, cancellationToken);
        if (result.Status == SaveStatus.Taken && collisions.Count == 0)
        {
            // Someone took an occurrence between our look and our save: the database refused the whole series.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            collisions = await CollisionsAsync(db, input.RoomId, Occurrences(input), cancellationToken);
        }
        return new BookingResult(result, []) { Collisions = result.Status == SaveStatus.Taken ? collisions : [], Occurrences = total, Booked = result.Succeeded ? booked : 0 };
    }

    /// <summary>The occurrences the input asks for, in Brussels time: each day of the series at the same hours.</summary>
    private static IReadOnlyList<Occurrence> Occurrences(BookingInput input)
    {
        var first = DayText.Parse(input.Date)!.Value;
        var (from, until) = (TimeText.Parse(input.From)!.Value, TimeText.Parse(input.Until)!.Value);
        var days = input.Recurrence() is { } recurrence ? recurrence.Days(first) : [first];
        // Kept in Brussels time: the booking checks its day with the place's offset.
        return [.. days.Select(day => new Occurrence(ToBrussels(day, from), ToBrussels(day, until)))];
    }

    /// <summary>The occurrences a live booking of the room already holds.</summary>
    private static async Task<IReadOnlyList<Occurrence>> CollisionsAsync(MutualisonsDbContext db, Guid roomId, IReadOnlyList<Occurrence> occurrences, CancellationToken cancellationToken)
    {
        // PostgreSQL takes moments in UTC only.
        var (first, last) = (occurrences.Min(o => o.StartsAt).ToUniversalTime(), occurrences.Max(o => o.EndsAt).ToUniversalTime());
        var taken = await db.Bookings.AsNoTracking()
            .Where(b => b.RoomId == roomId && b.CancelledAt == null && b.StartsAt < last && b.EndsAt > first)
            .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(cancellationToken);
        return Recurrence.Collisions(occurrences, taken.Select(t => (t.StartsAt, t.EndsAt)));
    }

    private static Task<string?> OrganisationNameAsync(MutualisonsDbContext db, Guid labId, Guid organisationId, CancellationToken cancellationToken) =>
        db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships).Where(ms => ms.OrganisationId == organisationId)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => o.Name).SingleOrDefaultAsync(cancellationToken);

    private static string Clock(DateTimeOffset moment) => TimeText.Of(TimeOnly.FromDateTime(Formats.InBrussels(moment).DateTime));

    /// <summary>
    /// Cancels what is left of a repeated booking: every occurrence not over yet, at once (those over stay as
    /// they were). One write: all are cancelled or none.
    /// </summary>
    public async Task<SaveResult> CancelSeriesAsync(Guid labId, Guid seriesId, CancellationToken cancellationToken = default)
    {
        Guid? owner;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            owner = await db.Bookings.Where(b => b.SeriesId == seriesId && b.LabId == labId).Select(b => (Guid?)b.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        }
        if (owner is not { } organisationId)
        {
            return SaveResult.NotFound;
        }
        return await writes.In(labId, (role, represents) => role.MayEditOrganisation(organisationId, true, represents))
            .RunAsync(async write =>
            {
                var left = await write.Db.Bookings
                    .Where(b => b.SeriesId == seriesId && b.LabId == labId && b.CancelledAt == null && b.EndsAt > write.Now)
                    .OrderBy(b => b.StartsAt).ToListAsync(write.CancellationToken);
                if (left.Count == 0)
                {
                    return SaveResult.Refused("Booking.AlreadyOver");
                }
                foreach (var booking in left)
                {
                    booking.Cancel(write.Now);
                }
                write.AlsoAudit(Domain.Audit.AuditAction.Changed, Booking.AuditSubject, seriesId,
                    $"{Formats.BrusselsDateTime(left[0].StartsAt)} × {left.Count} — {AuditText.Key("Rooms.SeriesCancelled")}");
                write.ResultId = seriesId;
                return null;
            }, cancellationToken);
    }

    /// <summary>Cancels a booking that is not over: its slot is free again, the booking stays in the history.</summary>
    public async Task<SaveResult> CancelAsync(Guid labId, Guid bookingId, uint version, CancellationToken cancellationToken = default)
    {
        Guid? owner;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            owner = await db.Bookings.Where(b => b.Id == bookingId && b.LabId == labId).Select(b => (Guid?)b.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        }
        if (owner is not { } organisationId)
        {
            return SaveResult.NotFound;
        }
        return await writes.In(labId, (role, represents) => role.MayEditOrganisation(organisationId, true, represents))
            .ChangeAsync<Booking>(bookingId, version, (booking, write) =>
            {
                booking.Cancel(write.Now);
                return $"{Formats.BrusselsDateTime(booking.StartsAt)} — {AuditText.Key("Rooms.Cancelled")}";
            }, cancellationToken);
    }

    /// <summary>The input's day and times in Brussels, as moments.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Moments(BookingInput input)
    {
        var day = DayText.Parse(input.Date)!.Value;
        return (ToBrussels(day, TimeText.Parse(input.From)!.Value), ToBrussels(day, TimeText.Parse(input.Until)!.Value));
    }

    private static DateTimeOffset ToBrussels(DateOnly day, TimeOnly at) => Formats.FromBrussels(day.ToDateTime(at));

    private async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(Guid labId, BookingInput input, CancellationToken cancellationToken)
    {
        var (start, end) = Moments(input);
        var day = DayText.Parse(input.Date)!.Value;
        var opens = ToBrussels(day, OpeningHours.Opens).ToUniversalTime();
        var closes = ToBrussels(day, OpeningHours.Closes).ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Bookings.AsNoTracking()
            .Where(b => b.LabId == labId && b.RoomId == input.RoomId && b.CancelledAt == null && b.StartsAt < closes && b.EndsAt > opens)
            .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(cancellationToken);
        return FreeSlots.Around(start, end - start, opens, closes, taken.Select(t => (t.StartsAt, t.EndsAt)), time.GetUtcNow());
    }
}
