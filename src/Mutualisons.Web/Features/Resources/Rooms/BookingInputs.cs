using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.Web.Features.Resources.Rooms;

/// <summary>A room of the shared place as its form edits it.</summary>
public sealed class RoomInput
{
    public string Name { get; set; } = string.Empty;

    public int? Capacity { get; set; }

    public string? Equipment { get; set; }

    public uint? Version { get; set; }
}

public sealed class RoomInputValidator : AbstractValidator<RoomInput>
{
    public RoomInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Rooms.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Capacity).NotNull().WithMessage(_ => l["Validation.Rooms.CapacityRequired"])
            .InclusiveBetween(1, Domain.Resources.ResourceDeclaration.MaxCapacity).WithMessage(_ => l["Validation.Resources.Quantity", Domain.Resources.ResourceDeclaration.MaxCapacity]);
        RuleFor(i => i.Equipment).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
    }
}

/// <summary>A booking as its form gives it: a room, the occupant organisation, a day, a time range (Brussels time) and why.</summary>
public sealed class BookingInput
{
    public Guid RoomId { get; set; }

    public Guid? OrganisationId { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? Date { get; set; }

    /// <summary>HH:mm.</summary>
    public string? From { get; set; }

    public string? Until { get; set; }

    public string Purpose { get; set; } = string.Empty;

    /// <summary>The booking repeats every <see cref="EveryWeeks"/> weeks, until <see cref="RepeatUntil"/> or <see cref="RepeatCount"/> times.</summary>
    public bool Repeats { get; set; }

    public int? EveryWeeks { get; set; } = 1;

    /// <summary>The series ends after <see cref="RepeatCount"/> occurrences rather than on <see cref="RepeatUntil"/>.</summary>
    public bool EndsAfterCount { get; set; }

    /// <summary>yyyy-MM-dd, included.</summary>
    public string? RepeatUntil { get; set; }

    public int? RepeatCount { get; set; }

    /// <summary>When some occurrences are taken: book the free ones only (otherwise nothing is booked and the taken ones are listed).</summary>
    public bool FreeOnly { get; set; }

    /// <summary>How the booking repeats, when it does.</summary>
    public Recurrence? Recurrence() =>
        Repeats ? new Recurrence(EveryWeeks ?? 0, EndsAfterCount ? null : DayText.Parse(RepeatUntil), EndsAfterCount ? RepeatCount : null) : null;
}

public sealed class BookingInputValidator : AbstractValidator<BookingInput>
{
    public BookingInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.OrganisationId).NotNull().WithMessage(_ => l["Validation.Resources.OrganisationRequired"]);
        RuleFor(i => i.Date).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
        RuleFor(i => i.From).Must(t => TimeText.Parse(t) is not null).WithMessage(_ => l["Validation.Resources.TimeInvalid"]);
        RuleFor(i => i.Until).Must(t => TimeText.Parse(t) is not null).WithMessage(_ => l["Validation.Resources.TimeInvalid"])
            .Must((i, t) => TimeText.Parse(i.From) is not { } from || TimeText.Parse(t) is not { } until || from < until).WithMessage(_ => l["Validation.Rooms.EndsBeforeStart"]);
        RuleFor(i => i.Purpose)
            .NotEmpty().WithMessage(_ => l["Validation.Rooms.PurposeRequired"])
            .MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        When(i => i.Repeats, () =>
        {
            RuleFor(i => i.EveryWeeks).NotNull().WithMessage(_ => l["Validation.Rooms.EveryWeeks", Recurrence.MaxEveryWeeks])
                .InclusiveBetween(1, Recurrence.MaxEveryWeeks).WithMessage(_ => l["Validation.Rooms.EveryWeeks", Recurrence.MaxEveryWeeks]);
            RuleFor(i => i.RepeatUntil).Must((i, until) => DayText.Parse(until) is { } last && (DayText.Parse(i.Date) is not { } first || last >= first))
                .When(i => !i.EndsAfterCount).WithMessage(_ => l["Validation.Rooms.RepeatUntil"]);
            RuleFor(i => i.RepeatCount).NotNull().WithMessage(_ => l["Validation.Rooms.RepeatCount", Recurrence.MaxOccurrences])
                .InclusiveBetween(2, Recurrence.MaxOccurrences).WithMessage(_ => l["Validation.Rooms.RepeatCount", Recurrence.MaxOccurrences])
                .When(i => i.EndsAfterCount);
        });
    }
}
