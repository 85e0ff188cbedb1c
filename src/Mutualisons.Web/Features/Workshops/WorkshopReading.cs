using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Web.Features.Workshops;

/// <summary>Reads a step's items and results, for the console, the big screen, the phones and the export alike.</summary>
public static class WorkshopReading
{
    /// <summary>What <paramref name="step"/> votes on or places: its options, or another step's notes or clusters.</summary>
    public static async Task<IReadOnlyList<StepItem>> ItemsAsync(MutualisonsDbContext db, Workshop workshop, WorkshopStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(step);
        if (step.Kind is not (WorkshopStepKind.DotVote or WorkshopStepKind.Matrix or WorkshopStepKind.Poll))
        {
            return [];
        }
        if (step.SourceStepId is not { } sourceId)
        {
            return [.. step.Options.Select((text, index) => new StepItem(WorkshopItems.Option(index), text))];
        }
        var source = workshop.Steps.SingleOrDefault(s => s.Id == sourceId);
        if (source?.Kind == WorkshopStepKind.Grouping)
        {
            var clusters = await db.WorkshopClusters.AsNoTracking().Where(c => c.StepId == sourceId).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            return [.. clusters.Select(c => new StepItem(WorkshopItems.Cluster(c.Id), c.Name))];
        }
        var notes = await db.WorkshopNotes.AsNoTracking().Where(n => n.StepId == sourceId && n.RemovedAt == null).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Id, n.Text }).ToListAsync(cancellationToken);
        return [.. notes.Select(n => new StepItem(WorkshopItems.Note(n.Id), n.Text))];
    }

    /// <summary>
    /// The notes a step shows: an ideas step's own, or for a grouping step those of the ideas step it groups.
    /// Authors are named unless the ideas step is anonymous or <paramref name="names"/> is false.
    /// </summary>
    public static async Task<IReadOnlyList<NoteView>> NotesAsync(MutualisonsDbContext db, Workshop workshop, WorkshopStep step, bool names, bool withRemoved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var ideasStepId = step.Kind switch
        {
            WorkshopStepKind.Ideas => step.Id,
            WorkshopStepKind.Grouping => step.SourceStepId,
            _ => null,
        };
        if (ideasStepId is not { } ideasId)
        {
            return [];
        }
        var anonymous = workshop.Steps.SingleOrDefault(s => s.Id == ideasId)?.Anonymous ?? true;
        var rows = await (
            from n in db.WorkshopNotes.AsNoTracking()
            join p in db.WorkshopParticipants.AsNoTracking() on n.ParticipantId equals p.Id
            where n.StepId == ideasId && (withRemoved || n.RemovedAt == null)
            orderby n.CreatedAt
            select new { n.Id, n.StepId, n.Text, p.DisplayName, p.OtherOrganisation, OrganisationName = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).FirstOrDefault(), n.ClusterId, n.RemovedAt, n.BecameId })
            .ToListAsync(cancellationToken);
        var named = names && !anonymous;
        return [.. rows.Select(r => new NoteView(r.Id, r.StepId, r.Text, named ? r.DisplayName : null, named ? (r.OrganisationName ?? NullIfEmpty(r.OtherOrganisation)) : null, r.ClusterId, r.RemovedAt != null, r.BecameId))];
    }

    /// <summary>Everything a step gathered, tallied by the domain's rules.</summary>
    public static async Task<StepResults> ResultsAsync(MutualisonsDbContext db, Workshop workshop, WorkshopStep step, bool forFacilitator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        var items = await ItemsAsync(db, workshop, step, cancellationToken);
        var notes = await NotesAsync(db, workshop, step, names: forFacilitator, withRemoved: forFacilitator, cancellationToken);
        var clusterStepId = step.Kind == WorkshopStepKind.Grouping ? step.Id : (Guid?)null;
        var clusters = clusterStepId is { } groupingId
            ? await db.WorkshopClusters.AsNoTracking().Where(c => c.StepId == groupingId).OrderBy(c => c.Name).Select(c => new ClusterView(c.Id, c.Name, c.BecameId)).ToListAsync(cancellationToken)
            : [];
        // Removed participants' answers no longer count.
        var answers = await db.WorkshopAnswers.AsNoTracking()
            .Where(a => a.StepId == step.Id && db.WorkshopParticipants.Any(p => p.Id == a.ParticipantId && p.RemovedAt == null))
            .ToListAsync(cancellationToken);
        var answered = step.Kind == WorkshopStepKind.Ideas
            ? await db.WorkshopNotes.Where(n => n.StepId == step.Id && n.RemovedAt == null).Select(n => n.ParticipantId).Distinct().CountAsync(cancellationToken)
            : answers.Where(a => a.Dots > 0 || a.X is not null || a.Choices.Count > 0 || a.Consent is not null).Select(a => a.ParticipantId).Distinct().Count();
        var hidden = !step.ResultsRevealed;
        var names = forFacilitator && !step.Anonymous
            ? await db.WorkshopParticipants.AsNoTracking().Where(p => p.WorkshopId == workshop.Id).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken)
            : [];
        var showTallies = forFacilitator || !hidden;
        return new StepResults(
            step, items, notes, clusters,
            showTallies && step.Kind == WorkshopStepKind.DotVote ? WorkshopResults.Dots(answers) : [],
            showTallies && step.Kind == WorkshopStepKind.Matrix ? WorkshopResults.Matrix(answers) : [],
            showTallies && step.Kind == WorkshopStepKind.Poll ? WorkshopResults.Poll(step, answers) : [],
            showTallies && step.Kind == WorkshopStepKind.ConsentRound ? WorkshopResults.Consent(answers) : ConsentOutcome.NoAnswers,
            showTallies && step.Kind == WorkshopStepKind.ConsentRound
                ? [.. answers.Where(a => a.Consent is not null).OrderByDescending(a => a.Consent).Select(a => new ConsentView(a.Consent!.Value, a.Reason, names.GetValueOrDefault(a.ParticipantId)))]
                : [],
            answered, hidden);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
