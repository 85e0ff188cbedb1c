using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
}

public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords from one client address for one account name before that address waits.</summary>
    public int MaxFailures { get; set; } = 5;

    public int WindowMinutes { get; set; } = 15;

    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>
/// Password sign-in that tells nothing about which addresses have an account and lets no one lock out anyone
/// else: an unknown name costs the same password hash as a known one and gets the same answers; failures are
/// counted per account name and client address, in PostgreSQL so that every app instance sees them; the owner
/// is mailed when one address is locked out of their account.
/// </summary>
public sealed class SignInService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    UserManager<UserAccount> users,
    SignInManager<UserAccount> signIn,
    UnknownAccountHash unknownAccountHash,
    SignInWarnings warnings,
    IOptions<SignInThrottleOptions> options,
    TimeProvider time)
{
    /// <summary>Old windows are deleted after this: the table holds only the last day's failures.</summary>
    private static readonly TimeSpan Sweep = TimeSpan.FromDays(1);

    public async Task<SignInOutcome> SignInAsync(string email, string password, string clientAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(clientAddress);
        var settings = options.Value;
        var now = time.GetUtcNow();
        var accountKey = AccountKey(users.NormalizeEmail(email.Trim()) ?? string.Empty);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.SignInFailures.AnyAsync(f => f.AccountKey == accountKey && f.ClientAddress == clientAddress && f.LockedUntil > now, cancellationToken))
            {
                return SignInOutcome.LockedOut;
            }
        }

        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null)
        {
            // As long as checking a real account's password, and as fruitless.
            unknownAccountHash.Verify(password);
        }
        else
        {
            // Not Identity's lockout: it counts per account, so anyone could lock anyone out. (The check also
            // rehashes a password stored with fewer iterations.)
            if (await users.CheckPasswordAsync(account, password))
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await db.SignInFailures.Where(f => f.AccountKey == accountKey && f.ClientAddress == clientAddress).ExecuteDeleteAsync(cancellationToken);
                await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "pwd")]);
                return SignInOutcome.SignedIn;
            }
        }

        var count = await RecordFailureAsync(accountKey, clientAddress, now, settings, cancellationToken);
        if (count < settings.MaxFailures)
        {
            return SignInOutcome.Failed;
        }
        if (count == settings.MaxFailures && account is not null)
        {
            // Mailed in the background: the answer must not take longer for a real account.
            warnings.Warn(account.Id, clientAddress, count);
        }
        return SignInOutcome.LockedOut;
    }

    /// <summary>Counts one failure atomically (two instances, two posts at once) and returns the count in the window.</summary>
    private async Task<int> RecordFailureAsync(string accountKey, string clientAddress, DateTimeOffset now, SignInThrottleOptions settings, CancellationToken cancellationToken)
    {
        var windowStart = now.AddMinutes(-settings.WindowMinutes);
        var lockedUntil = now.AddMinutes(settings.LockoutMinutes);
        var max = settings.MaxFailures;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SignInFailures.FromSqlInterpolated($"""
            insert into sign_in_failures (account_key, client_address, count, first_at, locked_until)
            values ({accountKey}, {clientAddress}, 1, {now}, case when {max} <= 1 then {lockedUntil} end)
            on conflict (account_key, client_address) do update set
                count = case when sign_in_failures.first_at < {windowStart} then 1 else sign_in_failures.count + 1 end,
                first_at = case when sign_in_failures.first_at < {windowStart} then excluded.first_at else sign_in_failures.first_at end,
                locked_until = case
                    when sign_in_failures.first_at < {windowStart} then excluded.locked_until
                    when sign_in_failures.count + 1 >= {max} then {lockedUntil}
                    else sign_in_failures.locked_until end
            returning *
            """).AsNoTracking().ToListAsync(cancellationToken);
        var swept = now - Sweep;
        await db.SignInFailures.Where(f => f.FirstAt < swept && (f.LockedUntil == null || f.LockedUntil < now)).ExecuteDeleteAsync(cancellationToken);
        return rows.Single().Count;
    }

    /// <summary>The typed name is kept only as a hash: names that are no account are not stored in clear.</summary>
    private static string AccountKey(string normalizedEmail) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    /// <summary>The client's address as seen after trusted proxies (see WebServer), the unit of a lockout.</summary>
    public static string ClientAddressOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}

/// <summary>
/// A password hash that belongs to no one, made once with the same hasher and iterations as real passwords:
/// checking a password against it takes as long as against a real account's hash.
/// </summary>
public sealed class UnknownAccountHash
{
    private readonly PasswordHasher<UserAccount> _hasher;
    private readonly UserAccount _nobody = new();
    private readonly string _hash;

    public UnknownAccountHash(IOptions<PasswordHasherOptions> options)
    {
        // Identity's hasher is scoped; this one, with the same options, lives as long as the app.
        _hasher = new PasswordHasher<UserAccount>(options);
        _hash = _hasher.HashPassword(_nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public void Verify(string password) => _ = _hasher.VerifyHashedPassword(_nobody, _hash, password);
}
