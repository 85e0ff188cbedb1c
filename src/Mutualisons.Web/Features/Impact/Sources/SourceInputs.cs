using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Web.Features.Impact.Sources;

/// <summary>"Collect by questionnaire": into a draft of the lab, or into a new questionnaire with this title.</summary>
public sealed class CollectInput
{
    /// <summary>A questionnaire of the lab never published; null for a new one.</summary>
    public Guid? QuestionnaireId { get; set; }

    public string? NewTitle { get; set; }
}

public sealed class CollectInputValidator : AbstractValidator<CollectInput>
{
    public CollectInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(c => c.NewTitle)
            .NotEmpty().When(c => c.QuestionnaireId is null).WithMessage(_ => l["Validation.Impact.QuestionnaireTitleRequired"])
            .MaximumLength(QuestionnaireContent.TitleLength).WithMessage(_ => l["Validation.TooLong", QuestionnaireContent.TitleLength]);
    }
}

/// <summary>Sources an indicator from a question of one of the lab's questionnaires.</summary>
public sealed class QuestionSourceInput
{
    public Guid? QuestionnaireId { get; set; }

    public Guid? QuestionId { get; set; }

    public AnswerComputation? Computation { get; set; }

    /// <summary>For a share: the answer counted.</summary>
    public string? Choice { get; set; }
}

public sealed class QuestionSourceInputValidator : AbstractValidator<QuestionSourceInput>
{
    public QuestionSourceInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(q => q.QuestionnaireId).NotNull().WithMessage(_ => l["Validation.Impact.QuestionnaireRequired"]);
        RuleFor(q => q.QuestionId).NotNull().WithMessage(_ => l["Validation.Impact.QuestionRequired"]);
        RuleFor(q => q.Computation).NotNull().WithMessage(_ => l["Validation.Impact.ComputationRequired"]).IsInEnum();
        RuleFor(q => q.Choice)
            .NotEmpty().When(q => q.Computation == AnswerComputation.ShareChoosing).WithMessage(_ => l["Rule.Impact.ChoiceRequired"])
            .MaximumLength(80);
    }
}

/// <summary>Sources an indicator from a figure the platform holds.</summary>
public sealed class FigureSourceInput
{
    public PlatformFigure Figure { get; set; } = PlatformFigure.StakeholdersAtOrAboveLevel;

    public Cycle? Cycle { get; set; } = Domain.Labs.Cycle.Publics;

    public ParticipationLevel? Level { get; set; } = ParticipationLevel.Consultation;

    /// <summary>The indicator's unit as the form knows it, to warn before saving; the domain checks the stored one.</summary>
    public IndicatorUnit Unit { get; set; }
}

public sealed class FigureSourceInputValidator : AbstractValidator<FigureSourceInput>
{
    public FigureSourceInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(f => f.Figure).IsInEnum()
            .Must((f, figure) => figure.Fits(f.Unit)).WithMessage(_ => l["Rule.Impact.UnitDoesNotFitSource"]);
        RuleFor(f => f.Cycle).NotNull().When(f => f.Figure.NeedsLevel()).WithMessage(_ => l["Rule.Impact.FigureNeedsLevel"]);
        RuleFor(f => f.Level).NotNull().When(f => f.Figure.NeedsLevel()).WithMessage(_ => l["Rule.Impact.FigureNeedsLevel"]);
    }
}

/// <summary>What the person saw of a proposal: confirming it is refused as a conflict if newer answers changed it.</summary>
public sealed record ProposalSeen(decimal Value, DateTimeOffset Through);
