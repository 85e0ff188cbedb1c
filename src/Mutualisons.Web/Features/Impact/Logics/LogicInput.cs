using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Impact.Logics;

/// <summary>A logic the lab pursues, as the form edits it: what it expects, and what the logic should serve.</summary>
public sealed class LogicInput
{
    public MutualisationLogic Logic { get; set; }

    public string? Expectation { get; set; }

    public HashSet<Guid> HypothesisIds { get; init; } = [];

    public HashSet<ImpactObjective> Objectives { get; init; } = [];

    public HashSet<ScalingStrategy> Strategies { get; init; } = [];

    /// <summary>The version the person saw; null when the lab starts pursuing the logic.</summary>
    public uint? Version { get; set; }

    public LogicAims ToAims() => new(Expectation, Objectives, Strategies);
}

public sealed class LogicInputValidator : AbstractValidator<LogicInput>
{
    public LogicInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Logic).IsInEnum();
        RuleFor(i => i.Expectation).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleForEach(i => i.Objectives).IsInEnum();
        RuleForEach(i => i.Strategies).IsInEnum();
        RuleFor(i => i.HypothesisIds).Must(ids => !ids.Contains(Guid.Empty)).WithMessage(_ => l["Validation.ImpactLogic.HypothesisUnknown"]);
        // A logic is pursued for an effect: at least one objective says which.
        RuleFor(i => i.Objectives).NotEmpty().WithMessage(_ => l["Validation.ImpactLogic.ObjectiveRequired"]);
    }
}
