using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Mutualisons.Web.Features.Access;

/// <summary>The person behind a request or circuit, as services see them.</summary>
public sealed record Actor(Guid? UserId, string DisplayName, bool IsPlatformAdmin)
{
    public const string AdminClaim = "mutualisons:admin";
    public const string DisplayNameClaim = "mutualisons:name";

    public static readonly Actor Anonymous = new(null, string.Empty, false);

    public bool IsSignedIn => UserId is not null;

    public static Actor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Anonymous;
        }
        return new Actor(id, user.FindFirstValue(DisplayNameClaim) ?? user.Identity.Name ?? string.Empty, user.HasClaim(AdminClaim, "true"));
    }
}

/// <summary>Who is asking, for the scope of a circuit or request. Every service filters lab data through it.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.From(state.User);
    }
}

public static class RequestActor
{
    /// <summary>
    /// Lets services, which read the person through the authentication state as components do, see the
    /// signed-in user of a plain HTTP endpoint (exports).
    /// </summary>
    public static void ShareUserWithServices(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices.GetService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider state)
        {
            state.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
    }
}
