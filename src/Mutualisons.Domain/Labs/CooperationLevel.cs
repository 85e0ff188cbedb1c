namespace Mutualisons.Domain.Labs;

/// <summary>How deep the cooperation between the members of a mutualisation goes.</summary>
public enum CooperationLevel
{
    /// <summary>Pooling resources.</summary>
    Simple,

    /// <summary>Co-creating a joint answer.</summary>
    Reinforced,

    /// <summary>A coordinated offer on the territory.</summary>
    Strategic,
}
