using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Exports;

/// <summary>The lab's impact model as JSON-LD (Common Impact Data Standard) and as CSV; another lab's address answers "not found".</summary>
public static class ImpactExportEndpoints
{
    public static IEndpointRouteBuilder MapImpactExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/impact/export.jsonld", (Guid labId, string? lang, HttpContext context, ImpactExportService exports) =>
        {
            UseLanguage(context, lang);
            return Downloads.StreamAsync(context, "application/ld+json; charset=utf-8", $"impact-{labId:N}.jsonld",
                body => exports.WriteJsonLdAsync(labId, body, context.RequestAborted));
        }).RequireAuthorization();
        endpoints.MapGet("/labs/{labId:guid}/impact/export.csv", (Guid labId, string? lang, HttpContext context, ImpactExportService exports) =>
        {
            var language = UseLanguage(context, lang);
            return Downloads.StreamAsync(context, "text/csv; charset=utf-8", $"impact-{labId:N}.csv", async body =>
            {
                await using var writer = new StreamWriter(body, CsvWriter.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
                return await exports.WriteCsvAsync(labId, writer, language, context.RequestAborted);
            });
        }).RequireAuthorization();
        return endpoints;
    }

    /// <summary>Headers, units and statuses follow the chosen language, as the other exports do.</summary>
    private static string UseLanguage(HttpContext context, string? lang)
    {
        context.ShareUserWithServices();
        var language = lang is { } l && ProductLocalization.Cultures.Contains(l) ? l : ProductLocalization.CurrentLanguage;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(language);
        return language;
    }
}
