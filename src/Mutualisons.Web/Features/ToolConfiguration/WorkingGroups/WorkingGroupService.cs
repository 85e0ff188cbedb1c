using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.ToolConfiguration.WorkingGroups;

/// <summary>
/// The lab's working groups: who leads them and takes part, what they investigate, their next steps (overdue
/// ones flagged) and their meetings, planned as the lab's activities so that attendance feeds the ladder.
/// </summary>
public sealed class WorkingGroupService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    TimeProvider time,
    IValidator<WorkingGroupInput> validator,
    IValidator<NextStepInput> stepValidator,
    IValidator<MeetingInput> meetingValidator)
{
    /// <summary>Today in Brussels, where the labs work: a step due today is not overdue yet.</summary>
    private DateOnly Today => DateOnly.FromDateTime(Formats.BrusselsDay(time.GetUtcNow()));

    public async Task<WorkingGroupsView?> GetWorkingGroupsAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var today = Today;
        var overdue = NextStep.OverdueOn(today);
        var groups = await db.WorkingGroups.AsNoTracking().IgnoreAutoIncludes().Where(g => g.LabId == labId).OrderBy(g => g.Name)
            .Select(g => new
            {
                g.Id,
                g.Name,
                Lead = db.Users.Where(u => u.Id == g.LeadId).Select(u => u.DisplayName).FirstOrDefault(),
                Members = g.Members.Count,
                Experiments = db.Experiments.Count(e => e.WorkingGroupId == g.Id),
                g.Deadline,
                Open = g.NextSteps.Count(s => s.DoneOn == null),
                Overdue = g.NextSteps.AsQueryable().Count(overdue),
            })
            .ToListAsync(cancellationToken);
        return new WorkingGroupsView(labName, role.Allows(LabRight.ConfigureTools),
            [.. groups.Select(g => new WorkingGroupCard(g.Id, g.Name, g.Lead, g.Members, g.Experiments, g.Deadline, g.Deadline < today, g.Open, g.Overdue))],
            await PeopleAsync(db, labId, cancellationToken));
    }

    public async Task<WorkingGroupView?> GetWorkingGroupAsync(Guid labId, Guid groupId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var group = await db.WorkingGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId && g.LabId == labId, cancellationToken);
        if (group is null)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var people = await PeopleAsync(db, labId, cancellationToken);
        // Members who no longer have a role in the lab are still shown, by name.
        var memberIds = group.Members.Select(m => m.PersonId).Concat(group.NextSteps.Where(s => s.OwnerId != null).Select(s => s.OwnerId!.Value)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var byId = people.ToDictionary(p => p.Id);
        PersonOption PersonOf(Guid id) => byId.GetValueOrDefault(id) ?? new PersonOption(id, names.GetValueOrDefault(id) ?? string.Empty, null);
        var experiments = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => e.LabId == labId && e.WorkingGroupId == groupId)
            .OrderBy(e => e.Title).Select(e => new GroupExperiment(e.Id, e.Title, e.Status)).ToListAsync(cancellationToken);
        var meetingIds = group.Meetings.Select(m => m.ActivityId).ToList();
        var meetings = await db.Activities.AsNoTracking().Where(a => a.LabId == labId && meetingIds.Contains(a.Id)).OrderByDescending(a => a.ScheduledAt)
            .Select(a => new MeetingRow(a.Id, a.Title, a.ScheduledAt, a.Status, a.LevelOffered, a.Present.Count, a.Invited.Count))
            .ToListAsync(cancellationToken);
        var today = Today;
        var input = new WorkingGroupInput
        {
            Name = group.Name,
            Mission = group.Mission,
            LeadId = group.LeadId,
            MemberIds = [.. group.Members.Select(m => m.PersonId)],
            Deadline = group.Deadline is { } d ? DayText.Of(d) : null,
            Version = group.Version,
        };
        return new WorkingGroupView(group.Id, group.Version, labName, role.Allows(LabRight.ConfigureTools), input,
            group.LeadId is { } lead ? PersonOf(lead).Name : null,
            [.. group.Members.Select(m => PersonOf(m.PersonId)).OrderBy(p => p.Name, StringComparer.CurrentCulture)],
            group.IsPastDeadline(today), experiments,
            [.. group.NextSteps.OrderBy(s => s.DoneOn != null).ThenBy(s => s.DueOn)
                .Select(s => new NextStepRow(s.Id, s.Text, s.OwnerId, s.OwnerId is { } o ? PersonOf(o).Name : null, s.DueOn, s.DoneOn, s.IsOverdue(today)))],
            meetings, people, today);
    }

    /// <summary>Creates a group (<see cref="WorkingGroupInput.Version"/> null) or changes one at the version seen; its lead and members must have a role in the lab.</summary>
    public Task<SaveResult> SaveAsync(Guid labId, Guid? groupId, WorkingGroupInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.ConfigureTools).Validating(input, validator);
        var deadline = DayText.Parse(input.Deadline);
        if (groupId is not { } id)
        {
            return scope.CreateAsync<WorkingGroup>(async write =>
            {
                await RequirePeopleAsync(write, input);
                var group = new WorkingGroup(labId, input.Name, input.Mission, input.LeadId!.Value, deadline, write.Now);
                group.Staff(input.LeadId.Value, input.MemberIds);
                return (group, group.Name);
            }, cancellationToken);
        }
        return scope.ChangeAsync<WorkingGroup>(id, input.Version, async (group, write) =>
        {
            await RequirePeopleAsync(write, input);
            group.Describe(input.Name, input.Mission, deadline);
            group.Staff(input.LeadId!.Value, input.MemberIds);
            return group.Name;
        }, cancellationToken);
    }

    public Task<SaveResult> AddNextStepAsync(Guid labId, Guid groupId, NextStepInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, stepValidator).ChangeAsync<WorkingGroup>(groupId, version, (group, write) =>
        {
            var step = group.AddNextStep(input.Text, input.OwnerId!.Value, DayText.Parse(input.DueOn)!.Value, write.Now);
            return $"{group.Name} — {AuditText.Key("WorkingGroups.NextStep")} : {step.Text}";
        }, cancellationToken);
    }

    public Task<SaveResult> CompleteNextStepAsync(Guid labId, Guid groupId, Guid stepId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<WorkingGroup>(groupId, version, (group, _) =>
        {
            group.CompleteNextStep(stepId, Today);
            return $"{group.Name} — {AuditText.Key("WorkingGroups.StepDone")} : {group.NextSteps.Single(s => s.Id == stepId).Text}";
        }, cancellationToken);

    public Task<SaveResult> ReopenNextStepAsync(Guid labId, Guid groupId, Guid stepId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<WorkingGroup>(groupId, version, (group, _) =>
        {
            group.ReopenNextStep(stepId);
            return $"{group.Name} — {AuditText.Key("WorkingGroups.StepReopened")} : {group.NextSteps.Single(s => s.Id == stepId).Text}";
        }, cancellationToken);

    public Task<SaveResult> RemoveNextStepAsync(Guid labId, Guid groupId, Guid stepId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<WorkingGroup>(groupId, version, (group, _) =>
        {
            var text = group.NextSteps.SingleOrDefault(s => s.Id == stepId)?.Text;
            group.RemoveNextStep(stepId);
            return $"{group.Name} — {AuditText.Key("WorkingGroups.StepRemoved")} : {text}";
        }, cancellationToken);

    /// <summary>
    /// Plans a meeting of the group as an activity of the lab (a working-group meeting of the tool configuration
    /// cycle), inviting the stakeholders of the members' organisations, and links it to the group. Who came is
    /// recorded on the activities page, which derives the participation ladder as for any activity.
    /// </summary>
    public Task<SaveResult> PlanMeetingAsync(Guid labId, Guid groupId, MeetingInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, meetingValidator).ChangeAsync<WorkingGroup>(groupId, version, async (group, write) =>
        {
            var day = DayText.Parse(input.Date)!.Value;
            var activity = new Activity(labId, input.Title, ActivityKind.WorkingGroupMeeting, group.Name, [Cycle.ToolConfiguration],
                new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), input.Place, input.LevelOffered, write.Now);
            var memberIds = group.Members.Select(m => m.PersonId).ToList();
            var organisations = await write.Db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.People)
                .Where(p => memberIds.Contains(p.PersonId) && p.OrganisationId != null).Select(p => p.OrganisationId!.Value).Distinct()
                .ToListAsync(write.CancellationToken);
            activity.Invite(await write.Db.Stakeholders.Where(s => s.LabId == labId && s.OrganisationId != null && organisations.Contains(s.OrganisationId.Value))
                .Select(s => s.Id).ToListAsync(write.CancellationToken));
            group.LinkMeeting(activity);
            write.Db.Activities.Add(activity);
            write.AlsoAudit(AuditAction.Created, AuditSubject.Activity, activity.Id, activity.Title);
            return $"{group.Name} — {AuditText.Key("WorkingGroups.MeetingPlanned")} : {activity.Title}";
        }, cancellationToken);
    }

    /// <summary>The lead and every member must have a role in this lab; anyone else is "not found".</summary>
    private static async Task RequirePeopleAsync(LabWrite write, WorkingGroupInput input)
    {
        var ids = input.MemberIds.Append(input.LeadId!.Value).Distinct().ToList();
        var labId = write.LabId;
        var found = await write.Db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.People).CountAsync(p => ids.Contains(p.PersonId), write.CancellationToken);
        if (found != ids.Count)
        {
            throw LabWrite.NotFound();
        }
    }

    private static async Task<List<PersonOption>> PeopleAsync(MutualisonsDbContext db, Guid labId, CancellationToken cancellationToken)
    {
        var people = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId).SelectMany(m => m.People)
            .Join(db.Users, p => p.PersonId, u => u.Id, (p, u) => new { p.PersonId, u.DisplayName, p.OrganisationId })
            .GroupJoin(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new PersonOption(x.x.PersonId, x.x.DisplayName, o == null ? null : o.Name))
            .ToListAsync(cancellationToken);
        return [.. people.OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }
}
