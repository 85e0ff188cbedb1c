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
}
