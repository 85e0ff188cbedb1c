namespace Mutualisons.Domain.Resources;

/// <summary>What an organisation offers or needs (2018 diagnosis: places, data, workforce and expertise, services).</summary>
public enum PooledResourceKind
{
    /// <summary>Lieux: a room or a space, with its capacity, area, equipment and when it is free.</summary>
    Place,

    /// <summary>Données: a data set, with its theme, format, licence and how often it is updated.</summary>
    DataSet,

    /// <summary>Forces vives et expertises: hours of a skill each month.</summary>
    Workforce,

    /// <summary>Services: anything else one organisation does for another.</summary>
    Service,
}

/// <summary>Whether a declaration is something an organisation can give or something it is looking for.</summary>
public enum ResourceSide
{
    Offer,
    Need,
}

/// <summary>The expertise the Bota 75 workshop wanted to share, and a few more the 2018 diagnosis names.</summary>
public enum Skill
{
    Gdpr,
    InformationTechnology,
    PublicProcurement,
    Fundraising,
    Insurance,
    Accounting,
    HumanResources,
    Communication,
    Legal,
    Translation,
}

/// <summary>How often a data set is refreshed.</summary>
public enum UpdateFrequency
{
    Continuous,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Occasional,
}

/// <summary>Days of the week a place is available (several at once).</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class WeekdaysExtensions
{
    public const Weekdays All = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday | Weekdays.Saturday | Weekdays.Sunday;

    /// <summary>The single days in <paramref name="days"/>, Monday first.</summary>
    public static IReadOnlyList<Weekdays> Each(this Weekdays days) =>
        [.. Enum.GetValues<Weekdays>().Where(d => d != Weekdays.None && days.HasFlag(d))];

    public static Weekdays Of(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        _ => Weekdays.Sunday,
    };
}
