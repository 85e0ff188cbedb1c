using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Resources;

/// <summary>A room of the lab's shared place (Bota 75's building): its name, how many it holds and its equipment.</summary>
public sealed class Room : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Room;

    private Room()
    {
        Name = string.Empty;
        Equipment = string.Empty;
    }

    public Room(Guid labId, string name, int capacity, string? equipment, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedAt = Guard.Utc(now);
        Describe(name, capacity, equipment);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Name { get; private set; }

    public int Capacity { get; private set; }

    public string Equipment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Describe(string name, int capacity, string? equipment)
    {
        var title = Guard.RequiredText(name, Limits.Name, "Room.NameRequired", "The name");
        if (capacity is <= 0 or > ResourceDeclaration.MaxCapacity)
        {
            throw new DomainException("Room.CapacityInvalid", "A room holds at least one person.");
        }
        Equipment = Guard.OptionalText(equipment, Limits.ShortText, "Room.TextTooLong", "The equipment");
        Name = title;
        Capacity = capacity;
    }
}

/// <summary>
/// A room booked by one of the lab's organisations, from a start to an end on one day, for a purpose. Two
/// bookings of a room that overlap can never both exist: the database refuses the second (an exclusion
/// constraint on the room and the time range), whoever saves at the same second.
/// </summary>
public sealed class Booking : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Booking;

    /// <summary>Nobody books a room for less than a quarter of an hour.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(15);

    private Booking()
    {
        Purpose = string.Empty;
    }

    /// <summary>
    /// Books <paramref name="room"/> from <paramref name="startsAt"/> to <paramref name="endsAt"/>, given in the
    /// place's local time (their offsets say which): the booking stays within one local day and does not start
    /// in the past.
    /// </summary>
    public Booking(Room room, Guid organisationId, DateTimeOffset startsAt, DateTimeOffset endsAt, string purpose, Guid? bookedBy, DateTimeOffset now, Guid? seriesId = null) : this()
    {
        ArgumentNullException.ThrowIfNull(room);
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Booking.OrganisationRequired", "A booking is made for an organisation.");
        }
        if (endsAt <= startsAt)
        {
            throw new DomainException("Booking.EndsBeforeStart", "A booking ends after it starts.");
        }
        if (endsAt - startsAt < Shortest)
        {
            throw new DomainException("Booking.TooShort", "A booking lasts a quarter of an hour at least.");
        }
        // A night across midnight is two bookings: each day's calendar shows its own.
        var lastDay = endsAt.TimeOfDay == TimeSpan.Zero ? endsAt.DateTime.Date.AddDays(-1) : endsAt.DateTime.Date;
        if (lastDay != startsAt.DateTime.Date)
        {
            throw new DomainException("Booking.AcrossMidnight", "A booking stays within one day.");
        }
        if (startsAt < now)
        {
            throw new DomainException("Booking.InThePast", "A booking cannot start in the past.");
        }
        Id = Guid.CreateVersion7();
        LabId = room.LabId;
        RoomId = room.Id;
        OrganisationId = organisationId;
        StartsAt = Guard.Utc(startsAt);
        EndsAt = Guard.Utc(endsAt);
        Purpose = Guard.RequiredText(purpose, Limits.ShortText, "Booking.PurposeRequired", "The purpose");
        BookedBy = bookedBy;
        CreatedAt = Guard.Utc(now);
        SeriesId = seriesId;
    }

    /// <summary>
    /// Books every occurrence of a repeated booking, each a booking of its own (so the database checks each
    /// against the others' bookings), all sharing one series id so the series can be cancelled at once.
    /// </summary>
    public static IReadOnlyList<Booking> Series(Room room, Guid organisationId, IEnumerable<Occurrence> occurrences, string purpose, Guid? bookedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var seriesId = Guid.CreateVersion7();
        var bookings = occurrences.Select(o => new Booking(room, organisationId, o.StartsAt, o.EndsAt, purpose, bookedBy, now, seriesId)).ToList();
        if (bookings.Count == 0)
        {
            throw new DomainException("Booking.NothingToBook", "Every occurrence is taken: nothing to book.");
        }
        return bookings;
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public Guid RoomId { get; private set; }

    /// <summary>The occupant organisation the room is booked for.</summary>
    public Guid OrganisationId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string Purpose { get; private set; }

    public Guid? BookedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was cancelled; a cancelled booking frees its slot but stays in the history.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The repeated booking this one is an occurrence of, if any.</summary>
    public Guid? SeriesId { get; private set; }

    public uint Version { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public void Cancel(DateTimeOffset now)
    {
        if (CancelledAt is not null)
        {
            throw new DomainException("Booking.AlreadyCancelled", "This booking is already cancelled.");
        }
        if (EndsAt <= now)
        {
            throw new DomainException("Booking.AlreadyOver", "A booking that is over cannot be cancelled.");
        }
        CancelledAt = Guard.Utc(now);
    }
}

/// <summary>One occurrence of a repeated booking: its start and end.</summary>
public sealed record Occurrence(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>Half-open ranges, as the database's tstzrange: one ending at 10:00 and one starting then do not overlap.</summary>
    public bool Overlaps(DateTimeOffset startsAt, DateTimeOffset endsAt) => StartsAt < endsAt && startsAt < EndsAt;
}

/// <summary>
/// A booking repeated every <see cref="EveryWeeks"/> weeks, until a day (included) or for a number of
/// occurrences. Repetition is about days: each occurrence keeps the place's local hours, whatever the
/// change of summer time in between.
/// </summary>
public sealed record Recurrence
{
    /// <summary>A year of weekly bookings at most: beyond, a new series next year.</summary>
    public const int MaxOccurrences = 52;

    public const int MaxEveryWeeks = 8;

    public Recurrence(int everyWeeks, DateOnly? until, int? count)
    {
        if (everyWeeks is < 1 or > MaxEveryWeeks)
        {
            throw new DomainException("Booking.RepeatEveryInvalid", "A booking repeats every 1 to 8 weeks.");
        }
        if ((until is null) == (count is null))
        {
            throw new DomainException("Booking.RepeatEndRequired", "A repeated booking ends on a day or after a number of times, one of the two.");
        }
        if (count is < 2 or > MaxOccurrences)
        {
            throw new DomainException("Booking.RepeatTooMany", "A booking repeats 2 to 52 times.");
        }
        EveryWeeks = everyWeeks;
        Until = until;
        Count = count;
    }

    public int EveryWeeks { get; }

    public DateOnly? Until { get; }

    public int? Count { get; }

    /// <summary>The days of the series, <paramref name="first"/> included.</summary>
    public IReadOnlyList<DateOnly> Days(DateOnly first)
    {
        if (Until is { } last && last < first)
        {
            throw new DomainException("Booking.RepeatUntilBeforeStart", "A repeated booking ends after its first day.");
        }
        var days = new List<DateOnly>();
        for (var day = first; Count is { } count ? days.Count < count : day <= Until!.Value; day = day.AddDays(7 * EveryWeeks))
        {
            if (days.Count == MaxOccurrences)
            {
                throw new DomainException("Booking.RepeatTooMany", "A booking repeats 2 to 52 times.");
            }
            days.Add(day);
        }
        return days;
    }

    /// <summary>Which of <paramref name="occurrences"/> one of <paramref name="taken"/> (live bookings of the room) already holds.</summary>
    public static IReadOnlyList<Occurrence> Collisions(IEnumerable<Occurrence> occurrences, IEnumerable<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> taken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var held = taken?.ToList() ?? throw new ArgumentNullException(nameof(taken));
        return [.. occurrences.Where(o => held.Any(t => o.Overlaps(t.StartsAt, t.EndsAt)))];
    }
}

/// <summary>A free stretch of a room's day.</summary>
public sealed record FreeSlot(DateTimeOffset From, DateTimeOffset Until);

/// <summary>Where a refused booking could go instead: the free stretches of that day long enough for it, nearest first.</summary>
public static class FreeSlots
{
    public static IReadOnlyList<FreeSlot> Around(DateTimeOffset wantedStart, TimeSpan duration, DateTimeOffset opens, DateTimeOffset closes, IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> taken, DateTimeOffset now, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var gaps = new List<FreeSlot>();
        var cursor = opens > now ? opens : now;
        foreach (var (start, end) in taken.Where(t => t.End > opens && t.Start < closes).OrderBy(t => t.Start))
        {
            if (start - cursor >= duration)
            {
                gaps.Add(new FreeSlot(cursor, start));
            }
            if (end > cursor)
            {
                cursor = end;
            }
        }
        if (closes - cursor >= duration)
        {
            gaps.Add(new FreeSlot(cursor, closes));
        }
        return [.. gaps.OrderBy(g => Distance(g, wantedStart, duration)).Take(count).OrderBy(g => g.From)];
    }

    /// <summary>How far the nearest start within the gap is from the wanted start.</summary>
    private static TimeSpan Distance(FreeSlot gap, DateTimeOffset wanted, TimeSpan duration)
    {
        var latestStart = gap.Until - duration;
        var nearest = wanted < gap.From ? gap.From : wanted > latestStart ? latestStart : wanted;
        return (nearest - wanted).Duration();
    }
}

/// <summary>
/// The hours the shared place is open, every day, in its local time: free slots are looked for within them, and
/// a month's occupancy is the share of them that is booked.
/// </summary>
public static class OpeningHours
{
    public static readonly TimeOnly Opens = new(8, 0);
    public static readonly TimeOnly Closes = new(22, 0);

    public static TimeSpan PerDay => Closes - Opens;

    /// <summary>The hours one room is open in <paramref name="year"/>/<paramref name="month"/>.</summary>
    public static decimal InMonth(int year, int month) => (decimal)PerDay.TotalHours * DateTime.DaysInMonth(year, month);

    /// <summary>
    /// The share of <paramref name="openHours"/> that <paramref name="bookedHours"/> fill, between 0 and 1 (none
    /// when nothing was open: a place without a room).
    /// </summary>
    public static decimal? Share(decimal bookedHours, decimal openHours) =>
        openHours <= 0 ? null : Math.Clamp(bookedHours / openHours, 0m, 1m);
}
