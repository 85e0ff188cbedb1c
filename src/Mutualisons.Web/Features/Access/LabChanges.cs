using Mutualisons.Domain.Access;
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
}
