using System.Security.Cryptography;

namespace Mutualisons.Domain.Workshops;

/// <summary>
/// The code a room types to join: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// about 10¹² codes, drawn by the system's cryptographic generator. Typed in any case, with or without spaces.
/// </summary>
public static class JoinCode
{
    public const int Length = 8;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as stored, or null when what was typed cannot be one (refused before any lookup).</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }
        var code = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>Shown in two halves, easier to read from the back of the room.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]} {code[4..]}" : code;
}
