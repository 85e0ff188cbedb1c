using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
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
        var validation = await inviteValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.ManagePeople, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var lab = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId)
            .Select(m => new { m.Name, MemberIds = m.Memberships.Select(x => x.OrganisationId).ToList() }).SingleAsync(cancellationToken);
        if (input.OrganisationId is { } organisationId && !lab.MemberIds.Contains(organisationId))
        {
            return SaveResult.Refused("Lab.ParticipantNeedsOrganisation");
        }

        try
        {
            var now = time.GetUtcNow();
            var (invitation, token) = Invitation.Create(labId, input.Email.Trim(), input.Role, input.Role == LabRole.Participant ? input.OrganisationId : null, actor.UserId!.Value, now);
            db.Invitations.Add(invitation);
            db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Created, "Invitation", invitation.Id, $"{invitation.Email} ({AuditText.Of(invitation.Role)})", now));
            await db.SaveChangesAsync(cancellationToken);

            var link = new Uri(siteAddress, $"invitations/{token}");
            await email.SendAsync(
                mails.AccountInvitation(invitation.Email, ProductLocalization.CurrentLanguage, actor.DisplayName, lab.Name, l.Enum(invitation.Role), link, invitation.ExpiresAt),
                cancellationToken);
            logger.LogInformation("Invitation {InvitationId} to lab {LabId} sent", invitation.Id, labId);
            return SaveResult.Saved(invitation.Id);
        }
        catch (DomainException exception)
        {
            return SaveResult.Refused(exception.Code);
        }
    }

    public async Task<SaveResult> RevokeInvitationAsync(Guid labId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.ManagePeople, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        // Filtered by lab too: an id from another lab is simply not found.
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.LabId == labId, cancellationToken);
        if (invitation is null)
        {
            return SaveResult.NotFound;
        }
        var now = time.GetUtcNow();
        invitation.Revoke(now);
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Deleted, "Invitation", invitationId, invitation.Email, now));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(invitationId);
    }

    public Task<SaveResult> ChangeRoleAsync(Guid labId, Guid personId, LabRole role, Guid? organisationId, uint version, CancellationToken cancellationToken = default) =>
        ChangeLabAsync(labId, version, (lab, now) =>
        {
            lab.GrantRole(personId, role, role == LabRole.Participant ? organisationId : null, now);
            return ("Person", personId, AuditAction.Changed, AuditText.Of(role));
        }, cancellationToken);

    public Task<SaveResult> RemovePersonAsync(Guid labId, Guid personId, uint version, CancellationToken cancellationToken = default) =>
        ChangeLabAsync(labId, version, (lab, now) =>
        {
            lab.RemovePerson(personId, now);
            return ("Person", personId, AuditAction.Deleted, string.Empty);
        }, cancellationToken);

    public async Task<SaveResult> AddMemberAsync(Guid labId, AddMemberInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await memberValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Organisations.AnyAsync(o => o.Id == input.OrganisationId, cancellationToken))
            {
                return SaveResult.NotFound;
            }
        }
        return await ChangeLabAsync(labId, version, (lab, now) =>
        {
            lab.AddMember(input.OrganisationId!.Value, input.Role, now);
            return ("Membership", input.OrganisationId, AuditAction.Created, AuditText.Of(input.Role));
        }, cancellationToken);
    }

    public Task<SaveResult> RemoveMemberAsync(Guid labId, Guid organisationId, uint version, CancellationToken cancellationToken = default) =>
        ChangeLabAsync(labId, version, (lab, now) =>
        {
            if (lab.People.Any(p => p.OrganisationId == organisationId))
            {
                throw new DomainException("Lab.OrganisationHasRepresentatives", "People still represent this organisation in the lab.");
            }
            lab.RemoveMember(organisationId, now);
            return ("Membership", organisationId, AuditAction.Deleted, string.Empty);
        }, cancellationToken);

    private async Task<SaveResult> ChangeLabAsync(Guid labId, uint version, Func<Mutualisation, DateTimeOffset, (string Subject, Guid? SubjectId, AuditAction Action, string Summary)> change, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApplyAsync(actor, labId, version, LabRight.ManagePeople, lab =>
        {
            var now = time.GetUtcNow();
            var (subject, subjectId, action, summary) = change(lab, now);
            return new AuditEntry(labId, actor.UserId, action, subject, subjectId, summary, now);
        }, cancellationToken);
    }
}
