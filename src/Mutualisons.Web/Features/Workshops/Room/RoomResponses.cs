namespace Mutualisons.Web.Features.Workshops.Room;

internal static class RoomResponses
{
    /// <summary>
    /// Sets the status of a page that explains itself (an unknown code, a refused form): the generic error page
    /// must not replace it, since it would tell someone in the room nothing.
    /// </summary>
    public static void Explained(HttpContext context, int status)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        context.Response.StatusCode = status;
    }

    /// <summary>Personal and changing pages: never from a cache, never indexed.</summary>
    public static void Private(HttpContext context)
    {
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        // A page with a form gets "no-cache, no-store" from antiforgery, which warns in the log when it finds the
        // header already set: set it only on what goes out without one, once the page is rendered.
        context.Response.OnStarting(() =>
        {
            if (string.IsNullOrEmpty(context.Response.Headers.CacheControl))
            {
                context.Response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
    }
}
