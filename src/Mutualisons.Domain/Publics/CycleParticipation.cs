using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

/// <summary>
/// A stakeholder's participation in one cycle: the level the pilot group aims for, the level derived from
/// the activities they attended, and a hand adjustment that overrides it.
/// </summary>
public sealed class CycleParticipation
{
    private CycleParticipation()
    {
        AdjustmentReason = string.Empty;
    }

    internal CycleParticipation(Cycle cycle) : this() => Cycle = cycle;

    public Cycle Cycle { get; private set; }

    public ParticipationLevel? Target { get; private set; }

    /// <summary>The highest level offered by a held activity of this cycle the stakeholder attended.</summary>
    public ParticipationLevel? Derived { get; private set; }

    public ParticipationLevel? Adjusted { get; private set; }

    public string AdjustmentReason { get; private set; }

    /// <summary>Adjusted, else derived: the rule <see cref="ParticipationLevels.Of"/> states for queries.</summary>
    public ParticipationLevel? Reached => ParticipationLevels.For(this).Reached;

    public bool IsBelowTarget => ParticipationLevels.For(this).IsBelowTarget;

    internal void SetTarget(ParticipationLevel? level) => Target = level;

    internal void SetDerived(ParticipationLevel? level) => Derived = level;

    internal void Adjust(ParticipationLevel? level, string reason)
    {
        Adjusted = level;
        AdjustmentReason = level is null ? string.Empty : reason;
    }
}
