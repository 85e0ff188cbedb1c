using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.Web.Features.Resources;

/// <summary>"HH:mm" as a time input gives it.</summary>
public static class TimeText
{
    public static TimeOnly? Parse(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static string Of(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>An offer or a need as its form edits it; only the fields of its kind are used.</summary>
public sealed class DeclarationInput
{
    public Guid? OrganisationId { get; set; }

    public ResourceSide Side { get; set; } = ResourceSide.Offer;

    public PooledResourceKind Kind { get; set; } = PooledResourceKind.Place;

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public int? Capacity { get; set; }

    public decimal? AreaSquareMetres { get; set; }

    public string? Equipment { get; set; }

    public Weekdays Days { get; set; }

    public string? From { get; set; }

    public string? Until { get; set; }

    public string? Theme { get; set; }

    public string? Format { get; set; }

    public string? Licence { get; set; }

    public UpdateFrequency? UpdateFrequency { get; set; }

    public Skill? Skill { get; set; }

    public decimal? HoursPerMonth { get; set; }

    /// <summary>For a need (not a data set): how far the offering organisation may be, in km.</summary>
    public int? MaxDistanceKm { get; set; }

    public uint? Version { get; set; }

    public ResourceDetails ToDetails() => new(Title, Description, Capacity, AreaSquareMetres, Equipment, Days,
        TimeText.Parse(From), TimeText.Parse(Until), Theme, Format, Licence, UpdateFrequency, Skill, HoursPerMonth, MaxDistanceKm);

    public static DeclarationInput Of(ResourceDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return new()
        {
            OrganisationId = declaration.OrganisationId,
            Side = declaration.Side,
            Kind = declaration.Kind,
            Title = declaration.Title,
            Description = declaration.Description,
            Capacity = declaration.Capacity,
            AreaSquareMetres = declaration.AreaSquareMetres,
            Equipment = declaration.Equipment,
            Days = declaration.Days,
            From = declaration.From is { } from ? TimeText.Of(from) : null,
            Until = declaration.Until is { } until ? TimeText.Of(until) : null,
            Theme = declaration.Theme,
            Format = declaration.Format,
            Licence = declaration.Licence,
            UpdateFrequency = declaration.UpdateFrequency,
            Skill = declaration.Skill,
            HoursPerMonth = declaration.HoursPerMonth,
            MaxDistanceKm = declaration.MaxDistanceKm,
            Version = declaration.Version,
        };
    }
}

public sealed class DeclarationInputValidator : AbstractValidator<DeclarationInput>
{
    public DeclarationInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.OrganisationId).NotNull().WithMessage(_ => l["Validation.Resources.OrganisationRequired"]);
        RuleFor(i => i.Side).IsInEnum();
        RuleFor(i => i.Kind).IsInEnum();
        RuleFor(i => i.Title)
            .NotEmpty().WithMessage(_ => l["Validation.Resources.TitleRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Description).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        When(i => i.Kind == PooledResourceKind.Place, () =>
        {
            RuleFor(i => i.Capacity).InclusiveBetween(1, ResourceDeclaration.MaxCapacity).When(i => i.Capacity is not null)
                .WithMessage(_ => l["Validation.Resources.Quantity", ResourceDeclaration.MaxCapacity]);
            RuleFor(i => i.AreaSquareMetres).GreaterThan(0).LessThanOrEqualTo(ResourceDeclaration.MaxArea).When(i => i.AreaSquareMetres is not null)
                .WithMessage(_ => l["Validation.Resources.Quantity", ResourceDeclaration.MaxArea]);
            RuleFor(i => i.AreaSquareMetres).NotNull().When(i => i.Side == ResourceSide.Offer && i.Capacity is null)
                .WithMessage(_ => l["Validation.Resources.PlaceSizeRequired"]);
            RuleFor(i => i.Equipment).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
            RuleFor(i => i.From).Must(t => string.IsNullOrEmpty(t) || TimeText.Parse(t) is not null).WithMessage(_ => l["Validation.Resources.TimeInvalid"]);
            RuleFor(i => i.Until).Must(t => string.IsNullOrEmpty(t) || TimeText.Parse(t) is not null).WithMessage(_ => l["Validation.Resources.TimeInvalid"])
                .Must((i, t) => string.IsNullOrEmpty(i.From) == string.IsNullOrEmpty(t)).WithMessage(_ => l["Validation.Resources.TimeRangeIncomplete"])
                .Must((i, t) => TimeText.Parse(i.From) is not { } from || TimeText.Parse(t) is not { } until || from < until).WithMessage(_ => l["Validation.Resources.TimeRangeInverted"]);
            RuleFor(i => i.Days).NotEqual(Weekdays.None).When(i => !string.IsNullOrEmpty(i.From)).WithMessage(_ => l["Validation.Resources.DaysRequired"]);
        });
        When(i => i.Kind == PooledResourceKind.DataSet, () =>
        {
            RuleFor(i => i.Theme)
                .NotEmpty().WithMessage(_ => l["Validation.Resources.ThemeRequired"])
                .MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
            RuleFor(i => i.Format).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
            RuleFor(i => i.Licence).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
            RuleFor(i => i.UpdateFrequency).IsInEnum();
        });
        When(i => i.Kind == PooledResourceKind.Workforce, () =>
        {
            RuleFor(i => i.Skill).NotNull().WithMessage(_ => l["Validation.Resources.SkillRequired"]).IsInEnum();
            RuleFor(i => i.HoursPerMonth).NotNull().WithMessage(_ => l["Validation.Resources.HoursRequired"]);
        });
        RuleFor(i => i.MaxDistanceKm).InclusiveBetween(1, ResourceDeclaration.MaxDistanceKmLimit)
            .When(i => i.Side == ResourceSide.Need && i.Kind != PooledResourceKind.DataSet && i.MaxDistanceKm is not null)
            .WithMessage(_ => l["Validation.Resources.Distance", ResourceDeclaration.MaxDistanceKmLimit]);
        When(i => i.Kind is PooledResourceKind.Workforce or PooledResourceKind.Service, () =>
            RuleFor(i => i.HoursPerMonth).GreaterThan(0).LessThanOrEqualTo(ResourceDeclaration.MaxHoursPerMonth).When(i => i.HoursPerMonth is not null)
                .WithMessage(_ => l["Validation.Resources.Quantity", ResourceDeclaration.MaxHoursPerMonth]));
    }
}

/// <summary>A match turned into an agreement: the terms and dates the parties agreed.</summary>
public sealed class AgreementInput
{
    public Guid OfferId { get; set; }

    public Guid NeedId { get; set; }

    public string Terms { get; set; } = string.Empty;

    /// <summary>yyyy-MM-dd, as a date input gives it.</summary>
    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public decimal? YearlyCostSaved { get; set; }
}

public sealed class AgreementInputValidator : AbstractValidator<AgreementInput>
{
    public AgreementInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Terms)
            .NotEmpty().WithMessage(_ => l["Validation.Resources.TermsRequired"])
            .MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.StartsOn).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
        RuleFor(i => i.EndsOn)
            .Must(d => string.IsNullOrEmpty(d) || DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"])
            .Must((i, d) => DayText.Parse(d) is not { } end || DayText.Parse(i.StartsOn) is not { } start || end >= start).WithMessage(_ => l["Validation.Resources.EndsBeforeStart"]);
        RuleFor(i => i.YearlyCostSaved).GreaterThanOrEqualTo(0).When(i => i.YearlyCostSaved is not null).WithMessage(_ => l["Validation.Resources.CostSavedInvalid"]);
    }
}
