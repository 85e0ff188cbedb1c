using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Impact;

/// <summary>
/// How pooling resources is meant to raise its members' impact (the notebook's second level of impact). Each
/// logic calls for its own indicators of what the mutualisation adds.
/// </summary>
public enum MutualisationLogic
{
    /// <summary>Logique de moyens: economies of scale; what is saved goes back to the mission.</summary>
    Means,

    /// <summary>Logique de projet, faible: the members coordinate (they relay each other's events, cross their publics).</summary>
    WeakProject,

    /// <summary>Logique de projet, forte: the members cooperate (joint sessions that keep each one's trade).</summary>
    StrongProject,

    /// <summary>Logique stratégique: weigh together on the context (advocacy, a common message).</summary>
    Strategic,

    /// <summary>Logique d'essaimage et de fertilisation: practices travel between members; successes and failures are shared.</summary>
    SwarmingAndFertilisation,
}

/// <summary>The scaling strategies of the 2018 notebook (table 2): processes by which an alternative's impact grows.</summary>
public enum ScalingStrategy
{
    Networking,
    Deepening,
    Duplication,
    Broadening,
    Diversification,
    Fertilisation,
    Cooperation,
    Learning,
    Translation,
    Protection,
}

/// <summary>What the notebook says of each scaling strategy: the impact objectives it serves, and whether it was retained for Brussels.</summary>
public static class ScalingStrategies
{
    private static readonly Dictionary<ScalingStrategy, ImpactObjective[]> Served = new()
    {
        [ScalingStrategy.Networking] = [ImpactObjective.QualityImprovement, ImpactObjective.QuantitativeIncrease],
        [ScalingStrategy.Deepening] = [ImpactObjective.Consolidation, ImpactObjective.Optimisation, ImpactObjective.QualityImprovement],
        [ScalingStrategy.Duplication] = [ImpactObjective.QuantitativeIncrease, ImpactObjective.Multiplication],
        [ScalingStrategy.Broadening] = [ImpactObjective.Consolidation, ImpactObjective.QualityImprovement, ImpactObjective.Multiplication],
        [ScalingStrategy.Diversification] = [ImpactObjective.Consolidation, ImpactObjective.QualityImprovement],
        [ScalingStrategy.Fertilisation] = [ImpactObjective.QuantitativeIncrease, ImpactObjective.Multiplication],
        [ScalingStrategy.Cooperation] = [ImpactObjective.Optimisation, ImpactObjective.QualityImprovement, ImpactObjective.QuantitativeIncrease],
        [ScalingStrategy.Learning] = [ImpactObjective.Consolidation, ImpactObjective.QualityImprovement],
        [ScalingStrategy.Translation] = [ImpactObjective.QuantitativeIncrease],
        [ScalingStrategy.Protection] = [ImpactObjective.Consolidation, ImpactObjective.QualityImprovement, ImpactObjective.QuantitativeIncrease],
    };

    /// <summary>The impact objectives a strategy serves.</summary>
    public static IReadOnlyList<ImpactObjective> Objectives(this ScalingStrategy strategy) =>
        Served.TryGetValue(strategy, out var objectives) ? objectives : throw new DomainException("Impact.StrategyInvalid", $"{strategy} is not a scaling strategy.");

    /// <summary>The five the research kept as the most likely for Brussels' alternatives.</summary>
    public static bool IsRetainedForBrussels(this ScalingStrategy strategy) =>
        strategy is ScalingStrategy.Protection or ScalingStrategy.Fertilisation or ScalingStrategy.Learning or ScalingStrategy.Broadening or ScalingStrategy.Cooperation;

    /// <summary>Whether the strategy serves at least one of <paramref name="objectives"/>: the strategies worth suggesting for a logic.</summary>
    public static bool Serves(this ScalingStrategy strategy, IEnumerable<ImpactObjective> objectives) => strategy.Objectives().Intersect(objectives).Any();
}

/// <summary>What a lab says about a logic it pursues: what it expects of it, the objectives and the strategies it serves.</summary>
public sealed record LogicAims(string? Expectation, IEnumerable<ImpactObjective> Objectives, IEnumerable<ScalingStrategy> Strategies);

