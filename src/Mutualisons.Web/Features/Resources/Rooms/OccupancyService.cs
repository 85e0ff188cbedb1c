using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Resources.Rooms;

/// <summary>A room's or an organisation's month: hours booked within opening hours, how many bookings, and the share of the opening hours they fill.</summary>
public sealed record OccupancyRow(Guid Id, string Name, decimal Hours, int Bookings, decimal? Share);

/// <summary>
/// The shared place's month: per room, the share of its opening hours booked; per organisation, its hours
/// and the share of all the rooms' opening hours. <see cref="OpenHoursPerRoom"/> is one room's opening hours
/// that month.
/// </summary>
public sealed record OccupancyView(string LabName, int Year, int Month, decimal OpenHoursPerRoom, IReadOnlyList<OccupancyRow> Rooms, IReadOnlyList<OccupancyRow> Organisations)
{
    public bool IsEmpty => Rooms.All(r => r.Bookings == 0);

    public DateOnly First => new(Year, Month, 1);
}

/// <summary>
/// How much the shared place's rooms are used over a month, computed by PostgreSQL: live bookings starting
/// that month (Brussels time), each counted within the opening hours of its day.
/// </summary>
public sealed class OccupancyService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    private sealed record HoursRow(Guid Id, decimal Hours, int Bookings);

    public async Task<OccupancyView?> GetAsync(Guid labId, int year, int month, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Whoever has a place in the lab sees its week; the month's figures are the same bookings added up.
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is null)
        {
            return null;
        }
        var first = new DateOnly(year, month, 1);
        // PostgreSQL takes moments in UTC only.
        var from = Formats.FromBrussels(first.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        var until = Formats.FromBrussels(first.AddMonths(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        var zone = Formats.BrusselsZoneName;
        var opens = OpeningHours.Opens.ToTimeSpan();
        var closes = OpeningHours.Closes.ToTimeSpan();

        // Each booking's local day, clipped to that day's opening hours (a booking stays within one day).
        var byRoom = await db.Database.SqlQuery<HoursRow>($"""
            WITH booked AS (
                SELECT room_id, organisation_id, starts_at AT TIME ZONE {zone} AS starts_local, ends_at AT TIME ZONE {zone} AS ends_local
                FROM bookings
                WHERE lab_id = {labId} AND cancelled_at IS NULL AND starts_at >= {from} AND starts_at < {until}
            ), clipped AS (
                SELECT room_id, organisation_id,
                       greatest(0, extract(epoch FROM least(ends_local, date_trunc('day', starts_local) + {closes})
                                                    - greatest(starts_local, date_trunc('day', starts_local) + {opens}))) / 3600 AS hours
                FROM booked
            )
            SELECT r.id, coalesce(sum(c.hours), 0)::numeric(12, 2) AS hours, count(c.room_id)::int AS bookings
            FROM rooms r LEFT JOIN clipped c ON c.room_id = r.id
            WHERE r.lab_id = {labId}
            GROUP BY r.id
            UNION ALL
            SELECT c.organisation_id, sum(c.hours)::numeric(12, 2), count(*)::int
            FROM clipped c
            GROUP BY c.organisation_id
            """).ToListAsync(cancellationToken);

        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.LabId == labId).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var roomIds = rooms.Select(r => r.Id).ToHashSet();
        var organisationIds = byRoom.Where(r => !roomIds.Contains(r.Id)).Select(r => r.Id).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var figures = byRoom.ToDictionary(r => r.Id);

        var perRoom = OpeningHours.InMonth(year, month);
        var place = perRoom * rooms.Count;
        return new OccupancyView(labName, year, month, perRoom,
            [.. rooms.Select(r => Row(r.Id, r.Name, figures.GetValueOrDefault(r.Id), perRoom)).OrderBy(r => r.Name, StringComparer.CurrentCulture)],
            [.. organisations.Select(o => Row(o.Id, o.Name, figures.GetValueOrDefault(o.Id), place)).OrderByDescending(o => o.Hours).ThenBy(o => o.Name, StringComparer.CurrentCulture)]);
    }

    private static OccupancyRow Row(Guid id, string name, HoursRow? figures, decimal openHours) =>
        new(id, name, figures?.Hours ?? 0, figures?.Bookings ?? 0, OpeningHours.Share(figures?.Hours ?? 0, openHours));
}
