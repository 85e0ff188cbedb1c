using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Publics.Activities;

/// <summary>Activities: planning them, putting them off or cancelling them, and recording who came, which raises reached levels.</summary>
public sealed class ActivityService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<ActivityInput> activityValidator)
{
    public async Task<LabActivities?> GetActivitiesAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var name = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.LabId == labId).OrderByDescending(a => a.ScheduledAt)
            .Select(a => new ActivityRow(a.Id, a.Title, a.Kind, a.Method, a.MethodKey, a.Cycles, a.ScheduledAt, a.Place, a.LevelOffered, a.Status, a.StatusReason, a.PostponementCount, a.Invited, a.Present, a.Outputs, a.Version))
            .ToListAsync(cancellationToken);
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId).OrderBy(s => s.Name)
            .Select(s => new StakeholderChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        return new LabActivities(name, role.Allows(LabRight.TrackParticipation), activities, stakeholders);
    }

    public Task<SaveResult> PlanActivityAsync(Guid labId, ActivityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.TrackParticipation).Validating(input, activityValidator).CreateAsync(async write =>
        {
            if (!await AllInLabAsync(write, input.Invited))
            {
                throw LabWrite.NotFound();
            }
            var activity = new Activity(labId, input.Title, input.Kind, input.Method, input.Cycles, Midday(input.Date!.Value), input.Place, input.LevelOffered, write.Now);
            activity.Follow(input.MethodKey);
            activity.Invite(input.Invited);
            return (activity, activity.Title);
        }, cancellationToken);
    }

    public Task<SaveResult> PostponeAsync(Guid labId, Guid activityId, DateTime newDate, string reason, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.TrackParticipation).ChangeAsync<Activity>(activityId, version, (activity, _) =>
        {
            activity.Postpone(Midday(newDate), reason);
            return $"{activity.Title} — {AuditText.Of(ActivityStatus.Postponed)} ({activity.PostponementCount}) : {reason}";
        }, cancellationToken);

    public Task<SaveResult> CancelAsync(Guid labId, Guid activityId, string reason, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.TrackParticipation).ChangeAsync<Activity>(activityId, version, (activity, _) =>
        {
            activity.Cancel(reason);
            return $"{activity.Title} — {AuditText.Of(ActivityStatus.Cancelled)} : {reason}";
        }, cancellationToken);

    /// <summary>
    /// Edits what an activity is: title, kind, method, date, place, the cycles it serves, the level it offers
    /// and who is invited (added to). For a held activity, the levels of those present are derived again,
    /// in the cycles it served before and serves now.
    /// </summary>
    public Task<SaveResult> ReviseAsync(Guid labId, Guid activityId, ActivityInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.TrackParticipation).Validating(input, activityValidator).ChangeAsync<Activity>(activityId, version, async (activity, write) =>
        {
            if (!await AllInLabAsync(write, input.Invited))
            {
                throw LabWrite.NotFound();
            }
            var servedBefore = activity.Cycles.ToList();
            activity.Revise(input.Title, input.Kind, input.Method, input.Cycles, Midday(input.Date!.Value), input.Place, input.LevelOffered);
            activity.Follow(input.MethodKey);
            activity.Invite(input.Invited);
            if (activity.Status == ActivityStatus.Held)
            {
                await RederiveAsync(write, activity, [.. activity.Present], servedBefore);
            }
            return $"{activity.Title} — {AuditText.Key("Activities.Edit")}";
        }, cancellationToken);
    }

    /// <summary>
    /// Records that an activity took place and who came, then derives again the reached level of everyone
    /// concerned (those present now or before) in the cycles it serves, writing each change in their history.
    /// </summary>
    public Task<SaveResult> RecordHeldAsync(Guid labId, Guid activityId, IReadOnlyCollection<Guid> present, string? outputs, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.TrackParticipation).ChangeAsync<Activity>(activityId, version, async (activity, write) =>
        {
            if (!await AllInLabAsync(write, present))
            {
                throw new DomainException("Activity.UnknownStakeholder", "Someone marked present is not a stakeholder of this lab.");
            }
            var concerned = activity.Present.Union(present).ToList();
            activity.RecordHeld(present, outputs);
            await RederiveAsync(write, activity, concerned);
            return $"{activity.Title} — {AuditText.Of(ActivityStatus.Held)} : {present.Count} {AuditText.Key("Activities.Present")}";
        }, cancellationToken);

    /// <summary>
    /// Derives again the levels of the stakeholders concerned by a change of <paramref name="activity"/>, from
    /// the held activities they attended and whether their organisation answered a questionnaire.
    /// </summary>
    private static async Task RederiveAsync(LabWrite write, Activity activity, List<Guid> concerned, IReadOnlyCollection<Cycle>? servedBefore = null)
    {
        if (concerned.Count == 0)
        {
            return;
        }
        var labId = activity.LabId;
        var stakeholders = await write.Db.Stakeholders.Where(s => s.LabId == labId && concerned.Contains(s.Id)).ToListAsync(write.CancellationToken);
        // Only the held activities one of them attended: the rest cannot change their levels.
        var held = await write.Db.Activities
            .Where(a => a.LabId == labId && a.Status == ActivityStatus.Held && a.Id != activity.Id && a.Present.Any(p => concerned.Contains(p)))
            .ToListAsync(write.CancellationToken);
        var organisations = stakeholders.Where(s => s.OrganisationId is not null).Select(s => s.OrganisationId!.Value).ToList();
        var answered = organisations.Count == 0
            ? []
            : (await write.Db.QuestionnaireResponses
                .Where(r => r.SubmittedAt != null && r.OrganisationId != null && organisations.Contains(r.OrganisationId.Value)
                    && write.Db.Questionnaires.Any(q => q.Id == r.QuestionnaireId && q.LabId == labId))
                .Select(r => r.OrganisationId!.Value).Distinct().ToListAsync(write.CancellationToken)).ToHashSet();
        foreach (var stakeholder in stakeholders)
        {
            ParticipationLadder.Rederive(stakeholder, activity, held, stakeholder.OrganisationId is { } id && answered.Contains(id), write.Now, servedBefore);
            // History rows are their own: touching the stakeholder keeps its version honest for concurrent edits.
            write.Db.Entry(stakeholder).State = EntityState.Modified;
        }
    }

    internal static DateTimeOffset Midday(DateTime day) => new(DateTime.SpecifyKind(day.Date.AddHours(12), DateTimeKind.Utc));

    /// <summary>Whether everyone named is a stakeholder of this lab.</summary>
    private static async Task<bool> AllInLabAsync(LabWrite write, IReadOnlyCollection<Guid> stakeholderIds)
    {
        if (stakeholderIds.Count == 0)
        {
            return true;
        }
        var ids = stakeholderIds.Distinct().ToList();
        var labId = write.LabId;
        return await write.Db.Stakeholders.CountAsync(s => s.LabId == labId && ids.Contains(s.Id), write.CancellationToken) == ids.Count;
    }
}
