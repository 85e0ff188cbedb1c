using System.Text;
using Mutualisons.Domain.Organisations;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Results;

/// <summary>CSV and XLSX exports of a questionnaire's submitted responses, streamed from the database.</summary>
public static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapQuestionnaireExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/questionnaires/{id:guid}/export.csv", (Guid labId, Guid id, Guid? version, string? lang, OrganisationKind? kind, string? sector, HttpContext context, ResultsService results) =>
            ExportAsync(context, results, labId, id, version, lang, new ResultsFilter(version, kind, sector), "csv"))
            .RequireAuthorization();
        endpoints.MapGet("/labs/{labId:guid}/questionnaires/{id:guid}/export.xlsx", (Guid labId, Guid id, Guid? version, string? lang, OrganisationKind? kind, string? sector, HttpContext context, ResultsService results) =>
            ExportAsync(context, results, labId, id, version, lang, new ResultsFilter(version, kind, sector), "xlsx"))
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task ExportAsync(HttpContext context, ResultsService results, Guid labId, Guid id, Guid? version, string? lang, ResultsFilter filter, string format)
    {
        context.ShareUserWithServices();
        var language = lang is { } l && ProductLocalization.Cultures.Contains(l) ? l : ProductLocalization.CurrentLanguage;
        // Headers and fixed words follow the chosen language too, not only the questions.
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(language);
        var layout = await results.ExportLayoutAsync(labId, id, version, language, context.RequestAborted);
        if (layout is not { } found)
        {
            // Empty: the status-code pages show the not-found page.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var responses = results.StreamResponsesAsync(found.VersionId, filter with { VersionId = found.VersionId }, context.RequestAborted);
        var fileName = $"{Slug(found.Title)}-{DateTime.UtcNow:yyyyMMdd}.{format}";
        if (format == "csv")
        {
            await Downloads.StreamAsync(context, "text/csv; charset=utf-8", fileName, async body =>
            {
                await using var writer = new StreamWriter(body, CsvWriter.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
                var csv = new CsvWriter(writer, CsvFormat.For(language));
                await csv.WriteRowAsync(found.Table.Headers, context.RequestAborted);
                await foreach (var response in responses)
                {
                    await csv.WriteRowAsync(found.Table.Row(response), context.RequestAborted);
                }
                return true;
            });
            return;
        }
        await Downloads.StreamAsync(context, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName, async body =>
        {
            await using var workbook = await XlsxExport.CreateAsync(body, found.Title, context.RequestAborted);
            await workbook.WriteHeaderAsync(found.Table.Headers, context.RequestAborted);
            await foreach (var response in responses)
            {
                await workbook.WriteRowAsync(found.Table.Row(response), context.RequestAborted);
            }
            await workbook.FinishAsync(context.RequestAborted);
            return true;
        });
    }

    private static string Slug(string title)
    {
        var letters = title.Normalize(NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '-').ToArray();
        var slug = string.Join('-', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return slug.Length == 0 ? "questionnaire" : slug[..Math.Min(slug.Length, 60)];
    }
}
