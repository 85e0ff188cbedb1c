using System.Linq.Expressions;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.ToolConfiguration;

/// <summary>
/// A working group (GT) that investigates experiments for the lab: a lead, members from the lab's
/// organisations, a deadline, its next steps with an owner and a due date, and its meetings, which are the
/// lab's cycle 2 activities (so attending them counts on the participation ladder).
/// </summary>
public sealed class WorkingGroup : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.WorkingGroup;

    private readonly List<WorkingGroupMember> _members = [];
    private readonly List<NextStep> _nextSteps = [];
    private readonly List<WorkingGroupMeeting> _meetings = [];

    private WorkingGroup()
    {
        Name = string.Empty;
        Mission = string.Empty;
    }

    public WorkingGroup(Guid labId, string name, string? mission, Guid leadId, DateOnly? deadline, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedAt = Guard.Utc(now);
        Describe(name, mission, deadline);
        Staff(leadId, [leadId]);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Name { get; private set; }

    /// <summary>What the group investigates and what it must bring back.</summary>
    public string Mission { get; private set; }

    /// <summary>The person in charge; null only once their account is deleted.</summary>
    public Guid? LeadId { get; private set; }

    public DateOnly? Deadline { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Its members, the lead among them.</summary>
    public IReadOnlyList<WorkingGroupMember> Members => _members;

    public IReadOnlyList<NextStep> NextSteps => _nextSteps;

    /// <summary>Its meetings: activities of the lab, linked rather than copied.</summary>
    public IReadOnlyList<WorkingGroupMeeting> Meetings => _meetings;

    public void Describe(string name, string? mission, DateOnly? deadline)
    {
        var title = Guard.RequiredText(name, Limits.Name, "WorkingGroup.NameRequired", "The name");
        Mission = Guard.OptionalText(mission, Limits.LongText, "WorkingGroup.TextTooLong", "The mission");
        Name = title;
        Deadline = deadline;
    }

    /// <summary>Sets the lead and the members; the lead is always a member (added if missing).</summary>
    public void Staff(Guid leadId, IEnumerable<Guid> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        if (leadId == Guid.Empty)
        {
            throw new DomainException("WorkingGroup.LeadRequired", "A working group has a lead.");
        }
        var wanted = memberIds.Where(id => id != Guid.Empty).Append(leadId).ToHashSet();
        var leaving = _members.Where(m => !wanted.Contains(m.PersonId)).Select(m => m.PersonId).ToHashSet();
        if (_nextSteps.Any(s => s.DoneOn is null && s.OwnerId is { } owner && leaving.Contains(owner)))
        {
            throw new DomainException("WorkingGroup.OwnerLeaving", "Someone leaving the group still owns an open next step: give it to another member first.");
        }
        _members.RemoveAll(m => leaving.Contains(m.PersonId));
        _members.AddRange(wanted.Where(id => _members.All(m => m.PersonId != id)).Select(id => new WorkingGroupMember(Id, id)));
        LeadId = leadId;
    }

    public bool HasMember(Guid personId) => _members.Any(m => m.PersonId == personId);

    /// <summary>A next step, owned by a member of the group, due on a day.</summary>
    public NextStep AddNextStep(string text, Guid ownerId, DateOnly dueOn, DateTimeOffset now)
    {
        if (!HasMember(ownerId))
        {
            throw new DomainException("WorkingGroup.OwnerNotMember", "A next step is owned by a member of the group.");
        }
        var step = new NextStep(Id, Guard.RequiredText(text, Limits.ShortText, "WorkingGroup.StepRequired", "The next step"), ownerId, dueOn, Guard.Utc(now));
        _nextSteps.Add(step);
        return step;
    }

    public void CompleteNextStep(Guid stepId, DateOnly on) => StepOf(stepId).Complete(on);

    public void ReopenNextStep(Guid stepId) => StepOf(stepId).Reopen();

    public void RemoveNextStep(Guid stepId) => _nextSteps.Remove(StepOf(stepId));

    /// <summary>
    /// Links one of the lab's working-group meetings (an activity of cycle 2), once. A meeting that names no
    /// library method follows the working-group method, so the core cycle counts it.
    /// </summary>
    public void LinkMeeting(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.LabId != LabId)
        {
            throw new DomainException("WorkingGroup.MeetingOfAnotherLab", "Only an activity of this lab can be a meeting of the group.");
        }
        if (activity.Kind != ActivityKind.WorkingGroupMeeting)
        {
            throw new DomainException("WorkingGroup.NotAMeeting", "Only a working-group meeting can be linked to a working group.");
        }
        if (_meetings.Any(m => m.ActivityId == activity.Id))
        {
            throw new DomainException("WorkingGroup.MeetingAlreadyLinked", "This meeting is already linked to the group.");
        }
        if (activity.MethodKey is null)
        {
            activity.Follow(Methods.MethodLibrary.WorkingGroupKey);
        }
        _meetings.Add(new WorkingGroupMeeting(Id, activity.Id));
    }

    /// <summary>Whether its deadline has passed.</summary>
    public bool IsPastDeadline(DateOnly today) => Deadline is { } deadline && deadline < today;

    private NextStep StepOf(Guid stepId) =>
        _nextSteps.SingleOrDefault(s => s.Id == stepId) ?? throw new DomainException("WorkingGroup.StepNotFound", "This next step is not one of the group's.");
}

