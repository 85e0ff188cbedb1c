using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;

namespace Mutualisons.Web.Features.Organisations;

/// <summary>Serves the form (messages beside each field) and the service (checked again before saving).</summary>
public sealed class OrganisationInputValidator : AbstractValidator<OrganisationInput>
{
    public OrganisationInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var l = localizer;

        RuleFor(o => o.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Organisation.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(o => o.Kind)
            .NotNull().WithMessage(_ => l["Validation.Organisation.KindRequired"])
            .IsInEnum().WithMessage(_ => l["Validation.Organisation.KindRequired"]);
        RuleFor(o => o.Sector).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(o => o.Mission).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(o => o.Website)
            .MaximumLength(Limits.Url).WithMessage(_ => l["Validation.TooLong", Limits.Url])
            .Must(BeAWebAddress).WithMessage(_ => l["Validation.Organisation.WebsiteInvalid"]);
        RuleFor(o => o.Street).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(o => o.PostalCode).MaximumLength(Limits.PostalCode).WithMessage(_ => l["Validation.TooLong", Limits.PostalCode]);
        RuleFor(o => o.City).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(o => o.Country).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(o => o.Latitude).InclusiveBetween(-90, 90).WithMessage(_ => l["Validation.Organisation.LatitudeRange"]);
        RuleFor(o => o.Longitude).InclusiveBetween(-180, 180).WithMessage(_ => l["Validation.Organisation.LongitudeRange"]);
        // Separate rules: a When() would also switch off the range checks above.
        RuleFor(o => o.Latitude).NotNull().When(o => o.Longitude.HasValue).WithMessage(_ => l["Validation.Organisation.CoordinatesTogether"]);
        RuleFor(o => o.Longitude).NotNull().When(o => o.Latitude.HasValue).WithMessage(_ => l["Validation.Organisation.CoordinatesTogether"]);
        RuleFor(o => o.Languages)
            .NotEmpty().WithMessage(_ => l["Validation.Organisation.LanguageRequired"]);
        RuleForEach(o => o.Languages).IsInEnum();
        RuleForEach(o => o.Contacts).SetValidator(new ContactInputValidator(localizer));
    }

    private static bool BeAWebAddress(string? website) =>
        string.IsNullOrWhiteSpace(website)
        || (Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var l = localizer;
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Contact.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Email)
            .EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage(_ => l["Validation.Contact.EmailInvalid"])
            .MaximumLength(Limits.Email).WithMessage(_ => l["Validation.TooLong", Limits.Email]);
    }
}
