using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Mutualisons.Web.Localization;

public static class ProductLocalization
{
    public const string French = Domain.Common.Cultures.French;
    public const string Dutch = Domain.Common.Cultures.Dutch;
    public const string English = Domain.Common.Cultures.English;

    /// <summary>French first: Brussels' alternatives mostly work in French, then Dutch, then English.</summary>
    public static readonly IReadOnlyList<string> Cultures = Domain.Common.Cultures.All;

    public static IServiceCollection AddProductLocalization(this IServiceCollection services) =>
        services.AddLocalization(options => options.ResourcesPath = "Resources");

    public static IApplicationBuilder UseProductLocalization(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(French)
            .AddSupportedCultures([.. Cultures])
            .AddSupportedUICultures([.. Cultures]);
        // The choice made with the language switch (a cookie) wins over the browser's languages.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return app.UseRequestLocalization(options);
    }

    /// <summary>Stores the chosen language in a cookie for a year, then goes back to the page.</summary>
    public static IEndpointConventionBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (string? culture, string? redirectUri, HttpContext context) =>
        {
            if (culture is not null && Cultures.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            }
            // Only local addresses: the switch must not become an open redirect.
            var target = redirectUri is { Length: > 0 } && Uri.IsWellFormedUriString(redirectUri, UriKind.Relative) && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal)
                ? redirectUri
                : "/";
            return Results.LocalRedirect(target);
        });

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The localised name of an enum member, from the key <c>EnumType.Member</c>.</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value) where T : struct, System.Enum =>
        localizer[$"{typeof(T).Name}.{value}"];
}
