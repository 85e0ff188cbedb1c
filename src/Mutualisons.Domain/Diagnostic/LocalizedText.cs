namespace Mutualisons.Domain.Diagnostic;

/// <summary>
/// A text of a questionnaire in the platform's three languages. French comes first; a respondent whose
/// language is missing reads the French text, then English, then Dutch.
/// </summary>
public sealed class LocalizedText
{
    public static readonly string[] Languages = [.. Common.Cultures.All];

    /// <summary>The order in which a missing translation is replaced: French, the platform's first language, then English, then Dutch.</summary>
    public static readonly string[] FallbackOrder = ["fr", "en", "nl"];

    public LocalizedText() { }

    public LocalizedText(string fr, string nl, string en)
    {
        Fr = fr;
        Nl = nl;
        En = en;
    }

    public string Fr { get; set; } = string.Empty;

    public string Nl { get; set; } = string.Empty;

    public string En { get; set; } = string.Empty;

    public bool IsEmpty => Fr.Trim().Length == 0 && Nl.Trim().Length == 0 && En.Trim().Length == 0;

    public string this[string language] => language switch
    {
        "fr" => Fr,
        "nl" => Nl,
        "en" => En,
        _ => string.Empty,
    };

    /// <summary>Writes the text of one language, leaving the others as they are.</summary>
    public void Set(string language, string? value)
    {
        value ??= string.Empty;
        switch (language)
        {
            case "fr": Fr = value; break;
            case "nl": Nl = value; break;
            case "en": En = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(language), language, "Texts are kept in French, Dutch and English only.");
        }
    }

    /// <summary>The text in a language ("fr", "nl", "en"), falling back when that translation is missing.</summary>
    public string In(string language)
    {
        var wanted = this[language];
        if (wanted.Trim().Length > 0)
        {
            return wanted;
        }
        return FallbackOrder.Select(l => this[l]).FirstOrDefault(t => t.Trim().Length > 0) ?? string.Empty;
    }

    /// <summary>Languages in which this text is still missing while another language has it.</summary>
    public IEnumerable<string> MissingLanguages() =>
        IsEmpty ? [] : Languages.Where(l => this[l].Trim().Length == 0);

    public LocalizedText Copy() => new(Fr, Nl, En);

    public override string ToString() => In("fr");
}
