using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
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
    }
}
