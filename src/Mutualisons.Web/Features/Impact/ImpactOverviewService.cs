using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Impact;

/// <summary>The lab's impact at a glance: each member organisation's statement, its hypotheses and their latest figures.</summary>
public sealed class ImpactOverviewService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    public async Task<ImpactOverview?> GetOverviewAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var organisations = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        var statements = await db.ImpactStatements.AsNoTracking().Where(s => s.LabId == labId)
            .Select(s => new { s.OrganisationId, Summary = new StatementSummary(s.ChangeSought, s.Audiences, s.Natures, s.UpdatedAt, s.RevisionCount) })
            .ToDictionaryAsync(s => s.OrganisationId, s => s.Summary, cancellationToken);
        var hypotheses = await db.ImpactHypotheses.AsNoTracking().Where(h => h.LabId == labId).OrderBy(h => h.CreatedAt).ToListAsync(cancellationToken);
        var indicatorIds = hypotheses.SelectMany(h => h.Indicators).Select(i => i.Id).ToList();
        // The latest measurement of each indicator: none later (or recorded later on the same day).
        var latest = await db.Measurements.AsNoTracking()
            .Where(m => indicatorIds.Contains(m.IndicatorId)
                && !db.Measurements.Any(o => o.IndicatorId == m.IndicatorId && (o.MeasuredOn > m.MeasuredOn || (o.MeasuredOn == m.MeasuredOn && o.RecordedAt > m.RecordedAt))))
            .Select(m => new { m.IndicatorId, m.Value, m.MeasuredOn })
            .ToDictionaryAsync(m => m.IndicatorId, cancellationToken);

        var byOrganisation = hypotheses.ToLookup(h => h.OrganisationId);
        return new ImpactOverview(labName, place.Role.Allows(LabRight.MeasureImpact),
            [.. organisations
                .OrderByDescending(o => o.Id == place.Represents)
                .ThenBy(o => o.Name, StringComparer.CurrentCulture)
                .Select(o => new OrganisationImpact(o.Id, o.Name, place.Role.MayDefineImpactOf(o.Id, place.Represents), o.Id == place.Represents, statements.GetValueOrDefault(o.Id),
                    [.. byOrganisation[o.Id].Select(h => new HypothesisSummary(h.Id, h.Statement, h.Sign, h.Nature, h.Status, h.ConcludedUnmeasured,
                        [.. h.Indicators.OrderBy(i => i.Name, StringComparer.CurrentCulture).Select(i => new IndicatorSummary(i.Id, i.Name, i.Unit, i.Direction, i.BaselineValue, i.TargetValue,
                            latest.TryGetValue(i.Id, out var m) ? m.Value : null, latest.TryGetValue(i.Id, out var n) ? n.MeasuredOn : null))]))]))]);
    }
}
