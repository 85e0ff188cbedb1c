using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Workshops;

namespace Mutualisons.Web.Features.Workshops.Preparation;

/// <summary>A step as the facilitator fills it in; options are typed one per line.</summary>
public sealed class StepInput
{
    public WorkshopStepKind Kind { get; set; } = WorkshopStepKind.Ideas;

    public string Prompt { get; set; } = string.Empty;

    public bool Anonymous { get; set; }

    public int IdeasPerPerson { get; set; } = StepSettings.DefaultIdeasPerPerson;

    public Guid? SourceStepId { get; set; }

    public string Options { get; set; } = string.Empty;

    public int DotsPerPerson { get; set; } = StepSettings.DefaultDots;

    public int MaxDotsPerItem { get; set; } = StepSettings.DefaultMaxPerItem;

    public PollKind PollKind { get; set; } = PollKind.SingleChoice;

    public string? AxisX { get; set; }

    public string? AxisY { get; set; }

    public IReadOnlyList<string> OptionList => [.. Options.Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0)];

    public StepSettings ToSettings() =>
        new(Prompt, Anonymous, IdeasPerPerson, SourceStepId, OptionList, DotsPerPerson, MaxDotsPerItem, PollKind, AxisX, AxisY);

    public static StepInput From(WorkshopStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var settings = step.Settings;
        return new StepInput
        {
            Kind = step.Kind,
            Prompt = settings.Prompt,
            Anonymous = settings.Anonymous,
            IdeasPerPerson = settings.IdeasPerPerson,
            SourceStepId = settings.SourceStepId,
            Options = string.Join('\n', settings.Options ?? []),
            DotsPerPerson = settings.DotsPerPerson,
            MaxDotsPerItem = settings.MaxDotsPerItem,
            PollKind = settings.PollKind,
            AxisX = settings.AxisX,
            AxisY = settings.AxisY,
        };
    }
}

/// <summary>What can be told before the workshop is read; the workshop then checks sources and lists (Rule.Workshop.*).</summary>
public sealed class StepInputValidator : AbstractValidator<StepInput>
{
    public StepInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(s => s.Kind).IsInEnum();
        RuleFor(s => s.Prompt)
            .NotEmpty().WithMessage(_ => l["Validation.Workshop.PromptRequired"])
            .MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(s => s.IdeasPerPerson).InclusiveBetween(1, WorkshopStep.MaxIdeasPerPerson)
            .When(s => s.Kind == WorkshopStepKind.Ideas).WithMessage(_ => l["Validation.Between", 1, WorkshopStep.MaxIdeasPerPerson]);
        RuleFor(s => s.DotsPerPerson).InclusiveBetween(1, WorkshopStep.MaxDots)
            .When(s => s.Kind == WorkshopStepKind.DotVote).WithMessage(_ => l["Validation.Between", 1, WorkshopStep.MaxDots]);
        RuleFor(s => s.MaxDotsPerItem).Must((s, max) => max >= 1 && max <= s.DotsPerPerson)
            .When(s => s.Kind == WorkshopStepKind.DotVote).WithMessage(s => l["Validation.Between", 1, s.DotsPerPerson]);
        RuleFor(s => s.Options).Must(o => o.Split('\n').Count(line => line.Trim().Length > 0) <= WorkshopStep.MaxOptions)
            .WithMessage(_ => l["Validation.Workshop.TooManyOptions", WorkshopStep.MaxOptions])
            .Must(o => o.Split('\n').All(line => line.Trim().Length <= WorkshopStep.OptionLength))
            .WithMessage(_ => l["Validation.Workshop.OptionTooLong", WorkshopStep.OptionLength]);
        RuleFor(s => s.PollKind).IsInEnum();
        RuleFor(s => s.AxisX).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(s => s.AxisY).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
    }
}
