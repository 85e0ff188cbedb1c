namespace Mutualisons.Domain.Labs;

/// <summary>What scaling a social impact aims at (2018 notebook): the impacts a lab wants to improve.</summary>
public enum ImpactObjective
{
    /// <summary>Consolider: make what exists last.</summary>
    Consolidation,

    /// <summary>Optimiser: do the same with fewer means.</summary>
    Optimisation,

    /// <summary>Améliorer la qualité.</summary>
    QualityImprovement,

    /// <summary>Augmenter: reach more people.</summary>
    QuantitativeIncrease,

    /// <summary>Démultiplier: reproduce elsewhere.</summary>
    Multiplication,
}
