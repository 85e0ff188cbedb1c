using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.Web.Features.Notebook;

/// <summary>A story as its form edits it.</summary>
public sealed class StoryInput
{
    public string Title { get; set; } = string.Empty;

    /// <summary>yyyy-MM-dd, as a date input gives it.</summary>
    public string? HappenedOn { get; set; }

    public string Body { get; set; } = string.Empty;

    public HashSet<Cycle> Cycles { get; init; } = [];

    public Guid? ActivityId { get; set; }

    public Guid? ExperimentId { get; set; }

    public bool InNotebook { get; set; }

    public uint? Version { get; set; }
}

public sealed class StoryInputValidator : AbstractValidator<StoryInput>
{
    public StoryInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Title)
            .NotEmpty().WithMessage(_ => l["Validation.Story.TitleRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.HappenedOn).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
        RuleFor(i => i.Body)
            .NotEmpty().WithMessage(_ => l["Validation.Story.BodyRequired"])
            .MaximumLength(Limits.Story).WithMessage(_ => l["Validation.TooLong", Limits.Story]);
        RuleFor(i => i.Cycles)
            .NotEmpty().WithMessage(_ => l["Validation.Story.CycleRequired"])
            .Must(cycles => cycles.All(Enum.IsDefined)).WithMessage(_ => l["Validation.Story.CycleRequired"]);
    }
}

/// <summary>A picture to add to a story: its bytes as uploaded and what it shows.</summary>
public sealed class StoryImageInput
{
    public string AltText { get; set; } = string.Empty;

    /// <summary>The file's bytes; null until one is chosen.</summary>
    public byte[]? Bytes { get; set; }

    /// <summary>The chosen file's size; a file over the limit is refused from its size, without reading it.</summary>
    public long? Size { get; set; }
}

public sealed class StoryImageInputValidator : AbstractValidator<StoryImageInput>
{
    public StoryImageInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.AltText)
            .NotEmpty().WithMessage(_ => l["Validation.Story.AltTextRequired"])
            .MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.Bytes).Custom((bytes, context) =>
        {
            // One message at a time, on the file field: too large (never read), none chosen, or not a picture.
            var size = context.InstanceToValidate.Size;
            if (size > StoryImage.MaxBytes || bytes?.Length > StoryImage.MaxBytes)
            {
                context.AddFailure(l["Validation.Story.ImageTooLarge", StoryImage.MaxBytes / (1024 * 1024)]);
            }
            else if (bytes is null)
            {
                context.AddFailure(l["Validation.Story.ImageRequired"]);
            }
            else if (StoryImage.Sniff(bytes) is null)
            {
                context.AddFailure(l["Validation.Story.ImageType"]);
            }
        });
    }
}

/// <summary>An inspiration as its form edits it.</summary>
public sealed class InspirationInput
{
    public string Name { get; set; } = string.Empty;

    public string? Where { get; set; }

    public string Lesson { get; set; } = string.Empty;

    public string? Link { get; set; }

    public HashSet<MutualisationOpportunity> Opportunities { get; init; } = [];

    public HashSet<MutualisationRisk> Risks { get; init; } = [];

    public HashSet<Cycle> Cycles { get; init; } = [];

    public Guid? ExperimentId { get; set; }

    public uint? Version { get; set; }
}

public sealed class InspirationInputValidator : AbstractValidator<InspirationInput>
{
    public InspirationInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Inspiration.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Where).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(i => i.Lesson)
            .NotEmpty().WithMessage(_ => l["Validation.Inspiration.LessonRequired"])
            .MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.Link)
            .MaximumLength(Limits.Url).WithMessage(_ => l["Validation.TooLong", Limits.Url])
            .Must(link => string.IsNullOrWhiteSpace(link) || Inspiration.IsWebAddress(link.Trim())).WithMessage(_ => l["Validation.Inspiration.LinkInvalid"]);
        RuleFor(i => i.Opportunities)
            .Must((input, opportunities) => opportunities.Count > 0 || input.Risks.Count > 0).WithMessage(_ => l["Validation.Inspiration.NothingShown"]);
    }
}

/// <summary>A navigation check-in as its form edits it.</summary>
public sealed class CheckInInput
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? HeldOn { get; set; }

    public string WhereWeAre { get; set; } = string.Empty;

    public string? Worries { get; set; }

    public NavigationWeather Weather { get; set; } = NavigationWeather.Cloudy;

    public FacilitationNeed Facilitation { get; set; } = FacilitationNeed.No;
}

public sealed class CheckInInputValidator : AbstractValidator<CheckInInput>
{
    public CheckInInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.HeldOn).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
        RuleFor(i => i.WhereWeAre)
            .NotEmpty().WithMessage(_ => l["Validation.CheckIn.WhereRequired"])
            .MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.Worries).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.Weather).IsInEnum().WithMessage(_ => l["Validation.CheckIn.WeatherRequired"]);
        RuleFor(i => i.Facilitation).IsInEnum().WithMessage(_ => l["Validation.CheckIn.WeatherRequired"]);
    }
}
