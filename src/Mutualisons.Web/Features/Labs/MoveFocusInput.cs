using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Labs;

/// <summary>A request to move the lab's focus to a cycle, with the reason the journal will keep.</summary>
public sealed class MoveFocusInput
{
    public Cycle To { get; set; }

    public string Reason { get; set; } = string.Empty;

    public uint Version { get; set; }
}

public sealed class MoveFocusInputValidator : AbstractValidator<MoveFocusInput>
{
    public MoveFocusInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var l = localizer;
        RuleFor(m => m.To).IsInEnum().WithMessage(_ => l["Validation.Lab.CycleRequired"]);
        RuleFor(m => m.Reason)
            .NotEmpty().WithMessage(_ => l["Validation.Lab.ReasonRequired"])
            .MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}
