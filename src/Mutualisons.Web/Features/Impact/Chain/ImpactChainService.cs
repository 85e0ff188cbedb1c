using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Impact.Chain;

/// <summary>
/// The lab's impact chain for one screen. A fixed handful of queries whatever the lab's size (the person's role
/// and the lab's name with its evaluation frame; the logics with their links; the hypotheses with their indicators and each one's latest
/// measurement): a lab of 40 organisations with 19,200 measurements reads no more rows than it shows.
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
        // The lab's name and its own evaluation frame come in one query.
        var lab = await db.Mutualisations.Where(m => m.Id == labId).Select(m => new
        {
            m.Name,
            Frame = db.EvaluationFrames.Where(f => f.LabId == labId && f.OrganisationId == null)
                .Select(f => new { f.Purposes, f.Audiences, f.WhoCarriesIt, f.Methods, f.Timings })
                .FirstOrDefault(),
        }).SingleAsync(cancellationToken);
        var logics = await db.PursuedLogics.AsNoTracking().Where(l => l.LabId == labId)
            .Select(l => new { l.Id, l.Logic, l.Expectation, l.Objectives, l.Strategies, Hypotheses = l.Hypotheses.Select(h => h.HypothesisId).ToList() })
            .ToListAsync(cancellationToken);
        // Each indicator's latest measurement is looked up through the (indicator, day) index, newest first, one
        // row each (a lateral join): the lab's thousands of measurements are never read in bulk.
        var hypotheses = await db.ImpactHypotheses.AsNoTracking().Where(h => h.LabId == labId)
            .Join(db.Organisations, h => h.OrganisationId, o => o.Id, (h, o) => new
            {
                h.Id, h.Statement, h.Status, h.CreatedAt, Organisation = o.Name,
                Indicators = h.Indicators.OrderBy(i => i.Name).Select(i => new
                {
                    i.Id, i.Name, i.Unit, i.Direction, i.BaselineValue, i.TargetValue,
                    Latest = db.Measurements.Where(m => m.IndicatorId == i.Id)
                        .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.RecordedAt)
                        .Select(m => new { m.Value, m.MeasuredOn })
                        .FirstOrDefault(),
                }).ToList(),
            })
            .OrderBy(h => h.Organisation).ThenBy(h => h.CreatedAt)
            .ToListAsync(cancellationToken);

        var byId = hypotheses.ToDictionary(h => h.Id, h => new ChainHypothesis(h.Id, h.Statement, h.Organisation, h.Status,
            [.. h.Indicators.Select(i => new IndicatorSummary(i.Id, i.Name, i.Unit, i.Direction, i.BaselineValue, i.TargetValue, i.Latest?.Value, i.Latest?.MeasuredOn))]));
        var linked = logics.SelectMany(l => l.Hypotheses).ToHashSet();
        var frame = lab.Frame is { } f ? new ChainFrame([.. f.Purposes], [.. f.Audiences], f.WhoCarriesIt, [.. f.Methods], [.. f.Timings]) : null;
        return new ImpactChain(lab.Name, role.Allows(LabRight.MeasureImpact), frame,
            [.. logics.OrderBy(l => l.Logic).Select(l => new ChainLogic(l.Id, l.Logic, l.Expectation, l.Objectives, l.Strategies,
                [.. hypotheses.Where(h => l.Hypotheses.Contains(h.Id)).Select(h => byId[h.Id])]))],
            [.. hypotheses.Where(h => !linked.Contains(h.Id)).Select(h => byId[h.Id])]);
    }
}
