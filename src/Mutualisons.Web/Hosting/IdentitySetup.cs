using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Account;

namespace Mutualisons.Web.Hosting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Form posts to account pages, and visits of token links, per client address and window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>
    /// Workshop code lookups and joins, per client address and window: a room of fifty joining within a minute
    /// behind one Wi-Fi passes, twenty joins a second do not, and guessing a code among 10¹² is hopeless.
    /// </summary>
    public int WorkshopJoinPermitLimit { get; set; } = 20;

    public int WorkshopJoinWindowSeconds { get; set; } = 10;

    /// <summary>
    /// Taps on the participant page (notes, dots, placements, answers) per address. A whole room may share one
    /// address behind the venue's Wi-Fi: fifty people spreading their dots at once tap about once a second each,
    /// so the limit lets that through and stops a flood from one machine.
    /// </summary>
    public int WorkshopTapPermitLimit { get; set; } = 3000;

    public int WorkshopTapWindowSeconds { get; set; } = 60;
}

public static class IdentitySetup
{
    public const string AdminPolicy = "PlatformAdmin";
    public const string AccountRateLimit = "account";

    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 (Identity's default is 100,000).</summary>
    public const int PasswordHashIterations = 210_000;

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorizationBuilder()
            // Secure by default: a page or endpoint is for signed-in people unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireClaim(Actor.AdminClaim, "true"));

        services.AddIdentityCore<UserAccount>(options =>
            {
                // ASVS V2.1: length, not composition.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // No lockout per account (anyone could lock out anyone): SignInService counts per account and client.
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<MutualisonsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        // Existing hashes with fewer iterations are rehashed at the next successful sign-in.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordHashIterations);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "mutualisons.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // Keys in PostgreSQL: restarts and several instances keep sessions and antiforgery tokens valid.
        services.AddDataProtection()
            .SetApplicationName("Mutualisons")
            .PersistKeysToDbContext<MutualisonsDbContext>();

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (email.UsesOutbox)
        {
            services.AddSingleton<IEmailSender, OutboxEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<UnknownAccountHash>();
        services.AddSingleton<SignInWarnings>();
        services.AddHostedService(provider => provider.GetRequiredService<SignInWarnings>());
        services.AddScoped<SignInService>();

        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountRateLimit, context =>
            {
                // Form posts (sign-in, reset, setup, invitation) and every visit of a token link count.
                var counted = HttpMethods.IsPost(context.Request.Method) || context.Request.Path.StartsWithSegments("/invitations", StringComparison.OrdinalIgnoreCase);
                if (!counted)
                {
                    return RateLimitPartition.GetNoLimiter("free");
                }
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0 });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                // Someone joining a workshop goes back to the room's door, not to the staff's home.
                var room = context.HttpContext.Request.Path.StartsWithSegments("/w", StringComparison.Ordinal);
                var back = room ? "/w" : "/";
                var backText = l[room ? "Room.Join.TypeAgain" : "Common.BackHome"];
                await context.HttpContext.Response.WriteAsync(
                    $"""
                    <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>{System.Net.WebUtility.HtmlEncode(l["TooMany.Title"])}</title></head>
                    <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem;">
                    <h1>{System.Net.WebUtility.HtmlEncode(l["TooMany.Title"])}</h1><p>{System.Net.WebUtility.HtmlEncode(l["TooMany.Text"])}</p>
                    <p><a href="{back}">{System.Net.WebUtility.HtmlEncode(backText)}</a></p></body></html>
                    """, cancellationToken);
            };
        });
        return services;
    }
}

/// <summary>Puts the display name and the administrator flag into the sign-in cookie.</summary>
public sealed class AccountClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Actor.DisplayNameClaim, user.DisplayName));
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(Actor.AdminClaim, "true"));
        }
        return identity;
    }
}
