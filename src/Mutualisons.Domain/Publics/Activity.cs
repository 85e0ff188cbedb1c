using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

/// <summary>
/// A workshop, bilateral meeting, co-creation day, questionnaire, site visit or working-group meeting: what
/// it serves, the participation level it offers, who was invited and who came.
/// </summary>
public sealed class Activity : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Activity;

    private readonly List<Cycle> _cycles = [];
    private readonly List<Guid> _invited = [];
    private readonly List<Guid> _present = [];

    private Activity()
    {
        Title = string.Empty;
        Method = string.Empty;
        Place = string.Empty;
        StatusReason = string.Empty;
        Outputs = string.Empty;
    }

    public Activity(Guid labId, string title, ActivityKind kind, string? method, IEnumerable<Cycle> cycles, DateTimeOffset scheduledAt, string? place, ParticipationLevel levelOffered, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedAt = Guard.Utc(now);
        Status = ActivityStatus.Planned;
        Revise(title, kind, method, cycles, scheduledAt, place, levelOffered);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Title { get; private set; }

    public ActivityKind Kind { get; private set; }

    /// <summary>Free words on the method: how the lab adapted it, or a method the library does not hold.</summary>
    public string Method { get; private set; }

    /// <summary>The library method it follows (<see cref="Methods.MethodLibrary"/>), so the lab sees which methods it used in which cycle.</summary>
    public string? MethodKey { get; private set; }

    public IReadOnlyList<Cycle> Cycles => _cycles;

    public DateTimeOffset ScheduledAt { get; private set; }

    public string Place { get; private set; }

    public ParticipationLevel LevelOffered { get; private set; }

    public ActivityStatus Status { get; private set; }

    public string StatusReason { get; private set; }

    /// <summary>How many times it was put off: twice calls for the pilot group's attention.</summary>
    public int PostponementCount { get; private set; }

    public IReadOnlyList<Guid> Invited => _invited;

    public IReadOnlyList<Guid> Present => _present;

    public string Outputs { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Revise(string title, ActivityKind kind, string? method, IEnumerable<Cycle> cycles, DateTimeOffset scheduledAt, string? place, ParticipationLevel levelOffered)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        var served = cycles.Select(c => Guard.Defined(c, "Lab.CycleInvalid")).Distinct().Order().ToList();
        if (served.Count == 0)
        {
            throw new DomainException("Activity.CycleRequired", "An activity serves at least one cycle.");
        }
        Title = Guard.RequiredText(title, Limits.Name, "Activity.TitleRequired", "The title");
        Kind = Guard.Defined(kind, "Activity.KindInvalid");
        Method = Guard.OptionalText(method, Limits.ShortText, "Activity.MethodTooLong", "The method");
        Place = Guard.OptionalText(place, Limits.ShortText, "Activity.PlaceTooLong", "The place");
        LevelOffered = Guard.Defined(levelOffered, "Activity.LevelInvalid");
        ScheduledAt = Guard.Utc(scheduledAt);
        _cycles.Clear();
        _cycles.AddRange(served);
    }

    /// <summary>Records the library method the activity follows, or none.</summary>
    public void Follow(string? methodKey)
    {
        if (methodKey is not null && Methods.MethodLibrary.Find(methodKey) is null)
        {
            throw new DomainException("Activity.MethodUnknown", "The method is not in the library.");
        }
        MethodKey = methodKey;
    }

    public void Invite(IEnumerable<Guid> stakeholderIds)
    {
        ArgumentNullException.ThrowIfNull(stakeholderIds);
        _invited.AddRange(stakeholderIds.Where(id => !_invited.Contains(id)).Distinct());
    }

    /// <summary>Puts the activity off to a new date, with the reason; the count of postponements grows.</summary>
    public void Postpone(DateTimeOffset newDate, string reason)
    {
        if (Status is ActivityStatus.Held or ActivityStatus.Cancelled)
        {
            throw new DomainException("Activity.AlreadyClosed", "A held or cancelled activity cannot be postponed.");
        }
        StatusReason = Guard.RequiredText(reason, Limits.Reason, "Activity.ReasonRequired", "The reason");
        ScheduledAt = Guard.Utc(newDate);
        Status = ActivityStatus.Postponed;
        PostponementCount++;
    }

    public void Cancel(string reason)
    {
        if (Status == ActivityStatus.Held)
        {
            throw new DomainException("Activity.AlreadyClosed", "A held activity cannot be cancelled.");
        }
        StatusReason = Guard.RequiredText(reason, Limits.Reason, "Activity.ReasonRequired", "The reason");
        Status = ActivityStatus.Cancelled;
    }

    /// <summary>Records that it took place and who came; those present count as invited.</summary>
    public void RecordHeld(IEnumerable<Guid> present, string? outputs)
    {
        ArgumentNullException.ThrowIfNull(present);
        if (Status == ActivityStatus.Cancelled)
        {
            throw new DomainException("Activity.AlreadyClosed", "A cancelled activity cannot be held.");
        }
        var attendees = present.Distinct().ToList();
        Invite(attendees);
        _present.Clear();
        _present.AddRange(attendees);
        Outputs = Guard.OptionalText(outputs, Limits.LongText, "Activity.OutputsTooLong", "The outputs");
        Status = ActivityStatus.Held;
        StatusReason = string.Empty;
    }

    public bool Offers(Cycle cycle, Guid stakeholderId) =>
        Status == ActivityStatus.Held && _cycles.Contains(cycle) && _present.Contains(stakeholderId);
}
