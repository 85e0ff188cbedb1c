using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Sending;

public sealed class ReminderScheduleInputValidator : AbstractValidator<ReminderScheduleInput>
{
    public ReminderScheduleInputValidator(IStringLocalizer<SharedResource> l, TimeProvider time)
    {
        RuleFor(x => x.Day).NotNull().WithMessage(l["Reminders.DayRequired"]);
        RuleFor(x => x.Time).NotNull().WithMessage(l["Reminders.TimeRequired"])
            .Must(t => t!.Value >= TimeSpan.Zero && t.Value < TimeSpan.FromDays(1)).WithMessage(l["Reminders.TimeRequired"]).When(x => x.Time is not null);
        // A reminder in the past would be sent at once: say so instead.
        RuleFor(x => x.Time).Must((input, _) => Formats.FromBrussels(input.Day!.Value.Date + input.Time!.Value) > time.GetUtcNow())
            .WithMessage(l["Reminders.InPast"]).When(x => x.Day is not null && x.Time is not null && x.Time.Value >= TimeSpan.Zero && x.Time.Value < TimeSpan.FromDays(1));
    }
}
