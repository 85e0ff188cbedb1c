using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Notebook.Synthesis;

public static class SynthesisEndpoints
{
    public static IEndpointRouteBuilder MapSynthesisDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/labs/{labId:guid}/notebook.docx", async (Guid labId, string? sections, string? from, string? to, string? lang, HttpContext context, SynthesisService synthesis) =>
        {
            context.ShareUserWithServices();
            var request = new SynthesisRequest { From = from, To = to, Language = lang ?? Localization.ProductLocalization.French };
            if (sections is not null)
            {
                request.Sections.Clear();
                foreach (var name in sections.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Enum.TryParse<SynthesisSection>(name, ignoreCase: false, out var section) || !Enum.IsDefined(section))
                    {
                        return Results.BadRequest();
                    }
                    request.Sections.Add(section);
                }
            }
            if (await synthesis.CheckAsync(request, context.RequestAborted) is not null)
            {
                return Results.BadRequest();
            }
            if (await synthesis.BuildAsync(labId, request, context.RequestAborted) is not { } document)
            {
                return Results.NotFound();
            }
            // Built in memory (a cahier is a few pages and its pictures), then sent: a failure never passes for a file.
            var file = new MemoryStream();
            SynthesisDocx.Write(document, file);
            file.Position = 0;
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(file, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName(document));
        }).RequireAuthorization();
        return endpoints;
    }

    /// <summary>"cahier-bota-75-2026-12-03.docx": the lab's name in plain letters, and the day.</summary>
    private static string FileName(SynthesisDocument document)
    {
        var plain = new string(document.LabName.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-').ToArray()).Trim().Replace(' ', '-').ToLowerInvariant();
        return $"cahier-{(plain.Length == 0 ? "lab" : plain)}-{DateTime.UtcNow:yyyy-MM-dd}.docx";
    }
}
