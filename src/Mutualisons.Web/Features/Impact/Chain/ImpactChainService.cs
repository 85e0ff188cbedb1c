using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Impact.Chain;

/// <summary>
/// The lab's impact chain for one screen. A fixed handful of queries whatever the lab's size (the logics with
/// their links; the hypotheses with their indicators; the latest measurement of each indicator, picked by
/// PostgreSQL): a lab of 40 organisations with 19,200 measurements reads no more rows than it shows.
/// </summary>
public sealed class ImpactChainService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    public async Task<ImpactChain?> GetChainAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var logics = await db.PursuedLogics.AsNoTracking().Where(l => l.LabId == labId)
            .Select(l => new { l.Id, l.Logic, l.Expectation, l.Objectives, l.Strategies, Hypotheses = l.Hypotheses.Select(h => h.HypothesisId).ToList() })
            .ToListAsync(cancellationToken);
        var hypotheses = await db.ImpactHypotheses.AsNoTracking().Where(h => h.LabId == labId)
            .Join(db.Organisations, h => h.OrganisationId, o => o.Id, (h, o) => new
            {
                h.Id, h.Statement, h.Status, h.CreatedAt, Organisation = o.Name,
                Indicators = h.Indicators.OrderBy(i => i.Name).Select(i => new { i.Id, i.Name, i.Unit, i.Direction, i.BaselineValue, i.TargetValue }).ToList(),
            })
            .OrderBy(h => h.Organisation).ThenBy(h => h.CreatedAt)
            .ToListAsync(cancellationToken);
        // The latest measurement of each indicator of the lab: PostgreSQL numbers each indicator's rows, newest first, and keeps the first.
        var latest = await db.Measurements
            .Where(m => db.Indicators.Any(i => i.Id == m.IndicatorId && db.ImpactHypotheses.Any(h => h.Id == i.HypothesisId && h.LabId == labId)))
            .GroupBy(m => m.IndicatorId)
            .Select(g => g.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.RecordedAt).Select(m => new { m.IndicatorId, m.Value, m.MeasuredOn }).First())
            .ToDictionaryAsync(m => m.IndicatorId, cancellationToken);

        var byId = hypotheses.ToDictionary(h => h.Id, h => new ChainHypothesis(h.Id, h.Statement, h.Organisation, h.Status,
            [.. h.Indicators.Select(i => new IndicatorSummary(i.Id, i.Name, i.Unit, i.Direction, i.BaselineValue, i.TargetValue,
                latest.TryGetValue(i.Id, out var m) ? m.Value : null, latest.TryGetValue(i.Id, out var n) ? n.MeasuredOn : null))]));
        var linked = logics.SelectMany(l => l.Hypotheses).ToHashSet();
        return new ImpactChain(labName, role.Allows(LabRight.MeasureImpact),
            [.. logics.OrderBy(l => l.Logic).Select(l => new ChainLogic(l.Id, l.Logic, l.Expectation, l.Objectives, l.Strategies,
                [.. hypotheses.Where(h => l.Hypotheses.Contains(h.Id)).Select(h => byId[h.Id])]))],
            [.. hypotheses.Where(h => !linked.Contains(h.Id)).Select(h => byId[h.Id])]);
    }
}
