using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Web.Features.ToolConfiguration.Governance;

/// <summary>
/// A decision's ballots added up by PostgreSQL, one row whatever the number of voters; the body's rule is then
/// applied by the domain (<see cref="Decision.Tally"/>), the same rule a close applies in memory.
/// </summary>
public static class DecisionCounts
{
    public static async Task<DecisionSums> SumsAsync(MutualisonsDbContext db, Guid decisionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sums = await db.Set<DecisionVoter>().Where(v => v.DecisionId == decisionId)
            .GroupJoin(db.Set<DecisionBallot>(), v => new { v.DecisionId, v.VoterId }, b => new { b.DecisionId, b.VoterId }, (v, ballots) => new { v, ballots })
            .SelectMany(x => x.ballots.DefaultIfEmpty(), (x, b) => new { x.v.Weight, Position = b == null ? (DecisionPosition?)null : b.Position })
            .GroupBy(x => 1)
            .Select(g => new DecisionSums(
                g.Sum(x => x.Weight),
                g.Where(x => x.Position == DecisionPosition.For).Sum(x => x.Weight),
                g.Where(x => x.Position == DecisionPosition.Against).Sum(x => x.Weight),
                g.Where(x => x.Position == DecisionPosition.Abstain).Sum(x => x.Weight),
                g.Where(x => x.Position == DecisionPosition.StandAside).Sum(x => x.Weight),
                g.Count(x => x.Position == DecisionPosition.Objection),
                g.Where(x => x.Position != null).Sum(x => x.Weight)))
            .SingleOrDefaultAsync(cancellationToken);
        return sums ?? new DecisionSums(0, 0, 0, 0, 0, 0, 0);
    }
}
