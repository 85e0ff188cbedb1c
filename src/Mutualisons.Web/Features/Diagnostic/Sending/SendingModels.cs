using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Web.Features.Diagnostic.Sending;

public sealed record InvitationRow(Guid Id, Guid OrganisationId, string Organisation, string Email, RespondentProgress Progress, DateTimeOffset InvitedAt, DateTimeOffset? LastReminderAt, int Reminders, string? Path);

public sealed record InvitableOrganisation(Guid Id, string Name, OrganisationKind Kind, bool InLab, string Email);

public sealed record QuestionnaireSending(
    Guid LabId, string LabName, Guid Id, string Title, QuestionnaireState State, bool CanRun,
    IReadOnlyList<InvitationRow> Invitations, IReadOnlyList<InvitableOrganisation> Candidates, int PublicSubmitted)
{
    public int Submitted => Invitations.Count(i => i.Progress == RespondentProgress.Submitted);

    public int Invited => Invitations.Count(i => i.Progress != RespondentProgress.Revoked);
}

/// <summary>A reminder waiting in the scheduler: when, and to whom (one organisation, or every one that has not answered).</summary>
public sealed record ScheduledReminder(string Key, DateTimeOffset At, Guid? InvitationId, string? Organisation);

/// <summary>A reminder to send later, at a date and time in the labs' time zone.</summary>
public sealed class ReminderScheduleInput
{
    public DateTime? Day { get; set; }

    public TimeSpan? Time { get; set; }

    /// <summary>One organisation's invitation, or null for every organisation that has not answered.</summary>
    public Guid? InvitationId { get; set; }
}
