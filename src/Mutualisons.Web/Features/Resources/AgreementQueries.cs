using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Web.Features.Resources;

/// <summary>The totals of a lab's agreements in force, summed by PostgreSQL in one statement.</summary>
internal static class AgreementQueries
{
    public static async Task<AgreementTotals> TotalsAsync(MutualisonsDbContext db, Guid labId, DateOnly today, CancellationToken cancellationToken)
    {
        var totals = await db.PoolingAgreements.AsNoTracking().Where(a => a.LabId == labId).Where(PoolingAgreement.InForceOn(today))
            .GroupBy(_ => 1)
            .Select(g => new AgreementTotals(
                g.Count(),
                g.Sum(a => a.AreaSquareMetres ?? 0),
                g.Sum(a => a.HoursPerMonth ?? 0),
                g.Count(a => a.Kind == PooledResourceKind.DataSet),
                g.Sum(a => a.YearlyCostSaved ?? 0)))
            .SingleOrDefaultAsync(cancellationToken);
        return totals ?? AgreementTotals.None;
    }
}
