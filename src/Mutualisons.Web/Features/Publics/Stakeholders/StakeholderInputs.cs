using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Web.Features.Publics.Stakeholders;

public sealed class StakeholderInput
{
    public StakeholderKind Kind { get; set; } = StakeholderKind.Organisation;

    public string Name { get; set; } = string.Empty;

    public string? Contact { get; set; }

    public string? Interest { get; set; }
}

public sealed class StakeholderInputValidator : AbstractValidator<StakeholderInput>
{
    public StakeholderInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(s => s.Kind).IsInEnum();
        RuleFor(s => s.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Stakeholder.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(s => s.Contact).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(s => s.Interest).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
    }
}
