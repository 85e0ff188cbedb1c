using System.Text;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

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
    private static Task ExportAsync(HttpContext context, string fileName, Func<TextWriter, Task<bool>> write)
    {
        context.ShareUserWithServices();
        // Written straight to the response once it has started: a large register is never held in memory.
        return Downloads.StreamAsync(context, "text/csv; charset=utf-8", fileName, async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            return await write(writer);
        });
    }
}
