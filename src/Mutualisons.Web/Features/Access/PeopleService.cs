using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

using Mutualisons.Web.Features.Mail;

namespace Mutualisons.Web.Features.Access;

/// <summary>A lab's people and organisations, managed by its facilitators: invitations, roles, membership.</summary>
public sealed class PeopleService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<InviteInput> inviteValidator,
    IValidator<AddMemberInput> memberValidator,
    IEmailSender email,
    MailTemplates mails,
    IStringLocalizer<SharedResource> l,
    TimeProvider time,
    ILogger<PeopleService> logger)
{
    /// <summary>Null when the lab does not exist or the person may not manage its people.</summary>
    public async Task<LabPeople?> GetAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await db.RoleInAsync(actor, labId, cancellationToken)).Allows(LabRight.ManagePeople))
        {
            return null;
        }

        var lab = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId)
            .Select(m => new { m.Name, m.Version, MemberIds = m.Memberships.Select(x => x.OrganisationId).ToList() })
            .SingleAsync(cancellationToken);
        var people = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId)
            .SelectMany(m => m.People)
            .Join(db.Users, p => p.PersonId, u => u.Id, (p, u) => new { p, u.DisplayName, u.Email })
            .GroupJoin(db.Organisations, x => x.p.OrganisationId, o => o.Id, (x, o) => new { x, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new LabPersonRow(x.x.p.PersonId, x.x.DisplayName, x.x.Email ?? string.Empty, x.x.p.Role, x.x.p.OrganisationId, o == null ? null : o.Name, x.x.p.Since))
            .ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.LabId == labId)
            .OrderByDescending(i => i.CreatedAt).Take(100)
            .GroupJoin(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { i, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new { x.i, OrganisationName = o == null ? null : o.Name })
            .ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationChoice(o.Id, o.Name)).ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        return new LabPeople(
            labId, lab.Name, lab.Version,
            [.. people.OrderBy(p => p.Role).ThenBy(p => p.DisplayName, StringComparer.CurrentCulture)],
            [.. invitations.Select(x => new InvitationRow(x.i.Id, x.i.Email, x.i.Role, x.OrganisationName, x.i.CreatedAt, x.i.ExpiresAt, x.i.StateAt(now)))],
            [.. organisations.Where(o => lab.MemberIds.Contains(o.Id))],
            [.. organisations.Where(o => !lab.MemberIds.Contains(o.Id))]);
    }

    /// <summary>Creates an invitation and mails its single-use link, built on <paramref name="siteAddress"/>.</summary>
    public async Task<SaveResult> InviteAsync(Guid labId, InviteInput input, Uri siteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(siteAddress);
        string token = string.Empty, labName = string.Empty, inviter = string.Empty;
        Invitation? sent = null;
        var result = await writes.In(labId, LabRight.ManagePeople).Validating(input, inviteValidator).CreateAsync(async write =>
        {
            var lab = await write.Db.Mutualisations.AsNoTracking().Where(m => m.Id == labId)
                .Select(m => new { m.Name, MemberIds = m.Memberships.Select(x => x.OrganisationId).ToList() }).SingleAsync(write.CancellationToken);
            if (input.OrganisationId is { } organisationId && !lab.MemberIds.Contains(organisationId))
            {
                throw new DomainException("Lab.ParticipantNeedsOrganisation", "A participant represents one of the lab's organisations.");
            }
            (sent, token) = Invitation.Create(labId, input.Email.Trim(), input.Role, input.Role == LabRole.Participant ? input.OrganisationId : null, write.Actor.UserId!.Value, write.Now);
            (labName, inviter) = (lab.Name, write.Actor.DisplayName);
            return (sent, $"{sent.Email} ({AuditText.Of(sent.Role)})");
        }, cancellationToken);
        if (!result.Succeeded || sent is null)
        {
            return result;
        }

        var link = new Uri(siteAddress, $"invitations/{token}");
        await email.SendAsync(
            mails.AccountInvitation(sent.Email, ProductLocalization.CurrentLanguage, inviter, labName, l.Enum(sent.Role), link, sent.ExpiresAt),
            cancellationToken);
        logger.LogInformation("Invitation {InvitationId} to lab {LabId} sent", sent.Id, labId);
        return result;
    }

    /// <summary>Withdraws a pending invitation; an id from another lab is simply not found.</summary>
    public Task<SaveResult> RevokeInvitationAsync(Guid labId, Guid invitationId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ManagePeople).ChangeAsync<Invitation>(invitationId, null, (invitation, write) =>
        {
            invitation.Revoke(write.Now);
            write.AuditAs(AuditSubject.Invitation, invitationId, AuditAction.Deleted);
            return invitation.Email;
        }, cancellationToken);

    public Task<SaveResult> ChangeRoleAsync(Guid labId, Guid personId, LabRole role, Guid? organisationId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ManagePeople).ChangeLabAsync(version, (lab, write) =>
        {
            lab.GrantRole(personId, role, role == LabRole.Participant ? organisationId : null, write.Now);
            write.AuditAs(AuditSubject.Person, personId);
            return AuditText.Of(role);
        }, cancellationToken);

    public Task<SaveResult> RemovePersonAsync(Guid labId, Guid personId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ManagePeople).ChangeLabAsync(version, (lab, write) =>
        {
            lab.RemovePerson(personId, write.Now);
            write.AuditAs(AuditSubject.Person, personId, AuditAction.Deleted);
            return string.Empty;
        }, cancellationToken);

    /// <summary>
    /// Adds an organisation to the lab, and to its stakeholder register (the same list seen from the pilot
    /// group's side) unless a stakeholder already stands for it.
    /// </summary>
    public Task<SaveResult> AddMemberAsync(Guid labId, AddMemberInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ManagePeople).Validating(input, memberValidator).ChangeLabAsync(version, async (lab, write) =>
        {
            var organisationId = input.OrganisationId!.Value;
            var organisation = await write.Db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.Name, o.Website }).SingleOrDefaultAsync(write.CancellationToken)
                ?? throw LabWrite.NotFound();
            lab.AddMember(organisationId, input.Role, write.Now);
            if (!await write.Db.Stakeholders.AnyAsync(s => s.LabId == labId && s.OrganisationId == organisationId, write.CancellationToken))
            {
                var stakeholder = Stakeholder.ForOrganisation(labId, organisationId, organisation.Name, organisation.Website, write.Now);
                write.Db.Stakeholders.Add(stakeholder);
                write.AlsoAudit(AuditAction.Created, AuditSubject.Stakeholder, stakeholder.Id, stakeholder.Name);
            }
            write.AuditAs(AuditSubject.Membership, organisationId, AuditAction.Created);
            return $"{organisation.Name} ({AuditText.Of(input.Role)})";
        }, cancellationToken);
    }

    public Task<SaveResult> RemoveMemberAsync(Guid labId, Guid organisationId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ManagePeople).ChangeLabAsync(version, async (lab, write) =>
        {
            if (lab.People.Any(p => p.OrganisationId == organisationId))
            {
                throw new DomainException("Lab.OrganisationHasRepresentatives", "People still represent this organisation in the lab.");
            }
            lab.RemoveMember(organisationId, write.Now);
            write.AuditAs(AuditSubject.Membership, organisationId, AuditAction.Deleted);
            return await write.Db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(write.CancellationToken) ?? string.Empty;
        }, cancellationToken);
}
