using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

/// <summary>The rule that turns attendance into a reached level.</summary>
public static class ParticipationLadder
{
    /// <summary>
    /// The level a stakeholder reached in a cycle: the highest level offered by a held activity of that cycle
    /// they attended; none when they attended none.
    /// </summary>
    public static ParticipationLevel? Derive(IEnumerable<Activity> activities, Guid stakeholderId, Cycle cycle)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return activities.Where(a => a.Offers(cycle, stakeholderId)).Select(a => (ParticipationLevel?)a.LevelOffered).Max();
    }
}
