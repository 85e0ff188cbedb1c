using System.Globalization;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Resources;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Resources;

/// <summary>How an offer, a need or an agreement reads in one line, in the reader's language.</summary>
public static class ResourceDisplay
{
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>"1,4" km: one decimal below 10 km, whole kilometres beyond.</summary>
    public static string Kilometres(double km) => km.ToString(km < 10 ? "0.#" : "0", CultureInfo.CurrentCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"mardi, jeudi · 09:00–17:00"; empty when no day or hour is said.</summary>
    public static string Availability(Weekdays days, TimeOnly? from, TimeOnly? until, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var parts = new List<string>();
        if (days != Weekdays.None)
        {
            parts.Add(string.Join(", ", days.Each().Select(d => l.Enum(d))));
        }
        if (from is { } start && until is { } end)
        {
            parts.Add($"{TimeText.Of(start)}–{TimeText.Of(end)}");
        }
        return string.Join(" · ", parts);
    }

    /// <summary>The figures and facts of a declaration's kind, joined by dots.</summary>
    public static string Details(DeclarationRow d, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(l);
        var parts = new List<string>();
        if (d.AreaSquareMetres is { } area)
        {
            parts.Add(l["Resources.SquareMetres", Number(area)]);
        }
        if (d.Capacity is { } capacity)
        {
            parts.Add(l["Resources.People", capacity]);
        }
        if (d.Equipment is { Length: > 0 } equipment)
        {
            parts.Add(equipment);
        }
        if (Availability(d.Days, d.From, d.Until, l) is { Length: > 0 } available)
        {
            parts.Add(available);
        }
        if (d.Theme is { Length: > 0 } theme)
        {
            parts.Add(theme);
        }
        if (d.Format is { Length: > 0 } format)
        {
            parts.Add(format);
        }
        if (d.Licence is { Length: > 0 } licence)
        {
            parts.Add(licence);
        }
        if (d.UpdateFrequency is { } frequency)
        {
            parts.Add(l.Enum(frequency));
        }
        if (d.Skill is { } skill)
        {
            parts.Add(l.Enum(skill));
        }
        if (d.HoursPerMonth is { } hours)
        {
            parts.Add(l["Resources.HoursPerMonthValue", Number(hours)]);
        }
        if (d.MaxDistanceKm is { } distance)
        {
            parts.Add(l["Resources.WithinKm", distance]);
        }
        return string.Join(" · ", parts);
    }

    /// <summary>A reason a match was proposed, with the figures behind it.</summary>
    public static string Reason(MatchReason reason, DeclarationRow need, MatchRow match, IStringLocalizer l, int? maxDistanceKm = null)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(l);
        var offer = match.Offer;
        return reason switch
        {
            MatchReason.AvailabilityOverlaps => l["MatchReason.AvailabilityOverlapsOn", Availability(match.Match.Days, match.Match.From, match.Match.Until, l)],
            MatchReason.EnoughCapacity => l["MatchReason.EnoughCapacityOf", offer.Capacity ?? 0, need.Capacity ?? 0],
            MatchReason.EnoughArea => l["MatchReason.EnoughAreaOf", Number(offer.AreaSquareMetres ?? 0), Number(need.AreaSquareMetres ?? 0)],
            MatchReason.EnoughHours => l["MatchReason.EnoughHoursOf", Number(offer.HoursPerMonth ?? 0), Number(need.HoursPerMonth ?? 0)],
            MatchReason.CloseEnough => l["MatchReason.CloseEnoughOf", Kilometres(match.Match.DistanceKm ?? 0), maxDistanceKm ?? 0],
            _ => l.Enum(reason),
        };
    }
}
