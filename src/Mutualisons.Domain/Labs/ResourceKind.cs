namespace Mutualisons.Domain.Labs;

/// <summary>The kinds of resources a mutualisation can pool.</summary>
public enum ResourceKind
{
    /// <summary>Lieux physiques: a shared building, rooms, a federating place.</summary>
    Place,

    /// <summary>Données: shared data, such as map data.</summary>
    Data,

    /// <summary>Forces vives, services, expertises.</summary>
    WorkforceServicesExpertise,

    /// <summary>Information et communication.</summary>
    InformationCommunication,

    /// <summary>Système d'échange entre alternatives.</summary>
    ExchangeSystem,
}
