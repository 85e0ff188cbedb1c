using System.Linq.Expressions;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

/// <summary>
/// A stakeholder's levels in one cycle, as queries read them. The rules "reached = adjusted, else derived"
/// and "below target" are stated here once, as expressions the database runs and the domain compiles.
/// </summary>
public sealed class ParticipationLevels
{
    /// <summary>The levels of every stakeholder in every cycle: the one projection the dashboard, the matrix and the exports share.</summary>
    public static readonly Expression<Func<Stakeholder, IEnumerable<ParticipationLevels>>> Of = s => s.Participation.Select(p => new ParticipationLevels
    {
        StakeholderId = s.Id,
        Name = s.Name,
        Kind = s.Kind,
        Cycle = p.Cycle,
        Target = p.Target,
        Reached = p.Adjusted ?? p.Derived,
    });

    /// <summary>A target is set and the reached level is lower, or none is reached yet.</summary>
    public static readonly Expression<Func<ParticipationLevels, bool>> BelowTarget = l => l.Target != null && (l.Reached == null || l.Reached < l.Target);

    private static readonly Func<ParticipationLevels, bool> IsBelow = BelowTarget.Compile();

    public Guid StakeholderId { get; init; }

    public string Name { get; init; } = string.Empty;

    public StakeholderKind Kind { get; init; }

    public Cycle Cycle { get; init; }

    public ParticipationLevel? Target { get; init; }

    public ParticipationLevel? Reached { get; init; }

    public bool IsBelowTarget => IsBelow(this);

    /// <summary>The levels of one participation line, by the same rule the database applies.</summary>
    public static ParticipationLevels For(CycleParticipation participation)
    {
        ArgumentNullException.ThrowIfNull(participation);
        return new ParticipationLevels { Cycle = participation.Cycle, Target = participation.Target, Reached = participation.Adjusted ?? participation.Derived };
    }
}
