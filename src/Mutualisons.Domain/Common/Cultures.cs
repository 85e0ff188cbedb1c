namespace Mutualisons.Domain.Common;

/// <summary>The platform's languages, by their culture names: French first, then Dutch, then English.</summary>
public static class Cultures
{
    public const string French = "fr";
    public const string Dutch = "nl";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [French, Dutch, English];
}
