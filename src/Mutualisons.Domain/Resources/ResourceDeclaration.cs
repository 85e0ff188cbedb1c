using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Resources;

/// <summary>
/// What one member organisation says it offers or needs, by kind, as a form would give it. Only the fields of
/// the declaration's kind are kept: a room's area means nothing on a data set.
/// </summary>
public sealed record ResourceDetails(
    string Title,
    string? Description = null,
    int? Capacity = null,
    decimal? AreaSquareMetres = null,
    string? Equipment = null,
    Weekdays Days = Weekdays.None,
    TimeOnly? From = null,
    TimeOnly? Until = null,
    string? Theme = null,
    string? Format = null,
    string? Licence = null,
    UpdateFrequency? UpdateFrequency = null,
    Skill? Skill = null,
    decimal? HoursPerMonth = null,
    int? MaxDistanceKm = null);

/// <summary>
/// An offer or a need of one member organisation of a lab: a room on Tuesdays, a data set, hours of GDPR
/// expertise each month, a service. Needs are matched to offers (<see cref="ResourceMatching"/>), and a
/// match becomes a <see cref="PoolingAgreement"/>.
/// </summary>
public sealed class ResourceDeclaration : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.ResourceDeclaration;

    /// <summary>Beyond these, a figure is a typing mistake rather than a resource.</summary>
    public const int MaxCapacity = 10_000;
    public const decimal MaxArea = 100_000m;
    public const decimal MaxHoursPerMonth = 744m;

    /// <summary>Belgium end to end: a need asking for an offer further than that asks for none.</summary>
    public const int MaxDistanceKmLimit = 300;

    private ResourceDeclaration()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    public ResourceDeclaration(Guid labId, Guid organisationId, ResourceSide side, PooledResourceKind kind, ResourceDetails details, Guid? createdBy, DateTimeOffset now) : this()
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Resources.OrganisationRequired", "An offer or a need belongs to an organisation.");
        }
        Id = Guid.CreateVersion7();
        LabId = labId;
        OrganisationId = organisationId;
        Side = Guard.Defined(side, "Resources.SideInvalid");
        Kind = Guard.Defined(kind, "Resources.KindInvalid");
        CreatedBy = createdBy;
        CreatedAt = Guard.Utc(now);
        Describe(details);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public ResourceSide Side { get; private set; }

    public PooledResourceKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>A place: how many people it holds.</summary>
    public int? Capacity { get; private set; }

    /// <summary>A place: its area in m².</summary>
    public decimal? AreaSquareMetres { get; private set; }

    /// <summary>A place: what it is equipped with (projector, kitchen…).</summary>
    public string? Equipment { get; private set; }

    /// <summary>A place: the days it is available (an offer) or wanted (a need); none said means any day.</summary>
    public Weekdays Days { get; private set; }

    /// <summary>A place: from when on those days; with <see cref="Until"/>, or neither (the whole day).</summary>
    public TimeOnly? From { get; private set; }

    public TimeOnly? Until { get; private set; }

    public string? Theme { get; private set; }

    public string? Format { get; private set; }

    public string? Licence { get; private set; }

    public UpdateFrequency? UpdateFrequency { get; private set; }

    public Skill? Skill { get; private set; }

    /// <summary>Workforce and services: hours each month.</summary>
    public decimal? HoursPerMonth { get; private set; }

    /// <summary>
    /// For a need of something done or used in person (not a data set): how far the offering organisation may be
    /// at most, when both are located. Unset, matching applies its default for places.
    /// </summary>
    public int? MaxDistanceKm { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsOffer => Side == ResourceSide.Offer;

    /// <summary>Changes what is declared; the kind and the side stay (a need does not become an offer).</summary>
    public void Describe(ResourceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var title = Guard.RequiredText(details.Title, Limits.Name, "Resources.TitleRequired", "The title");
        var description = Guard.OptionalText(details.Description, Limits.LongText, "Resources.TextTooLong", "The description");
        int? capacity = null;
        decimal? area = null;
        string? equipment = null;
        var days = Weekdays.None;
        TimeOnly? from = null, until = null;
        string? theme = null, format = null, licence = null;
        UpdateFrequency? frequency = null;
        Skill? skill = null;
        decimal? hours = null;
        int? maxDistance = null;
        if (!IsOffer && Kind != PooledResourceKind.DataSet)
        {
            maxDistance = Positive(details.MaxDistanceKm, MaxDistanceKmLimit, "Resources.DistanceInvalid");
        }
        switch (Kind)
        {
            case PooledResourceKind.Place:
                capacity = Positive(details.Capacity, MaxCapacity, "Resources.CapacityInvalid");
                area = Positive(details.AreaSquareMetres, MaxArea, "Resources.AreaInvalid");
                if (IsOffer && capacity is null && area is null)
                {
                    throw new DomainException("Resources.PlaceSizeRequired", "Say how many people the place holds or its area.");
                }
                equipment = NullIfEmpty(Guard.OptionalText(details.Equipment, Limits.ShortText, "Resources.TextTooLong", "The equipment"));
                (days, from, until) = Availability(details.Days, details.From, details.Until);
                break;
            case PooledResourceKind.DataSet:
                theme = Guard.RequiredText(details.Theme, Limits.ShortText, "Resources.ThemeRequired", "The theme");
                format = NullIfEmpty(Guard.OptionalText(details.Format, Limits.ShortText, "Resources.TextTooLong", "The format"));
                licence = NullIfEmpty(Guard.OptionalText(details.Licence, Limits.ShortText, "Resources.TextTooLong", "The licence"));
                frequency = details.UpdateFrequency is { } f ? Guard.Defined(f, "Resources.FrequencyInvalid") : null;
                break;
            case PooledResourceKind.Workforce:
                skill = details.Skill is { } s ? Guard.Defined(s, "Resources.SkillRequired") : throw new DomainException("Resources.SkillRequired", "Say which skill.");
                hours = Positive(details.HoursPerMonth, MaxHoursPerMonth, "Resources.HoursInvalid")
                    ?? throw new DomainException("Resources.HoursRequired", "Say how many hours a month.");
                break;
            case PooledResourceKind.Service:
                hours = Positive(details.HoursPerMonth, MaxHoursPerMonth, "Resources.HoursInvalid");
                break;
        }
        Title = title;
        Description = description;
        Capacity = capacity;
        AreaSquareMetres = area;
        Equipment = equipment;
        Days = days;
        From = from;
        Until = until;
        Theme = theme;
        Format = format;
        Licence = licence;
        UpdateFrequency = frequency;
        Skill = skill;
        HoursPerMonth = hours;
        MaxDistanceKm = maxDistance;
    }

    private static (Weekdays, TimeOnly?, TimeOnly?) Availability(Weekdays days, TimeOnly? from, TimeOnly? until)
    {
        if ((days & ~WeekdaysExtensions.All) != 0)
        {
            throw new DomainException("Resources.DaysInvalid", "Not a day of the week.");
        }
        if (from.HasValue != until.HasValue)
        {
            throw new DomainException("Resources.TimeRangeIncomplete", "Give both the start and the end of the time range, or neither.");
        }
        if (from is { } start && until is { } end && start >= end)
        {
            // A range across midnight would be two days' worth: declare it as two ranges' days instead.
            throw new DomainException("Resources.TimeRangeInverted", "The time range ends before it starts.");
        }
        if (from is not null && days == Weekdays.None)
        {
            throw new DomainException("Resources.DaysRequired", "Say on which days the time range applies.");
        }
        return (days, from, until);
    }

    private static int? Positive(int? value, int max, string code) => value switch
    {
        null => null,
        <= 0 => throw new DomainException(code, "A quantity is more than zero."),
        var v when v > max => throw new DomainException(code, $"A quantity is at most {max}."),
        var v => v,
    };

    private static decimal? Positive(decimal? value, decimal max, string code) => value switch
    {
        null => null,
        <= 0 => throw new DomainException(code, "A quantity is more than zero."),
        var v when v > max => throw new DomainException(code, $"A quantity is at most {max}."),
        var v => v,
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
