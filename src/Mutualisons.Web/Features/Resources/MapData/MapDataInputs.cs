using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.Web.Features.Resources.MapData;

/// <summary>A data set's terms as its form edits them.</summary>
public sealed class DataSetInput
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Licence { get; set; } = MapDataSet.DefaultLicence;

    public MapDataVisibility Visibility { get; set; } = MapDataVisibility.Lab;

    public int? ApprovalsRequired { get; set; } = 2;

    public uint? Version { get; set; }
}

public sealed class DataSetInputValidator : AbstractValidator<DataSetInput>
{
    public DataSetInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => l["Validation.MapData.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Description).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.Licence).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.Visibility).IsInEnum();
        RuleFor(i => i.ApprovalsRequired).NotNull().WithMessage(_ => l["Validation.MapData.Approvals", MapDataSet.MaxApprovals])
            .InclusiveBetween(1, MapDataSet.MaxApprovals).WithMessage(_ => l["Validation.MapData.Approvals", MapDataSet.MaxApprovals]);
    }
}

/// <summary>A category of a data set's taxonomy: French name required, Dutch and English optional.</summary>
public sealed class CategoryInput
{
    public Guid? ParentId { get; set; }

    public string NameFr { get; set; } = string.Empty;

    public string? NameNl { get; set; }

    public string? NameEn { get; set; }
}

public sealed class CategoryInputValidator : AbstractValidator<CategoryInput>
{
    public CategoryInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.NameFr)
            .NotEmpty().WithMessage(_ => l["Validation.MapData.CategoryNameRequired"])
            .MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.NameNl).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.NameEn).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
    }
}

/// <summary>An entry as its form (or a row of an imported file) gives it.</summary>
public sealed class EntryInput
{
    public string Name { get; set; } = string.Empty;

    public IReadOnlyCollection<Guid> CategoryIds { get; set; } = [];

    public string? Address { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? DescriptionFr { get; set; }

    public string? DescriptionNl { get; set; }

    public string? DescriptionEn { get; set; }

    public string? Contact { get; set; }

    public string? OpeningHours { get; set; }

    public string? Website { get; set; }

    public Guid? SourceOrganisationId { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? LastCheckedOn { get; set; }

    public MapEntryContent ToContent() =>
        MapEntryContent.Of(Name, CategoryIds, Address, Latitude ?? double.NaN, Longitude ?? double.NaN, DescriptionFr, DescriptionNl, DescriptionEn,
            Contact, OpeningHours, Website, SourceOrganisationId ?? Guid.Empty, DayText.Parse(LastCheckedOn));

    public static EntryInput From(MapEntryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new()
        {
            Name = content.Name,
            CategoryIds = [.. content.CategoryIds],
            Address = content.Address,
            Latitude = content.Latitude,
            Longitude = content.Longitude,
            DescriptionFr = content.DescriptionFr,
            DescriptionNl = content.DescriptionNl,
            DescriptionEn = content.DescriptionEn,
            Contact = content.Contact,
            OpeningHours = content.OpeningHours,
            Website = content.Website,
            SourceOrganisationId = content.SourceOrganisationId,
            LastCheckedOn = content.LastCheckedOn is { } day ? DayText.Of(day) : null,
        };
    }
}

public sealed class EntryInputValidator : AbstractValidator<EntryInput>
{
    public EntryInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => l["Validation.MapData.EntryNameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Latitude).NotNull().WithMessage(_ => l["Validation.MapData.Latitude"])
            .InclusiveBetween(-90, 90).WithMessage(_ => l["Validation.MapData.Latitude"]);
        RuleFor(i => i.Longitude).NotNull().WithMessage(_ => l["Validation.MapData.Longitude"])
            .InclusiveBetween(-180, 180).WithMessage(_ => l["Validation.MapData.Longitude"]);
        RuleFor(i => i.Address).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.DescriptionFr).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.DescriptionNl).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.DescriptionEn).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.Contact).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.OpeningHours).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.Website).Must(MapEntryContent.IsValidWebsite).WithMessage(_ => l["Validation.MapData.Website"]);
        RuleFor(i => i.SourceOrganisationId).NotNull().WithMessage(_ => l["Validation.MapData.SourceRequired"]);
        RuleFor(i => i.LastCheckedOn).Must(d => string.IsNullOrWhiteSpace(d) || DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
    }
}

/// <summary>Why a contribution is refused.</summary>
public sealed class RefusalInput
{
    public string Reason { get; set; } = string.Empty;
}

public sealed class RefusalInputValidator : AbstractValidator<RefusalInput>
{
    public RefusalInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Reason)
            .NotEmpty().WithMessage(_ => l["Validation.MapData.ReasonRequired"])
            .MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}
