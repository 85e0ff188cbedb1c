using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Publics.Stakeholders;

/// <summary>The stakeholder register: who the lab wants to involve, the level aimed for and reached in each cycle, and how it moved.</summary>
public sealed class StakeholderService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<StakeholderInput> stakeholderValidator)
{
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
            [.. stakeholder.Participation.OrderBy(p => p.Cycle).Select(p => new ParticipationLine(p.Cycle, p.Target, p.Derived, p.Adjusted, p.AdjustmentReason, p.Reached))],
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
}
