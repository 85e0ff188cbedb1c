using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Resources.MapData;

/// <summary>
/// What an entry of a data set says: a place or an initiative with its categories, where it is, what it does
/// (in French, Dutch and English), how to reach it and when it was last checked. Built through
/// <see cref="Of"/>, which refuses what cannot be shown on a map.
/// </summary>
public sealed record MapEntryContent(
    string Name,
    IReadOnlyList<Guid> CategoryIds,
    string Address,
    double Latitude,
    double Longitude,
    string DescriptionFr,
    string DescriptionNl,
    string DescriptionEn,
    string Contact,
    string OpeningHours,
    string Website,
    Guid SourceOrganisationId,
    DateOnly? LastCheckedOn)
{
    public static MapEntryContent Of(
        string? name, IEnumerable<Guid>? categoryIds, string? address, double latitude, double longitude,
        string? descriptionFr, string? descriptionNl, string? descriptionEn, string? contact, string? openingHours,
        string? website, Guid sourceOrganisationId, DateOnly? lastCheckedOn)
    {
        RequireCoordinates(latitude, longitude);
        if (sourceOrganisationId == Guid.Empty)
        {
            throw new DomainException("MapEntry.SourceRequired", "An entry comes from one of the contributing organisations.");
        }
        return new MapEntryContent(
            Guard.RequiredText(name, Limits.Name, "MapEntry.NameRequired", "The name"),
            [.. (categoryIds ?? []).Distinct()],
            Guard.OptionalText(address, Limits.ShortText, "MapEntry.TextTooLong", "The address"),
            latitude,
            longitude,
            Guard.OptionalText(descriptionFr, Limits.LongText, "MapEntry.TextTooLong", "The description"),
            Guard.OptionalText(descriptionNl, Limits.LongText, "MapEntry.TextTooLong", "The description"),
            Guard.OptionalText(descriptionEn, Limits.LongText, "MapEntry.TextTooLong", "The description"),
            Guard.OptionalText(contact, Limits.ShortText, "MapEntry.TextTooLong", "The contact"),
            Guard.OptionalText(openingHours, Limits.ShortText, "MapEntry.TextTooLong", "The opening hours"),
            CheckedWebsite(website),
            sourceOrganisationId,
            lastCheckedOn);
    }

    /// <summary>Latitude within −90..90 and longitude within −180..180, both finite.</summary>
    public static bool AreValidCoordinates(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    public static void RequireCoordinates(double latitude, double longitude)
    {
        if (!AreValidCoordinates(latitude, longitude))
        {
            throw new DomainException("MapEntry.CoordinatesInvalid", "Latitude lies between −90 and 90, longitude between −180 and 180.");
        }
    }

    /// <summary>An absolute http or https address, or nothing: a javascript: link must never reach a map's popup.</summary>
    public static bool IsValidWebsite(string? website) =>
        string.IsNullOrWhiteSpace(website)
        || (website.Trim().Length <= Limits.Url && Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    private static string CheckedWebsite(string? website) =>
        IsValidWebsite(website) ? website?.Trim() ?? string.Empty : throw new DomainException("MapEntry.WebsiteInvalid", "A website is an http or https address.");

    /// <summary>The fields that differ from <paramref name="before"/> (all of them for a new entry), for the history.</summary>
    public IReadOnlyList<string> ChangesFrom(MapEntryContent? before)
    {
        var changes = new List<string>();
        void Compare(bool same, string field)
        {
            if (before is null || !same)
            {
                changes.Add(field);
            }
        }
        Compare(before?.Name == Name, nameof(Name));
        Compare(before is not null && before.CategoryIds.Order().SequenceEqual(CategoryIds.Order()), nameof(CategoryIds));
        Compare(before?.Address == Address, nameof(Address));
        Compare(before is not null && before.Latitude.Equals(Latitude) && before.Longitude.Equals(Longitude), "Coordinates");
        Compare(before?.DescriptionFr == DescriptionFr && before.DescriptionNl == DescriptionNl && before.DescriptionEn == DescriptionEn, "Description");
        Compare(before?.Contact == Contact, nameof(Contact));
        Compare(before?.OpeningHours == OpeningHours, nameof(OpeningHours));
        Compare(before?.Website == Website, nameof(Website));
        Compare(before?.SourceOrganisationId == SourceOrganisationId, nameof(SourceOrganisationId));
        Compare(before?.LastCheckedOn == LastCheckedOn, nameof(LastCheckedOn));
        return changes;
    }

    /// <summary>The description in <paramref name="language"/>, else French, English, Dutch.</summary>
    public string DescriptionIn(string language) =>
        new[] { language switch { Cultures.Dutch => DescriptionNl, Cultures.English => DescriptionEn, _ => DescriptionFr }, DescriptionFr, DescriptionEn, DescriptionNl }
            .FirstOrDefault(d => d.Length > 0) ?? string.Empty;
}
