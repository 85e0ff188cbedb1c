namespace Mutualisons.Domain.Organisations;

/// <summary>The legal or social form of an alternative.</summary>
public enum OrganisationKind
{
    Association,
    Cooperative,
    CitizenInitiative,
    SocialEnterprise,
    PublicBody,
    Network,
    Other,
}
