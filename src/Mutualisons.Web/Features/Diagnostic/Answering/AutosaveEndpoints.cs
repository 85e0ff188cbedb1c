using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Mutualisons.Web.Localization;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Mutualisons.Web.Features.Diagnostic.Answering;

/// <summary>
/// Saving a page's answers in the background while the respondent types (wwwroot/js/answering.js), so that
/// closing the tab loses nothing. The same path as the page's "save" button: the same antiforgery token, the
/// same validation, the same domain rules and the same check against a second tab; only the answer is a
/// small JSON state instead of a page.
/// </summary>
public static class AutosaveEndpoints
{
    /// <summary>The last segment of the background-save address, after the page's own ("/r/{token}/autosave").</summary>
    public const string Segment = "autosave";

    /// <summary>What the script shows: saved, an answer to check, changed elsewhere, closed, or not saved at all.</summary>
    public sealed record AutosaveState(string State, string? Version = null);

    public static IEndpointRouteBuilder MapAnswerAutosave(this IEndpointRouteBuilder endpoints)
    {
        // Antiforgery is checked here rather than by the middleware, whose refusal the expired-form
        // redirect (ExpiredAnswerForms) would turn into a page the script cannot read.
        endpoints.MapPost($"/r/{{token}}/{Segment}", (string token, HttpContext context, RespondentService respondents, IAntiforgery antiforgery) =>
                SaveAsync(context, antiforgery, (section, form, language) => respondents.AnswerInvitationAsync(token, section, RespondentMove.Save, form, language, context.RequestAborted)))
            .AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost($"/p/{{token}}/{Segment}", (string token, HttpContext context, RespondentService respondents, IAntiforgery antiforgery) =>
                SaveAsync(context, antiforgery, (section, form, language) => respondents.AnswerPublicAsync(token, context.Request.Cookies[AnswerPageCookies.BrowserKey], section, RespondentMove.Save, form, language, context.RequestAborted)))
            .AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> SaveAsync(HttpContext context, IAntiforgery antiforgery, Func<int, IFormCollection, string, Task<RespondentService.Outcome>> save)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return HttpResults.Json(new AutosaveState("failed"), statusCode: StatusCodes.Status400BadRequest);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var section = int.TryParse(form["section"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        var outcome = await save(section, form, ProductLocalization.CurrentLanguage);
        return outcome switch
        {
            { Redirect: true } => HttpResults.Json(new AutosaveState("saved", outcome.Version.ToString(CultureInfo.InvariantCulture))),
            { Page.HasErrors: true } => HttpResults.Json(new AutosaveState("invalid"), statusCode: StatusCodes.Status422UnprocessableEntity),
            { Page.Notice: RespondentNotice.Conflict } => HttpResults.Json(new AutosaveState("conflict", outcome.Page.ResponseVersion.ToString(CultureInfo.InvariantCulture)), statusCode: StatusCodes.Status409Conflict),
            { Page.Outcome: RespondentOutcome.Answering } => HttpResults.Json(new AutosaveState("failed"), statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => HttpResults.Json(new AutosaveState("closed"), statusCode: StatusCodes.Status409Conflict),
        };
    }
}
