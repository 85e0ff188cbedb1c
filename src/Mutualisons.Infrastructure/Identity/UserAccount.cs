using Microsoft.AspNetCore.Identity;

namespace Mutualisons.Infrastructure.Identity;

/// <summary>A person's account: Identity's sign-in data plus the name others see.</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The platform administrator: creates labs, reads the development outbox, sees every lab.</summary>
    public bool IsPlatformAdmin { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
