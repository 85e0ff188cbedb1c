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
using Mutualisons.Web.Features.Common.Exports;

namespace Mutualisons.Web.Features.Publics;

/// <summary>
/// Cycle 2: the stakeholder register, the activities and their attendance, and the participation ladder the
/// pilot group tracks. Every lab member reads it; facilitators and the pilot group keep it.
/// </summary>
public sealed class PublicsService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
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
        var csv = new CsvWriter(output, CsvFormat.For(ProductLocalization.CurrentLanguage));
        var cycles = Enum.GetValues<Cycle>();
        await csv.WriteRowAsync([l["Stakeholders.Name"], l["Stakeholders.Kind"], .. cycles.SelectMany(c => new[] { $"{l.Enum(c)} — {l["Publics.Target"]}", $"{l.Enum(c)} — {l["Publics.Reached"]}" })], cancellationToken);
        var rows = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId).OrderBy(s => s.Name)
            .Select(s => new { s.Name, s.Kind, Levels = s.Participation.Select(p => new { p.Cycle, p.Target, Reached = p.Adjusted ?? p.Derived }).ToList() })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var levels = row.Levels.ToDictionary(x => x.Cycle);
            await csv.WriteRowAsync([row.Name, l.Enum(row.Kind), .. cycles.SelectMany(c => new[] { LevelText(levels.GetValueOrDefault(c)?.Target), LevelText(levels.GetValueOrDefault(c)?.Reached) })], cancellationToken);
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
        var csv = new CsvWriter(output, CsvFormat.For(ProductLocalization.CurrentLanguage));
        await csv.WriteRowAsync([l["Audit.When"], l["Stakeholders.Name"], l["Publics.Cycle"], l["Audit.What"], l["Publics.From"], l["Publics.To"], l["Audit.Who"], l["Audit.Details"]], cancellationToken);
        var changes = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId)
            .SelectMany(s => s.History.Select(h => new { s.Name, h.At, h.Cycle, h.Aspect, h.From, h.To, h.By, h.Reason }))
            .OrderBy(h => h.At)
            .GroupJoin(db.Users, h => h.By, u => u.Id, (h, u) => new { h, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.h, Author = u == null ? null : u.DisplayName })
            .AsAsyncEnumerable();
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            var who = change.Author ?? (change.h.By is null ? l["Publics.ByAttendance"] : l["User.Deleted"]);
            await csv.WriteRowAsync([change.h.At.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), change.h.Name, l.Enum(change.h.Cycle), l[$"Publics.Aspect.{change.h.Aspect}"], LevelText(change.h.From), LevelText(change.h.To), who, change.h.Reason], cancellationToken);
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

    public async Task<SaveResult> RecordMandateAsync(Guid labId, Guid organisationId, MandateInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await mandateValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApplyAsync(actor, labId, version, LabRight.TrackParticipation, lab =>
        {
            var now = time.GetUtcNow();
            var mandate = input.ToMandate();
            lab.RecordMandate(organisationId, mandate, now);
            return new AuditEntry(labId, actor.UserId, AuditAction.Changed, "Mandate", organisationId, $"{mandate.DecisionMaker} · {AuditText.Key(mandate.GreenLight ? "PilotGroup.GreenLight" : "PilotGroup.NoGreenLight")}", now);
        }, cancellationToken);
    }

    public async Task<SaveResult> DescribeResponsibilitiesAsync(Guid labId, Guid personId, string? responsibilities, uint version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApplyAsync(actor, labId, version, LabRight.TrackParticipation, lab =>
        {
            var now = time.GetUtcNow();
            lab.DescribeResponsibilities(personId, responsibilities, now);
            return new AuditEntry(labId, actor.UserId, AuditAction.Changed, "Person", personId, responsibilities ?? string.Empty, now);
        }, cancellationToken);
    }

    public async Task<StakeholderDetails?> GetStakeholderAsync(Guid labId, Guid stakeholderId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var stakeholder = await db.Stakeholders.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(s => s.Id == stakeholderId && s.LabId == labId, cancellationToken);
        if (stakeholder is null)
        {
            return null;
        }
        var authorIds = stakeholder.History.Where(h => h.By is not null).Select(h => h.By!.Value).Distinct().ToList();
        var authors = await db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        return new StakeholderDetails(
            labName, role.Allows(LabRight.TrackParticipation), stakeholder.Id, stakeholder.Name, stakeholder.Kind, stakeholder.Contact, stakeholder.Interest, stakeholder.Version,
            [.. stakeholder.Participation.OrderBy(p => p.Cycle).Select(p => new ParticipationLine(p.Cycle, p.Target, p.Derived, p.Adjusted, p.AdjustmentReason))],
            [.. stakeholder.History.OrderByDescending(h => h.At).Select(h => new HistoryLine(h.At, h.Cycle, h.Aspect, h.From, h.To, h.By is { } by ? authors.GetValueOrDefault(by) : null, h.Reason))]);
    }

    public async Task<SaveResult> AddStakeholderAsync(Guid labId, StakeholderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await stakeholderValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.TrackParticipation, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var now = time.GetUtcNow();
        var stakeholder = new Stakeholder(labId, input.Kind, input.Name, input.Contact, input.Interest, now);
        db.Stakeholders.Add(stakeholder);
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Created, "Stakeholder", stakeholder.Id, stakeholder.Name, now));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(stakeholder.Id);
    }

    public async Task<SaveResult> DescribeStakeholderAsync(Guid labId, Guid stakeholderId, StakeholderInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await stakeholderValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        return await ChangeStakeholderAsync(labId, stakeholderId, version, (stakeholder, _, _) =>
        {
            stakeholder.Describe(input.Kind, input.Name, input.Contact, input.Interest);
            return AuditText.Key("Stakeholders.Edit");
        }, cancellationToken);
    }

    /// <summary>Registers each organisation of the lab as a stakeholder, once (those already registered by name are skipped).</summary>
    public async Task<SaveResult> RegisterLabOrganisationsAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.TrackParticipation, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var organisations = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => new { o.Name, o.Website })
            .ToListAsync(cancellationToken);
        var known = (await db.Stakeholders.Where(s => s.LabId == labId).Select(s => s.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var now = time.GetUtcNow();
        var added = organisations.Where(o => !known.Contains(o.Name))
            .Select(o => new Stakeholder(labId, StakeholderKind.Organisation, o.Name, o.Website, null, now))
            .ToList();
        db.Stakeholders.AddRange(added);
        db.AuditEntries.AddRange(added.Select(s => new AuditEntry(labId, actor.UserId, AuditAction.Created, "Stakeholder", s.Id, s.Name, now)));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(labId);
    }

    public Task<SaveResult> SetTargetAsync(Guid labId, Guid stakeholderId, Cycle cycle, ParticipationLevel? level, uint version, CancellationToken cancellationToken = default) =>
        ChangeStakeholderAsync(labId, stakeholderId, version, (stakeholder, actor, now) =>
        {
            stakeholder.SetTarget(cycle, level, actor.UserId, now);
            return $"{AuditText.Of(cycle)} : {AuditText.Key("Publics.Target")} {AuditText.Of(level)}";
        }, cancellationToken);

    public Task<SaveResult> AdjustReachedAsync(Guid labId, Guid stakeholderId, Cycle cycle, ParticipationLevel? level, string reason, uint version, CancellationToken cancellationToken = default) =>
        ChangeStakeholderAsync(labId, stakeholderId, version, (stakeholder, actor, now) =>
        {
            stakeholder.AdjustReached(cycle, level, actor.UserId, reason, now);
            return $"{AuditText.Of(cycle)} : {AuditText.Key("Publics.Reached")} {AuditText.Of(level)} ({reason})";
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

    public async Task<SaveResult> PlanActivityAsync(Guid labId, ActivityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await activityValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.TrackParticipation, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!await AllInLabAsync(db, labId, input.Invited, cancellationToken))
        {
            return SaveResult.NotFound;
        }
        var now = time.GetUtcNow();
        var date = new DateTimeOffset(DateTime.SpecifyKind(input.Date!.Value.Date.AddHours(12), DateTimeKind.Utc));
        var activity = new Activity(labId, input.Title, input.Kind, input.Method, input.Cycles, date, input.Place, input.LevelOffered, now);
        activity.Invite(input.Invited);
        db.Activities.Add(activity);
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Created, "Activity", activity.Id, activity.Title, now));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(activity.Id);
    }

    public Task<SaveResult> PostponeAsync(Guid labId, Guid activityId, DateTime newDate, string reason, uint version, CancellationToken cancellationToken = default) =>
        ChangeActivityAsync(labId, activityId, version, (activity, _) =>
        {
            activity.Postpone(new DateTimeOffset(DateTime.SpecifyKind(newDate.Date.AddHours(12), DateTimeKind.Utc)), reason);
            return Task.FromResult($"{AuditText.Of(ActivityStatus.Postponed)} ({activity.PostponementCount}) : {reason}");
        }, cancellationToken);

    public Task<SaveResult> CancelAsync(Guid labId, Guid activityId, string reason, uint version, CancellationToken cancellationToken = default) =>
        ChangeActivityAsync(labId, activityId, version, (activity, _) =>
        {
            activity.Cancel(reason);
            return Task.FromResult($"{AuditText.Of(ActivityStatus.Cancelled)} : {reason}");
        }, cancellationToken);

    /// <summary>
    /// Records that an activity took place and who came, then derives again the reached level of everyone
    /// concerned (those present now or before) in the cycles it serves, writing each change in their history.
    /// </summary>
    public Task<SaveResult> RecordHeldAsync(Guid labId, Guid activityId, IReadOnlyCollection<Guid> present, string? outputs, uint version, CancellationToken cancellationToken = default) =>
        ChangeActivityAsync(labId, activityId, version, async (activity, db) =>
        {
            if (!await AllInLabAsync(db, labId, present, cancellationToken))
            {
                throw new DomainException("Activity.UnknownStakeholder", "Someone marked present is not a stakeholder of this lab.");
            }
            var concerned = activity.Present.Union(present).ToList();
            activity.RecordHeld(present, outputs);

            var stakeholders = await db.Stakeholders.Where(s => s.LabId == labId && concerned.Contains(s.Id)).ToListAsync(cancellationToken);
            var attended = await db.Activities.Where(a => a.LabId == labId && a.Status == ActivityStatus.Held && a.Id != activity.Id).ToListAsync(cancellationToken);
            attended.Add(activity);
            var now = time.GetUtcNow();
            foreach (var stakeholder in stakeholders)
            {
                foreach (var cycle in activity.Cycles)
                {
                    stakeholder.RecordDerived(cycle, ParticipationLadder.Derive(attended, stakeholder.Id, cycle), activity.Title, now);
                }
            }
            return $"{AuditText.Of(ActivityStatus.Held)} : {present.Count} {AuditText.Key("Activities.Present")}";
        }, cancellationToken);

    private static async Task<bool> AllInLabAsync(MutualisonsDbContext db, Guid labId, IReadOnlyCollection<Guid> stakeholderIds, CancellationToken cancellationToken)
    {
        if (stakeholderIds.Count == 0)
        {
            return true;
        }
        var ids = stakeholderIds.Distinct().ToList();
        return await db.Stakeholders.CountAsync(s => s.LabId == labId && ids.Contains(s.Id), cancellationToken) == ids.Count;
    }


    private async Task<SaveResult> ChangeStakeholderAsync(Guid labId, Guid stakeholderId, uint version, Func<Stakeholder, Actor, DateTimeOffset, string> change, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.TrackParticipation, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var stakeholder = await db.Stakeholders.AsSplitQuery().SingleOrDefaultAsync(s => s.Id == stakeholderId && s.LabId == labId, cancellationToken);
        if (stakeholder is null)
        {
            return SaveResult.NotFound;
        }
        if (stakeholder.Version != version)
        {
            return SaveResult.Conflict;
        }
        db.Entry(stakeholder).Property(s => s.Version).OriginalValue = version;
        return await db.SaveAsResultAsync(stakeholderId, () =>
        {
            var now = time.GetUtcNow();
            var summary = change(stakeholder, actor, now);
            db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Changed, "Stakeholder", stakeholderId, $"{stakeholder.Name} — {summary}", now));
            // History rows are owned: touching the owner keeps the row version check on every change.
            db.Entry(stakeholder).State = EntityState.Modified;
            return Task.CompletedTask;
        }, cancellationToken);
    }

    private async Task<SaveResult> ChangeActivityAsync(Guid labId, Guid activityId, uint version, Func<Activity, MutualisonsDbContext, Task<string>> change, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.TrackParticipation, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == activityId && a.LabId == labId, cancellationToken);
        if (activity is null)
        {
            return SaveResult.NotFound;
        }
        if (activity.Version != version)
        {
            return SaveResult.Conflict;
        }
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        return await db.SaveAsResultAsync(activityId, async () =>
        {
            var summary = await change(activity, db);
            db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Changed, "Activity", activityId, $"{activity.Title} — {summary}", time.GetUtcNow()));
        }, cancellationToken);
    }

}
