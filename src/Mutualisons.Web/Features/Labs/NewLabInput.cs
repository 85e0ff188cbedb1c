using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Labs;

/// <summary>A new living lab, as the platform administrator describes it.</summary>
public sealed class NewLabInput
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public HashSet<ResourceKind> ResourceKinds { get; init; } = [];

    public CooperationLevel CooperationLevel { get; set; } = CooperationLevel.Simple;
}

public sealed class NewLabInputValidator : AbstractValidator<NewLabInput>
{
    public NewLabInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Lab.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Description).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.ResourceKinds).NotEmpty().WithMessage(_ => l["Validation.Lab.ResourceKindRequired"]);
        RuleForEach(i => i.ResourceKinds).IsInEnum();
        RuleFor(i => i.CooperationLevel).IsInEnum();
    }
}
