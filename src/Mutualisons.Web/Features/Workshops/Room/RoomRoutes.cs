namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>The participants' addresses: short, typed or scanned on a phone.</summary>
public static class RoomRoutes
{
    public const string Join = "/w";

    public static string JoinWith(string code) => $"/w/{Uri.EscapeDataString(code)}";

    public static string Room(Guid workshopId) => $"/w/room/{workshopId}";

    public static string Events(Guid workshopId) => $"/w/room/{workshopId}/events";

    /// <summary>The absolute join address a QR code carries, from the site's base address.</summary>
    public static string AbsoluteJoin(string baseUri, string code) => baseUri.TrimEnd('/') + JoinWith(code);
}
