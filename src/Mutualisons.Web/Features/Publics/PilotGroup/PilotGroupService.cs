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

namespace Mutualisons.Web.Features.Publics.PilotGroup;

/// <summary>The pilot group: its people and what they take on, and the mandate each organisation gave.</summary>
public sealed class PilotGroupService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<MandateInput> mandateValidator)
{
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
        var named = lab.People.Where(p => p.OrganisationId is not null).Select(p => p.PersonId).Concat(personIds).Distinct().ToList();
        var names = await db.Users.Where(u => named.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisationIds = lab.Memberships.Select(m => m.OrganisationId).ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return new PilotGroupView(
            lab.Name, role.Allows(LabRight.TrackParticipation), lab.Version,
            [.. lab.People.Where(p => personIds.Contains(p.PersonId)).OrderBy(p => p.Role).Select(p => new PilotMember(p.PersonId, names.GetValueOrDefault(p.PersonId, string.Empty), p.Role, p.Responsibilities))],
            [.. lab.Memberships.OrderBy(m => m.Role).ThenBy(m => organisations.GetValueOrDefault(m.OrganisationId), StringComparer.CurrentCulture)
                .Select(m => new OrganisationMandate(m.OrganisationId, organisations.GetValueOrDefault(m.OrganisationId, string.Empty), m.Role, m.Mandate,
                    [.. lab.People.Where(p => p.OrganisationId == m.OrganisationId && names.ContainsKey(p.PersonId)).Select(p => new Representative(p.PersonId, names[p.PersonId])).OrderBy(r => r.Name, StringComparer.CurrentCulture)]))]);
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
}
