using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Resources.MapData;

/// <summary>One row of an imported file: what it would add, or why it cannot (each problem in the reader's language).</summary>
public sealed record ImportRow(int Line, string Name, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What an import would do: the file's own problem (then nothing else), or each row with its problems.</summary>
public sealed record ImportPreview(string? FileError, IReadOnlyList<ImportRow> Rows)
{
    public int Valid => Rows.Count(r => r.IsValid);

    public int Invalid => Rows.Count(r => !r.IsValid);
}

/// <summary>
/// Imports entries into a data set from CSV (UTF-8 with or without BOM, ';' or ',') or a GeoJSON
/// FeatureCollection of points. The preview names every bad row and why; the import adds nothing from a file
/// with bad rows unless the person chose to skip them, and adds the rest in one transaction. Imported entries
/// are proposals like any other, accepted at once when a moderator imports them.
/// </summary>
public sealed class MapImportService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<EntryInput> entryValidator,
    IStringLocalizer<SharedResource> l,
    IOptions<MapDataOptions> options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public long MaxBytes => options.Value.MaxImportBytes;

    public async Task<ImportPreview?> PreviewAsync(Guid labId, Guid dataSetId, Stream file, string fileName, Guid? sourceOrganisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role || !role.Allows(LabRight.ContributeMapData))
        {
            return null;
        }
        var set = await db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.LabId == labId, cancellationToken);
        if (set is null)
        {
            return null;
        }
        var (preview, _) = await ReadAsync(db, set, file, fileName, sourceOrganisationId, cancellationToken);
        return preview;
    }

    /// <summary>
    /// Imports the file: refused with nothing added when the file is bad, or when a row is and
    /// <paramref name="skipBadRows"/> is false; otherwise every good row, in one transaction.
    /// </summary>
    public async Task<(SaveResult Result, ImportPreview? Preview)> ImportAsync(Guid labId, Guid dataSetId, Stream file, string fileName, Guid? sourceOrganisationId, bool skipBadRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ImportPreview? preview = null;
        var result = await writes.In(labId, LabRight.ContributeMapData).RunAsync(async write =>
        {
            var set = await write.Db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.LabId == labId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            var (read, entries) = await ReadAsync(write.Db, set, file, fileName, sourceOrganisationId, write.CancellationToken);
            preview = read;
            if (read.FileError is not null)
            {
                return SaveResult.Refused("MapImport.BadFile");
            }
            if (read.Invalid > 0 && !skipBadRows)
            {
                return SaveResult.Refused("MapImport.BadRows");
            }
            var place = await write.Db.PlaceInAsync(write.Actor, labId, write.CancellationToken) ?? throw LabWrite.NotFound();
            var moderator = place.Role.Allows(LabRight.ModerateMapData);
            if (place.Role == LabRole.Participant && entries.Any(e => e.SourceOrganisationId != place.Represents))
            {
                throw new DomainException("MapEntry.OnlyOwnOrganisation", "A participant proposes entries of the organisation they represent.");
            }
            var added = new List<MapEntry>(entries.Count);
            foreach (var input in entries)
            {
                var entry = MapEntry.Propose(set, input.ToContent(), write.Actor.UserId, place.Represents, write.Now);
                if (moderator)
                {
                    entry.Approve(set, entry.Pending!.Id, MapReviewer.Moderator(write.Actor.UserId), write.Now);
                }
                added.Add(entry);
            }
            // Thousands of rows go in by COPY, in the write's transaction: the audit line saved after them commits
            // with them, and any failure leaves nothing behind.
            await write.BeginTransactionAsync();
            await write.Db.CopyAsync(added, write.CancellationToken);
            await write.Db.CopyAsync(added.SelectMany(e => e.Contributions), write.CancellationToken);
            await write.Db.CopyAsync(added.SelectMany(e => e.History), write.CancellationToken);
            write.AlsoAudit(Domain.Audit.AuditAction.Created, MapEntry.AuditSubject, dataSetId, $"{set.Name} — import {fileName}: {entries.Count}");
            return null;
        }, cancellationToken);
        return (result, preview);
    }

    private async Task<(ImportPreview Preview, IReadOnlyList<EntryInput> Valid)> ReadAsync(MutualisonsDbContext db, MapDataSet set, Stream file, string fileName, Guid? sourceOrganisationId, CancellationToken cancellationToken)
    {
        var bytes = await ReadLimitedAsync(file, MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return (new ImportPreview(l["MapImport.TooLarge", MaxBytes / (1024 * 1024)], []), []);
        }
        string text;
        try
        {
            text = Decode(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (new ImportPreview(l["MapImport.Encoding"], []), []);
        }
        var consenting = set.ConsentingOrganisations;
        var organisations = await db.Organisations.Where(o => consenting.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var context = new RowContext(set, organisations.ToDictionary(o => o.Name.Trim(), o => o.Id, StringComparer.OrdinalIgnoreCase), sourceOrganisationId);
        List<(int Line, RawRow Row)> raw;
        try
        {
            raw = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv(text)
                : fileName.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? GeoJson(text)
                : throw new ImportFileException("MapImport.UnknownFormat");
        }
        catch (ImportFileException problem)
        {
            return (new ImportPreview(l[problem.Key], []), []);
        }
        catch (JsonException)
        {
            return (new ImportPreview(l["MapImport.NotFeatureCollection"], []), []);
        }
        catch (CsvHelperException)
        {
            return (new ImportPreview(l["MapImport.BadCsv"], []), []);
        }
        var rows = new List<ImportRow>();
        var valid = new List<EntryInput>();
        foreach (var (line, row) in raw)
        {
            var (input, errors) = await CheckAsync(row, context, cancellationToken);
            rows.Add(new ImportRow(line, row.Name ?? string.Empty, errors));
            if (errors.Count == 0)
            {
                valid.Add(input);
            }
        }
        if (rows.Count == 0)
        {
            return (new ImportPreview(l["MapImport.Empty"], []), []);
        }
        return (new ImportPreview(null, rows), valid);
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="max"/> (never reading much past it).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream file, long max, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > max)
            {
                return null;
            }
            memory.Write(buffer, 0, read);
        }
        return memory.ToArray();
    }

    /// <summary>UTF-8, with or without its BOM; anything else (UTF-16, Latin-1 with accents) is refused rather than guessed.</summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new DecoderFallbackException("UTF-16");
        }
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return StrictUtf8.GetString(bytes, start, bytes.Length - start);
    }

    private sealed record RawRow(string? Name, string? Categories, string? Address, string? Latitude, string? Longitude, string? DescriptionFr, string? DescriptionNl, string? DescriptionEn,
        string? Contact, string? OpeningHours, string? Website, string? Source, string? LastChecked);

    private sealed record RowContext(MapDataSet Set, IReadOnlyDictionary<string, Guid> Organisations, Guid? DefaultSource);

    private sealed class ImportFileException(string key) : Exception(key)
    {
        public string Key { get; } = key;
    }

    /// <summary>CSV with a header row (the export's column names); ';' or ',' as the header line says.</summary>
    private static List<(int, RawRow)> Csv(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end >= 0 ? text[..end] : text;
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new ImportFileException("MapImport.Empty");
        }
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("name"))
        {
            throw new ImportFileException("MapImport.NoNameColumn");
        }
        string? Field(string column) => header.IndexOf(column) is var i and >= 0 ? csv.GetField(i) : null;
        var rows = new List<(int, RawRow)>();
        while (csv.Read())
        {
            rows.Add((csv.Parser.RawRow, new RawRow(Field("name"), Field("categories"), Field("address"), Field("latitude"), Field("longitude"), Field("description_fr"), Field("description_nl"),
                Field("description_en"), Field("contact"), Field("opening_hours"), Field("website"), Field("source"), Field("last_checked"))));
        }
        return rows;
    }

    /// <summary>A FeatureCollection of points: anything else is refused whole.</summary>
    private static List<(int, RawRow)> GeoJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
            || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFileException("MapImport.NotFeatureCollection");
        }
        var rows = new List<(int, RawRow)>();
        var number = 0;
        foreach (var feature in features.EnumerateArray())
        {
            number++;
            string? Property(string name) =>
                feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value)
                    ? value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Array => string.Join("|", value.EnumerateArray().Select(v => v.ToString())),
                        JsonValueKind.Null => null,
                        _ => value.ToString(),
                    }
                    : null;
            string? latitude = null, longitude = null;
            if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
                && geometry.TryGetProperty("type", out var kind) && kind.GetString() == "Point"
                && geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array && coordinates.GetArrayLength() >= 2)
            {
                longitude = coordinates[0].ToString();
                latitude = coordinates[1].ToString();
            }
            rows.Add((number, new RawRow(Property("name"), Property("categories"), Property("address"), latitude, longitude, Property("description_fr"), Property("description_nl"),
                Property("description_en"), Property("contact"), Property("opening_hours"), Property("website"), Property("source"), Property("last_checked"))));
        }
        return rows;
    }

    /// <summary>A row as an entry, or its problems: the form's rules, plus categories and source known to the data set.</summary>
    private async Task<(EntryInput Input, IReadOnlyList<string> Errors)> CheckAsync(RawRow row, RowContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        double? Number(string? text, string key)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(l[key]);
                return null;
            }
            if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            errors.Add(l[key]);
            return null;
        }
        var categories = new List<Guid>();
        foreach (var name in (row.Categories ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var category = context.Set.Categories.FirstOrDefault(c => Guid.TryParse(name, out var id) ? c.Id == id
                : string.Equals(c.NameFr, name, StringComparison.OrdinalIgnoreCase) || string.Equals(c.NameNl, name, StringComparison.OrdinalIgnoreCase) || string.Equals(c.NameEn, name, StringComparison.OrdinalIgnoreCase));
            if (category is null)
            {
                errors.Add(l["MapImport.UnknownCategory", name]);
            }
            else
            {
                categories.Add(category.Id);
            }
        }
        Guid? source = context.DefaultSource;
        if (!string.IsNullOrWhiteSpace(row.Source))
        {
            if (context.Organisations.TryGetValue(row.Source.Trim(), out var named))
            {
                source = named;
            }
            else
            {
                errors.Add(l["MapImport.UnknownSource", row.Source.Trim()]);
            }
        }
        var latitude = Number(row.Latitude, "Validation.MapData.Latitude");
        var longitude = Number(row.Longitude, "Validation.MapData.Longitude");
        var input = new EntryInput
        {
            Name = row.Name?.Trim() ?? string.Empty,
            CategoryIds = categories,
            Address = row.Address,
            Latitude = latitude,
            Longitude = longitude,
            DescriptionFr = row.DescriptionFr,
            DescriptionNl = row.DescriptionNl,
            DescriptionEn = row.DescriptionEn,
            Contact = row.Contact,
            OpeningHours = row.OpeningHours,
            Website = row.Website,
            SourceOrganisationId = source,
            LastCheckedOn = string.IsNullOrWhiteSpace(row.LastChecked) ? null : row.LastChecked.Trim(),
        };
        var validation = await entryValidator.ValidateAsync(input, cancellationToken);
        errors.AddRange(validation.Errors.Where(e => !(e.PropertyName is nameof(EntryInput.Latitude) or nameof(EntryInput.Longitude) && (latitude is null || longitude is null))).Select(e => e.ErrorMessage));
        if (source is { } s && !context.Set.Consents(s))
        {
            errors.Add(l["Rule.MapData.NotAContributor"]);
        }
        return (input, errors.Distinct().ToList());
    }
}
