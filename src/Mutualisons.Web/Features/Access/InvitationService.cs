using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Account;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Access;

/// <summary>What an invitation link shows; nothing of the lab is revealed for an unusable link.</summary>
public sealed record InvitationView(InvitationState State, string LabName, LabRole Role, string Email, bool AccountExists);

/// <summary>The public side of invitations: open the link, then join with an existing or a new account.</summary>
public sealed class InvitationService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    LabWrites writes,
    UserManager<UserAccount> users,
    TimeProvider time,
    ILogger<InvitationService> logger)
{
    /// <summary>Null for an unknown or malformed token.</summary>
    public async Task<InvitationView?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = SecretToken.HashOf(token);
        var found = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Join(db.Mutualisations, i => i.LabId, m => m.Id, (i, m) => new { Invitation = i, LabName = m.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var state = found.Invitation.StateAt(time.GetUtcNow());
        var usable = state == InvitationState.Pending;
        return new InvitationView(
            state,
            usable ? found.LabName : string.Empty,
            found.Invitation.Role,
            usable ? found.Invitation.Email : string.Empty,
            usable && await users.FindByEmailAsync(found.Invitation.Email) is not null);
    }

    /// <summary>Links the invitation's lab role to an existing, signed-in account.</summary>
    public Task<SaveResult> AcceptAsync(string token, Guid personId, CancellationToken cancellationToken = default) =>
        JoinAsync(token, personId, cancellationToken);

    /// <summary>Creates the account for the invited address and joins the lab, all or nothing.</summary>
    public async Task<(SaveResult Result, UserAccount? Account)> AcceptWithNewAccountAsync(string token, NewAccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await FindTrackedAsync(db, token, cancellationToken);
        if (invitation is null)
        {
            return (SaveResult.NotFound, null);
        }
        if (invitation.StateAt(time.GetUtcNow()) != InvitationState.Pending)
        {
            return (SaveResult.Refused($"Invitation.{invitation.StateAt(time.GetUtcNow())}"), null);
        }

        var account = new UserAccount { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = input.DisplayName.Trim(), CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(account, input.Password);
        if (!created.Succeeded)
        {
            return (IdentityErrors.ToResult(created), null);
        }
        var result = await JoinAsync(token, account.Id, cancellationToken);
        if (!result.Succeeded)
        {
            // The invitation was used meanwhile: leave no orphan account behind.
            await users.DeleteAsync(account);
            return (result, null);
        }
        return (result, account);
    }

    /// <summary>
    /// Joins the invitation's lab through the one write path: the invitation is used, the role granted and the
    /// join audited in one save.
    /// </summary>
    private async Task<SaveResult> JoinAsync(string token, Guid personId, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashOf(token);
        Guid labId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Invitations.Where(i => i.TokenHash == hash).Select(i => (Guid?)i.LabId).SingleOrDefaultAsync(cancellationToken) is not { } found)
            {
                return SaveResult.NotFound;
            }
            labId = found;
        }
        Guid? invitationId = null;
        var result = await writes.Joining(labId, new Actor(personId, string.Empty, false)).RunAsync(async write =>
        {
            var invitation = await write.Db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash && i.LabId == labId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            var lab = await write.Db.Mutualisations.AsSplitQuery().SingleAsync(m => m.Id == labId, write.CancellationToken);
            invitation.Accept(personId, write.Now);
            // An invitation never lowers the role a person already holds in the lab.
            if (lab.RoleOf(personId) is not { } current || current > invitation.Role)
            {
                lab.GrantRole(personId, invitation.Role, invitation.OrganisationId, write.Now);
            }
            write.AlsoAudit(AuditAction.Created, AuditSubject.Person, personId, $"{Web.Features.Audit.AuditText.Of(invitation.Role)} ({invitation.Email})");
            invitationId = invitation.Id;
        }, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Invitation {InvitationId} accepted by {UserId}", invitationId, personId);
        }
        // A conflict here is someone using the same link at the same moment.
        return result.Status == SaveStatus.Conflict ? SaveResult.Refused("Invitation.AlreadyUsed") : result;
    }

    private static Task<Invitation?> FindTrackedAsync(MutualisonsDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = SecretToken.HashOf(token);
        return db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }
}
