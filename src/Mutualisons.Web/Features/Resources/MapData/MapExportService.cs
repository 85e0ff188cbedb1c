using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common.Exports;

namespace Mutualisons.Web.Features.Resources.MapData;

/// <summary>
/// Writes a data set's shown entries as GeoJSON or CSV, one entry at a time from PostgreSQL (memory stays
/// flat whatever the size), with the licence stated: a top-level "licence" member of the FeatureCollection,
/// a "licence" column of the CSV. A lab's data set is written for its people; a published one for anyone.
/// </summary>
public sealed class MapExportService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    public static readonly string[] CsvColumns =
        ["id", "name", "categories", "address", "latitude", "longitude", "description_fr", "description_nl", "description_en", "contact", "opening_hours", "website", "source", "last_checked", "licence"];

    /// <summary>The validator of a published data set's GeoJSON: it changes when the terms, consents, taxonomy or any entry do.</summary>
    public async Task<string?> PublishedTagAsync(Guid dataSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var set = await db.MapDataSets.AsNoTracking().IgnoreAutoIncludes().Where(d => d.Id == dataSetId && d.Visibility == MapDataVisibility.Everyone)
            .Select(d => new { d.Version }).SingleOrDefaultAsync(cancellationToken);
        if (set is null)
        {
            return null;
        }
        var entries = db.MapEntries.IgnoreAutoIncludes().Where(e => e.DataSetId == dataSetId);
        var count = await entries.CountAsync(cancellationToken);
        var last = await entries.SelectMany(e => e.History).MaxAsync(h => (DateTimeOffset?)h.At, cancellationToken);
        return $"\"{set.Version}-{count}-{last?.UtcTicks ?? 0}\"";
    }

    public Task<bool> WriteGeoJsonAsync(Guid? labId, Guid dataSetId, Stream output, CancellationToken cancellationToken = default) =>
        WriteAsync(labId, dataSetId, async (set, entries, names, organisations) =>
        {
            await using var json = new Utf8JsonWriter(output);
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("name", set.Name);
            json.WriteString("licence", set.Licence);
            json.WriteStartArray("features");
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                var c = entry.Current!;
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", entry.Id);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(c.Longitude);
                json.WriteNumberValue(c.Latitude);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("name", c.Name);
                json.WriteStartArray("categories");
                foreach (var category in c.CategoryIds.Where(names.ContainsKey))
                {
                    json.WriteStringValue(names[category]);
                }
                json.WriteEndArray();
                json.WriteString("address", c.Address);
                json.WriteString("description_fr", c.DescriptionFr);
                json.WriteString("description_nl", c.DescriptionNl);
                json.WriteString("description_en", c.DescriptionEn);
                json.WriteString("contact", c.Contact);
                json.WriteString("opening_hours", c.OpeningHours);
                json.WriteString("website", c.Website);
                json.WriteString("source", organisations.GetValueOrDefault(c.SourceOrganisationId, string.Empty));
                if (c.LastCheckedOn is { } day)
                {
                    json.WriteString("last_checked", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                json.WriteEndObject();
                json.WriteEndObject();
                // Out to the response every few entries: nothing accumulates in memory.
                if (json.BytesPending > 16 * 1024)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>CSV with ',' and invariant numbers whatever the language: coordinates must read back the same everywhere.</summary>
    public Task<bool> WriteCsvAsync(Guid? labId, Guid dataSetId, Stream output, CancellationToken cancellationToken = default) =>
        WriteAsync(labId, dataSetId, async (set, entries, names, organisations) =>
        {
            await using var text = new StreamWriter(output, CsvWriter.Encoding, leaveOpen: true);
            var csv = new CsvWriter(text, new CsvFormat(',', CultureInfo.InvariantCulture));
            await csv.WriteRowAsync(CsvColumns, cancellationToken);
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                var c = entry.Current!;
                await csv.WriteRowAsync(
                [
                    ExportCell.Of(entry.Id.ToString()), ExportCell.Of(c.Name), ExportCell.Of(string.Join("|", c.CategoryIds.Where(names.ContainsKey).Select(id => names[id]))),
                    ExportCell.Of(c.Address), ExportCell.Coordinate(c.Latitude), ExportCell.Coordinate(c.Longitude), ExportCell.Of(c.DescriptionFr), ExportCell.Of(c.DescriptionNl), ExportCell.Of(c.DescriptionEn),
                    ExportCell.Of(c.Contact), ExportCell.Of(c.OpeningHours), ExportCell.Of(c.Website), ExportCell.Of(organisations.GetValueOrDefault(c.SourceOrganisationId, string.Empty)),
                    ExportCell.Of(c.LastCheckedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ExportCell.Of(set.Licence),
                ], cancellationToken);
            }
            await text.FlushAsync(cancellationToken);
        }, cancellationToken);

    private delegate Task Writer(MapDataSet set, IAsyncEnumerable<MapEntry> entries, IReadOnlyDictionary<Guid, string> categoryNames, IReadOnlyDictionary<Guid, string> organisations);

    /// <summary>False, with nothing written, when the person may not read the data set.</summary>
    private async Task<bool> WriteAsync(Guid? labId, Guid dataSetId, Writer write, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        MapDataSet? set;
        if (labId is { } lab)
        {
            var actor = await currentActor.GetAsync();
            set = await db.RoleInAsync(actor, lab, cancellationToken) is null
                ? null
                : await db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.LabId == lab, cancellationToken);
        }
        else
        {
            set = await db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.Visibility == MapDataVisibility.Everyone, cancellationToken);
        }
        if (set is null)
        {
            return false;
        }
        var consenting = set.ConsentingOrganisations;
        var organisations = await db.Organisations.Where(o => consenting.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var categoryNames = set.Categories.ToDictionary(c => c.Id, c => c.NameFr);
        var entries = MapReadService.Shown(db, set, new MapFilter()).OrderBy(e => e.Name).ThenBy(e => e.Id).AsAsyncEnumerable();
        await write(set, entries, categoryNames, organisations);
        return true;
    }
}
