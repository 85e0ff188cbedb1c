using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Diagnostic;

/// <summary>
/// One organisation's (or one browser's) answers to one version of a questionnaire. Answers are saved at
/// every page change; submitting checks everything once and then freezes them.
/// </summary>
public sealed class QuestionnaireResponse
{
    private readonly List<ResponseAnswer> _answers = [];

    private QuestionnaireResponse()
    {
        Language = Cultures.French;
    }

    public Guid Id { get; private set; }

    public Guid QuestionnaireId { get; private set; }

    public Guid VersionId { get; private set; }

    public Guid? InvitationId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    /// <summary>Public link only: hash of the key kept in the respondent's browser, to resume and to limit repeats.</summary>
    public string? BrowserKeyHash { get; private set; }

    public string Language { get; private set; }

    /// <summary>Index of the section the respondent is on.</summary>
    public int CurrentSection { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ResponseAnswer> Answers => _answers;

    public bool IsSubmitted => SubmittedAt is not null;

    public static QuestionnaireResponse Start(Guid questionnaireId, Guid versionId, Guid? invitationId, Guid? organisationId, string? browserKeyHash, string language, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            QuestionnaireId = questionnaireId,
            VersionId = versionId,
            InvitationId = invitationId,
            OrganisationId = organisationId,
            BrowserKeyHash = browserKeyHash,
            Language = LocalizedText.Languages.Contains(language) ? language : Cultures.French,
            StartedAt = Guard.Utc(now),
            UpdatedAt = Guard.Utc(now),
        };

    /// <summary>Choices made so far (question → values), the input of display conditions.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> Choices() =>
        _answers.Where(a => a.Choice is not null).GroupBy(a => a.QuestionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)[.. g.Select(a => a.Choice!)]);

