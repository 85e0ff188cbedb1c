using System.Globalization;
using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Diagnostic;

/// <summary>
/// What a respondent sent for one question, as plain strings from the form: option keys, a number, a text,
/// "yes"/"no", a resource kind, or for a ranking "optionKey:rank" pairs.
/// </summary>
public sealed record SubmittedAnswer(IReadOnlyList<string> Values, string? Other = null)
{
    public static readonly SubmittedAnswer None = new([]);

    public bool IsBlank => Values.All(v => string.IsNullOrWhiteSpace(v)) && string.IsNullOrWhiteSpace(Other);

    /// <summary>Whether some value holds a character no text may keep (see <see cref="AnswerRules.IsStorable"/>).</summary>
    public bool HasUnstorableCharacters => Values.Any(v => !AnswerRules.IsStorable(v)) || (Other is not null && !AnswerRules.IsStorable(Other));

    /// <summary>The same answer without the characters no text may keep, to show it back to the respondent.</summary>
    public SubmittedAnswer WithoutUnstorableCharacters() =>
        HasUnstorableCharacters ? new([.. Values.Select(AnswerRules.Storable)], Other is null ? null : AnswerRules.Storable(Other)) : this;
}

/// <summary>One stored value of an answer. A multiple choice gives one value per option ticked.</summary>
public sealed record AnswerValue(string? Choice, decimal? Number, string? Text);

/// <summary>Turns what a respondent sent into stored values, or says precisely what is wrong with it.</summary>
public static class AnswerRules
{
    public const int ShortTextLength = 500;
    public const int LongTextLength = Limits.LongText;
    public const decimal NumberBound = 1_000_000_000_000m;

    /// <summary>The values to store, or the code of the problem (translated as <c>Answer.{code}</c>).</summary>
    public static (IReadOnlyList<AnswerValue> Values, string? Error) Parse(QuestionDefinition question, SubmittedAnswer submitted)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(submitted);
        if (submitted.HasUnstorableCharacters)
        {
            return Fail("InvalidCharacters");
        }
        var values = submitted.Values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
        var other = submitted.Other?.Trim() ?? string.Empty;
        return question.Type switch
        {
            QuestionType.SingleChoice => Choices(question, values, other, single: true),
            QuestionType.MultipleChoice => Choices(question, values, other, single: false),
            QuestionType.Scale => values switch
            {
                [] => Ok(),
                [var v] when question.AcceptsChoice(v) => Ok(new AnswerValue(v, int.Parse(v, CultureInfo.InvariantCulture), null)),
                _ => Fail("OutOfRange"),
            },
            QuestionType.YesNo => values switch
            {
                [] => Ok(),
                [var v] when question.AcceptsChoice(v) => Ok(new AnswerValue(v, null, null)),
                _ => Fail("UnknownOption"),
            },
            QuestionType.ResourceKind => values.All(question.AcceptsChoice) && values.Distinct().Count() == values.Count
                ? Ok([.. values.Select(v => new AnswerValue(v, null, null))])
                : Fail("UnknownOption"),
            QuestionType.Number => Number(question, values),
            QuestionType.ShortText => Text(values, ShortTextLength),
            QuestionType.LongText => Text(values, LongTextLength),
            QuestionType.Ranking => Ranking(question, values),
            _ => Fail("UnknownOption"),
        };
    }

    /// <summary>
    /// Whether a text can be kept as typed: no control character other than tab and line breaks (a NUL cannot
    /// even be stored by PostgreSQL, the others are invisible and come from pasting or tampering), and no half
    /// of a surrogate pair (not a character at all).
    /// </summary>
    public static bool IsStorable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsRefused(c))
            {
                return false;
            }
        }
        return true;
    }

    // A character outside a valid surrogate pair: a lone half of a pair, or a control other than tab and line breaks.
    private static bool IsRefused(char c) => char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>The text without what <see cref="IsStorable"/> refuses.</summary>
    public static string Storable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsStorable(text))
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (!IsRefused(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    private static (IReadOnlyList<AnswerValue>, string?) Ok(params AnswerValue[] values) => (values, null);

    private static (IReadOnlyList<AnswerValue>, string?) Fail(string code) => ([], code);

    private static (IReadOnlyList<AnswerValue>, string?) Choices(QuestionDefinition question, List<string> values, string other, bool single)
    {
        if (values.Any(v => !question.AcceptsChoice(v)) || values.Distinct().Count() != values.Count)
        {
            return Fail("UnknownOption");
        }
        if (single && values.Count > 1)
        {
            return Fail("OneChoiceOnly");
        }
        var picksOther = values.Contains(QuestionDefinition.OtherChoice);
        if (picksOther && other.Length == 0)
        {
            return Fail("OtherRequired");
        }
        if (other.Length > ShortTextLength)
        {
            return Fail("TooLong");
        }
        return Ok([.. values.Select(v => new AnswerValue(v, null, v == QuestionDefinition.OtherChoice ? other : null))]);
    }

    private static (IReadOnlyList<AnswerValue>, string?) Number(QuestionDefinition question, List<string> values)
    {
        if (values.Count == 0)
        {
            return Ok();
        }
        // People type "12,5" as often as "12.5".
        var text = values[0].Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u00a0'.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (values.Count > 1 || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return Fail("NotANumber");
        }
        if (Math.Abs(number) > NumberBound || (question.Minimum is { } min && number < min) || (question.Maximum is { } max && number > max))
        {
            return Fail("OutOfRange");
        }
        return Ok(new AnswerValue(null, number, null));
    }

    private static (IReadOnlyList<AnswerValue>, string?) Text(List<string> values, int max)
    {
        var text = string.Join("\n", values);
        if (text.Length > max)
        {
            return Fail("TooLong");
        }
        return text.Length == 0 ? Ok() : Ok(new AnswerValue(null, null, text));
    }

    private static (IReadOnlyList<AnswerValue>, string?) Ranking(QuestionDefinition question, List<string> values)
    {
        var ranks = new List<(string Option, int Rank)>();
        foreach (var value in values)
        {
            var parts = value.Split(':');
            if (parts.Length != 2 || !question.Options.Any(o => o.Key == parts[0]))
            {
                return Fail("UnknownOption");
            }
            if (parts[1].Length == 0)
            {
                continue;
            }
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1 || rank > question.Options.Count)
            {
                return Fail("OutOfRange");
            }
            ranks.Add((parts[0], rank));
        }
        if (ranks.Select(r => r.Option).Distinct().Count() != ranks.Count || ranks.Select(r => r.Rank).Distinct().Count() != ranks.Count)
        {
            return Fail("RankTwice");
        }
        return Ok([.. ranks.OrderBy(r => r.Rank).Select(r => new AnswerValue(r.Option, r.Rank, null))]);
    }
}
