using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>
/// What a phone keeps about the room. The participant's secret lives in an HttpOnly cookie per workshop, sent
/// only to the room's addresses; a one-read "flash" cookie carries the outcome of the last tap across the
/// redirect that follows each post, with the text the person typed when it was refused.
/// </summary>
public static class RoomCookies
{
    public const string Path = "/w";
    private const string FlashName = "mw_flash";

    /// <summary>Long enough for a day of workshop, like the code itself.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(36);

    public static string NameFor(Guid workshopId) => $"mw_{workshopId:N}";

    public static string? SecretFor(HttpContext context, Guid workshopId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies[NameFor(workshopId)];
    }

    public static void KeepSecret(HttpContext context, Guid workshopId, string secret)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(NameFor(workshopId), secret, Options(context, DateTimeOffset.UtcNow + Lifetime));
    }

    public static void ForgetSecret(HttpContext context, Guid workshopId)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(NameFor(workshopId), Options(context, null));
    }

    /// <summary>Keeps the outcome of a tap for the next page: the form it came from, a message key, the text typed.</summary>
    public static void Flash(HttpContext context, RoomFlash flash)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = JsonSerializer.SerializeToUtf8Bytes(flash with { Text = Cut(flash.Text) });
        context.Response.Cookies.Append(FlashName, Base64Url.EncodeToString(json), Options(context, DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    /// <summary>Reads the outcome of the last tap once, and forgets it.</summary>
    public static RoomFlash? TakeFlash(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[FlashName] is not { Length: > 0 } value)
        {
            return null;
        }
        context.Response.Cookies.Delete(FlashName, Options(context, null));
        try
        {
            return JsonSerializer.Deserialize<RoomFlash>(Base64Url.DecodeFromChars(value));
        }
        // A cookie tampered with or from an older version is simply ignored.
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        Path = Path,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Expires = expires,
    };

    // A cookie holds about 4 KB: a reason of a thousand characters fits, base64 and all.
    private static string? Cut(string? text) => text is null ? null : text.Length > 1200 ? text[..1200] : text;
}

/// <summary>
/// The outcome of a tap: which form (and item) it came from, the message key to show (a refusal, or
/// <c>Room.Saved</c>), and what was typed, given back when refused.
/// </summary>
public sealed record RoomFlash(string Form, string MessageKey, bool Saved, string? Item = null, string? Text = null);
