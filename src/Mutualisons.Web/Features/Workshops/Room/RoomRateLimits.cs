using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Mutualisons.Web.Hosting;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>
/// Limits per client address for the room's public door and its phones, set in <see cref="RateLimitOptions"/>.
/// Refusals are the 429 page every policy shares (see IdentitySetup).
/// </summary>
public static class RoomRateLimits
{
    /// <summary>Each look-up of a code and each join (the join page, read or posted).</summary>
    public const string JoinPolicy = "workshop-join";

    /// <summary>Each tap posted from the participant page; reading the page is free, the room reloads it together.</summary>
    public const string TapPolicy = "workshop-tap";

    public static IServiceCollection AddWorkshopRoomLimits(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy(JoinPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return PerAddress(context, limits.WorkshopJoinPermitLimit, limits.WorkshopJoinWindowSeconds);
            });
            options.AddPolicy(TapPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return PerAddress(context, limits.WorkshopTapPermitLimit, limits.WorkshopTapWindowSeconds);
            });
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0 });
}
