using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Web.Features.ToolConfiguration.Experiments;

/// <summary>One experiment as the portfolio shows it: a point on the chart, a row of the table.</summary>
public sealed record PortfolioItem(
    Guid Id, string Title, ExperimentStatus Status, CooperationLevel CooperationLevel, MutualisationLogic? Logic,
    int? Feasibility, int? Impact, Guid? WorkingGroupId, string? WorkingGroupName)
{
    public bool IsPlaced => Feasibility is not null && Impact is not null;
}

public sealed record WorkingGroupOption(Guid Id, string Name);

public sealed record PortfolioView(string LabName, bool MayEdit, IReadOnlyList<PortfolioItem> Experiments, IReadOnlyList<WorkingGroupOption> WorkingGroups);

public sealed record NeedOption(Guid Id, string Text);

public sealed record HypothesisOption(Guid Id, string Statement, string OrganisationName);

public sealed record IndicatorOption(Guid Id, string Name, Guid HypothesisId, string OrganisationName);

/// <summary>What an experiment can be linked to in its lab.</summary>
public sealed record ExperimentChoices(
    string LabName, IReadOnlyList<NeedOption> Needs, IReadOnlyList<HypothesisOption> Hypotheses, IReadOnlyList<IndicatorOption> Indicators, IReadOnlyList<WorkingGroupOption> WorkingGroups);

/// <summary>One move of the history, with the mover's name (null when unknown or deleted).</summary>
public sealed record MoveRow(ExperimentStatus From, ExperimentStatus To, DateTimeOffset At, string? ByName, string Reason);

public sealed record ExperimentView(
    Guid Id, uint Version, string LabName, bool MayEdit, ExperimentInput Input, ExperimentStatus Status, DateTimeOffset StatusSince,
    ExperimentStatus? PostponedFrom, IReadOnlyList<ExperimentStatus> AllowedMoves, WorkingGroupOption? WorkingGroup,
    IReadOnlyList<NeedOption> Needs, IReadOnlyList<HypothesisOption> Hypotheses, IReadOnlyList<IndicatorOption> Indicators,
    IReadOnlyList<MoveRow> History);
