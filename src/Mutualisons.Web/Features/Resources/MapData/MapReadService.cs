using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Resources.MapData;

/// <summary>
/// The part of the map a screen shows, in degrees. A west edge east of the east edge is a view across the
/// antimeridian (from 170° to −170°, say): it holds both sides.
/// </summary>
public sealed record MapBox(double South, double West, double North, double East)
{
    public bool IsValid =>
        MapEntryContent.AreValidCoordinates(South, West) && MapEntryContent.AreValidCoordinates(North, East) && South <= North;

    public bool CrossesAntimeridian => West > East;

    public static MapBox World { get; } = new(-90, -180, 90, 180);
}

/// <summary>Which entries to show: those of a category (and its sub-categories), those whose name contains a text.</summary>
public sealed record MapFilter(Guid? CategoryId = null, string? Search = null);

/// <summary>A marker: what the map needs and nothing more.</summary>
public sealed record MapPoint(Guid Id, string Name, double Latitude, double Longitude);

public sealed record MapEntryRow(Guid Id, string Name, string Address, IReadOnlyList<Guid> CategoryIds, double Latitude, double Longitude, string Website);

public sealed record EntryHistoryRow(MapEntryEventKind Kind, DateTimeOffset At, string Person, string Organisation, string? Reason, string? Changes);

public sealed record EntryDetail(Guid Id, Guid DataSetId, MapEntryContent? Current, string SourceOrganisation, bool IsShown, PendingContribution? Pending, IReadOnlyList<EntryHistoryRow> History);

public sealed record PendingContribution(Guid Id, MapEntryContent Content, int Approvals);

/// <summary>A data set as a reader sees it: its terms and taxonomy, whoever may read it.</summary>
public sealed record DataSetView(Guid Id, Guid LabId, string Name, string Description, string Licence, bool IsPublished, IReadOnlyList<CategoryRow> Categories);

