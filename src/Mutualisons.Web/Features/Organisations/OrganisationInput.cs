using Mutualisons.Domain.Organisations;

namespace Mutualisons.Web.Features.Organisations;

/// <summary>What the organisation form edits; kept as typed so a refused save loses nothing.</summary>
public sealed class OrganisationInput
{
    public string Name { get; set; } = string.Empty;

    public OrganisationKind? Kind { get; set; }

    public string? Sector { get; set; }

    public string? Mission { get; set; }

    public string? Website { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public HashSet<Language> Languages { get; init; } = [];

    public List<ContactInput> Contacts { get; init; } = [];

    /// <summary>The version read with the record, to detect a concurrent edit.</summary>
    public uint Version { get; set; }

    public static OrganisationInput From(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new()
        {
            Name = organisation.Name,
            Kind = organisation.Kind,
            Sector = organisation.Sector,
            Mission = organisation.Mission,
            Website = organisation.Website,
            Street = organisation.Address.Street,
            PostalCode = organisation.Address.PostalCode,
            City = organisation.Address.City,
            Country = organisation.Address.Country,
            Latitude = organisation.Address.Latitude,
            Longitude = organisation.Address.Longitude,
            Languages = [.. organisation.Languages],
            Contacts = [.. organisation.Contacts.Select(c => new ContactInput { Name = c.Name, Role = c.Role, Email = c.Email })],
            Version = organisation.Version,
        };
    }

    public OrganisationProfile ToProfile() => new(
        Name,
        Kind ?? OrganisationKind.Other,
        Sector,
        Mission,
        Website,
        new PostalAddress(Street, PostalCode, City, Country, Latitude, Longitude),
        [.. Languages],
        [.. Contacts.Select(c => new ContactPerson(c.Name, c.Role, c.Email))]);
}

public sealed class ContactInput
{
    public string Name { get; set; } = string.Empty;

    public ContactRole Role { get; set; } = ContactRole.Other;

    public string? Email { get; set; }
}
