using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Impact.Chain;

/// <summary>A member's hypothesis in the chain, with its indicators' latest figures.</summary>
public sealed record ChainHypothesis(Guid Id, string Statement, string OrganisationName, HypothesisStatus Status, IReadOnlyList<IndicatorSummary> Indicators);

/// <summary>A logic the lab pursues and the hypotheses it should serve.</summary>
public sealed record ChainLogic(Guid Id, MutualisationLogic Logic, string Expectation, IReadOnlyList<ImpactObjective> Objectives, IReadOnlyList<ScalingStrategy> Strategies,
    IReadOnlyList<ChainHypothesis> Hypotheses);

/// <summary>The lab's evaluation frame as the chain recalls it: why, for whom, how and when the lab evaluates.</summary>
public sealed record ChainFrame(IReadOnlyList<EvaluationPurpose> Purposes, IReadOnlyList<EvaluationAudience> Audiences, string WhoCarriesIt,
    IReadOnlyList<EvaluationMethod> Methods, IReadOnlyList<EvaluationTiming> Timings);

/// <summary>
/// The lab's chain: mutualisation (with its evaluation frame, null while none is written) → logics → members'
/// hypotheses → indicators; <see cref="Unlinked"/> serve no logic yet.
/// </summary>
public sealed record ImpactChain(string LabName, bool MayEdit, ChainFrame? Frame, IReadOnlyList<ChainLogic> Logics, IReadOnlyList<ChainHypothesis> Unlinked);
