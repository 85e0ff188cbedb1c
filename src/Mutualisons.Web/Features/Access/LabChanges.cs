using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Access;

public static class LabChanges
{
    /// <summary>
    /// Why a person may not change a lab: "not found" when they have no role in it (its existence stays
    /// hidden), "forbidden" when their role lacks the right; null when they may.
    /// </summary>
    public static async Task<SaveResult?> RefusalAsync(this MutualisonsDbContext db, Actor actor, Guid labId, LabRight right, CancellationToken cancellationToken = default) =>
        await db.RoleInAsync(actor, labId, cancellationToken) switch
        {
            null => SaveResult.NotFound,
            var role when !role.Allows(right) => SaveResult.Forbidden,
            _ => null,
        };

    /// <summary>
    /// The one way lab aggregates change: check the person's right on the lab (an unknown or foreign lab is
    /// "not found"), load it, apply a domain operation against the version the user saw, and save it with
    /// its audit entry, all or nothing.
    /// </summary>
    public static async Task<SaveResult> ApplyAsync(
        this MutualisonsDbContext db, Actor actor, Guid labId, uint expectedVersion, LabRight right,
        Func<Mutualisation, AuditEntry> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        if (await db.RefusalAsync(actor, labId, right, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var lab = await db.Mutualisations.AsSplitQuery().SingleAsync(m => m.Id == labId, cancellationToken);
        if (lab.Version != expectedVersion)
        {
            return SaveResult.Conflict;
        }
        db.Entry(lab).Property(m => m.Version).OriginalValue = expectedVersion;
        return await db.SaveAsResultAsync(labId, () =>
        {
            db.AuditEntries.Add(change(lab));
            return Task.CompletedTask;
        }, cancellationToken);
    }
}
