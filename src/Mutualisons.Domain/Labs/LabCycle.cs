using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Labs;

/// <summary>One of the five cycles as it stands in one lab.</summary>
public sealed class LabCycle
{
    private LabCycle()
    {
        Notes = string.Empty;
    }

    internal LabCycle(Cycle cycle) : this()
    {
        Cycle = cycle;
        State = CycleState.NotStarted;
    }

    public Cycle Cycle { get; private set; }

    public CycleState State { get; private set; }

    public string Notes { get; private set; }

    public DateTimeOffset? LastActivityAt { get; private set; }

    internal void Record(CycleState state, string? notes, DateTimeOffset now)
    {
        State = Guard.Defined(state, "Lab.CycleStateInvalid");
        Notes = Guard.OptionalText(notes, Limits.LongText, "Lab.CycleNotesTooLong", "The notes");
        LastActivityAt = now;
    }

    /// <summary>Opening a cycle starts it, or reopens it when the team had thought it advanced enough.</summary>
    internal void Open(DateTimeOffset now)
    {
        State = State switch
        {
            CycleState.NotStarted => CycleState.Exploring,
            CycleState.AdvancedEnough => CycleState.Revisiting,
            _ => State,
        };
        LastActivityAt = now;
    }
}
