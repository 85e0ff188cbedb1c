using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Domain.Tests.Resources;

public sealed class RecurringBookingTests
{
    private static readonly TimeSpan Brussels = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, Brussels);
    private static readonly Room Room = new(Guid.NewGuid(), "Salle du 3e", 20, "Projecteur", Now);
    private static readonly Guid Mdm = Guid.NewGuid();

    private static DateOnly Day(int month, int day) => new(2026 + (month < 12 ? 1 : 0), month, day);

    private static string Refusal(Func<object> act) => Assert.Throws<DomainException>(act).Code;

    [Fact]
    public void A_weekly_series_repeats_the_day_until_a_date_included_or_a_number_of_times()
    {
        Assert.Equal([Day(12, 8), Day(12, 15), Day(12, 22), Day(12, 29)], new Recurrence(1, Day(12, 29), null).Days(Day(12, 8)));
        Assert.Equal([Day(12, 8), Day(12, 22), Day(1, 5)], new Recurrence(2, null, 3).Days(Day(12, 8)));
        // Until a day that is not one of the series: the last occurrence is before it.
        Assert.Equal([Day(12, 8), Day(12, 22)], new Recurrence(2, Day(1, 4), null).Days(Day(12, 8)));
    }

    [Fact]
    public void A_series_without_an_end_with_both_ends_too_long_or_ending_before_it_starts_is_refused()
    {
        Assert.Equal("Booking.RepeatEndRequired", Refusal(() => new Recurrence(1, null, null)));
        Assert.Equal("Booking.RepeatEndRequired", Refusal(() => new Recurrence(1, Day(12, 29), 3)));
        Assert.Equal("Booking.RepeatEveryInvalid", Refusal(() => new Recurrence(0, null, 3)));
        Assert.Equal("Booking.RepeatEveryInvalid", Refusal(() => new Recurrence(Recurrence.MaxEveryWeeks + 1, null, 3)));
        Assert.Equal("Booking.RepeatTooMany", Refusal(() => new Recurrence(1, null, Recurrence.MaxOccurrences + 1)));
        Assert.Equal("Booking.RepeatTooMany", Refusal(() => new Recurrence(1, Day(12, 8).AddYears(2), null).Days(Day(12, 8))));
        Assert.Equal("Booking.RepeatUntilBeforeStart", Refusal(() => new Recurrence(1, Day(12, 1), null).Days(Day(12, 8))));
    }

    [Fact]
    public void The_collisions_are_the_occurrences_a_live_booking_already_holds_ends_touching_do_not_collide()
    {
        Occurrence At(int day, int from, int until) => new(new DateTimeOffset(2026, 12, day, from, 0, 0, Brussels), new DateTimeOffset(2026, 12, day, until, 0, 0, Brussels));
        Occurrence[] series = [At(8, 14, 16), At(15, 14, 16), At(22, 14, 16)];
        (DateTimeOffset, DateTimeOffset)[] taken = [(At(8, 12, 14).StartsAt, At(8, 12, 14).EndsAt), (At(15, 15, 17).StartsAt, At(15, 15, 17).EndsAt), (At(23, 14, 16).StartsAt, At(23, 14, 16).EndsAt)];

        Assert.Equal([At(15, 14, 16)], Recurrence.Collisions(series, taken));
    }

    [Fact]
    public void Every_occurrence_of_a_series_is_a_booking_of_its_own_sharing_one_series_id_and_each_keeps_the_rules()
    {
        Occurrence At(int day) => new(new DateTimeOffset(2026, 12, day, 14, 0, 0, Brussels), new DateTimeOffset(2026, 12, day, 16, 0, 0, Brussels));

        var series = Booking.Series(Room, Mdm, [At(8), At(15)], "Permanence", null, Now);

        Assert.Equal(2, series.Count);
        Assert.NotNull(series[0].SeriesId);
        Assert.All(series, b => Assert.Equal(series[0].SeriesId, b.SeriesId));
        Assert.NotEqual(series[0].Id, series[1].Id);
        Assert.Equal("Booking.NothingToBook", Refusal(() => Booking.Series(Room, Mdm, [], "Permanence", null, Now)));
        Assert.Equal("Booking.InThePast", Refusal(() => Booking.Series(Room, Mdm, [At(1), At(8)], "Permanence", null, Now)));
    }
}

public sealed class OpeningHoursTests
{
    [Fact]
    public void A_rooms_month_is_fourteen_open_hours_a_day_and_the_share_booked_stays_between_none_and_all()
    {
        Assert.Equal(14m * 28, OpeningHours.InMonth(2027, 2));
        Assert.Equal(14m * 31, OpeningHours.InMonth(2026, 12));
        Assert.Equal(0.25m, OpeningHours.Share(7m * 14, 28m * 14));
        Assert.Equal(1m, OpeningHours.Share(500m, 434m));
        Assert.Null(OpeningHours.Share(3m, 0m));
    }
}
