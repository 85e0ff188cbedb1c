using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Publics;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.Web.Features.ToolConfiguration.WorkingGroups;

/// <summary>A working group as its form edits it.</summary>
public sealed class WorkingGroupInput
{
    public string Name { get; set; } = string.Empty;

    public string? Mission { get; set; }

    public Guid? LeadId { get; set; }

    public HashSet<Guid> MemberIds { get; init; } = [];

    /// <summary>yyyy-MM-dd, as a date input gives it; empty for none.</summary>
    public string? Deadline { get; set; }

    public uint? Version { get; set; }
}

public sealed class WorkingGroupInputValidator : AbstractValidator<WorkingGroupInput>
{
    public WorkingGroupInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => l["Validation.WorkingGroup.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Mission).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.LeadId).NotNull().WithMessage(_ => l["Validation.WorkingGroup.LeadRequired"]);
        RuleFor(i => i.Deadline).Must(d => string.IsNullOrEmpty(d) || DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
    }
}

/// <summary>A next step: what, who, by when.</summary>
public sealed class NextStepInput
{
    public string Text { get; set; } = string.Empty;

    public Guid? OwnerId { get; set; }

    public string? DueOn { get; set; }
}

public sealed class NextStepInputValidator : AbstractValidator<NextStepInput>
{
    public NextStepInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Text)
            .NotEmpty().WithMessage(_ => l["Validation.WorkingGroup.StepRequired"])
            .MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.OwnerId).NotNull().WithMessage(_ => l["Validation.WorkingGroup.OwnerRequired"]);
        RuleFor(i => i.DueOn).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
    }
}

/// <summary>A meeting of the group, planned as an activity of the lab.</summary>
public sealed class MeetingInput
{
    public string Title { get; set; } = string.Empty;

    public string? Date { get; set; }

    public string? Place { get; set; }

    public ParticipationLevel LevelOffered { get; set; } = ParticipationLevel.Collaboration;
}

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Title)
            .NotEmpty().WithMessage(_ => l["Validation.Activity.TitleRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Date).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Activity.DateRequired"]);
        RuleFor(i => i.Place).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.LevelOffered).IsInEnum();
    }
}
