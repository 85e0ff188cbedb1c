using Mutualisons.Domain.Impact;

namespace Mutualisons.Web.Features.Impact;

/// <summary>An indicator's latest figure against its target, for lists.</summary>
public sealed record IndicatorSummary(Guid Id, string Name, IndicatorUnit Unit, IndicatorDirection Direction, decimal BaselineValue, decimal? TargetValue, decimal? LatestValue, DateOnly? LatestOn)
{
    public bool? Reached => LatestValue is { } latest && TargetValue is { } target
        ? Direction == IndicatorDirection.HigherIsBetter ? latest >= target : latest <= target
        : null;
}

public sealed record HypothesisSummary(Guid Id, string Statement, EffectSign Sign, EffectNature Nature, HypothesisStatus Status, bool ConcludedUnmeasured, IReadOnlyList<IndicatorSummary> Indicators);

public sealed record StatementSummary(string ChangeSought, IReadOnlyList<Audience> Audiences, IReadOnlyList<EffectNature> Natures, DateTimeOffset UpdatedAt, int RevisionCount);

public sealed record OrganisationImpact(Guid OrganisationId, string Name, bool MayEdit, bool IsMine, StatementSummary? Statement, IReadOnlyList<HypothesisSummary> Hypotheses);

/// <summary>The lab's impact page: each member organisation's statement and hypotheses.</summary>
public sealed record ImpactOverview(string LabName, bool CanMeasure, IReadOnlyList<OrganisationImpact> Organisations)
{
    /// <summary>The organisations a new hypothesis can be written for by this person.</summary>
    public IReadOnlyList<OrganisationImpact> Editable => [.. Organisations.Where(o => o.MayEdit)];
}

public sealed record StatementRevisionLine(int Number, DateTimeOffset At, string? By, IReadOnlyList<StatementField> Changed, string Mission, string ChangeSought,
    IReadOnlyList<Audience> Audiences, string OtherAudiences, IReadOnlyList<EffectNature> Natures, string Attribution, string ChangeDescription, string Significance);

/// <summary>One organisation's impact statement with its history; <see cref="Input"/> is what the form starts from.</summary>
public sealed record StatementView(string LabName, Guid OrganisationId, string OrganisationName, bool MayEdit, bool Exists, StatementInput Input, IReadOnlyList<StatementRevisionLine> Revisions);

public sealed record MeasurementLine(Guid Id, DateOnly On, decimal Value, string Note, string? By);

public sealed record IndicatorView(Guid Id, string Name, IndicatorUnit Unit, IndicatorDirection Direction, decimal BaselineValue, DateOnly BaselineDate,
    decimal? TargetValue, DateOnly? TargetDate, IndicatorSource Source, IReadOnlyList<MeasurementLine> Measurements);

public sealed record EvidenceLine(Guid Id, Guid? IndicatorId, string? IndicatorName, EvidenceKind Kind, string Text, string Source, DateOnly On, string? By);

public sealed record ReopeningLine(DateTimeOffset At, string? By, string Reason);

/// <summary>One hypothesis with its indicators, their figures, the evidence and the conclusion.</summary>
public sealed record HypothesisView(
    string LabName, Guid Id, Guid OrganisationId, string OrganisationName, bool MayEdit, uint Version,
    string Statement, string Stakeholders, EffectSign Sign, EffectNature Nature, HypothesisStatus Status,
    string ImpactsMeasured, string ImpactsNotSought, string NextSteps, DateTimeOffset? ConcludedAt, bool ConcludedUnmeasured,
    IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<EvidenceLine> Evidence, IReadOnlyList<ReopeningLine> Reopenings)
{
    public bool HasMeasurements => Indicators.Any(i => i.Measurements.Count > 0);
}