/// <summary>A person (an account of the lab) who takes part in a working group.</summary>
public sealed class WorkingGroupMember
{
    private WorkingGroupMember() { }

    internal WorkingGroupMember(Guid workingGroupId, Guid personId)
    {
        WorkingGroupId = workingGroupId;
        PersonId = personId;
    }

    public Guid WorkingGroupId { get; private set; }

    public Guid PersonId { get; private set; }
}

/// <summary>That an activity of the lab was a meeting of this working group.</summary>
public sealed class WorkingGroupMeeting
{
    private WorkingGroupMeeting() { }

    internal WorkingGroupMeeting(Guid workingGroupId, Guid activityId)
    {
        WorkingGroupId = workingGroupId;
        ActivityId = activityId;
    }

    public Guid WorkingGroupId { get; private set; }

    public Guid ActivityId { get; private set; }
}

/// <summary>What a working group does next, who does it and by when.</summary>
public sealed class NextStep
{
    /// <summary>
    /// A next step not done by its due day is overdue from the day after. Stated once: the database runs it,
    /// the domain compiles it.
    /// </summary>
    public static readonly Expression<Func<NextStep, DateOnly, bool>> Overdue = (s, today) => s.DoneOn == null && s.DueOn < today;

    private static readonly Func<NextStep, DateOnly, bool> IsOverdueRule = Overdue.Compile();

    /// <summary><see cref="Overdue"/> on a given day, for a query's Where.</summary>
    public static Expression<Func<NextStep, bool>> OverdueOn(DateOnly today)
    {
        var step = Overdue.Parameters[0];
        // A captured value, as a closure would give: the database gets it as a parameter, not a literal.
        var day = Expression.Property(Expression.Constant(new Day(today)), nameof(Day.Value));
        var body = new Substitute(Overdue.Parameters[1], day).Visit(Overdue.Body);
        return Expression.Lambda<Func<NextStep, bool>>(body, step);
    }

    private NextStep()
    {
        Text = string.Empty;
    }

    internal NextStep(Guid workingGroupId, string text, Guid ownerId, DateOnly dueOn, DateTimeOffset createdAt) : this()
    {
        Id = Guid.CreateVersion7();
        WorkingGroupId = workingGroupId;
        Text = text;
        OwnerId = ownerId;
        DueOn = dueOn;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid WorkingGroupId { get; private set; }

    public string Text { get; private set; }

    /// <summary>The member who carries it; null once their account is deleted.</summary>
    public Guid? OwnerId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => IsOverdueRule(this, today);

    internal void Complete(DateOnly on)
    {
        if (DoneOn is not null)
        {
            throw new DomainException("WorkingGroup.StepAlreadyDone", "This next step is already done.");
        }
        DoneOn = on;
    }

    internal void Reopen() => DoneOn = null;

    private sealed record Day(DateOnly Value);

    private sealed class Substitute(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : base.VisitParameter(node);
    }
}
