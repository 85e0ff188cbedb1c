using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Diagnostic;

public enum QuestionnaireState
{
    /// <summary>Never published: nobody can answer yet.</summary>
    Draft,

    /// <summary>Published, with an opening date still to come.</summary>
    Scheduled,

    Open,
    Closed,
}

/// <summary>
/// A diagnostic questionnaire of a lab (cycle 1). Its draft is edited freely; publishing freezes a numbered
/// version, and every response stays tied to the version it answered.
/// </summary>
public sealed class Questionnaire : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Questionnaire;

    private Questionnaire()
    {
        Draft = new QuestionnaireContent();
    }

    public Questionnaire(Guid labId, QuestionnaireContent draft, Guid? createdBy, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(draft);
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedBy = createdBy;
        CreatedAt = Guard.Utc(now);
        OnePerBrowser = true;
        ReviseDraft(draft, now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public QuestionnaireContent Draft { get; private set; }

    /// <summary>The draft differs from the latest published version.</summary>
    public bool HasUnpublishedChanges { get; private set; }

    public int LatestVersionNumber { get; private set; }

    /// <summary>The version new respondents answer; null until the first publication.</summary>
    public Guid? CurrentVersionId { get; private set; }

    public DateTimeOffset? OpensAt { get; private set; }

    public DateTimeOffset? ClosesAt { get; private set; }

    public bool PublicLinkEnabled { get; private set; }

    /// <summary>Hash of the open link's token; the token itself is kept only in protected form.</summary>
    public string? PublicTokenHash { get; private set; }

    public string? PublicTokenProtected { get; private set; }

    /// <summary>The open link accepts one response per browser, unless the facilitators turn this off.</summary>
    public bool OnePerBrowser { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public string TitleIn(string language) => Draft.Title.In(language);

    public QuestionnaireState StateAt(DateTimeOffset now) => StateOf(CurrentVersionId, OpensAt, ClosesAt, now);

    /// <summary>The state from the few columns it depends on, for readers that do not load the whole questionnaire.</summary>
    public static QuestionnaireState StateOf(Guid? currentVersionId, DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now) =>
        currentVersionId is null ? QuestionnaireState.Draft
        : closesAt is { } closes && now >= closes ? QuestionnaireState.Closed
        : opensAt is { } opens && now < opens ? QuestionnaireState.Scheduled
        : QuestionnaireState.Open;

    public bool AcceptsAnswersAt(DateTimeOffset now) => StateAt(now) == QuestionnaireState.Open;

    /// <summary>Only a published questionnaire is sent: inviting organisations to a draft, or scheduling its reminders, is refused.</summary>
    public void EnsureSendable()
    {
        if (CurrentVersionId is null)
        {
            throw new DomainException("Questionnaire.NotPublished", "A draft is not sent: publish it first.");
        }
    }

    /// <summary>Replaces the draft with an edited copy; published versions are not touched.</summary>
    public void ReviseDraft(QuestionnaireContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var copy = content.Copy();
        copy.Validate(forPublishing: false);
        Draft = copy;
        HasUnpublishedChanges = true;
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>Freezes the draft as the next version, which new respondents will answer from now on.</summary>
    public QuestionnaireVersion Publish(Guid? by, DateTimeOffset now)
    {
        Draft.Validate(forPublishing: true);
        if (CurrentVersionId is not null && !HasUnpublishedChanges)
        {
            throw new DomainException("Questionnaire.NothingToPublish", "The draft has no change since the last version.");
        }
        var version = new QuestionnaireVersion(Id, LatestVersionNumber + 1, Draft.Copy(), by, Guard.Utc(now));
        LatestVersionNumber = version.Number;
        CurrentVersionId = version.Id;
        HasUnpublishedChanges = false;
        UpdatedAt = Guard.Utc(now);
        return version;
    }

    public void Schedule(DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now)
    {
        if (opensAt is { } opens && closesAt is { } closes && closes <= opens)
        {
            throw new DomainException("Questionnaire.DatesInvalid", "The closing date must come after the opening date.");
        }
        OpensAt = opensAt?.ToUniversalTime();
        ClosesAt = closesAt?.ToUniversalTime();
        UpdatedAt = Guard.Utc(now);
    }

    public void CloseNow(DateTimeOffset now)
    {
        ClosesAt = Guard.Utc(now);
        if (OpensAt > ClosesAt)
        {
            OpensAt = ClosesAt;
        }
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>Opens the public link; a new token each time, so a link turned off stays dead.</summary>
    public string EnablePublicLink(Func<string, string> protect, bool onePerBrowser, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(protect);
        var token = SecretToken.New();
        PublicTokenHash = SecretToken.HashOf(token);
        PublicTokenProtected = protect(token);
        PublicLinkEnabled = true;
        OnePerBrowser = onePerBrowser;
        UpdatedAt = Guard.Utc(now);
        return token;
    }

    public void SetOnePerBrowser(bool onePerBrowser, DateTimeOffset now)
    {
        OnePerBrowser = onePerBrowser;
        UpdatedAt = Guard.Utc(now);
    }

    public void DisablePublicLink(DateTimeOffset now)
    {
        PublicLinkEnabled = false;
        PublicTokenHash = null;
        PublicTokenProtected = null;
        UpdatedAt = Guard.Utc(now);
    }
}

/// <summary>A frozen, numbered copy of a questionnaire as respondents saw it.</summary>
public sealed class QuestionnaireVersion
{
    private QuestionnaireVersion()
    {
        Content = new QuestionnaireContent();
    }

    internal QuestionnaireVersion(Guid questionnaireId, int number, QuestionnaireContent content, Guid? by, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        QuestionnaireId = questionnaireId;
        Number = number;
        Content = content;
        PublishedBy = by;
        PublishedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid QuestionnaireId { get; private set; }

    public int Number { get; private set; }

    public QuestionnaireContent Content { get; private set; }

    public Guid? PublishedBy { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
}
