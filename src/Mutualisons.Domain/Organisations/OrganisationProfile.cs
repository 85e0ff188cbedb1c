namespace Mutualisons.Domain.Organisations;

/// <summary>Everything that describes an organisation, as given when it is registered or revised.</summary>
public sealed record OrganisationProfile(
    string Name,
    OrganisationKind Kind,
    string? Sector,
    string? Mission,
    string? Website,
    PostalAddress Address,
    IReadOnlyCollection<Language> Languages,
    IReadOnlyCollection<ContactPerson> Contacts);
