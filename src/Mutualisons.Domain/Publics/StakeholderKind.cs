namespace Mutualisons.Domain.Publics;

/// <summary>Who a stakeholder is: an organisation, one person, or a whole public ("occupants of the building").</summary>
public enum StakeholderKind
{
    Organisation,
    Person,
    PublicCategory,
}
