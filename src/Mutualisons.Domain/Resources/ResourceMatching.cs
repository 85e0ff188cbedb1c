namespace Mutualisons.Domain.Resources;

/// <summary>Why an offer could meet a need; each is shown to the person choosing.</summary>
public enum MatchReason
{
    /// <summary>Same kind of resource, from another organisation of the lab.</summary>
    SameKind,

    /// <summary>The place is free on some of the days and hours wanted.</summary>
    AvailabilityOverlaps,

    /// <summary>The place holds at least as many people as needed.</summary>
    EnoughCapacity,

    /// <summary>The place is at least as large as needed.</summary>
    EnoughArea,

    /// <summary>The same skill is offered.</summary>
    SameSkill,

    /// <summary>At least as many hours a month are offered as needed.</summary>
    EnoughHours,

    /// <summary>The data set is about the theme wanted.</summary>
    SameTheme,

    /// <summary>The data set comes in the format wanted.</summary>
    SameFormat,

    /// <summary>Both organisations are located and the offer is within the distance the need accepts.</summary>
    CloseEnough,
}

/// <summary>Where an organisation is, in degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>The great-circle distance (haversine): close enough to the road distance to rank offers in a region.</summary>
    public double KilometresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>
/// An offer that could meet a need, with the reasons. <see cref="Days"/>, <see cref="From"/> and
/// <see cref="Until"/> are when both sides agree for a place; <see cref="Spare"/> is how much the offer exceeds
/// the need in its main quantity (area, else capacity, else hours), so the tightest fit comes first.
/// <see cref="DistanceKm"/> is how far apart the two organisations are, when both are located.
/// </summary>
public sealed record ResourceMatch(Guid OfferId, Guid NeedId, IReadOnlyList<MatchReason> Reasons, Weekdays Days, TimeOnly? From, TimeOnly? Until, decimal Spare, double? DistanceKm = null);

/// <summary>
/// Which offers could meet a need: same kind, another organisation of the same lab, and everything the need
/// states met (overlapping days and hours, enough capacity, area or hours, the same skill or theme). Pure: no
/// database, so it is tested alone and runs the same for one need or a thousand.
/// </summary>
public static class ResourceMatching
{
    /// <summary>
    /// How far a place may be when the need says nothing: across the Brussels region. Data sets know no distance;
    /// expertise and services are often given remotely, so only the need's own limit applies to them.
    /// </summary>
    public const int DefaultPlaceDistanceKm = 20;

