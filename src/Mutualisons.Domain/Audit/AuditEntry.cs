using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Audit;

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
}

/// <summary>
/// Who created, changed or deleted what in a lab, and when. The actor becomes null when their account is
/// deleted: the entry stays, attributed to a deleted user.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Subject = string.Empty;
        Summary = string.Empty;
    }

    public AuditEntry(Guid? labId, Guid? actorId, AuditAction action, string subject, Guid? subjectId, string summary, DateTimeOffset at) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        ActorId = actorId;
        Action = Guard.Defined(action, "Audit.ActionInvalid");
        Subject = Guard.RequiredText(subject, 100, "Audit.SubjectRequired", "The subject");
        SubjectId = subjectId;
        Summary = Guard.OptionalText(summary.Length > Limits.Reason ? summary[..Limits.Reason] : summary, Limits.Reason, "Audit.SummaryTooLong", "The summary");
        At = Guard.Utc(at);
    }

    public Guid Id { get; private set; }

    public Guid? LabId { get; private set; }

    public Guid? ActorId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>What kind of thing changed: "Lab", "Cycle", "Focus", "Invitation", "Person", "Organisation".</summary>
    public string Subject { get; private set; }

    public Guid? SubjectId { get; private set; }

    public string Summary { get; private set; }

    public DateTimeOffset At { get; private set; }
}
