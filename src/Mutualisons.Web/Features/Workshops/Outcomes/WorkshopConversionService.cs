using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

/// <summary>
/// Turns a note or a cluster of a workshop into a need (cycle 1) or an experiment (cycle 4), in one action:
/// the need or experiment is created and the note or cluster records what it became in the same transaction,
/// its row locked so two facilitators clicking at once make one, not two. Needs the right to run workshops and
/// the right the target asks for (recording needs, configuring the tools).
/// </summary>
public sealed class WorkshopConversionService(LabWrites writes, IValidator<ConversionInput> validator, IStringLocalizer<SharedResource> l)
{
    public Task<ConversionResult> MakeNeedAsync(Guid labId, Guid workshopId, WorkshopSource source, string title, CancellationToken cancellationToken = default) =>
        ConvertAsync(labId, workshopId, source, new ConversionInput { Kind = OutcomeKind.Need, Title = title }, cancellationToken);

    public Task<ConversionResult> MakeExperimentAsync(Guid labId, Guid workshopId, WorkshopSource source, string title, CancellationToken cancellationToken = default) =>
        ConvertAsync(labId, workshopId, source, new ConversionInput { Kind = OutcomeKind.Experiment, Title = title }, cancellationToken);

    private async Task<ConversionResult> ConvertAsync(Guid labId, Guid workshopId, WorkshopSource source, ConversionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var targetRight = input.Kind == OutcomeKind.Need ? LabRight.RunQuestionnaires : LabRight.ConfigureTools;
        var scope = writes.In(labId, (role, _) => role.Allows(LabRight.RunWorkshops) && role.Allows(targetRight)).Validating(input, validator);
        var scoresLeftEmpty = false;
        var result = input.Kind == OutcomeKind.Need
            ? await scope.CreateAsync<DiagnosticNeed>(async write =>
            {
                var found = await FindAsync(write, labId, workshopId, source);
                var need = new DiagnosticNeed(labId, Limit(input.Title.Trim() + Listing(found.Notes), Limits.LongText), null, null, [], write.Actor.UserId, write.Now);
                found.Became(need.Id);
                return (need, need.Text);
            }, cancellationToken)
            : await scope.CreateAsync<Experiment>(async write =>
            {
                var found = await FindAsync(write, labId, workshopId, source);
                var evidence = await WorkshopEvidence.ForAsync(write.Db, found.Workshop, found.SourceStepId, found.Item, write.CancellationToken);
                scoresLeftEmpty = evidence.AxesRenamed;
                var experiment = new Experiment(labId, new ExperimentDescription(input.Title.Trim(), Limit(Description(found, evidence), Limits.LongText), null, CooperationLevel.Simple, null, null), write.Actor.UserId, write.Now);
                experiment.Score(evidence.Feasibility, evidence.Impact);
                found.Became(experiment.Id);
                return (experiment, experiment.Title);
            }, cancellationToken);
        return new ConversionResult(result, result.Succeeded && scoresLeftEmpty);
    }

    /// <summary>The note or cluster, locked for this transaction, with what the conversion reads of it.</summary>
    private static async Task<Found> FindAsync(LabWrite write, Guid labId, Guid workshopId, WorkshopSource source)
    {
        var ct = write.CancellationToken;
        var workshop = await write.Db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId && w.LabId == labId, ct) ?? throw LabWrite.NotFound();
        await write.BeginTransactionAsync();
        if (source.Kind == WorkshopSourceKind.Note)
        {
            var note = await write.Db.WorkshopNotes.FromSql($"SELECT * FROM workshop_notes WHERE id = {source.Id} AND workshop_id = {workshopId} FOR UPDATE").SingleOrDefaultAsync(ct)
                ?? throw LabWrite.NotFound();
            return new Found(workshop, note.StepId, WorkshopItems.Note(note.Id), note.Text, [], note.Became);
        }
        var cluster = await write.Db.WorkshopClusters.FromSql($"SELECT * FROM workshop_clusters WHERE id = {source.Id} AND workshop_id = {workshopId} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw LabWrite.NotFound();
        var notes = await write.Db.WorkshopNotes.AsNoTracking().Where(n => n.ClusterId == cluster.Id && n.RemovedAt == null).OrderBy(n => n.CreatedAt).Select(n => n.Text).ToListAsync(ct);
        return new Found(workshop, cluster.StepId, WorkshopItems.Cluster(cluster.Id), cluster.Name, notes, cluster.Became);
    }

    /// <summary>Where the experiment comes from and what the room said of it, in the words of the person converting.</summary>
    private string Description(Found found, ItemEvidence evidence)
    {
        var lines = new List<string> { l["WorkshopOutcomes.FromWorkshop", found.Workshop.Title] };
        if (found.Notes.Count > 0)
        {
            lines.Add(found.Text + Listing(found.Notes));
        }
        else
        {
            lines.Add(found.Text);
        }
        if (evidence.Dots is { } dots)
        {
            lines.Add(l["WorkshopOutcomes.DotsLine", dots.Dots, dots.Voters]);
        }
        if (evidence.Position is { } position)
        {
            lines.Add(l["WorkshopOutcomes.MatrixLine", position.MedianX.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture), position.MedianY.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture), position.Placements]);
            if (evidence.AxesRenamed)
            {
                lines.Add(l["WorkshopOutcomes.AxesRenamed"]);
            }
        }
        return string.Join("\n\n", lines);
    }

    private static string Listing(IReadOnlyList<string> notes) => notes.Count == 0 ? string.Empty : "\n" + string.Concat(notes.Select(n => "\n– " + n));

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record Found(Workshop Workshop, Guid SourceStepId, string Item, string Text, IReadOnlyList<string> Notes, Action<Guid> Became);
}

public enum WorkshopSourceKind
{
    Note,
    Cluster,
}

/// <summary>The note or cluster a need or experiment is made from.</summary>
public sealed record WorkshopSource(WorkshopSourceKind Kind, Guid Id)
{
    public static WorkshopSource Note(Guid id) => new(WorkshopSourceKind.Note, id);

    public static WorkshopSource Cluster(Guid id) => new(WorkshopSourceKind.Cluster, id);
}
