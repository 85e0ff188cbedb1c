using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Impact.Chain;

/// <summary>A member's hypothesis in the chain, with its indicators' latest figures.</summary>
public sealed record ChainHypothesis(Guid Id, string Statement, string OrganisationName, HypothesisStatus Status, IReadOnlyList<IndicatorSummary> Indicators);

/// <summary>A logic the lab pursues and the hypotheses it should serve.</summary>
public sealed record ChainLogic(Guid Id, MutualisationLogic Logic, string Expectation, IReadOnlyList<ImpactObjective> Objectives, IReadOnlyList<ScalingStrategy> Strategies,
    IReadOnlyList<ChainHypothesis> Hypotheses);

/// <summary>The lab's chain: mutualisation → logics → members' hypotheses → indicators; <see cref="Unlinked"/> serve no logic yet.</summary>
public sealed record ImpactChain(string LabName, bool MayEdit, IReadOnlyList<ChainLogic> Logics, IReadOnlyList<ChainHypothesis> Unlinked);
