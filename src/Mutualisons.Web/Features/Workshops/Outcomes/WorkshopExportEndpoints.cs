using System.Globalization;
using System.Text;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

/// <summary>
/// CSV and XLSX exports of a whole workshop session, at any time. An unknown workshop or lab is the not-found
/// page; a role that does not run workshops gets a 403, which the status-code pages explain.
/// </summary>
public static class WorkshopExportEndpoints
{
    public static IEndpointRouteBuilder MapWorkshopExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/workshops/{id:guid}/export.csv", (Guid labId, Guid id, string? lang, HttpContext context, WorkshopExportService exports) =>
            ExportAsync(context, exports, labId, id, lang, "csv"))
            .RequireAuthorization();
        endpoints.MapGet("/labs/{labId:guid}/workshops/{id:guid}/export.xlsx", (Guid labId, Guid id, string? lang, HttpContext context, WorkshopExportService exports) =>
            ExportAsync(context, exports, labId, id, lang, "xlsx"))
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task ExportAsync(HttpContext context, WorkshopExportService exports, Guid labId, Guid id, string? lang, string format)
    {
        context.ShareUserWithServices();
        var language = lang is { } l && ProductLocalization.Cultures.Contains(l) ? l : ProductLocalization.CurrentLanguage;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(language);
        var answer = await exports.ExportAsync(labId, id, context.RequestAborted);
        if (answer.Export is not { } export)
        {
            // Empty: the status-code pages show the not-found page, or say the role does not allow it.
            context.Response.StatusCode = answer.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            return;
        }
        var fileName = $"{Slug(export.Title)}-{DateTime.UtcNow:yyyyMMdd}.{format}";
        if (format == "csv")
        {
            await Downloads.StreamAsync(context, "text/csv; charset=utf-8", fileName, async body =>
            {
                await using var writer = new StreamWriter(body, CsvWriter.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
                var csv = new CsvWriter(writer, CsvFormat.For(language));
                await csv.WriteRowAsync(export.Headers, context.RequestAborted);
                foreach (var row in export.Rows)
                {
                    await csv.WriteRowAsync(row, context.RequestAborted);
                }
                return true;
            });
            return;
        }
        await Downloads.StreamAsync(context, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName, async body =>
        {
            await using var workbook = await XlsxExport.CreateAsync(body, export.Title, context.RequestAborted);
            await workbook.WriteHeaderAsync(export.Headers, context.RequestAborted);
            foreach (var row in export.Rows)
            {
                await workbook.WriteRowAsync(row, context.RequestAborted);
            }
            await workbook.FinishAsync(context.RequestAborted);
            return true;
        });
    }

    private static string Slug(string title)
    {
        var letters = title.Normalize(NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '-').ToArray();
        var slug = string.Join('-', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return slug.Length == 0 ? "workshop" : slug[..Math.Min(slug.Length, 60)];
    }
}
