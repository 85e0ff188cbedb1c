using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Common;

namespace Mutualisons.Web.Features.Common;

public static class Saving
{
    /// <summary>
    /// Applies a change and saves it, turning a rule of the method that refuses it into "refused" and a stale
    /// row version into "conflict": nothing is half-written either way.
    /// </summary>
    public static async Task<SaveResult> SaveAsResultAsync(this DbContext db, Guid id, Func<Task>? change = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            if (change is not null)
            {
                await change();
            }
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(id);
        }
        catch (DomainException exception)
        {
            return SaveResult.Refused(exception.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }
}
