using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Impact;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Exports;

/// <summary>
/// The lab's impact model for other tools: as JSON-LD in the Common Impact Data Standard's basic tier (each member
/// organisation a cids:Organization, each hypothesis a cids:Outcome, each indicator a cids:Indicator, each
/// measurement a cids:IndicatorReport), and as CSV, one line per measurement. Both are written as they are read:
/// measurements are streamed from PostgreSQL, never loaded in bulk.
/// </summary>
public sealed class ImpactExportService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor, IStringLocalizer<SharedResource> localizer)
{
    public const string Cids = "https://ontology.commonapproach.org/cids#";

    private static readonly string[] CsvColumns = ["Organisation", "Hypothesis", "Status", "Indicator", "Unit", "Direction", "Source", "Baseline", "BaselineDate", "Target", "TargetDate", "Date", "Value", "Note"];

    private sealed record Model(string LabName, List<(Guid Id, string Name)> Organisations, List<ImpactHypothesis> Hypotheses);

    private sealed record Report(Guid Id, Guid IndicatorId, DateOnly On, decimal Value, string Note);

    /// <summary>
    /// Writes the JSON-LD document; false (nothing written) when the lab is not the person's. The measurements are
    /// read as a stream, in indicator order, and written one indicator at a time (the indicator, then its reports),
    /// so a lab of thousands of values never sits in memory nor waits for the end to be sent. Terms follow the
    /// basic tier's shapes: names are <c>org:hasName</c>, a measure's number is <c>i72:hasNumericalValue</c>, a
    /// report's times are <c>xsd:dateTime</c>.
    /// </summary>
    public async Task<bool> WriteJsonLdAsync(Guid labId, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, labId, cancellationToken) is not { } model)
        {
            return false;
        }
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("@context");
        json.WriteString("cids", Cids);
        json.WriteString("org", "http://ontology.eil.utoronto.ca/tove/organization#");
        json.WriteString("i72", "http://ontology.eil.utoronto.ca/ISO21972/iso21972#");
        json.WriteString("prov", "http://www.w3.org/ns/prov#");
        json.WriteString("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        json.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
        json.WriteEndObject();
        json.WriteStartArray("@graph");

        var hypothesesByOrganisation = model.Hypotheses.ToLookup(h => h.OrganisationId);
        foreach (var (organisationId, name) in model.Organisations)
        {
            json.WriteStartObject();
            json.WriteString("@id", Urn(organisationId));
            json.WriteString("@type", "cids:Organization");
            json.WriteString("org:hasLegalName", name);
            WriteReferences(json, "cids:hasOutcome", hypothesesByOrganisation[organisationId].Select(h => h.Id));
            WriteReferences(json, "cids:hasIndicator", hypothesesByOrganisation[organisationId].SelectMany(h => h.Indicators).Select(i => i.Id));
            json.WriteEndObject();
        }
        foreach (var hypothesis in model.Hypotheses)
        {
            json.WriteStartObject();
            json.WriteString("@id", Urn(hypothesis.Id));
            json.WriteString("@type", "cids:Outcome");
            json.WriteString("org:hasName", hypothesis.Statement);
            json.WriteString("cids:hasDescription", DescriptionOf(hypothesis));
            WriteReference(json, "cids:forOrganization", hypothesis.OrganisationId);
            WriteReferences(json, "cids:hasIndicator", hypothesis.Indicators.Select(i => i.Id));
            json.WriteEndObject();
        }
        await json.FlushAsync(cancellationToken);

        var indicators = model.Hypotheses.SelectMany(h => h.Indicators.Select(i => (Hypothesis: h, Indicator: i))).ToDictionary(x => x.Indicator.Id);
        var ids = indicators.Keys.ToList();
        var written = new HashSet<Guid>();
        var group = new List<Report>();
        await foreach (var report in db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId))
            .OrderBy(m => m.IndicatorId).ThenBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt)
            .Select(m => new Report(m.Id, m.IndicatorId, m.MeasuredOn, m.Value, m.Note))
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (group.Count > 0 && group[0].IndicatorId != report.IndicatorId)
            {
                await WriteIndicatorAsync(json, indicators[group[0].IndicatorId], group, cancellationToken);
                written.Add(group[0].IndicatorId);
                group.Clear();
            }
            group.Add(report);
        }
        if (group.Count > 0)
        {
            await WriteIndicatorAsync(json, indicators[group[0].IndicatorId], group, cancellationToken);
            written.Add(group[0].IndicatorId);
        }
        foreach (var (id, x) in indicators.Where(x => !written.Contains(x.Key)))
        {
            await WriteIndicatorAsync(json, x, [], cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return true;
    }

    /// <summary>One indicator and the reports of its measurements, then a flush: the download moves as it is read.</summary>
    private async Task WriteIndicatorAsync(Utf8JsonWriter json, (ImpactHypothesis Hypothesis, Indicator Indicator) x, IReadOnlyList<Report> reports, CancellationToken cancellationToken)
    {
        var (hypothesis, indicator) = x;
        json.WriteStartObject();
        json.WriteString("@id", Urn(indicator.Id));
        json.WriteString("@type", "cids:Indicator");
        json.WriteString("org:hasName", indicator.Name);
        json.WriteString("cids:hasDescription", $"{localizer.Enum(indicator.Direction)} · {localizer.Enum(indicator.Source)}");
        json.WriteString("cids:unitDescription", localizer.Enum(indicator.Unit));
        WriteReference(json, "cids:forOrganization", hypothesis.OrganisationId);
        WriteReference(json, "cids:forOutcome", hypothesis.Id);
        WriteMeasure(json, "cids:hasBaseline", indicator.BaselineValue);
        if (indicator.TargetValue is { } target)
        {
            WriteMeasure(json, "cids:hasThreshold", target);
        }
        WriteReferences(json, "cids:hasIndicatorReport", reports.Select(r => r.Id));
        json.WriteEndObject();
        foreach (var report in reports)
        {
            json.WriteStartObject();
            json.WriteString("@id", Urn(report.Id));
            json.WriteString("@type", "cids:IndicatorReport");
            json.WriteString("org:hasName", $"{indicator.Name} — {DayText.Of(report.On)}");
            WriteReference(json, "cids:forIndicator", indicator.Id);
            WriteReference(json, "cids:forOrganization", hypothesis.OrganisationId);
            WriteMeasure(json, "i72:value", report.Value);
            // A measurement is dated by its day: the report covers that day.
            WriteDateTime(json, "prov:startedAtTime", report.On.ToDateTime(TimeOnly.MinValue));
            WriteDateTime(json, "prov:endedAtTime", report.On.ToDateTime(new TimeOnly(23, 59, 59)));
            if (report.Note.Length > 0)
            {
                // The basic tier's cids:hasComment points to a node; a plain note is an rdfs:comment.
                json.WriteString("rdfs:comment", report.Note);
            }
            json.WriteEndObject();
        }
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>An outcome's description: who the effects fall on, and their sign and nature, in words.</summary>
    private string DescriptionOf(ImpactHypothesis hypothesis)
    {
        var kind = $"{localizer.Enum(hypothesis.Sign)} · {localizer.Enum(hypothesis.Nature)}";
        return hypothesis.Stakeholders.Length == 0 ? kind : $"{hypothesis.Stakeholders} ({kind})";
    }

    /// <summary>Writes the CSV, one line per measurement (and one per indicator never measured), in <paramref name="language"/>'s format.</summary>
    public async Task<bool> WriteCsvAsync(Guid labId, TextWriter output, string language, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, labId, cancellationToken) is not { } model)
        {
            return false;
        }
        var csv = new CsvWriter(output, CsvFormat.For(language));
        await csv.WriteRowAsync([.. CsvColumns.Select(h => (ExportCell)localizer[$"Impact.Export.{h}"].Value)], cancellationToken);
        var names = model.Organisations.ToDictionary(o => o.Id, o => o.Name);
        var indicators = model.Hypotheses.SelectMany(h => h.Indicators.Select(i => (Hypothesis: h, Indicator: i))).ToDictionary(x => x.Indicator.Id);
        var written = new HashSet<Guid>();

        ExportCell[] Row((ImpactHypothesis Hypothesis, Indicator Indicator) x, DateOnly? on, decimal? value, string? note) =>
        [
            names.GetValueOrDefault(x.Hypothesis.OrganisationId), x.Hypothesis.Statement, localizer.Enum(x.Hypothesis.Status), x.Indicator.Name,
            localizer.Enum(x.Indicator.Unit), localizer.Enum(x.Indicator.Direction), localizer.Enum(x.Indicator.Source),
            ExportCell.Of(x.Indicator.BaselineValue), DayText.Of(x.Indicator.BaselineDate),
            x.Indicator.TargetValue is { } t ? ExportCell.Of(t) : ExportCell.Empty, x.Indicator.TargetDate is { } td ? DayText.Of(td) : null,
            on is { } d ? DayText.Of(d) : null, value is { } v ? ExportCell.Of(v) : ExportCell.Empty, note,
        ];

        var ids = indicators.Keys.ToList();
        await foreach (var m in db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId))
            .OrderBy(m => m.IndicatorId).ThenBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt)
            .Select(m => new { m.IndicatorId, m.MeasuredOn, m.Value, m.Note }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            written.Add(m.IndicatorId);
            await csv.WriteRowAsync(Row(indicators[m.IndicatorId], m.MeasuredOn, m.Value, m.Note), cancellationToken);
        }
        foreach (var (id, x) in indicators.Where(x => !written.Contains(x.Key)))
        {
            await csv.WriteRowAsync(Row(x, null, null, null), cancellationToken);
        }
        return true;
    }

    private async Task<Model?> LoadAsync(MutualisonsDbContext db, Guid labId, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is null)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var organisations = (await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => new { o.Id, o.Name })
            .ToListAsync(cancellationToken)).OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name)).ToList();
        var hypotheses = await db.ImpactHypotheses.AsNoTracking().Where(h => h.LabId == labId).OrderBy(h => h.CreatedAt).ToListAsync(cancellationToken);
        return new Model(labName, organisations, hypotheses);
    }

    private static string Urn(Guid id) => $"urn:uuid:{id}";

    private static void WriteReference(Utf8JsonWriter json, string property, Guid id)
    {
        json.WriteStartObject(property);
        json.WriteString("@id", Urn(id));
        json.WriteEndObject();
    }

    private static void WriteReferences(Utf8JsonWriter json, string property, IEnumerable<Guid> ids)
    {
        json.WriteStartArray(property);
        foreach (var id in ids)
        {
            json.WriteStartObject();
            json.WriteString("@id", Urn(id));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>An ISO 21972 measure: the number typed as a decimal, so readers keep its exact value.</summary>
    private static void WriteMeasure(Utf8JsonWriter json, string property, decimal value)
    {
        json.WriteStartObject(property);
        json.WriteString("@type", "i72:Measure");
        json.WriteStartObject("i72:hasNumericalValue");
        json.WriteString("@value", value.ToString("0.####", CultureInfo.InvariantCulture));
        json.WriteString("@type", "xsd:decimal");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDateTime(Utf8JsonWriter json, string property, DateTime at)
    {
        json.WriteStartObject(property);
        json.WriteString("@value", at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        json.WriteString("@type", "xsd:dateTime");
        json.WriteEndObject();
    }
}
