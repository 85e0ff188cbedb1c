using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Web.Features.ToolConfiguration.Experiments;

/// <summary>An experiment as its form edits it: what it is, what it needs, where it sits, what it is linked to.</summary>
public sealed class ExperimentInput
{
    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Budget { get; set; }

    public string? StaffTime { get; set; }

    public string? Rooms { get; set; }

    public string? Data { get; set; }

    public CooperationLevel CooperationLevel { get; set; } = CooperationLevel.Simple;

    public MutualisationLogic? Logic { get; set; }

    public string? ExpectedImpact { get; set; }

    public int? Feasibility { get; set; }

    public int? ImpactScore { get; set; }

    public Guid? WorkingGroupId { get; set; }

    public HashSet<Guid> NeedIds { get; init; } = [];

    public HashSet<Guid> HypothesisIds { get; init; } = [];

    public HashSet<Guid> IndicatorIds { get; init; } = [];

    /// <summary>The version the person saw; null for a new experiment.</summary>
    public uint? Version { get; set; }

    public ExperimentDescription ToDescription() =>
        new(Title, Description, new ExperimentMeans(Budget, StaffTime, Rooms, Data), CooperationLevel, Logic, ExpectedImpact);
}

public sealed class ExperimentInputValidator : AbstractValidator<ExperimentInput>
{
    public ExperimentInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Title)
            .NotEmpty().WithMessage(_ => l["Validation.Experiment.TitleRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Description).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.ExpectedImpact).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.Budget).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.StaffTime).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.Rooms).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.Data).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.CooperationLevel).IsInEnum();
        RuleFor(i => i.Logic).IsInEnum();
        RuleFor(i => i.Feasibility).InclusiveBetween(Experiment.LowestScore, Experiment.HighestScore).WithMessage(_ => l["Validation.Experiment.Score"]);
        RuleFor(i => i.ImpactScore).InclusiveBetween(Experiment.LowestScore, Experiment.HighestScore).WithMessage(_ => l["Validation.Experiment.Score"]);
    }
}

/// <summary>A lifecycle move: where to, and why.</summary>
public sealed class MoveInput
{
    public ExperimentStatus To { get; set; }

    public string Reason { get; set; } = string.Empty;
}

public sealed class MoveInputValidator : AbstractValidator<MoveInput>
{
    public MoveInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.To).IsInEnum();
        RuleFor(i => i.Reason)
            .NotEmpty().WithMessage(_ => l["Validation.Experiment.ReasonRequired"])
            .MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}
