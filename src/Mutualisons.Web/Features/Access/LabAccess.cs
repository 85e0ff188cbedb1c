using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Web.Features.Access;

/// <summary>The one place that says which labs a person may see and what they may do there.</summary>
public static class LabAccess
{
    /// <summary>Labs the actor has a role in; every lab for the platform administrator; none for anyone else.</summary>
    public static IQueryable<Mutualisation> VisibleTo(this IQueryable<Mutualisation> labs, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsPlatformAdmin)
        {
            return labs;
        }
        var userId = actor.UserId ?? Guid.Empty;
        return labs.Where(m => m.People.Any(p => p.PersonId == userId));
    }

    /// <summary>The actor's role in a lab, or null when they have none (or the lab does not exist).</summary>
    public static async Task<LabRole?> RoleInAsync(this MutualisonsDbContext db, Actor actor, Guid labId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsPlatformAdmin)
        {
            return await db.Mutualisations.AnyAsync(m => m.Id == labId, cancellationToken) ? LabRole.Facilitator : null;
        }
        var userId = actor.UserId ?? Guid.Empty;
        var roles = await db.Mutualisations.AsNoTracking()
            .Where(m => m.Id == labId)
            .SelectMany(m => m.People.Where(p => p.PersonId == userId).Select(p => (LabRole?)p.Role))
            .ToListAsync(cancellationToken);
        return roles.SingleOrDefault();
    }

    /// <summary>
    /// The actor's role in a lab and the organisation they represent there, or null when they have no role. The
    /// platform administrator acts as a facilitator who represents no one.
    /// </summary>
    public static async Task<LabPlace?> PlaceInAsync(this MutualisonsDbContext db, Actor actor, Guid labId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsPlatformAdmin)
        {
            return await db.Mutualisations.AnyAsync(m => m.Id == labId, cancellationToken) ? new LabPlace(LabRole.Facilitator, null) : null;
        }
        var userId = actor.UserId ?? Guid.Empty;
        var places = await db.Mutualisations.AsNoTracking()
            .Where(m => m.Id == labId)
            .SelectMany(m => m.People.Where(p => p.PersonId == userId).Select(p => new LabPlace(p.Role, p.OrganisationId)))
            .ToListAsync(cancellationToken);
        return places.SingleOrDefault();
    }

    public static bool Allows(this LabRole? role, LabRight right) => role is { } r && r.Allows(right);
}

/// <summary>A person's role in one lab and the organisation they speak for there, if any.</summary>
public sealed record LabPlace(LabRole Role, Guid? Represents);
