using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

/// <summary>A workshop's export: its title, the header and the rows, one table for every part of the session.</summary>
public sealed record WorkshopExport(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ExportCell>> Rows);

/// <summary>Whether the person may have the export: none for an unknown workshop (or lab), a refusal for a role that does not run workshops.</summary>
public sealed record WorkshopExportAnswer(WorkshopExport? Export, bool Forbidden);

/// <summary>
/// The whole session as one table, at any time (even while the room runs): steps, participants by organisation
/// (removed ones marked), notes with their author unless anonymous, their cluster, whether removed and what
/// they became, dot tallies, 2×2 medians and spreads, poll counts, consent positions and reasons. A session
/// holds at most some hundreds of rows, read in a few queries.
/// </summary>
public sealed class WorkshopExportService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor, IStringLocalizer<SharedResource> l)
{
    /// <summary>The columns, in order; their headers are the keys WorkshopExport.{column}.</summary>
    private static readonly string[] Columns =
        ["Section", "Step", "Item", "Author", "Organisation", "Cluster", "Removed", "Became", "Dots", "Voters", "Placements", "MedianX", "MedianY", "LowX", "HighX", "LowY", "HighY", "Count", "Position", "Reason"];

    public async Task<WorkshopExportAnswer> ExportAsync(Guid labId, Guid workshopId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return new WorkshopExportAnswer(null, false);
        }
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId && w.LabId == labId, cancellationToken);
        if (workshop is null)
        {
            return new WorkshopExportAnswer(null, false);
        }
        if (!role.Allows(LabRight.RunWorkshops))
        {
            return new WorkshopExportAnswer(null, true);
        }
        var rows = new List<IReadOnlyList<ExportCell>>();
        foreach (var step in workshop.Steps)
        {
            rows.Add(Row("Step", StepName(step), l.Enum(step.Kind), reason: step.Kind == WorkshopStepKind.Matrix ? Axes(step) : null));
        }
        var organisationNames = await db.Organisations.AsNoTracking()
            .Where(o => db.WorkshopParticipants.Any(p => p.WorkshopId == workshop.Id && p.OrganisationId == o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var participants = await db.WorkshopParticipants.AsNoTracking().Where(p => p.WorkshopId == workshop.Id).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        foreach (var participant in participants.OrderBy(p => p.OrganisationId is null).ThenBy(p => p.OrganisationId is { } id ? organisationNames.GetValueOrDefault(id) : p.OtherOrganisation, StringComparer.CurrentCulture))
        {
            var organisation = participant.OrganisationId is { } id ? organisationNames.GetValueOrDefault(id) : NullIfEmpty(participant.OtherOrganisation) ?? l["WorkshopOutcomes.NoOrganisation"].Value;
            rows.Add(Row("Participant", null, null, participant.DisplayName, organisation, removed: participant.IsRemoved));
        }
        var clusters = await db.WorkshopClusters.AsNoTracking().Where(c => c.WorkshopId == workshop.Id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var notes = new List<NoteView>();
        foreach (var step in workshop.Steps.Where(s => s.Kind == WorkshopStepKind.Ideas))
        {
            notes.AddRange(await WorkshopReading.NotesAsync(db, workshop, step, names: true, withRemoved: true, cancellationToken));
        }
        var became = await WorkshopOutcomesService.BecameAsync(db, labId, [.. notes.Select(n => n.BecameId), .. clusters.Select(c => c.BecameId)], cancellationToken);
        var steps = workshop.Steps.ToDictionary(s => s.Id);
        foreach (var note in notes)
        {
            rows.Add(Row("Note", StepName(steps[note.StepId]), note.Text, note.Author, note.Organisation, clusters.FirstOrDefault(c => c.Id == note.ClusterId)?.Name, note.Removed, Became(became, note.BecameId)));
        }
        foreach (var cluster in clusters)
        {
            rows.Add(Row("Cluster", StepName(steps[cluster.StepId]), cluster.Name, became: Became(became, cluster.BecameId)));
        }
        foreach (var step in workshop.Steps.Where(s => s.Kind is WorkshopStepKind.DotVote or WorkshopStepKind.Matrix or WorkshopStepKind.Poll or WorkshopStepKind.ConsentRound))
        {
            var results = await WorkshopReading.ResultsAsync(db, workshop, step, forFacilitator: true, cancellationToken);
            rows.AddRange(ResultRows(results));
        }
        var headers = Columns.Select(h => l[$"WorkshopExport.{h}"].Value).ToList();
        return new WorkshopExportAnswer(new WorkshopExport(workshop.Title, headers, rows), false);
    }

    private IEnumerable<IReadOnlyList<ExportCell>> ResultRows(StepResults results)
    {
        var step = StepName(results.Step);
        foreach (var tally in results.Dots)
        {
            yield return Row("DotVote", step, results.TextOf(tally.Item), numbers: [(8, tally.Dots), (9, tally.Voters)]);
        }
        foreach (var p in results.Matrix)
        {
            yield return Row("Matrix", step, results.TextOf(p.Item), numbers: [(10, p.Placements), (11, p.MedianX), (12, p.MedianY), (13, p.LowX), (14, p.HighX), (15, p.LowY), (16, p.HighY)]);
        }
        for (var i = 0; i < results.Poll.Count; i++)
        {
            var choice = results.Step.PollKind == PollKind.Scale ? (i + WorkshopStep.AxisMin).ToString(CultureInfo.CurrentCulture) : results.Step.Options.ElementAtOrDefault(i);
            yield return Row("Poll", step, choice, numbers: [(17, results.Poll[i])]);
        }
        if (results.Step.Kind == WorkshopStepKind.ConsentRound)
        {
            yield return Row("Consent", step, l.Enum(results.Consent));
            foreach (var position in results.Positions)
            {
                yield return Row("Consent", step, null, position.Author, position: l.Enum(position.Position), reason: position.Reason);
            }
        }
    }

    private ExportCell[] Row(string section, string? step, string? item, string? author = null, string? organisation = null, string? cluster = null,
        bool removed = false, string? became = null, IReadOnlyList<(int Column, double Value)>? numbers = null, string? position = null, string? reason = null)
    {
        var cells = new ExportCell[Columns.Length];
        cells[0] = l[$"WorkshopExport.Section.{section}"].Value;
        cells[1] = step;
        cells[2] = item;
        cells[3] = author;
        cells[4] = organisation;
        cells[5] = cluster;
        cells[6] = removed ? l["WorkshopExport.Yes"].Value : null;
        cells[7] = became;
        foreach (var (column, value) in numbers ?? [])
        {
            cells[column] = ExportCell.Of(value);
        }
        cells[18] = position;
        cells[19] = reason;
        return cells;
    }

    private static string StepName(WorkshopStep step) => $"{step.Position + 1}. {step.Prompt}";

    private string Axes(WorkshopStep step) =>
        $"{(step.AxisX.Length > 0 ? step.AxisX : l["WorkshopOutcomes.Feasibility"].Value)} × {(step.AxisY.Length > 0 ? step.AxisY : l["WorkshopOutcomes.Impact"].Value)}";

    private string? Became(Dictionary<Guid, BecameView> became, Guid? id) =>
        id is { } found && became.TryGetValue(found, out var view) ? $"{l.Enum(view.Kind)} : {view.Title}" : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
