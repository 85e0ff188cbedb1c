using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Diagnostic;

public enum RespondentProgress
{
    Invited,
    Opened,
    Started,
    Submitted,
    Revoked,
}

/// <summary>
/// One organisation's personal link to a questionnaire. The token is looked up by its hash; a protected copy
/// lets reminders carry the same link, so a respondent who started keeps their answers.
/// </summary>
public sealed class QuestionnaireInvitation
{
    private QuestionnaireInvitation()
    {
        Email = string.Empty;
        TokenHash = string.Empty;
        TokenProtected = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid QuestionnaireId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Where the link was sent; empty when the facilitators hand it over themselves.</summary>
    public string Email { get; private set; }

    public string TokenHash { get; private set; }

    public string TokenProtected { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? LastReminderAt { get; private set; }

    public int ReminderCount { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public uint Version { get; private set; }

    public RespondentProgress Progress =>
        RevokedAt is not null ? RespondentProgress.Revoked
        : SubmittedAt is not null ? RespondentProgress.Submitted
        : StartedAt is not null ? RespondentProgress.Started
        : OpenedAt is not null ? RespondentProgress.Opened
        : RespondentProgress.Invited;

    public static (QuestionnaireInvitation Invitation, string Token) Create(Guid questionnaireId, Guid organisationId, string? email, Func<string, string> protect, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(protect);
        var token = SecretToken.New();
        var invitation = new QuestionnaireInvitation
        {
            Id = Guid.CreateVersion7(),
            QuestionnaireId = questionnaireId,
            OrganisationId = organisationId,
            Email = Guard.OptionalText(email, Limits.Email, "Invitation.EmailInvalid", "The email"),
            TokenHash = SecretToken.HashOf(token),
            TokenProtected = protect(token),
            InvitedAt = Guard.Utc(now),
        };
        return (invitation, token);
    }

    public void MarkOpened(DateTimeOffset now) => OpenedAt ??= Guard.Utc(now);

    public void MarkStarted(DateTimeOffset now)
    {
        MarkOpened(now);
        StartedAt ??= Guard.Utc(now);
    }

    public void MarkSubmitted(DateTimeOffset now)
    {
        MarkStarted(now);
        SubmittedAt ??= Guard.Utc(now);
    }

    public void Remind(DateTimeOffset now)
    {
        if (Progress is RespondentProgress.Submitted or RespondentProgress.Revoked)
        {
            throw new DomainException("Questionnaire.NoReminder", "Only organisations that have not answered yet get a reminder.");
        }
        LastReminderAt = Guard.Utc(now);
        ReminderCount++;
    }

    /// <summary>The link stops working; answers already given stay.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= Guard.Utc(now);
}
