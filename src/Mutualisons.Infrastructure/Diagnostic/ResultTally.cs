namespace Mutualisons.Infrastructure.Diagnostic;

/// <summary>
/// What the submitted responses of one questionnaire version already counted add up to, per question and
/// choice: the results page reads these rows plus the responses submitted since, instead of every answer row.
/// Submitted responses never change, so a response is added once and stays added. Not a domain object:
/// a running total kept for reading, rebuilt from the answers if ever dropped.
/// </summary>
public sealed class ResultTally
{
    /// <summary>The stored choice of answers that have none (numbers, texts): the key cannot hold null.</summary>
    public const string NoChoice = "";

    public Guid VersionId { get; set; }

    public Guid QuestionId { get; set; }

    public string Choice { get; set; } = NoChoice;

    /// <summary>Answer rows.</summary>
    public int Answers { get; set; }

    /// <summary>Answer rows at position 0: one per respondent and question.</summary>
    public int Respondents { get; set; }

    public int Texts { get; set; }

    public int NumberCount { get; set; }

    public decimal NumberSum { get; set; }

    public decimal? NumberMin { get; set; }

    public decimal? NumberMax { get; set; }
}
