using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Domain.Tests.Resources;

public sealed class BookingRulesTests
{
    private static readonly TimeSpan Brussels = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, Brussels);
    private static readonly Room Room = new(Guid.NewGuid(), "Salle du 3e", 20, "Projecteur", Now);
    private static readonly Guid Mdm = Guid.NewGuid();

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, Brussels);

    private static string Refusal(DateTimeOffset start, DateTimeOffset end, string purpose = "Réunion") =>
        Assert.Throws<DomainException>(() => new Booking(Room, Mdm, start, end, purpose, null, Now)).Code;

    [Fact]
    public void A_booking_in_the_past_across_midnight_backwards_or_too_short_is_refused()
    {
        Assert.Equal("Booking.InThePast", Refusal(At(2, 14), At(2, 16)));
        Assert.Equal("Booking.AcrossMidnight", Refusal(At(4, 22), At(5, 2)));
        Assert.Equal("Booking.EndsBeforeStart", Refusal(At(4, 16), At(4, 14)));
        Assert.Equal("Booking.TooShort", Refusal(At(4, 16), At(4, 16, 5)));
        Assert.Equal("Booking.PurposeRequired", Refusal(At(4, 14), At(4, 16), " "));
    }

    [Fact]
    public void A_booking_may_end_at_midnight_and_is_stored_in_utc()
    {
        var evening = new Booking(Room, Mdm, At(4, 20), At(5, 0), "Soirée", null, Now);

        Assert.Equal((TimeSpan.Zero, 19), (evening.StartsAt.Offset, evening.StartsAt.Hour));
    }

    [Fact]
    public void A_cancelled_booking_cannot_be_cancelled_again_nor_one_that_is_over()
    {
        var booking = new Booking(Room, Mdm, At(4, 14), At(4, 16), "Atelier", null, Now);
        booking.Cancel(Now);

        Assert.True(booking.IsCancelled);
        Assert.Equal("Booking.AlreadyCancelled", Assert.Throws<DomainException>(() => booking.Cancel(Now)).Code);
        var over = new Booking(Room, Mdm, At(4, 14), At(4, 16), "Atelier", null, Now);
        Assert.Equal("Booking.AlreadyOver", Assert.Throws<DomainException>(() => over.Cancel(At(4, 17))).Code);
    }

    [Fact]
    public void Free_slots_are_the_gaps_long_enough_nearest_to_the_wanted_start()
    {
        (DateTimeOffset, DateTimeOffset)[] taken = [(At(4, 9), At(4, 10)), (At(4, 14), At(4, 16)), (At(4, 18), At(4, 19))];

        var free = FreeSlots.Around(At(4, 14), TimeSpan.FromHours(2), At(4, 8), At(4, 22), taken, Now);

        Assert.Equal([(At(4, 10), At(4, 14)), (At(4, 16), At(4, 18)), (At(4, 19), At(4, 22))], free.Select(f => (f.From, f.Until)));
    }
}
