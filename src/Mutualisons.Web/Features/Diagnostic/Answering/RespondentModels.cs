using System.Globalization;
using Microsoft.Extensions.Primitives;
using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Web.Features.Diagnostic.Answering;

/// <summary>What a respondent's link leads to.</summary>
public enum RespondentOutcome
{
    /// <summary>Unknown, malformed or withdrawn link: one page for all three, so a link reveals nothing.</summary>
    UnknownLink,
    NotOpenYet,
    Closed,
    Answering,

    /// <summary>Open link, nothing started in this browser yet.</summary>
    Welcome,
    Submitted,

    /// <summary>Open link limited to one response per browser, already used.</summary>
    AlreadyAnswered,
}

/// <summary>One page of a questionnaire as the respondent sees it, with their answers and any problem found.</summary>
public sealed record RespondentPage(
    RespondentOutcome Outcome,
    QuestionnaireContent? Content = null,
    int SectionIndex = 0,
    int Position = 0,
    int Count = 0,
    bool IsLast = false,
    IReadOnlyDictionary<Guid, SubmittedAnswer>? Answers = null,
    IReadOnlyDictionary<Guid, string>? Errors = null,
    IReadOnlyDictionary<Guid, IReadOnlyCollection<string>>? Choices = null,
    DateTimeOffset? OpensAt = null,
    DateTimeOffset? ClosesAt = null,
    bool CanAnswerAgain = false,
    uint ResponseVersion = 0,
    RespondentNotice? Notice = null)
{
    public static readonly RespondentPage Unknown = new(RespondentOutcome.UnknownLink);

    public SectionDefinition? Section => Content is { } c && SectionIndex < c.Sections.Count ? c.Sections[SectionIndex] : null;

    public SubmittedAnswer AnswerTo(Guid questionId) => Answers?.GetValueOrDefault(questionId) ?? SubmittedAnswer.None;

    public string? ErrorFor(Guid questionId) => Errors?.GetValueOrDefault(questionId);

    public bool HasErrors => Errors is { Count: > 0 };
}

/// <summary>What the page says about the whole post, above the questions (translated as <c>Answer.{notice}</c>).</summary>
public enum RespondentNotice
{
    /// <summary>Answers to this page were saved elsewhere (another tab or device) since it was shown: nothing replaced, input kept.</summary>
    Conflict,

    /// <summary>Saving kept colliding with saves made at the same moment elsewhere: nothing saved, input kept.</summary>
    NotSaved,

    /// <summary>The response was submitted elsewhere; changes typed here since could not be added.</summary>
    LateChanges,
}

/// <summary>The cookie of the open link that lets a browser resume its response (only its hash is stored).</summary>
public static class AnswerPageCookies
{
    public const string BrowserKey = "mutualisons-response";
}

/// <summary>The buttons of an answering page.</summary>
public enum RespondentMove
{
    Save,
    Next,
    Previous,
    Submit,
    Start,
}

/// <summary>How answers travel in the form: field <c>a-{question}</c>, <c>a-{question}-other</c>, <c>a-{question}-rank-{option}</c>.</summary>
public static class AnswerFields
{
    /// <summary>The hidden field with the response's row version the page was shown with (0: nothing stored yet).</summary>
    public const string Seen = "seen";

    /// <summary>The row version a page was shown with, or null when the post does not say (then nothing is compared).</summary>
    public static uint? SeenVersion(IEnumerable<KeyValuePair<string, StringValues>> form) =>
        form.FirstOrDefault(f => f.Key == Seen).Value.ToString() is { Length: > 0 } text
        && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    public static string Name(Guid questionId) => $"a-{questionId:N}";

    public static string Other(Guid questionId) => $"a-{questionId:N}-other";

    public static string Rank(Guid questionId, string optionKey) => $"a-{questionId:N}-rank-{optionKey}";

    /// <summary>Reads a section's answers from a posted form; a field for a question not on the page is ignored.</summary>
    public static Dictionary<Guid, SubmittedAnswer> Read(SectionDefinition section, IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        ArgumentNullException.ThrowIfNull(section);
        var fields = form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var answers = new Dictionary<Guid, SubmittedAnswer>();
        foreach (var question in section.Questions)
        {
            IReadOnlyList<string> values = question.Type == QuestionType.Ranking
                ? [.. question.Options.Select(o => $"{o.Key}:{Get(fields, Rank(question.Id, o.Key)).FirstOrDefault()}")]
                : Get(fields, Name(question.Id));
            var other = Get(fields, Other(question.Id)).FirstOrDefault();
            answers[question.Id] = new SubmittedAnswer(values, other);
        }
        return answers;
    }

    private static string[] Get(Dictionary<string, StringValues> fields, string name) =>
        fields.TryGetValue(name, out var values) ? [.. values.Where(v => v is not null).Select(v => v!)] : [];

    /// <summary>Stored answers back in the shape of a form, to show them again.</summary>
    public static Dictionary<Guid, SubmittedAnswer> FromStored(QuestionnaireContent content, IEnumerable<ResponseAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(content);
        var result = new Dictionary<Guid, SubmittedAnswer>();
        foreach (var group in answers.GroupBy(a => a.QuestionId))
        {
            var question = content.FindQuestion(group.Key);
            if (question is null)
            {
                continue;
            }
            var ordered = group.OrderBy(a => a.Position).ToList();
            IReadOnlyList<string> values = question.Type switch
            {
                QuestionType.Ranking => [.. ordered.Select(a => $"{a.Choice}:{a.Number?.ToString("0", CultureInfo.InvariantCulture)}")],
                QuestionType.Number => [.. ordered.Select(a => a.Number?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty)],
                QuestionType.ShortText or QuestionType.LongText => [.. ordered.Select(a => a.Text ?? string.Empty)],
                _ => [.. ordered.Select(a => a.Choice ?? string.Empty)],
            };
            var other = ordered.FirstOrDefault(a => a.Choice == QuestionDefinition.OtherChoice)?.Text;
            result[group.Key] = new SubmittedAnswer(values, other);
        }
        return result;
    }

    /// <summary>The rank given to an option in a ranking answer, as text for the form.</summary>
    public static string RankOf(SubmittedAnswer answer, string optionKey)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Values.Select(v => v.Split(':')).FirstOrDefault(p => p.Length == 2 && p[0] == optionKey)?[1] ?? string.Empty;
    }
}
