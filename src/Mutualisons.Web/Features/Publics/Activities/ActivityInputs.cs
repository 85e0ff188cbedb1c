using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Web.Features.Publics.Activities;

public sealed class ActivityInput
{
    public string Title { get; set; } = string.Empty;

    public ActivityKind Kind { get; set; } = ActivityKind.Workshop;

    public string? Method { get; set; }

    /// <summary>The library method it follows, if any.</summary>
    public string? MethodKey { get; set; }

    public HashSet<Cycle> Cycles { get; init; } = [];

    public DateTime? Date { get; set; }

    public string? Place { get; set; }

    public ParticipationLevel LevelOffered { get; set; } = ParticipationLevel.Consultation;

    public HashSet<Guid> Invited { get; init; } = [];
}

public sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public ActivityInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(a => a.Title)
            .NotEmpty().WithMessage(_ => l["Validation.Activity.TitleRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(a => a.Kind).IsInEnum();
        RuleFor(a => a.LevelOffered).IsInEnum();
        RuleFor(a => a.Cycles).NotEmpty().WithMessage(_ => l["Validation.Activity.CycleRequired"]);
        RuleFor(a => a.Date).NotNull().WithMessage(_ => l["Validation.Activity.DateRequired"]);
        RuleFor(a => a.Method).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(a => a.MethodKey).Must(k => k is null || Domain.Methods.MethodLibrary.Find(k) is not null).WithMessage(_ => l["Validation.Activity.MethodUnknown"]);
        RuleFor(a => a.Place).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
    }
}
