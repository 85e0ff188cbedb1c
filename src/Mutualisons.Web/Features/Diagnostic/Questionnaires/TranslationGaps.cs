using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Web.Features.Diagnostic.Questionnaires;

/// <summary>Missing translations said in words, as the editor shows its parts ("Part 1, question 2: question text in Dutch").</summary>
public static class TranslationGaps
{
    /// <summary>How many missing texts the editor names before summing up the rest.</summary>
    public const int Shown = 12;

    public static string Describe(MissingTranslation missing, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(l);
        var place = missing.Place;
        string where = place switch
        {
            { Section: { } s, Question: { } q, Option: { } o } => l["Translation.Place.Option", s, q, o],
            { Section: { } s, Question: { } q } => l["Translation.Place.Question", s, q],
            { Section: { } s } => l["Editor.Section", s],
            _ => l["Translation.Place.Questionnaire"],
        };
        return l["Translation.Missing", where, l[$"Translation.Part.{place.Part}"], In(missing.Language, l)];
    }

    /// <summary>"in Dutch", "en néerlandais": a language as the end of a sentence.</summary>
    public static string In(string language, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[$"Translation.In.{language}"];
    }

    /// <summary>One sentence per incomplete language: in which language its respondents will read the questionnaire.</summary>
    public static IEnumerable<string> Fallbacks(QuestionnaireContent content, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(l);
        return LocalizedText.Languages.Where(language => !content.IsCompleteIn(language))
            .Select(language => (string)l["Editor.MissingFallback", In(language, l), In(content.LanguageFor(language), l)]);
    }
}
