namespace Mutualisons.Infrastructure.Identity;

/// <summary>
/// Failed sign-ins of one client address with one typed account name, in the current window. Keyed on both,
/// so that a stranger who fails from their address never locks the owner out of theirs; kept for unknown
/// names as for real accounts, so that locking out tells nothing about which accounts exist.
/// </summary>
public sealed class SignInFailures
{
    /// <summary>SHA-256 of the normalised address typed: names that are no account are not kept in clear.</summary>
    public string AccountKey { get; set; } = string.Empty;

    public string ClientAddress { get; set; } = string.Empty;

    public int Count { get; set; }

    public DateTimeOffset FirstAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