/// <summary>
/// A mutualisation logic a lab has chosen to pursue, linked to the member hypotheses it should serve, to impact
/// objectives and to scaling strategies. One per logic and lab; the links are its own rows.
/// </summary>
public sealed class PursuedLogic : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.PursuedLogic;

    private readonly List<ImpactObjective> _objectives = [];
    private readonly List<ScalingStrategy> _strategies = [];
    private readonly List<LogicHypothesisLink> _hypotheses = [];

    private PursuedLogic()
    {
        Expectation = string.Empty;
    }

    public PursuedLogic(Guid labId, MutualisationLogic logic, LogicAims aims, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        Logic = Guard.Defined(logic, "Impact.LogicInvalid");
        ChosenAt = Guard.Utc(now);
        Aim(aims);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public MutualisationLogic Logic { get; private set; }

    /// <summary>What the lab expects this logic to change for its members, in its own words.</summary>
    public string Expectation { get; private set; }

    public IReadOnlyList<ImpactObjective> Objectives => _objectives;

    public IReadOnlyList<ScalingStrategy> Strategies => _strategies;

    /// <summary>The member hypotheses this logic should serve.</summary>
    public IReadOnlyList<LogicHypothesisLink> Hypotheses => _hypotheses;

    public DateTimeOffset ChosenAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Sets what the lab expects and the objectives and strategies the logic serves.</summary>
    public void Aim(LogicAims aims)
    {
        ArgumentNullException.ThrowIfNull(aims);
        ArgumentNullException.ThrowIfNull(aims.Objectives);
        ArgumentNullException.ThrowIfNull(aims.Strategies);
        var expectation = Guard.OptionalText(aims.Expectation, Limits.LongText, "Impact.TextTooLong", "The expectation");
        var objectives = aims.Objectives.Select(o => Guard.Defined(o, "Impact.ObjectiveInvalid")).Distinct().Order().ToList();
        var strategies = aims.Strategies.Select(s => Guard.Defined(s, "Impact.StrategyInvalid")).Distinct().Order().ToList();
        Expectation = expectation;
        _objectives.Clear();
        _objectives.AddRange(objectives);
        _strategies.Clear();
        _strategies.AddRange(strategies);
    }

    /// <summary>Links a member hypothesis this logic should serve: one of this lab's, and once only.</summary>
    public void Link(ImpactHypothesis hypothesis)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        if (hypothesis.LabId != LabId)
        {
            throw new DomainException("Impact.HypothesisOfAnotherLab", "Only a hypothesis of this lab can be linked.");
        }
        if (_hypotheses.Any(l => l.HypothesisId == hypothesis.Id))
        {
            throw new DomainException("Impact.HypothesisAlreadyLinked", "This hypothesis is already linked to this logic.");
        }
        _hypotheses.Add(new LogicHypothesisLink(Id, hypothesis.Id));
    }

    public void Unlink(Guid hypothesisId)
    {
        var link = _hypotheses.SingleOrDefault(l => l.HypothesisId == hypothesisId)
            ?? throw new DomainException("Impact.HypothesisNotLinked", "This hypothesis is not linked to this logic.");
        _hypotheses.Remove(link);
    }

    /// <summary>
    /// Makes the linked hypotheses exactly <paramref name="hypotheses"/>: the others are unlinked, the new ones
    /// linked under the same rules (this lab's, each once).
    /// </summary>
    public void LinkOnly(IReadOnlyCollection<ImpactHypothesis> hypotheses)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        if (hypotheses.GroupBy(h => h.Id).Any(g => g.Count() > 1))
        {
            throw new DomainException("Impact.HypothesisAlreadyLinked", "A hypothesis is given twice.");
        }
        var kept = hypotheses.Select(h => h.Id).ToHashSet();
        foreach (var gone in _hypotheses.Where(l => !kept.Contains(l.HypothesisId)).Select(l => l.HypothesisId).ToList())
        {
            Unlink(gone);
        }
        foreach (var hypothesis in hypotheses.Where(h => _hypotheses.All(l => l.HypothesisId != h.Id)))
        {
            Link(hypothesis);
        }
    }
}

/// <summary>That a chosen logic should serve a member's hypothesis.</summary>
public sealed class LogicHypothesisLink
{
    private LogicHypothesisLink()
    {
    }

    internal LogicHypothesisLink(Guid pursuedLogicId, Guid hypothesisId)
    {
        PursuedLogicId = pursuedLogicId;
        HypothesisId = hypothesisId;
    }

    public Guid PursuedLogicId { get; private set; }

    public Guid HypothesisId { get; private set; }
}
