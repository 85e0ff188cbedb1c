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
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*")))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.ContentType = "application/geo+json";
            await export.WriteGeoJsonAsync(null, dataSetId, response.Body, context.RequestAborted);
        }).AllowAnonymous();
        return endpoints;
    }
}
