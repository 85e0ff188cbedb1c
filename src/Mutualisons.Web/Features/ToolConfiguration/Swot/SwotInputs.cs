using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.ToolConfiguration.Swot;

/// <summary>An item of a theme's SWOT board as its form edits it.</summary>
public sealed class SwotItemInput
{
    public ResourceKind Theme { get; set; } = ResourceKind.Place;

    public SwotQuadrant Quadrant { get; set; } = SwotQuadrant.Strength;

    public string Text { get; set; } = string.Empty;

    /// <summary>The notebook's opportunity it instances (opportunities only).</summary>
    public MutualisationOpportunity? Opportunity { get; set; }

    /// <summary>The notebook's risk it instances (threats only).</summary>
    public MutualisationRisk? Risk { get; set; }

    public HashSet<Guid> ExperimentIds { get; init; } = [];

    public uint? Version { get; set; }
}

public sealed class SwotItemInputValidator : AbstractValidator<SwotItemInput>
{
    public SwotItemInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Theme).IsInEnum().WithMessage(_ => l["Validation.Swot.ThemeRequired"]);
        RuleFor(i => i.Quadrant).IsInEnum().WithMessage(_ => l["Validation.Swot.QuadrantRequired"]);
        RuleFor(i => i.Text)
            .NotEmpty().WithMessage(_ => l["Validation.Swot.TextRequired"])
            .MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
        RuleFor(i => i.Opportunity)
            .IsInEnum().WithMessage(_ => l["Validation.Swot.PromptUnknown"])
            .Must((input, opportunity) => opportunity is null || input.Quadrant == SwotQuadrant.Opportunity).WithMessage(_ => l["Validation.Swot.OpportunityOutsideOpportunities"]);
        RuleFor(i => i.Risk)
            .IsInEnum().WithMessage(_ => l["Validation.Swot.PromptUnknown"])
            .Must((input, risk) => risk is null || input.Quadrant == SwotQuadrant.Threat).WithMessage(_ => l["Validation.Swot.RiskOutsideThreats"]);
    }
}
