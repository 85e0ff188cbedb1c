namespace Mutualisons.Domain.Labs;

/// <summary>What pooling resources can bring the organisations that do it (the 2018 diagnosis's opportunities).</summary>
public enum MutualisationOpportunity
{
    /// <summary>Make the organisations' activities last (lower costs, a stable place).</summary>
    SustainActivities,

    /// <summary>Strengthen the network between alternatives.</summary>
    StrengthenNetwork,

    /// <summary>Run things better together (a building, purchases, administration).</summary>
    OptimiseManagement,

    /// <summary>Grow skills by sharing know-how.</summary>
    GrowSkills,

    /// <summary>Build solidarity between the organisations and with others.</summary>
    Solidarity,
}

/// <summary>What can go wrong when organisations pool and work together (the 2018 diagnosis's risks).</summary>
public enum MutualisationRisk
{
    /// <summary>Stakeholders expect different things and see the project differently.</summary>
    ConflictingVisions,

    /// <summary>How to govern what is pooled, on which principles, with which relations of power.</summary>
    Governance,

    /// <summary>Working together always takes longer than working alone.</summary>
    TimeToImplement,

    /// <summary>Relations between people can wear down under decisions or behaviours.</summary>
    RelationsBetweenPeople,
}
