using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Web.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Publics;

/// <summary>
/// Cycle 2: the stakeholder register, the activities and their attendance, and the participation ladder the
/// pilot group tracks. Every lab member reads it; facilitators and the pilot group keep it.
/// </summary>
public sealed class PublicsService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<StakeholderInput> stakeholderValidator,
    IValidator<ActivityInput> activityValidator,
    IValidator<MandateInput> mandateValidator,
    IStringLocalizer<SharedResource> l,
    TimeProvider time)
{
    public const int MatrixPageSize = 50;
    public const int InactivityWeeks = 6;
    public const int OpeningMonths = 12;
    private const int AlertListLength = 10;

    /// <summary>The pilot group's view: one page of the matrix, the distribution per cycle and the alerts, all computed by PostgreSQL.</summary>
    public async Task<PublicsDashboard?> GetDashboardAsync(Guid labId, int page = 0, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var lab = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId).Select(m => new { m.Name, m.CreatedAt }).SingleAsync(cancellationToken);
        var stakeholders = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId);
        var count = await stakeholders.CountAsync(cancellationToken);

        var rows = await stakeholders.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip(Math.Max(page, 0) * MatrixPageSize).Take(MatrixPageSize)
            .Select(s => new { s.Id, s.Name, s.Kind, Levels = s.Participation.Select(p => new { p.Cycle, p.Target, Reached = p.Adjusted ?? p.Derived }).ToList() })
            .ToListAsync(cancellationToken);

        var participation = stakeholders.SelectMany(s => s.Participation);
        var counts = await participation
            .GroupBy(p => new { p.Cycle, Reached = p.Adjusted ?? p.Derived })
            .Select(g => new { g.Key.Cycle, g.Key.Reached, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var belowTarget = stakeholders.SelectMany(s => s.Participation
            .Where(p => p.Target != null && ((p.Adjusted ?? p.Derived) == null || (p.Adjusted ?? p.Derived) < p.Target))
            .Select(p => new { StakeholderId = s.Id, s.Name, p.Cycle, p.Target, Reached = p.Adjusted ?? p.Derived }));
        var belowTargetCount = await belowTarget.CountAsync(cancellationToken);
        var firstBelow = await belowTarget.OrderBy(x => x.Name).Take(AlertListLength).ToListAsync(cancellationToken);

        var lastHeld = await db.Activities.Where(a => a.LabId == labId && a.Status == ActivityStatus.Held)
            .MaxAsync(a => (DateTimeOffset?)a.ScheduledAt, cancellationToken);
        var quietSince = lastHeld ?? lab.CreatedAt;
        var quietWeeks = (int)((time.GetUtcNow() - quietSince).TotalDays / 7);
        var postponed = await db.Activities.AsNoTracking()
            .Where(a => a.LabId == labId && a.PostponementCount >= 2 && a.Status != ActivityStatus.Held && a.Status != ActivityStatus.Cancelled)
            .OrderBy(a => a.ScheduledAt)
            .Select(a => new PostponedActivity(a.Id, a.Title, a.PostponementCount, a.ScheduledAt))
            .ToListAsync(cancellationToken);

        var since = time.GetUtcNow().AddMonths(-OpeningMonths);
        var raised = await stakeholders.SelectMany(s => s.History)
            .Where(h => h.Aspect == ParticipationAspect.Reached && h.To != null && (h.From == null || h.To > h.From) && h.At >= since)
            .GroupBy(h => new { h.At.Year, h.At.Month, h.To })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.To, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var opening = raised.GroupBy(r => (r.Year, r.Month)).OrderBy(g => g.Key)
            .Select(g => new OpeningMonth(g.Key.Year, g.Key.Month, g.ToDictionary(r => r.To!.Value, r => r.Count)))
            .ToList();

        var distribution = Enum.GetValues<Cycle>().Select(cycle => new CycleDistribution(
            cycle,
            counts.Where(c => c.Cycle == cycle && c.Reached is not null).ToDictionary(c => c.Reached!.Value, c => c.Count),
            counts.Where(c => c.Cycle == cycle && c.Reached is null).Sum(c => c.Count))).ToList();
        var onlyInformed = count == 0
            ? []
            : distribution.Where(d => !d.Counts.Any(c => c.Key > ParticipationLevel.Information && c.Value > 0)).Select(d => d.Cycle).ToList();

        return new PublicsDashboard(
            labId, lab.Name, role.Allows(LabRight.TrackParticipation), count, page,
            [.. rows.Select(r => new MatrixRow(r.Id, r.Name, r.Kind, r.Levels.ToDictionary(l => l.Cycle, l => new LevelPair(l.Target, l.Reached))))],
            distribution,
            new PublicsAlerts(
                belowTargetCount,
                [.. firstBelow.Select(b => new BelowTargetAlert(b.StakeholderId, b.Name, b.Cycle, b.Target!.Value, b.Reached))],
                onlyInformed,
                quietWeeks >= InactivityWeeks ? quietWeeks : null,
                postponed),
            opening);
    }

    /// <summary>
    /// Writes the matrix (one line per stakeholder, target and reached per cycle) as CSV, streamed from the
    /// database; false when the person has no role in the lab.
    /// </summary>
    public async Task<bool> WriteMatrixCsvAsync(Guid labId, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return false;
        }
        var cycles = Enum.GetValues<Cycle>();
        await output.WriteLineAsync(Csv.Line([l["Stakeholders.Name"], l["Stakeholders.Kind"], .. cycles.SelectMany(c => new[] { $"{l.Enum(c)} — {l["Publics.Target"]}", $"{l.Enum(c)} — {l["Publics.Reached"]}" })]));
        var rows = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId).OrderBy(s => s.Name)
            .Select(s => new { s.Name, s.Kind, Levels = s.Participation.Select(p => new { p.Cycle, p.Target, Reached = p.Adjusted ?? p.Derived }).ToList() })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var levels = row.Levels.ToDictionary(x => x.Cycle);
            await output.WriteLineAsync(Csv.Line([row.Name, l.Enum(row.Kind), .. cycles.SelectMany(c => new[] { LevelText(levels.GetValueOrDefault(c)?.Target), LevelText(levels.GetValueOrDefault(c)?.Reached) })]));
        }
        return true;
    }

    /// <summary>Writes every change of targets and reached levels, oldest first, as CSV.</summary>
    public async Task<bool> WriteHistoryCsvAsync(Guid labId, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return false;
        }
        await output.WriteLineAsync(Csv.Line([l["Audit.When"], l["Stakeholders.Name"], l["Publics.Cycle"], l["Audit.What"], l["Publics.From"], l["Publics.To"], l["Audit.Who"], l["Audit.Details"]]));
        var changes = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId)
            .SelectMany(s => s.History.Select(h => new { s.Name, h.At, h.Cycle, h.Aspect, h.From, h.To, h.By, h.Reason }))
            .OrderBy(h => h.At)
            .GroupJoin(db.Users, h => h.By, u => u.Id, (h, u) => new { h, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.h, Author = u == null ? null : u.DisplayName })
            .AsAsyncEnumerable();
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            var who = change.Author ?? (change.h.By is null ? l["Publics.ByAttendance"] : l["User.Deleted"]);
            await output.WriteLineAsync(Csv.Line([change.h.At.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), change.h.Name, l.Enum(change.h.Cycle), l[$"Publics.Aspect.{change.h.Aspect}"], LevelText(change.h.From), LevelText(change.h.To), who, change.h.Reason]));
        }
        return true;
    }

    private string LevelText(ParticipationLevel? level) => level is { } value ? l.Enum(value) : string.Empty;

    /// <summary>The pilot group: its people and what they take on, and each organisation's mandate.</summary>
    public async Task<PilotGroupView?> GetPilotGroupAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var lab = await db.Mutualisations.AsNoTracking().AsSplitQuery().SingleAsync(m => m.Id == labId, cancellationToken);
        var personIds = lab.People.Where(p => p.Role is LabRole.Facilitator or LabRole.PilotGroupMember).Select(p => p.PersonId).ToList();
        var names = await db.Users.Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisationIds = lab.Memberships.Select(m => m.OrganisationId).ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return new PilotGroupView(
            lab.Name, role.Allows(LabRight.TrackParticipation), lab.Version,
            [.. lab.People.Where(p => personIds.Contains(p.PersonId)).OrderBy(p => p.Role).Select(p => new PilotMember(p.PersonId, names.GetValueOrDefault(p.PersonId, string.Empty), p.Role, p.Responsibilities))],
            [.. lab.Memberships.OrderBy(m => m.Role).ThenBy(m => organisations.GetValueOrDefault(m.OrganisationId), StringComparer.CurrentCulture)
                .Select(m => new OrganisationMandate(m.OrganisationId, organisations.GetValueOrDefault(m.OrganisationId, string.Empty), m.Role, m.Mandate))]);
    }

    public Task<SaveResult> RecordMandateAsync(Guid labId, Guid organisationId, MandateInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.TrackParticipation).Validating(input, mandateValidator).ChangeLabAsync(version, (lab, write) =>
        {
            var mandate = input.ToMandate();
            lab.RecordMandate(organisationId, mandate, write.Now);
            write.AuditAs(AuditSubject.Mandate, organisationId);
            return $"{mandate.DecisionMaker} · {AuditText.Key(mandate.GreenLight ? "PilotGroup.GreenLight" : "PilotGroup.NoGreenLight")}";
        }, cancellationToken);
    }

    public Task<SaveResult> DescribeResponsibilitiesAsync(Guid labId, Guid personId, string? responsibilities, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.TrackParticipation).ChangeLabAsync(version, (lab, write) =>
        {
            lab.DescribeResponsibilities(personId, responsibilities, write.Now);
            write.AuditAs(AuditSubject.Person, personId);
            return responsibilities ?? string.Empty;
        }, cancellationToken);

    public async Task<StakeholderDetails?> GetStakeholderAsync(Guid labId, Guid stakeholderId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var stakeholder = await db.Stakeholders.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stakeholderId && s.LabId == labId, cancellationToken);
        if (stakeholder is null)
        {
            return null;
        }
        var history = await db.Stakeholders.Where(s => s.Id == stakeholderId).SelectMany(s => s.History)
            .OrderByDescending(h => h.At)
            .GroupJoin(db.Users, h => h.By, u => u.Id, (h, u) => new { h, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new HistoryLine(x.h.At, x.h.Cycle, x.h.Aspect, x.h.From, x.h.To, u == null ? null : u.DisplayName, x.h.Reason))
            .ToListAsync(cancellationToken);
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        return new StakeholderDetails(
            labName, role.Allows(LabRight.TrackParticipation), stakeholder.Id, stakeholder.Name, stakeholder.Kind, stakeholder.Contact, stakeholder.Interest, stakeholder.Version,
            [.. stakeholder.Participation.OrderBy(p => p.Cycle).Select(p => new ParticipationLine(p.Cycle, p.Target, p.Derived, p.Adjusted, p.AdjustmentReason))],
            history);
    }

    public Task<SaveResult> AddStakeholderAsync(Guid labId, StakeholderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.TrackParticipation).Validating(input, stakeholderValidator).CreateAsync(write =>
        {
            var stakeholder = new Stakeholder(labId, input.Kind, input.Name, input.Contact, input.Interest, write.Now);
            return (stakeholder, stakeholder.Name);
        }, cancellationToken);
    }

    public Task<SaveResult> DescribeStakeholderAsync(Guid labId, Guid stakeholderId, StakeholderInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.TrackParticipation).Validating(input, stakeholderValidator).ChangeAsync<Stakeholder>(stakeholderId, version, (stakeholder, _) =>
        {
            stakeholder.Describe(input.Kind, input.Name, input.Contact, input.Interest);
            return $"{stakeholder.Name} — {AuditText.Key("Stakeholders.Edit")}";
        }, cancellationToken);
    }

    /// <summary>
    /// Registers each organisation of the lab as a stakeholder, once, for labs whose organisations joined before
    /// they became stakeholders on joining: a stakeholder of the same name that stands for no organisation yet
    /// is linked rather than doubled.
    /// </summary>
    public Task<SaveResult> RegisterLabOrganisationsAsync(Guid labId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.TrackParticipation).RunAsync(async write =>
        {
            var organisations = await write.Db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
                .Join(write.Db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => new { o.Id, o.Name, o.Website })
                .Where(o => !write.Db.Stakeholders.Any(s => s.LabId == labId && s.OrganisationId == o.Id))
                .ToListAsync(write.CancellationToken);
            var unlinked = await write.Db.Stakeholders.Where(s => s.LabId == labId && s.OrganisationId == null && s.Kind == StakeholderKind.Organisation)
                .ToListAsync(write.CancellationToken);
            foreach (var organisation in organisations)
            {
                if (unlinked.FirstOrDefault(s => string.Equals(s.Name, organisation.Name, StringComparison.OrdinalIgnoreCase)) is { } sameName)
                {
                    sameName.StandFor(organisation.Id);
                    unlinked.Remove(sameName);
                    write.AlsoAudit(AuditAction.Changed, AuditSubject.Stakeholder, sameName.Id, sameName.Name);
                    continue;
                }
                var stakeholder = Stakeholder.ForOrganisation(labId, organisation.Id, organisation.Name, organisation.Website, write.Now);
                write.Db.Stakeholders.Add(stakeholder);
                write.AlsoAudit(AuditAction.Created, AuditSubject.Stakeholder, stakeholder.Id, stakeholder.Name);
            }
        }, cancellationToken);

    public Task<SaveResult> SetTargetAsync(Guid labId, Guid stakeholderId, Cycle cycle, ParticipationLevel? level, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.TrackParticipation).ChangeAsync<Stakeholder>(stakeholderId, version, (stakeholder, write) =>
        {
            stakeholder.SetTarget(cycle, level, write.Actor.UserId, write.Now);
            return $"{stakeholder.Name} — {AuditText.Of(cycle)} : {AuditText.Key("Publics.Target")} {AuditText.Of(level)}";
        }, cancellationToken);

    public Task<SaveResult> AdjustReachedAsync(Guid labId, Guid stakeholderId, Cycle cycle, ParticipationLevel? level, string reason, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.TrackParticipation).ChangeAsync<Stakeholder>(stakeholderId, version, (stakeholder, write) =>
        {
            stakeholder.AdjustReached(cycle, level, write.Actor.UserId, reason, write.Now);
            return $"{stakeholder.Name} — {AuditText.Of(cycle)} : {AuditText.Key("Publics.Reached")} {AuditText.Of(level)} ({reason})";
        }, cancellationToken);

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
            .Select(a => new ActivityRow(a.Id, a.Title, a.Kind, a.Method, a.Cycles, a.ScheduledAt, a.Place, a.LevelOffered, a.Status, a.StatusReason, a.PostponementCount, a.Invited, a.Present, a.Outputs, a.Version))
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
    private static async Task RederiveAsync(LabWrite write, Activity activity, List<Guid> concerned)
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
            ParticipationLadder.Rederive(stakeholder, activity, held, stakeholder.OrganisationId is { } id && answered.Contains(id), write.Now);
            // History rows are their own: touching the stakeholder keeps its version honest for concurrent edits.
            write.Db.Entry(stakeholder).State = EntityState.Modified;
        }
    }

    private static DateTimeOffset Midday(DateTime day) => new(DateTime.SpecifyKind(day.Date.AddHours(12), DateTimeKind.Utc));

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
