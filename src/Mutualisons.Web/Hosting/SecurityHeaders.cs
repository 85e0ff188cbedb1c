using System.Security.Cryptography;

namespace Mutualisons.Web.Hosting;

/// <summary>
/// Response headers that make the browser refuse what this site never does: run a script it did not send,
/// be framed elsewhere, guess content types, leak a secret link through the Referer, or keep personal pages in a cache.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "Mutualisons.ScriptNonce";

    /// <summary>The nonce of this response's scripts: the only inline script is Blazor's import map.</summary>
    public static string ScriptNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex: valid in a CSP nonce and unchanged by HTML encoding.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }
        return nonce;
    }

    /// <summary>
    /// The policy. Scripts: this site's files (blazor.web.js, MudBlazor.min.js, answering.js, workshop-room.js, the reconnect
    /// module) and the nonced import map; no eval (Blazor Server needs none, unlike WebAssembly).
    /// Styles: 'unsafe-inline' because MudBlazor writes style attributes on its components (sizes, positions of
    /// popovers) and its theme provider renders a &lt;style&gt; element of CSS variables; neither can carry a nonce,
    /// and a nonce in style-src would switch 'unsafe-inline' off. Styles cannot run code, so this leaves
    /// scripts as strict as they are. connect-src 'self' covers Blazor's WebSocket and the workshop room's event stream, both to the same origin.
    /// Images: data: for the inline images of MudBlazor and QR codes.
    /// </summary>
    /// Map tiles: the configured tile server's origin (<paramref name="tileOrigin"/>) for img-src. A published
    /// map's embed page may be framed anywhere (<paramref name="embeddable"/>); every other page only by this site.
    public static string Policy(string nonce, string? tileOrigin = null, bool embeddable = false) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data:{(tileOrigin is null ? string.Empty : " " + tileOrigin)}; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        (embeddable ? "frame-ancestors *" : "frame-ancestors 'self'");

    /// <summary>The public embed of a published map: the one route other sites may frame.</summary>
    public static bool IsEmbedPath(PathString path) => path.StartsWithSegments("/embed/map", StringComparison.Ordinal);

    /// <summary>
    /// Answering pages: their address is the respondent's secret, so it never leaves in a Referer. The same for
    /// the workshop room's door, whose address carries the room's code.
    /// </summary>
    public static bool IsAnsweringPath(PathString path) =>
        path.StartsWithSegments("/r", StringComparison.Ordinal) || path.StartsWithSegments("/p", StringComparison.Ordinal)
        || path.StartsWithSegments("/w", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Read when the request arrives: re-executed error pages keep the policy of the address asked for.
            var answering = IsAnsweringPath(context.Request.Path);
            var embeddable = IsEmbedPath(context.Request.Path);
            var tileOrigin = Features.Resources.MapData.MapDataOptions.TileOrigin(
                context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<Features.Resources.MapData.MapDataOptions>>()?.Value.TileUrl);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // Replaces the frame-ancestors-only policy Blazor would otherwise send.
                headers.ContentSecurityPolicy = Policy(ScriptNonce(context), tileOrigin, embeddable);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = answering ? "no-referrer" : "strict-origin-when-cross-origin";
                // What a signed-in person sees is theirs: no shared or browser cache keeps it. Static files set
                // their own caching and are left alone.
                if (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
