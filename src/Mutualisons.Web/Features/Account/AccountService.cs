using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Common;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Account;

/// <summary>The platform's first account, a person's data, and deleting an account without losing the labs' history.</summary>
public sealed class AccountService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    UserManager<UserAccount> users,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    private static readonly JsonSerializerOptions ExportFormat = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<bool> IsSetUpAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Creates the platform administrator, once: the page locks itself as soon as any account exists.</summary>
    public async Task<(SaveResult Result, UserAccount? Account)> SetUpAsync(NewAccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two people submitting the setup page at once must not both become administrator.
        await db.Database.ExecuteSqlRawAsync("select pg_advisory_xact_lock(424242)", cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return (SaveResult.Refused("Account.AlreadySetUp"), null);
        }
        var account = new UserAccount { UserName = input.Email.Trim(), Email = input.Email.Trim(), DisplayName = input.DisplayName.Trim(), IsPlatformAdmin = true, CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(account, input.Password);
        if (!created.Succeeded)
        {
            return (IdentityErrors.ToResult(created), null);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Platform administrator {UserId} created", account.Id);
        return (SaveResult.Saved(account.Id), account);
    }

    /// <summary>Everything the platform holds about a person, as JSON.</summary>
    public async Task<byte[]> ExportAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var roles = await db.Mutualisations.AsNoTracking()
            .SelectMany(m => m.People.Where(p => p.PersonId == userId).Select(p => new { Lab = m.Name, p.Role, p.OrganisationId, p.Since }))
            .ToListAsync(cancellationToken);
        var moves = await db.Mutualisations.AsNoTracking()
            .SelectMany(m => m.Journal.Where(j => j.MovedById == userId).Select(j => new { Lab = m.Name, j.From, j.To, j.MovedAt, j.Reason }))
            .ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == userId).OrderBy(a => a.At)
            .Select(a => new { a.At, a.Action, a.Subject, a.Summary }).ToListAsync(cancellationToken);
        // Invitations keep addresses in lower case.
        var invitedAs = (account.Email ?? string.Empty).ToLowerInvariant();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.InvitedBy == userId || i.AcceptedBy == userId || i.Email == invitedAs)
            .Select(i => new { i.Email, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, SentByMe = i.InvitedBy == userId })
            .ToListAsync(cancellationToken);

        var profile = await db.PersonProfiles.AsNoTracking().Where(p => p.PersonId == userId)
            .Select(p => new { p.Roles, p.Languages, p.Interests, p.Listed, p.ShowsEmail, p.ShowsLanguages, p.ShowsInterests })
            .SingleOrDefaultAsync(cancellationToken);
        var export = new
        {
            account = new { account.Id, account.DisplayName, account.Email, account.CreatedAt, account.IsPlatformAdmin, account.LockoutEnd, account.AccessFailedCount },
            directoryProfile = profile,
            labRoles = roles,
            focusMoves = moves,
            auditTrail = audit,
            invitations,
            exportedAt = time.GetUtcNow(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, ExportFormat);
    }

    /// <summary>
    /// Deletes the account after checking the password. The labs keep every journal move and audit entry,
    /// attributed to a deleted user; a lab's last facilitator must hand over first.
    /// </summary>
    public async Task<SaveResult> DeleteAsync(Guid userId, string password, CancellationToken cancellationToken = default)
    {
        var account = await users.FindByIdAsync(userId.ToString());
        if (account is null)
        {
            return SaveResult.NotFound;
        }
        if (!await users.CheckPasswordAsync(account, password))
        {
            return SaveResult.Refused("Account.WrongPassword");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var labs = await db.Mutualisations
            .Where(m => m.People.Any(p => p.PersonId == userId) || m.Journal.Any(j => j.MovedById == userId))
            // Only this person's moves: the rest of the journal keeps its authors and need not be loaded.
            .Include(m => m.Journal.Where(j => j.MovedById == userId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        try
        {
            foreach (var lab in labs)
            {
                lab.ForgetPerson(userId, time.GetUtcNow());
            }
        }
        catch (DomainException exception)
        {
            return SaveResult.Refused(exception.Code);
        }
        await db.SaveChangesAsync(cancellationToken);
        // Stories and check-ins stay with their lab, no longer signed by the person.
        await db.Stories.Where(s => s.WrittenById == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.WrittenById, (Guid?)null).SetProperty(x => x.WrittenBy, string.Empty), cancellationToken);
        await db.NavigationCheckIns.Where(c => c.RecordedById == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RecordedById, (Guid?)null).SetProperty(x => x.RecordedBy, string.Empty), cancellationToken);
        // Audit entries and invitations lose their link through the foreign keys (set null).
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {UserId} deleted at its owner's request", userId);
        return SaveResult.Saved(userId);
    }
}

internal static class IdentityErrors
{
    /// <summary>Identity's errors as field messages, keyed for localisation by their code.</summary>
    public static SaveResult ToResult(IdentityResult result) =>
        new(SaveStatus.Invalid, "Save.Invalid", result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email" : string.Empty)
            .ToDictionary(g => g.Key, g => g.Select(e => $"Identity.{e.Code}").ToArray()));
}
