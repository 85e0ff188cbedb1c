using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Organisations;

/// <summary>A postal address, geolocated when both coordinates are known (maps need both or neither).</summary>
public sealed record PostalAddress
{
    public static readonly PostalAddress Unknown = new(null, null, null, null, null, null);

    public PostalAddress(string? street, string? postalCode, string? city, string? country, double? latitude, double? longitude)
    {
        Street = Guard.OptionalText(street, Limits.ShortText, "Organisation.AddressTooLong", "The street");
        PostalCode = Guard.OptionalText(postalCode, Limits.PostalCode, "Organisation.AddressTooLong", "The postal code");
        City = Guard.OptionalText(city, Limits.ShortText, "Organisation.AddressTooLong", "The city");
        Country = Guard.OptionalText(country, Limits.ShortText, "Organisation.AddressTooLong", "The country");

        if (latitude.HasValue != longitude.HasValue)
        {
            throw new DomainException("Organisation.CoordinatesIncomplete", "Latitude and longitude go together.");
        }
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            throw new DomainException("Organisation.CoordinatesOutOfRange", "Coordinates are out of range.");
        }
        Latitude = latitude;
        Longitude = longitude;
    }

    public string Street { get; private init; }

    public string PostalCode { get; private init; }

    public string City { get; private init; }

    public string Country { get; private init; }

    public double? Latitude { get; private init; }

    public double? Longitude { get; private init; }

    public bool IsGeolocated => Latitude.HasValue && Longitude.HasValue;
}
