using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>The room's door: the workshop a code opens, while it takes people, and the lab's organisations to choose from.</summary>
public sealed record RoomGate(Guid WorkshopId, Guid LabId, string Title, bool AcceptsJoins, IReadOnlyList<OrganisationChoice> Organisations);

public sealed record OrganisationChoice(Guid Id, string Name);

/// <summary>What a phone's live connection watches: where the room is and whether this participant is still in it.</summary>
/// <param name="LiveResults">
/// The phone shows results that move with others' answers: a grouping's clusters once shown. While a vote is open
/// the phone is a ballot, not a scoreboard: it does not reload under the thumb for others' votes (the big screen
/// follows those), and shows the revealed tally as of its own last tap or the room's next move.
/// </param>
public sealed record RoomPulse(WorkshopState State, Guid? StepId, bool SubmissionsOpen, bool LiveResults, bool Removed);

/// <summary>A signed-in lab member as they join: their name and the lab organisation they represent, if any.</summary>
public sealed record MemberIdentity(Guid UserId, string DisplayName, Guid? OrganisationId);

/// <summary>Who joins: a display name and the organisation they come for (one of the lab's, or another named in words).</summary>
public sealed record JoinInput(string? DisplayName, Guid? OrganisationId, string? OtherOrganisation);

/// <summary>
/// What participants do from their phones, with no account: join with a code, then write notes, spread dots,
/// place items, answer polls and consent rounds on the step the room is on. Each action runs in one
/// transaction that first locks the participant's row, so two taps at once are taken one after the other
/// and a budget is never overspent; the signal to the other screens leaves with the commit.
/// These are answers to the room, not changes to the lab (as questionnaire answers are): the facilitator's
/// changes go through <see cref="LabWrites"/>.
/// </summary>
public sealed class WorkshopRoomService(IDbContextFactory<MutualisonsDbContext> dbFactory, TimeProvider time)
{
    public async Task<RoomGate?> FindAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        if (JoinCode.Normalise(typedCode) is not { } code)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workshop = await db.Workshops.AsNoTracking().IgnoreAutoIncludes().Where(w => w.JoinCode == code)
            .Select(w => new { w.Id, w.LabId, w.Title, w.State, w.CodeExpiresAt }).SingleOrDefaultAsync(cancellationToken);
        if (workshop is null || workshop.State == WorkshopState.Preparing)
        {
            return null;
        }
        var memberIds = await db.Mutualisations.AsNoTracking().Where(m => m.Id == workshop.LabId).SelectMany(m => m.Memberships).Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => memberIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new OrganisationChoice(o.Id, o.Name)).ToListAsync(cancellationToken);
        var open = workshop.State == WorkshopState.Running && workshop.CodeExpiresAt > time.GetUtcNow();
        return new RoomGate(workshop.Id, workshop.LabId, workshop.Title, open, organisations);
    }

    /// <summary>Whether the code is that of a workshop still in preparation: the phone is told to wait, not that the code is wrong.</summary>
    public async Task<bool> OpensLaterAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        if (JoinCode.Normalise(typedCode) is not { } code)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Workshops.AsNoTracking().IgnoreAutoIncludes().AnyAsync(w => w.JoinCode == code && w.State == WorkshopState.Preparing, cancellationToken);
    }

    /// <summary>Joins the room the code opens; the result's secret is what the phone keeps to come back.</summary>
    public async Task<(SaveResult Result, string? Secret)> JoinAsync(string? typedCode, JoinInput input, Guid? userId, string culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (JoinCode.Normalise(typedCode) is not { } code)
        {
            return (SaveResult.NotFound, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.JoinCode == code, cancellationToken);
        if (workshop is null)
        {
            return (SaveResult.NotFound, null);
        }
        if (input.OrganisationId is { } organisationId
            && !await db.Mutualisations.AnyAsync(m => m.Id == workshop.LabId && m.Memberships.Any(ms => ms.OrganisationId == organisationId), cancellationToken))
        {
            return (SaveResult.Refused("Workshop.OrganisationUnknown"), null);
        }
        try
        {
            var secret = SecretToken.New();
            var participant = new WorkshopParticipant(workshop, input.DisplayName ?? string.Empty, input.OrganisationId, input.OtherOrganisation, userId, culture, secret, time.GetUtcNow());
            db.WorkshopParticipants.Add(participant);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await WorkshopSignals.NotifyAsync(db, workshop.Id, WorkshopChange.Participants, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (SaveResult.Saved(participant.Id), secret);
        }
        catch (DomainException exception)
        {
            return (SaveResult.Refused(exception.Code), null);
        }
    }

    /// <summary>The participant the phone's secret names in that workshop, or null.</summary>
    public async Task<RoomView?> ViewAsync(Guid workshopId, string? secret, CancellationToken cancellationToken = default)
    {
        if (!SecretToken.LooksValid(secret))
        {
            return null;
        }
        var hash = SecretToken.HashOf(secret!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The page's queries share one pooled connection: a room's reloads do not queue for the pool once per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var participant = await db.WorkshopParticipants.AsNoTracking().SingleOrDefaultAsync(p => p.SecretHash == hash && p.WorkshopId == workshopId, cancellationToken);
        if (participant is null)
        {
            return null;
        }
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshopId, cancellationToken);
        var step = workshop.State == WorkshopState.Running ? workshop.CurrentStep : null;
        if (step is null || participant.IsRemoved)
        {
            return new RoomView(workshop.Id, workshop.Title, workshop.State, participant.DisplayName, participant.IsRemoved, null, [], [], new Dictionary<string, WorkshopAnswer>(), null);
        }
        var items = await WorkshopReading.ItemsAsync(db, workshop, step, cancellationToken);
        var myNotes = step.Kind == WorkshopStepKind.Ideas
            ? await db.WorkshopNotes.AsNoTracking().Where(n => n.StepId == step.Id && n.ParticipantId == participant.Id && n.RemovedAt == null).OrderBy(n => n.CreatedAt)
                .Select(n => new NoteView(n.Id, n.StepId, n.Text, null, null, n.ClusterId, false, n.BecameId)).ToListAsync(cancellationToken)
            : [];
        var mine = await db.WorkshopAnswers.AsNoTracking().Where(a => a.StepId == step.Id && a.ParticipantId == participant.Id).ToDictionaryAsync(a => a.Item, cancellationToken);
        // The room sees results once revealed; an information step has none, a grouping step shows the clusters.
        var results = step.ResultsRevealed && step.Kind != WorkshopStepKind.Information
            ? await WorkshopReading.ResultsAsync(db, workshop, step, forFacilitator: false, cancellationToken)
            : null;
        return new RoomView(workshop.Id, workshop.Title, workshop.State, participant.DisplayName, false, step, items, myNotes, mine, results);
    }

    /// <summary>
    /// The signed-in person as a member of the lab, to join as themselves: none for someone without a place in
    /// the lab (the platform administrator included, who represents no one there).
    /// </summary>
    public async Task<MemberIdentity?> MemberAsync(Actor actor, Guid labId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is not { } userId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var place = await db.PlaceInAsync(actor with { IsPlatformAdmin = false }, labId, cancellationToken);
        if (place is null)
        {
            return null;
        }
        // Only an organisation that is one of the lab's is offered in the list.
        var organisationId = place.Represents is { } represents
            && await db.Mutualisations.AnyAsync(m => m.Id == labId && m.Memberships.Any(ms => ms.OrganisationId == represents), cancellationToken)
            ? represents : (Guid?)null;
        return new MemberIdentity(userId, actor.DisplayName, organisationId);
    }

    /// <summary>Where the room is, for the participant the secret names; null when it names none (one small read).</summary>
    public async Task<RoomPulse?> PulseAsync(Guid workshopId, string? secret, CancellationToken cancellationToken = default)
    {
        if (!SecretToken.LooksValid(secret))
        {
            return null;
        }
        var hash = SecretToken.HashOf(secret!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var participant = await db.WorkshopParticipants.AsNoTracking().Where(p => p.SecretHash == hash && p.WorkshopId == workshopId)
            .Select(p => new { p.RemovedAt }).SingleOrDefaultAsync(cancellationToken);
        if (participant is null)
        {
            return null;
        }
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshopId, cancellationToken);
        var step = workshop.CurrentStep;
        return new RoomPulse(workshop.State, step?.Id, step?.SubmissionsOpen ?? false, LiveOnPhones(step), participant.RemovedAt is not null);
    }

    /// <summary>Whether phones follow others' answers on <paramref name="step"/>: see <see cref="RoomPulse.LiveResults"/>.</summary>
    internal static bool LiveOnPhones(WorkshopStep? step) =>
        step is { ResultsRevealed: true, Kind: not (WorkshopStepKind.Information or WorkshopStepKind.Ideas) }
        && (step.Kind == WorkshopStepKind.Grouping || !step.SubmissionsOpen);

    public Task<SaveResult> WriteNoteAsync(Guid workshopId, string? secret, Guid stepId, string? text, CancellationToken cancellationToken = default) =>
        ActAsync(workshopId, secret, async (db, workshop, participant, now) =>
        {
            var step = workshop.OpenStep(stepId, WorkshopStepKind.Ideas);
            var written = await db.WorkshopNotes.CountAsync(n => n.StepId == stepId && n.ParticipantId == participant.Id && n.RemovedAt == null, cancellationToken);
            db.WorkshopNotes.Add(step.Note(participant, text ?? string.Empty, written, now));
        }, cancellationToken);

    /// <summary>Sets how many dots the participant puts on one item (zero takes them back).</summary>
    public Task<SaveResult> GiveDotsAsync(Guid workshopId, string? secret, Guid stepId, string item, int dots, CancellationToken cancellationToken = default) =>
        ActAsync(workshopId, secret, async (db, workshop, participant, now) =>
        {
            var step = workshop.OpenStep(stepId, WorkshopStepKind.DotVote);
            await RequireItemAsync(db, workshop, step, item, cancellationToken);
            var mine = await db.WorkshopAnswers.Where(a => a.StepId == stepId && a.ParticipantId == participant.Id).ToListAsync(cancellationToken);
            var answer = mine.SingleOrDefault(a => a.Item == item) ?? Added(db, new WorkshopAnswer(step, participant, item, now));
            answer.GiveDots(step, dots, mine.Where(a => a.Item != item).Sum(a => a.Dots), now);
        }, cancellationToken);

    public Task<SaveResult> PlaceAsync(Guid workshopId, string? secret, Guid stepId, string item, int x, int y, CancellationToken cancellationToken = default) =>
        ActAsync(workshopId, secret, async (db, workshop, participant, now) =>
        {
            var step = workshop.OpenStep(stepId, WorkshopStepKind.Matrix);
            await RequireItemAsync(db, workshop, step, item, cancellationToken);
            var answer = await AnswerOfAsync(db, step, participant, item, now, cancellationToken);
            answer.Place(x, y, now);
        }, cancellationToken);

    public Task<SaveResult> AnswerPollAsync(Guid workshopId, string? secret, Guid stepId, IReadOnlyList<int> choices, CancellationToken cancellationToken = default) =>
        ActAsync(workshopId, secret, async (db, workshop, participant, now) =>
        {
            var step = workshop.OpenStep(stepId, WorkshopStepKind.Poll);
            var answer = await AnswerOfAsync(db, step, participant, WorkshopAnswer.WholeStep, now, cancellationToken);
            answer.Choose(step, choices, now);
        }, cancellationToken);

    public Task<SaveResult> ConsentAsync(Guid workshopId, string? secret, Guid stepId, ConsentPosition position, string? reason, CancellationToken cancellationToken = default) =>
        ActAsync(workshopId, secret, async (db, workshop, participant, now) =>
        {
            var step = workshop.OpenStep(stepId, WorkshopStepKind.ConsentRound);
            var answer = await AnswerOfAsync(db, step, participant, WorkshopAnswer.WholeStep, now, cancellationToken);
            answer.TakePosition(position, reason, now);
        }, cancellationToken);

    private async Task<SaveResult> ActAsync(Guid workshopId, string? secret, Func<MutualisonsDbContext, Workshop, WorkshopParticipant, DateTimeOffset, Task> act, CancellationToken cancellationToken)
    {
        if (!SecretToken.LooksValid(secret))
        {
            return SaveResult.NotFound;
        }
        var hash = SecretToken.HashOf(secret!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The participant's row is the lock: one action of theirs at a time, so budgets and "one row per item" hold.
        var participant = await db.WorkshopParticipants
            .FromSql($"SELECT * FROM workshop_participants WHERE secret_hash = {hash} AND workshop_id = {workshopId} FOR UPDATE")
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (participant is null)
        {
            return SaveResult.NotFound;
        }
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshopId, cancellationToken);
        try
        {
            participant.RefuseIfRemoved();
            await act(db, workshop, participant, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await WorkshopSignals.NotifyAsync(db, workshopId, WorkshopChange.Answers, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved();
        }
        catch (DomainException exception)
        {
            return SaveResult.Refused(exception.Code);
        }
    }

    /// <summary>Refuses an item that is not one of the step's: checked by its key alone, a tap reads no list.</summary>
    private static async Task RequireItemAsync(MutualisonsDbContext db, Workshop workshop, WorkshopStep step, string item, CancellationToken cancellationToken)
    {
        var source = step.SourceStepId is { } sourceId ? workshop.Steps.SingleOrDefault(s => s.Id == sourceId) : null;
        var known = source?.Kind switch
        {
            null => WorkshopItems.OptionIndex(item) is { } index && index < step.Options.Count,
            WorkshopStepKind.Grouping => WorkshopItems.ClusterId(item) is { } clusterId
                && await db.WorkshopClusters.AnyAsync(c => c.Id == clusterId && c.StepId == source.Id, cancellationToken),
            _ => WorkshopItems.NoteId(item) is { } noteId
                && await db.WorkshopNotes.AnyAsync(n => n.Id == noteId && n.StepId == source.Id && n.RemovedAt == null, cancellationToken),
        };
        if (!known)
        {
            throw new DomainException("Workshop.ItemUnknown", "That item is not one of this step's.");
        }
    }

    private static WorkshopAnswer Added(MutualisonsDbContext db, WorkshopAnswer answer)
    {
        db.WorkshopAnswers.Add(answer);
        return answer;
    }

    /// <summary>The participant's answer to <paramref name="item"/> of the step, or a new one added to the context.</summary>
    private static async Task<WorkshopAnswer> AnswerOfAsync(MutualisonsDbContext db, WorkshopStep step, WorkshopParticipant participant, string item, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WorkshopAnswers.SingleOrDefaultAsync(a => a.StepId == step.Id && a.ParticipantId == participant.Id && a.Item == item, cancellationToken)
            ?? Added(db, new WorkshopAnswer(step, participant, item, now));
}
