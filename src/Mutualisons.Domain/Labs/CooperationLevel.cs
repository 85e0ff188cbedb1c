namespace Mutualisons.Domain.Labs;

/// <summary>
/// How deep the cooperation between the members of a mutualisation goes (2018 notebook; the 2019 notebook adds
/// the level below the three, where Bota 75's "get to know each other" measures sit).
/// </summary>
public enum CooperationLevel
{
    /// <summary>Making cooperation possible at all: getting to know each other (a council of occupants, a who's who).</summary>
    MakingPossible,

    /// <summary>Pooling resources.</summary>
    Simple,

    /// <summary>Co-creating a joint answer.</summary>
    Reinforced,

    /// <summary>A coordinated offer on the territory.</summary>
    Strategic,
}
