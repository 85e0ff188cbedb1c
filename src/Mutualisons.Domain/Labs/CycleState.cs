namespace Mutualisons.Domain.Labs;

/// <summary>Where the team stands in a cycle. A cycle is never closed for good: it can be revisited.</summary>
public enum CycleState
{
    NotStarted,
    Exploring,
    AdvancedEnough,
    Revisiting,
}
