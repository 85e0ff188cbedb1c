using System.Security.Cryptography;
using System.Text;

namespace Mutualisons.Domain.Common;

/// <summary>Unguessable link tokens: 256 random bits, URL-safe. Only their SHA-256 hash is ever looked up.</summary>
public static class SecretToken
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>A token we could have issued: 43 URL-safe characters. Anything else is refused before any lookup.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