    /// <summary>
    /// Saves the answers of one section. Every answer sent is checked for form (unknown option, number out of
    /// range, text too long); when one is wrong nothing is saved and the problems are returned by question.
    /// </summary>
    public IReadOnlyDictionary<Guid, string> SaveSection(QuestionnaireContent content, int sectionIndex, IReadOnlyDictionary<Guid, SubmittedAnswer> submitted, string language, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(submitted);
        EnsureOpen();
        var section = SectionAt(content, sectionIndex);
        if (submitted.Keys.Any(id => section.Questions.All(q => q.Id != id)))
        {
            throw new DomainException("Response.UnknownQuestion", "An answer was sent for a question that is not on this page.");
        }

        var errors = new Dictionary<Guid, string>();
        var parsed = new Dictionary<Guid, IReadOnlyList<AnswerValue>>();
        foreach (var question in section.Questions)
        {
            var (values, error) = AnswerRules.Parse(question, submitted.GetValueOrDefault(question.Id) ?? SubmittedAnswer.None);
            if (error is not null)
            {
                errors[question.Id] = error;
            }
            parsed[question.Id] = values;
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        _answers.RemoveAll(a => parsed.ContainsKey(a.QuestionId));
        foreach (var (questionId, values) in parsed)
        {
            _answers.AddRange(values.Select((v, i) => new ResponseAnswer(Id, questionId, i, v)));
        }
        Language = LocalizedText.Languages.Contains(language) ? language : Language;
        UpdatedAt = Guard.Utc(now);
        return errors;
    }

    /// <summary>
    /// Whether saving <paramref name="submitted"/> would silently replace answers saved elsewhere (another tab,
    /// another device) since the page was shown: the response changed after <paramref name="seenVersion"/> (0
    /// when nothing was stored yet), and what it now holds for this page differs from what is sent. The same
    /// answers sent twice (a double click, a second tab saving the same) replace nothing.
    /// </summary>
    public bool WouldOverwrite(QuestionnaireContent content, int sectionIndex, IReadOnlyDictionary<Guid, SubmittedAnswer> submitted, uint seenVersion)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(submitted);
        if (Version == seenVersion)
        {
            return false;
        }
        foreach (var question in SectionAt(content, sectionIndex).Questions)
        {
            var (sent, _) = AnswerRules.Parse(question, submitted.GetValueOrDefault(question.Id) ?? SubmittedAnswer.None);
            var stored = _answers.Where(a => a.QuestionId == question.Id).OrderBy(a => a.Position).Select(a => new AnswerValue(a.Choice, a.Number, a.Text));
            if (!stored.SequenceEqual(sent))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Required questions of a section, among those shown, that have no answer yet.</summary>
    public IReadOnlyDictionary<Guid, string> MissingIn(QuestionnaireContent content, int sectionIndex)
    {
        ArgumentNullException.ThrowIfNull(content);
        var section = SectionAt(content, sectionIndex);
        var choices = Choices();
        if (!content.IsShown(section, choices))
        {
            return new Dictionary<Guid, string>();
        }
        var answered = _answers.Select(a => a.QuestionId).ToHashSet();
        return section.Questions
            .Where(q => q.Required && content.IsShown(section, q, choices) && !answered.Contains(q.Id))
            .ToDictionary(q => q.Id, _ => "Required");
    }

    /// <summary>The next section shown after <paramref name="from"/>, or null at the end.</summary>
    public int? NextShownSection(QuestionnaireContent content, int from, int step = 1)
    {
        ArgumentNullException.ThrowIfNull(content);
        var choices = Choices();
        for (var i = from + step; i >= 0 && i < content.Sections.Count; i += step)
        {
            if (content.IsShown(content.Sections[i], choices))
            {
                return i;
            }
        }
        return null;
    }

    public void MoveTo(QuestionnaireContent content, int sectionIndex, DateTimeOffset now)
    {
        EnsureOpen();
        SectionAt(content, sectionIndex);
        CurrentSection = sectionIndex;
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>
    /// Submits once every shown required question is answered. Answers to questions that ended up hidden are
    /// dropped. Returns the first section with a missing answer, and what is missing there, or null when submitted.
    /// </summary>
    public (int Section, IReadOnlyDictionary<Guid, string> Missing)? Submit(QuestionnaireContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureOpen();
        for (var i = 0; i < content.Sections.Count; i++)
        {
            var missing = MissingIn(content, i);
            if (missing.Count > 0)
            {
                return (i, missing);
            }
        }
        var choices = Choices();
        var shown = content.Sections
            .SelectMany(s => s.Questions.Where(q => content.IsShown(s, q, choices)).Select(q => q.Id))
            .ToHashSet();
        _answers.RemoveAll(a => !shown.Contains(a.QuestionId));
        SubmittedAt = Guard.Utc(now);
        UpdatedAt = SubmittedAt.Value;
        return null;
    }

    private void EnsureOpen()
    {
        if (IsSubmitted)
        {
            throw new DomainException("Response.AlreadySubmitted", "This response was already submitted.");
        }
    }

    private static SectionDefinition SectionAt(QuestionnaireContent content, int index) =>
        index >= 0 && index < content.Sections.Count
            ? content.Sections[index]
            : throw new DomainException("Response.UnknownSection", "This page does not exist.");
}

/// <summary>
/// One stored value: a choice (option key, "other", "yes", a scale step, a resource kind), a number (or a
/// rank) and a text. Kept as rows so PostgreSQL can count and average them without loading responses.
/// </summary>
public sealed class ResponseAnswer
{
    private ResponseAnswer() { }

    internal ResponseAnswer(Guid responseId, Guid questionId, int position, AnswerValue value)
    {
        Id = Guid.CreateVersion7();
        ResponseId = responseId;
        QuestionId = questionId;
        Position = position;
        Choice = value.Choice;
        Number = value.Number;
        Text = value.Text;
    }

    public Guid Id { get; private set; }

    public Guid ResponseId { get; private set; }

    public Guid QuestionId { get; private set; }

    public int Position { get; private set; }

    public string? Choice { get; private set; }

    public decimal? Number { get; private set; }

    public string? Text { get; private set; }
}
