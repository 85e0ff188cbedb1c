namespace Mutualisons.Domain.Impact;

/// <summary>
/// How a mutualisation feeds its members' impact (cycle 3 of the method); each logic calls for its own
/// indicators of the mutualisation's added value. Same members as the impact-level-2 branch's enum, so the two
/// branches merge by keeping one definition.
/// </summary>
public enum MutualisationLogic
{
    /// <summary>Logique de moyens: economies of scale, resources freed for the mission.</summary>
    Means,

    /// <summary>Logique de projet, weak: coordinating activities (cross-publicising events).</summary>
    WeakProject,

    /// <summary>Logique de projet, strong: building activities together (joint awareness sessions).</summary>
    StrongProject,

    /// <summary>Logique stratégique: weighing together on the context (advocacy, a common message).</summary>
    Strategic,

    /// <summary>Logique d'essaimage et de fertilisation: reproducing practices, sharing successes and failures.</summary>
    SwarmingAndFertilisation,
}
