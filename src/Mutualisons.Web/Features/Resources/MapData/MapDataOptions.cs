namespace Mutualisons.Web.Features.Resources.MapData;

/// <summary>Where the map's background tiles come from (<c>MapData:TileUrl</c>), OpenStreetMap's by default, and whose they are.</summary>
public sealed class MapDataOptions
{
    public const string Section = "MapData";

    /// <summary>A Leaflet URL template: {z}/{x}/{y}, and {s} for a subdomain.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>Largest import file accepted.</summary>
    public long MaxImportBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The tile server's origin for the page's img-src, from the template: scheme and host, with a {s}
    /// subdomain as a wildcard; null when the template names no absolute http(s) host.
    /// </summary>
    public static string? TileOrigin(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }
        var schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }
        var scheme = template[..schemeEnd];
        if (scheme is not ("https" or "http"))
        {
            return null;
        }
        var rest = template[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var host = (slash < 0 ? rest : rest[..slash]).Replace("{s}", "*", StringComparison.Ordinal);
        // Anything else than letters, digits, dots, dashes, a port or the wildcard would change the policy's meaning.
        if (host.Length == 0 || host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '*')))
        {
            return null;
        }
        return $"{scheme}://{host}";
    }
}