/// <summary>
/// Reads a data set's entries: the viewport of a map (a box query PostgreSQL answers from the GiST index on
/// the entries' points), the list with search and category filter, one entry with its history. Every read
/// checks the person's role in the data set's lab, except for a published data set, which anyone reads.
/// Only accepted entries of consenting organisations are ever shown.
/// </summary>
public sealed class MapReadService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    /// <summary>Markers beyond this are not sent: a screen shows clusters long before.</summary>
    public const int MaxPoints = 20000;

    public const int PageSize = 50;

    public async Task<DataSetView?> DataSetAsync(Guid labId, Guid dataSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadableAsync(db, labId, dataSetId, cancellationToken) is { } set ? View(set) : null;
    }

    /// <summary>A published data set, for anyone (the public page, the embed, the GeoJSON endpoint).</summary>
    public async Task<DataSetView?> PublishedAsync(Guid dataSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PublishedSetAsync(db, dataSetId, cancellationToken) is { } set ? View(set) : null;
    }

    public async Task<IReadOnlyList<MapPoint>?> ViewportAsync(Guid labId, Guid dataSetId, MapBox box, MapFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadableAsync(db, labId, dataSetId, cancellationToken) is { } set ? await PointsAsync(db, set, box, filter, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<MapPoint>?> PublishedViewportAsync(Guid dataSetId, MapBox box, MapFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PublishedSetAsync(db, dataSetId, cancellationToken) is { } set ? await PointsAsync(db, set, box, filter, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<MapEntryRow>?> ListAsync(Guid labId, Guid dataSetId, MapFilter filter, int page = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadableAsync(db, labId, dataSetId, cancellationToken) is { } set ? await RowsAsync(db, set, filter, page, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<MapEntryRow>?> PublishedListAsync(Guid dataSetId, MapFilter filter, int page = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PublishedSetAsync(db, dataSetId, cancellationToken) is { } set ? await RowsAsync(db, set, filter, page, cancellationToken) : null;
    }

    /// <summary>One entry, with its pending contribution and its history; for the lab's people only.</summary>
    public async Task<EntryDetail?> EntryAsync(Guid labId, Guid entryId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return null;
        }
        var entry = await db.MapEntries.AsNoTracking().AsSplitQuery().Include(e => e.History).SingleOrDefaultAsync(e => e.Id == entryId && e.LabId == labId, cancellationToken);
        if (entry is null)
        {
            return null;
        }
        var set = await db.MapDataSets.AsNoTracking().AsSplitQuery().SingleAsync(d => d.Id == entry.DataSetId, cancellationToken);
        var people = entry.History.Select(h => h.UserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisationIds = entry.History.Select(h => h.OrganisationId).OfType<Guid>().Concat(entry.Contributions.Select(c => c.Content.SourceOrganisationId)).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var history = entry.History.OrderBy(h => h.At).ThenBy(h => h.Kind).ThenBy(h => h.Id)
            .Select(h => new EntryHistoryRow(h.Kind, h.At, h.UserId is { } u ? names.GetValueOrDefault(u, string.Empty) : string.Empty,
                h.OrganisationId is { } o ? organisations.GetValueOrDefault(o, string.Empty) : string.Empty, h.Reason, h.Changes))
            .ToList();
        var source = (entry.Current ?? entry.Pending?.Content)?.SourceOrganisationId;
        return new EntryDetail(entry.Id, entry.DataSetId, entry.Current, source is { } s ? organisations.GetValueOrDefault(s, string.Empty) : string.Empty,
            entry.IsShownIn(set), entry.Pending is { } p ? new PendingContribution(p.Id, p.Content, p.Approvals.Count) : null, history);
    }

    /// <summary>The data set when the person has a role in its lab; null for another lab's or an unknown one.</summary>
    private async Task<MapDataSet?> ReadableAsync(MutualisonsDbContext db, Guid labId, Guid dataSetId, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return null;
        }
        return await db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.LabId == labId, cancellationToken);
    }

    private static Task<MapDataSet?> PublishedSetAsync(MutualisonsDbContext db, Guid dataSetId, CancellationToken cancellationToken) =>
        db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.Visibility == MapDataVisibility.Everyone, cancellationToken);

    private static DataSetView View(MapDataSet set) =>
        new(set.Id, set.LabId, set.Name, set.Description, set.Licence, set.IsPublished, MapDataSetService.Taxonomy(set));

    /// <summary>The shown entries of a data set, filtered; <paramref name="source"/> is where rows come from (the viewport's box query, or the table).</summary>
    internal static IQueryable<MapEntry> Shown(MutualisonsDbContext db, MapDataSet set, MapFilter filter, IQueryable<MapEntry>? source = null)
    {
        var query = (source ?? db.MapEntries).IgnoreAutoIncludes().AsNoTracking()
            .Where(e => e.DataSetId == set.Id)
            .Where(MapEntry.ShownAmong(set.ConsentingOrganisations));
        if (filter.CategoryId is { } categoryId && set.Categories.Any(c => c.Id == categoryId))
        {
            var categories = set.WithDescendants(categoryId);
            query = query.Where(e => e.CategoryIds.Any(c => categories.Contains(c)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = $"%{EscapeLike(filter.Search.Trim())}%";
            query = query.Where(e => EF.Functions.ILike(e.Name, pattern, "\\"));
        }
        return query;
    }

    private static async Task<IReadOnlyList<MapPoint>> PointsAsync(MutualisonsDbContext db, MapDataSet set, MapBox box, MapFilter filter, CancellationToken cancellationToken)
    {
        if (!box.IsValid)
        {
            return [];
        }
        // "Contained in a box" is what the GiST index on the point answers: PostgreSQL reads only the entries in view.
        // Across the antimeridian the view is two boxes, one each side of it, each answered by the index.
        var inBox = box.CrossesAntimeridian
            ? db.MapEntries.FromSql($"SELECT * FROM map_entries WHERE location <@ box(point({box.West}, {box.South}), point({180.0}, {box.North})) OR location <@ box(point({-180.0}, {box.South}), point({box.East}, {box.North}))")
            : db.MapEntries.FromSql($"SELECT * FROM map_entries WHERE location <@ box(point({box.West}, {box.South}), point({box.East}, {box.North}))");
        return await Shown(db, set, filter, inBox)
            .OrderBy(e => e.Id)
            .Take(MaxPoints)
            .Select(e => new MapPoint(e.Id, e.Name, e.Latitude!.Value, e.Longitude!.Value))
            .ToListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<MapEntryRow>> RowsAsync(MutualisonsDbContext db, MapDataSet set, MapFilter filter, int page, CancellationToken cancellationToken)
    {
        var rows = await Shown(db, set, filter)
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Select(e => new { e.Id, e.Current, e.CategoryIds })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MapEntryRow(r.Id, r.Current!.Name, r.Current.Address, r.CategoryIds, r.Current.Latitude, r.Current.Longitude, r.Current.Website))];
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