    /// <summary>
    /// The offers that could meet <paramref name="need"/>, best first: more reasons (being close enough is one),
    /// then the closest, then the tightest fit, then by title. <paramref name="locate"/> says where an
    /// organisation is, when it is located.
    /// </summary>
    public static IReadOnlyList<ResourceMatch> OffersFor(ResourceDeclaration need, IEnumerable<ResourceDeclaration> offers, Func<Guid, GeoPoint?>? locate = null)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(offers);
        var titles = new Dictionary<Guid, string>();
        var matches = new List<ResourceMatch>();
        var needAt = locate?.Invoke(need.OrganisationId);
        foreach (var offer in offers)
        {
            if (Match(need, offer, needAt, locate) is { } match)
            {
                matches.Add(match);
                titles[offer.Id] = offer.Title;
            }
        }
        return [.. matches.OrderByDescending(m => m.Reasons.Count).ThenBy(m => m.DistanceKm ?? double.MaxValue).ThenBy(m => m.Spare)
            .ThenBy(m => titles[m.OfferId], StringComparer.CurrentCulture)];
    }

    /// <summary>The farthest an offer may be for <paramref name="need"/>: its own limit, else the default for places; null when distance does not matter.</summary>
    public static int? MaxDistanceKm(ResourceDeclaration need)
    {
        ArgumentNullException.ThrowIfNull(need);
        return need.Kind == PooledResourceKind.DataSet ? null : need.MaxDistanceKm ?? (need.Kind == PooledResourceKind.Place ? DefaultPlaceDistanceKm : null);
    }

    /// <summary>
    /// Whether <paramref name="offer"/> could meet <paramref name="need"/>, and why; null if it could not. When both
    /// organisations are located (<paramref name="needAt"/>, <paramref name="locate"/>), an offer farther than
    /// the need accepts is none, and one close enough has that reason and its distance.
    /// </summary>
    public static ResourceMatch? Match(ResourceDeclaration need, ResourceDeclaration offer, GeoPoint? needAt = null, Func<Guid, GeoPoint?>? locate = null)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(offer);
        if (need.Side != ResourceSide.Need || offer.Side != ResourceSide.Offer || need.LabId != offer.LabId
            || need.Kind != offer.Kind || need.OrganisationId == offer.OrganisationId)
        {
            return null;
        }
        List<MatchReason> reasons = [MatchReason.SameKind];
        var days = Weekdays.None;
        TimeOnly? from = null, until = null;
        decimal spare = 0;
        switch (need.Kind)
        {
            case PooledResourceKind.Place:
                if (!Overlap(need, offer, out days, out from, out until))
                {
                    return null;
                }
                // Only a stated availability is a reason: an offer that says nothing is not known to fit.
                if (need.Days != Weekdays.None && offer.Days != Weekdays.None)
                {
                    reasons.Add(MatchReason.AvailabilityOverlaps);
                }
                if (need.Capacity is { } people)
                {
                    if (offer.Capacity is not { } holds || holds < people)
                    {
                        return null;
                    }
                    reasons.Add(MatchReason.EnoughCapacity);
                    spare = holds - people;
                }
                if (need.AreaSquareMetres is { } area)
                {
                    if (offer.AreaSquareMetres is not { } offered || offered < area)
                    {
                        return null;
                    }
                    reasons.Add(MatchReason.EnoughArea);
                    spare = offered - area;
                }
                break;
            case PooledResourceKind.Workforce:
                if (need.Skill != offer.Skill)
                {
                    return null;
                }
                reasons.Add(MatchReason.SameSkill);
                if (!EnoughHours(need, offer, reasons, ref spare))
                {
                    return null;
                }
                break;
            case PooledResourceKind.Service:
                if (!EnoughHours(need, offer, reasons, ref spare))
                {
                    return null;
                }
                break;
            case PooledResourceKind.DataSet:
                if (!SameTheme(need.Theme, offer.Theme))
                {
                    return null;
                }
                reasons.Add(MatchReason.SameTheme);
                if (need.Format is { } format && string.Equals(format, offer.Format, StringComparison.OrdinalIgnoreCase))
                {
                    reasons.Add(MatchReason.SameFormat);
                }
                break;
        }
        double? distance = null;
        if (need.Kind != PooledResourceKind.DataSet && needAt is { } here && locate?.Invoke(offer.OrganisationId) is { } there)
        {
            distance = here.KilometresTo(there);
            if (MaxDistanceKm(need) is { } limit)
            {
                if (distance > limit)
                {
                    return null;
                }
                reasons.Add(MatchReason.CloseEnough);
            }
        }
        return new ResourceMatch(offer.Id, need.Id, reasons, days, from, until, spare, distance);
    }

    private static bool EnoughHours(ResourceDeclaration need, ResourceDeclaration offer, List<MatchReason> reasons, ref decimal spare)
    {
        if (need.HoursPerMonth is not { } wanted)
        {
            return true;
        }
        if (offer.HoursPerMonth is not { } given || given < wanted)
        {
            return false;
        }
        reasons.Add(MatchReason.EnoughHours);
        spare = given - wanted;
        return true;
    }

    /// <summary>A need with no days or hours takes any; an offer with none is free any time.</summary>
    private static bool Overlap(ResourceDeclaration need, ResourceDeclaration offer, out Weekdays days, out TimeOnly? from, out TimeOnly? until)
    {
        days = need.Days == Weekdays.None ? offer.Days : offer.Days == Weekdays.None ? need.Days : need.Days & offer.Days;
        from = Latest(need.From, offer.From);
        until = Earliest(need.Until, offer.Until);
        if (need.Days != Weekdays.None && offer.Days != Weekdays.None && days == Weekdays.None)
        {
            return false;
        }
        return from is not { } start || until is not { } end || start < end;
    }

    private static TimeOnly? Latest(TimeOnly? a, TimeOnly? b) => a is { } x && b is { } y ? (x > y ? x : y) : a ?? b;

    private static TimeOnly? Earliest(TimeOnly? a, TimeOnly? b) => a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;

    /// <summary>
    /// "Cartographie" meets "cartographie des initiatives": one theme contains the other, whatever the case
    /// (ordinal: "É" and "é" still meet, and a thousand needs against a thousand offers stay fast).
    /// </summary>
    private static bool SameTheme(string? need, string? offer) =>
        need is { Length: > 0 } n && offer is { Length: > 0 } o
        && (o.Contains(n, StringComparison.OrdinalIgnoreCase) || n.Contains(o, StringComparison.OrdinalIgnoreCase));
}
