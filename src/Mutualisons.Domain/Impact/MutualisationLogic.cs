namespace Mutualisons.Domain.Impact;

/// <summary>
/// How a mutualisation feeds its members' impact (cycle 3 of the method); each logic calls for its own
/// indicators of the mutualisation's added value.
/// </summary>
public enum MutualisationLogic
{
    /// <summary>Logique de moyens: economies of scale, resources freed for the mission.</summary>
    Means,

    /// <summary>Logique de projet: coordinating activities (weak) or building them together (strong).</summary>
    Project,

    /// <summary>Logique stratégique: weighing together on the context (advocacy, a common message).</summary>
    Strategic,

    /// <summary>Logique d'essaimage et de fertilisation: reproducing practices, sharing successes and failures.</summary>
    Fertilisation,
}
