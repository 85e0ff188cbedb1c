using System.Text;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Publics.Exports;

public static class PublicsEndpoints
{
    public static IEndpointRouteBuilder MapPublicsExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/publics/matrix.csv", (Guid labId, HttpContext context, PublicsExportService publics) =>
            ExportAsync(context, $"participation-{labId:N}.csv", writer => publics.WriteMatrixCsvAsync(labId, writer, context.RequestAborted)))
            .RequireAuthorization();
        endpoints.MapGet("/labs/{labId:guid}/publics/history.csv", (Guid labId, HttpContext context, PublicsExportService publics) =>
            ExportAsync(context, $"participation-history-{labId:N}.csv", writer => publics.WriteHistoryCsvAsync(labId, writer, context.RequestAborted)))
            .RequireAuthorization();
        return endpoints;
    }

    /// <summary>Streams a CSV (UTF-8 with a byte order mark, as spreadsheets want it); 404 when the lab is not the person's.</summary>
    private static async Task ExportAsync(HttpContext context, string fileName, Func<TextWriter, Task<bool>> write)
    {
        context.ShareUserWithServices();
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // Written straight to the response: a large register is never held in memory.
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        if (!await write(writer))
        {
            // Nothing was written yet: the answer can still become a plain 404.
            context.Response.Headers.ContentDisposition = default;
            context.Response.ContentType = "text/plain";
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
