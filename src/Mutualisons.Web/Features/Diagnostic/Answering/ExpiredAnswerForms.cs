using Microsoft.AspNetCore.Antiforgery;

namespace Mutualisons.Web.Features.Diagnostic.Answering;

public static class ExpiredAnswerForms
{
    /// <summary>
    /// An answering page left open across a browser restart has lost its antiforgery cookie, and its post is
    /// refused. Rather than a bare "400", the respondent gets the page again, fresh, with a word of explanation
    /// (what earlier pages saved is kept).
    /// </summary>
    public static IApplicationBuilder UseExpiredAnswerForms(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (HttpMethods.IsPost(context.Request.Method)
                && (path.StartsWithSegments("/r", StringComparison.Ordinal) || path.StartsWithSegments("/p", StringComparison.Ordinal))
                && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                context.Response.Redirect($"{context.Request.PathBase}{path}?expired=true");
                return;
            }
            await next(context);
        });

    /// <summary>The largest answering post read ahead for a NUL (a page of long answers is far below).</summary>
    private const int LargestAnswerForm = 1024 * 1024;

    /// <summary>
    /// ASP.NET Core's form reader refuses a percent-encoded NUL ("%00") outright: the whole form, antiforgery
    /// token included, becomes unreadable, and the respondent would land on the "expired page" with every answer
    /// of the page lost. Read ahead, such a NUL is turned into another control character, which the answers'
    /// own rules refuse beside its question while the other answers are shown back. Runs before antiforgery.
    /// </summary>
    public static IApplicationBuilder UseReadableAnswerForms(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method)
                && (request.Path.StartsWithSegments("/r", StringComparison.Ordinal) || request.Path.StartsWithSegments("/p", StringComparison.Ordinal))
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
                && request.ContentLength is > 0 and <= LargestAnswerForm)
            {
                var body = new byte[request.ContentLength.Value];
                var read = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, context.RequestAborted);
                var nul = "%00"u8;
                for (var at = body.AsSpan(0, read).IndexOf(nul); at >= 0; at = body.AsSpan(0, read).IndexOf(nul))
                {
                    body[at + 2] = (byte)'1';
                }
                request.Body = new MemoryStream(body, 0, read, writable: false);
            }
            await next(context);
        });
}
