using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Workshops.Console;

/// <summary>
/// The facilitator's console and the big screen: reading the room (who joined, who answered the current step,
/// its results) and running it — open, next and previous, submissions, reveal, timer, end, a fresh code, and
/// taking out a note or a participant, gathering notes into clusters. Each move is a lab write, audited, whose
/// signal reaches every instance's phones and screens once committed.
/// </summary>
public sealed class WorkshopConsoleService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor, LabWrites writes, Outcomes.WorkshopAttendanceService attendance,
    WorkshopSignals signals)
{
    /// <summary>
    /// Follows the room for the console or the big screen: each signal leads to a re-read as <see cref="ReadAsync"/>
    /// does, at the screens' pace, handed to <paramref name="show"/> (null when it can no longer be read).
    /// </summary>
    public WorkshopFeed Follow(Guid labId, Guid workshopId, bool forScreen, Func<WorkshopRoomState?, Task> show, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(show);
        return new WorkshopFeed(signals, workshopId, async (_, cancellationToken) => await show(await ReadAsync(labId, workshopId, forScreen, cancellationToken)),
            logger: logger, pace: WorkshopFeed.ScreenPace);
    }

    /// <summary>
    /// The room as the console (<paramref name="forScreen"/> false: names, hidden tallies and removed notes
    /// included) or the projected screen (what the room may see) reads it; null when unknown or not the person's lab.
    /// </summary>
    public async Task<WorkshopRoomState?> ReadAsync(Guid labId, Guid workshopId, bool forScreen = false, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One pooled connection for the read's six queries: in a busy room, each query taking its own would queue
        // for the pool behind the votes six times over.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId && w.LabId == labId, cancellationToken);
        if (workshop is null)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var step = workshop.CurrentStep;
        var answeredIds = step is null ? [] : step.Kind == WorkshopStepKind.Ideas
            ? await db.WorkshopNotes.Where(n => n.StepId == step.Id && n.RemovedAt == null).Select(n => n.ParticipantId).Distinct().ToListAsync(cancellationToken)
            : await db.WorkshopAnswers.Where(a => a.StepId == step.Id).Select(a => a.ParticipantId).Distinct().ToListAsync(cancellationToken);
        var answered = answeredIds.ToHashSet();
        var participants = await db.WorkshopParticipants.AsNoTracking().Where(p => p.WorkshopId == workshopId).OrderBy(p => p.JoinedAt)
            .Select(p => new { p.Id, p.DisplayName, p.OtherOrganisation, Organisation = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).FirstOrDefault(), p.RemovedAt })
            .ToListAsync(cancellationToken);
        var views = participants.Select(p => new ParticipantView(p.Id, p.DisplayName, p.Organisation ?? p.OtherOrganisation, p.RemovedAt is not null, answered.Contains(p.Id))).ToList();
        var current = step is null ? null : await WorkshopReading.ResultsAsync(db, workshop, step, forFacilitator: !forScreen, cancellationToken);
        return new WorkshopRoomState(labId, labName, workshop, views.Count(v => !v.Removed), views, current, role.Allows(LabRight.RunWorkshops));
    }

    public Task<SaveResult> StartAsync(Guid labId, Guid workshopId, uint version, CancellationToken cancellationToken = default) =>
        Move(labId, workshopId, version, (workshop, now) => workshop.Start(now), "Workshops.Audit.Started", cancellationToken);

    /// <summary>Next (+1) or previous (−1) step.</summary>
    public Task<SaveResult> AdvanceAsync(Guid labId, Guid workshopId, int by, uint version, CancellationToken cancellationToken = default) =>
        Move(labId, workshopId, version, (workshop, _) => workshop.Advance(by), by > 0 ? "Workshops.Audit.Next" : "Workshops.Audit.Previous", cancellationToken);

    public Task<SaveResult> GoToAsync(Guid labId, Guid workshopId, Guid stepId, uint version, CancellationToken cancellationToken = default) =>
        Move(labId, workshopId, version, (workshop, _) => workshop.GoTo(stepId), "Workshops.Audit.GoTo", cancellationToken);

    public Task<SaveResult> SetSubmissionsAsync(Guid labId, Guid workshopId, Guid stepId, bool open, uint version, CancellationToken cancellationToken = default) =>
        Move(labId, workshopId, version, (workshop, _) =>
        {
            var step = workshop.Step(stepId);
            if (open)
            {
                if (step.Id != workshop.CurrentStepId)
                {
                    throw new DomainException("Workshop.StepNotCurrent", "Only the step the room is on takes answers.");
                }
                step.OpenSubmissions();
            }
            else
            {
                step.CloseSubmissions();
            }
        }, open ? "Workshops.Audit.Opened" : "Workshops.Audit.Closed", cancellationToken);

    public Task<SaveResult> RevealAsync(Guid labId, Guid workshopId, Guid stepId, bool revealed, uint version, CancellationToken cancellationToken = default) =>
        Move(labId, workshopId, version, (workshop, _) => workshop.Step(stepId).Reveal(revealed), revealed ? "Workshops.Audit.Revealed" : "Workshops.Audit.Hidden", cancellationToken);

    /// <summary>Runs a timer of <paramref name="minutes"/> on the step (zero stops it).</summary>
    public Task<SaveResult> SetTimerAsync(Guid labId, Guid workshopId, Guid stepId, int minutes, uint version, CancellationToken cancellationToken = default) =>
        Move(labId, workshopId, version, (workshop, now) => workshop.Step(stepId).SetTimer(minutes, now), "Workshops.Audit.Timer", cancellationToken);

    /// <summary>
    /// Ends the session, then records who came on its activity so the participation ladder moves; should that
    /// second write fail, the outcomes page offers it again.
    /// </summary>
    public async Task<SaveResult> EndAsync(Guid labId, Guid workshopId, uint version, CancellationToken cancellationToken = default)
    {
        var ended = await Move(labId, workshopId, version, (workshop, now) => workshop.End(now), "Workshops.Audit.Ended", cancellationToken);
        if (ended.Succeeded)
        {
            await attendance.RecordAttendanceAsync(labId, workshopId, cancellationToken);
        }
        return ended;
    }

    /// <summary>A fresh join code; those in the room stay.</summary>
    public Task<SaveResult> RenewCodeAsync(Guid labId, Guid workshopId, uint version, CancellationToken cancellationToken = default) =>
        Move(labId, workshopId, version, (workshop, now) => workshop.RenewCode(now), "Workshops.Audit.CodeRenewed", cancellationToken);

    /// <summary>Takes someone out of the room: what they sent stops counting and they can send nothing more.</summary>
    public Task<SaveResult> RemoveParticipantAsync(Guid labId, Guid workshopId, Guid participantId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeRoomPartsAsync(workshopId, WorkshopChange.Participants, async (workshop, write) =>
        {
            var participant = await write.Db.WorkshopParticipants.SingleOrDefaultAsync(p => p.Id == participantId && p.WorkshopId == workshopId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            participant.Remove(write.Now);
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.ParticipantRemoved")} {participant.DisplayName}";
        }, cancellationToken);

    /// <summary>Takes a note off the wall (off-topic, or written twice); it stays in the export, marked.</summary>
    public Task<SaveResult> RemoveNoteAsync(Guid labId, Guid workshopId, Guid noteId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeRoomPartsAsync(workshopId, WorkshopChange.Answers, async (workshop, write) =>
        {
            var note = await write.Db.WorkshopNotes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == workshopId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            note.Remove(write.Now);
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.NoteRemoved")} {note.Text}";
        }, cancellationToken);

    /// <summary>A new cluster on a grouping step; the result's id is the cluster's.</summary>
    public async Task<SaveResult> AddClusterAsync(Guid labId, Guid workshopId, Guid groupingStepId, string name, CancellationToken cancellationToken = default)
    {
        Guid? clusterId = null;
        var result = await writes.In(labId, LabRight.RunWorkshops).ChangeRoomPartsAsync(workshopId, WorkshopChange.Answers, (workshop, write) =>
        {
            var cluster = new WorkshopCluster(workshop.Step(groupingStepId), name);
            write.Db.WorkshopClusters.Add(cluster);
            clusterId = cluster.Id;
            return ValueTask.FromResult($"{workshop.Title} — {AuditText.Key("Workshops.Audit.ClusterAdded")} {cluster.Name}");
        }, cancellationToken);
        return result.Succeeded ? SaveResult.Saved(clusterId) : result;
    }

    public Task<SaveResult> RenameClusterAsync(Guid labId, Guid workshopId, Guid clusterId, string name, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeRoomPartsAsync(workshopId, WorkshopChange.Answers, async (workshop, write) =>
        {
            var cluster = await write.Db.WorkshopClusters.SingleOrDefaultAsync(c => c.Id == clusterId && c.WorkshopId == workshopId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            cluster.Rename(name);
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.ClusterRenamed")} {cluster.Name}";
        }, cancellationToken);

    /// <summary>Puts a note in a cluster of the grouping step that gathers its ideas step, or takes it out (none).</summary>
    public Task<SaveResult> PutNoteAsync(Guid labId, Guid workshopId, Guid noteId, Guid? clusterId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeRoomPartsAsync(workshopId, WorkshopChange.Answers, async (workshop, write) =>
        {
            var note = await write.Db.WorkshopNotes.SingleOrDefaultAsync(n => n.Id == noteId && n.WorkshopId == workshopId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            WorkshopCluster? cluster = null;
            if (clusterId is { } id)
            {
                cluster = await write.Db.WorkshopClusters.SingleOrDefaultAsync(c => c.Id == id && c.WorkshopId == workshopId, write.CancellationToken)
                    ?? throw LabWrite.NotFound();
                if (workshop.Step(cluster.StepId).SourceStepId != note.StepId)
                {
                    throw new DomainException("Workshop.ClusterUnknown", "The cluster gathers another step's notes.");
                }
            }
            note.PutIn(cluster);
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.NotePut")} {cluster?.Name ?? "—"}";
        }, cancellationToken);

    private Task<SaveResult> Move(Guid labId, Guid workshopId, uint version, Action<Workshop, DateTimeOffset> move, string auditKey, CancellationToken cancellationToken) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeWorkshopAsync(workshopId, version, WorkshopChange.Room, (workshop, write) =>
        {
            move(workshop, write.Now);
            var step = workshop.CurrentStep is { } current ? $" ({current.Position + 1})" : string.Empty;
            return ValueTask.FromResult($"{workshop.Title} — {AuditText.Key(auditKey)}{step}");
        }, cancellationToken);
}
