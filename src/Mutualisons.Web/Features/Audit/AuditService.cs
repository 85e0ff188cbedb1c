using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Audit;

/// <summary>
/// An audit line; a null actor name means the account was deleted. <paramref name="OrganisationName"/> names
/// the organisation a line about a lab organisation or its mandate concerns.
/// </summary>
public sealed record AuditLine(DateTimeOffset At, string? ActorName, AuditAction Action, string Subject, string Summary, string? OrganisationName = null);

public sealed record LabAudit(string LabName, IReadOnlyList<AuditLine> Lines);

public sealed class AuditService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    public const int Length = 200;

    /// <summary>Null when the lab does not exist or the person may not read its audit trail.</summary>
    public async Task<LabAudit?> GetAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await db.RoleInAsync(actor, labId, cancellationToken)).Allows(LabRight.ReadAudit))
        {
            return null;
        }
        var name = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var lines = await db.AuditEntries.AsNoTracking()
            .Where(a => a.LabId == labId)
            .OrderByDescending(a => a.At).Take(Length)
            .GroupJoin(db.Users, a => a.ActorId, u => u.Id, (a, u) => new { a, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new AuditLine(
                x.a.At, u == null ? null : u.DisplayName, x.a.Action, x.a.Subject, x.a.Summary,
                x.a.Subject == AuditSubject.Membership || x.a.Subject == AuditSubject.Mandate
                    ? db.Organisations.Where(o => o.Id == x.a.SubjectId).Select(o => o.Name).FirstOrDefault()
                    : null))
            .ToListAsync(cancellationToken);
        return new LabAudit(name, lines);
    }
}
