using System.Globalization;

namespace Mutualisons.Web.Localization;

public static class Formats
{
    // The labs work in Brussels; without time-zone data on the machine, UTC is the honest fallback.
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A date as people read it in the current language ("4 déc. 2018", "4 dec. 2018").</summary>
    public static string Date(DateTimeOffset moment) => moment.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static TimeSpan BrusselsOffset(DateTime day) => Brussels.GetUtcOffset(day);

    /// <summary>The calendar day of a moment in Brussels, for date pickers.</summary>
    public static DateTime BrusselsDay(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Brussels).Date;

    /// <summary>The labs' time zone as people read it, e.g. "Europe/Brussels".</summary>
    public static string BrusselsZoneName => Brussels.Id;

    /// <summary>A wall-clock date and time in Brussels as a moment (a time skipped by the clock change moves forward).</summary>
    public static DateTimeOffset FromBrussels(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Brussels.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }
        return new DateTimeOffset(wall, Brussels.GetUtcOffset(wall));
    }

    /// <summary>A moment as Brussels' clocks show it (its offset is Brussels' at that moment).</summary>
    public static DateTimeOffset InBrussels(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Brussels);

    /// <summary>A moment as a date and time in Brussels, e.g. "4 déc. 2026 14:30".</summary>
    public static string BrusselsDateTime(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Brussels).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
