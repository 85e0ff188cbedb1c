using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Resources.MapData;

public static class MapDataEndpoints
{
    /// <summary>How long a shared cache may keep a published map's GeoJSON before asking again (with its ETag).</summary>
    public const int PublicMaxAgeSeconds = 300;

    public static string GeoJson(Guid lab, Guid dataSet) => $"/labs/{lab}/map-data/{dataSet}/export.geojson";

    public static string Csv(Guid lab, Guid dataSet) => $"/labs/{lab}/map-data/{dataSet}/export.csv";

    public static string PublicGeoJson(Guid dataSet) => $"/map-data/{dataSet}.geojson";

    public static string PublicPoints(Guid dataSet) => $"/map-data/{dataSet}/points.json";

    /// <summary>
    /// A lab's data set as GeoJSON or CSV for its people (404 otherwise), and a published data set's GeoJSON
    /// for anyone, cacheable: an ETag answered with 304 when unchanged, and a short public max-age.
    /// </summary>
    public static IEndpointRouteBuilder MapMapDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/map-data/{dataSetId:guid}/export.geojson", (Guid labId, Guid dataSetId, HttpContext context, MapExportService export) =>
        {
            context.ShareUserWithServices();
            return Downloads.StreamAsync(context, "application/geo+json", $"map-{dataSetId:N}.geojson", body => export.WriteGeoJsonAsync(labId, dataSetId, body, context.RequestAborted));
        }).RequireAuthorization();
        endpoints.MapGet("/labs/{labId:guid}/map-data/{dataSetId:guid}/export.csv", (Guid labId, Guid dataSetId, HttpContext context, MapExportService export) =>
        {
            context.ShareUserWithServices();
            return Downloads.StreamAsync(context, "text/csv; charset=utf-8", $"map-{dataSetId:N}.csv", body => export.WriteCsvAsync(labId, dataSetId, body, context.RequestAborted));
        }).RequireAuthorization();
        endpoints.MapGet("/map-data/{dataSetId:guid}.geojson", async (Guid dataSetId, HttpContext context, MapExportService export) =>
        {
            if (await export.PublishedTagAsync(dataSetId, context.RequestAborted) is not { } tag)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var response = context.Response;
            response.Headers.ETag = tag;
            response.Headers.CacheControl = $"public, max-age={PublicMaxAgeSeconds}";
            // Other maps read it from their own pages.
            response.Headers.AccessControlAllowOrigin = "*";
            if (Unchanged(context.Request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = "application/geo+json";
            await export.WriteGeoJsonAsync(null, dataSetId, response.Body, context.RequestAborted);
        }).AllowAnonymous();
        // The embed's markers, filtered by the same rules as its list (a category with its sub-categories, a name).
        // Kept by caches but asked again each time (an approval shows at once), answered 304 while nothing changed.
        endpoints.MapGet("/map-data/{dataSetId:guid}/points.json", async (Guid dataSetId, Guid? category, string? q, HttpContext context, MapExportService export, MapReadService reads) =>
        {
            if (await export.PublishedTagAsync(dataSetId, context.RequestAborted) is not { } tag)
            {
                return Results.NotFound();
            }
            context.Response.Headers.ETag = tag;
            context.Response.Headers.CacheControl = "public, no-cache";
            if (Unchanged(context.Request, tag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            var points = await reads.PublishedViewportAsync(dataSetId, MapBox.World, new MapFilter(category, q), context.RequestAborted) ?? [];
            return Results.Json(points.Select(p => new { id = p.Id, name = p.Name, latitude = p.Latitude, longitude = p.Longitude }));
        }).AllowAnonymous();
        return endpoints;
    }

    private static bool Unchanged(HttpRequest request, string tag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*"));
}
