using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Mutualisons.Web.Features.Audit;

/// <summary>
/// Audit details are written once and read in any language: fixed words and enum values are stored as
/// resource keys in braces ("{Cycle.Impact}"), translated when the trail is shown; people's own words stay as typed.
/// </summary>
public static partial class AuditText
{
    public static string Key(string key) => $"{{{key}}}";

    public static string Of<T>(T value) where T : struct, Enum => Key($"{typeof(T).Name}.{value}");

    public static string Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : Key("Publics.None");

    /// <summary>What an entry is about, in the reader's language; never a raw resource key.</summary>
    public static string Subject(string subject, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"Audit.Subject.{subject}"] is { ResourceNotFound: false } text ? text.Value : localizer["Audit.Subject.Other"];
    }

    public static string Translate(string stored, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(localizer);
        return Token().Replace(stored, match => localizer[match.Groups[1].Value] is { ResourceNotFound: false } text ? text.Value : match.Value);
    }

    [GeneratedRegex(@"\{([A-Z][A-Za-z]+\.[A-Za-z.]+)\}")]
    private static partial Regex Token();
}
