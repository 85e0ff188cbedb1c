using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Labs;

/// <summary>Where the team stands in one cycle, and its notes.</summary>
public sealed class RecordCycleInput
{
    public CycleState State { get; set; }

    public string? Notes { get; set; }

    public uint Version { get; set; }
}

public sealed class RecordCycleInputValidator : AbstractValidator<RecordCycleInput>
{
    public RecordCycleInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var l = localizer;
        RuleFor(c => c.State).IsInEnum().WithMessage(_ => l["Validation.Lab.StateRequired"]);
        RuleFor(c => c.Notes).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
    }
}
