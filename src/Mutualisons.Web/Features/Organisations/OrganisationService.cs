using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Organisations;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Organisations;

public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, string Sector, string City, IReadOnlyList<Language> Languages, int LabCount, bool CanEdit, bool CanDelete);

public sealed record OrganisationPage(IReadOnlyList<OrganisationRow> Rows, int Total, bool CanCreate);

/// <summary>
/// The organisations directory: every signed-in person searches it; facilitators and pilot groups register
/// organisations and edit those of their labs; a person edits the organisation they represent; only the
/// platform administrator deletes.
/// </summary>
public sealed class OrganisationService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<OrganisationInput> validator,
    ILogger<OrganisationService> logger)
{
    public const int PageSize = 25;

    public async Task<OrganisationPage> SearchAsync(string? term, int page = 0, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        if (!actor.IsSignedIn)
        {
            return new OrganisationPage([], 0, false);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var editable = (await EditableIds(db, actor).ToListAsync(cancellationToken)).ToHashSet();
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var pattern = $"%{EscapeLike(term.Trim())}%";
            query = query.Where(o =>
                EF.Functions.ILike(o.Name, pattern, "\\")
                || EF.Functions.ILike(o.Sector, pattern, "\\")
                || EF.Functions.ILike(o.Address.City, pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(o => o.Name)
            .Skip(Math.Max(page, 0) * PageSize)
            .Take(PageSize)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Kind,
                o.Sector,
                o.Address.City,
                o.Languages,
                LabCount = db.Mutualisations.Count(m => m.Memberships.Any(x => x.OrganisationId == o.Id)),
            })
            .ToListAsync(cancellationToken);
        return new OrganisationPage(
            [.. rows.Select(r => new OrganisationRow(r.Id, r.Name, r.Kind, r.Sector, r.City, r.Languages, r.LabCount, actor.IsPlatformAdmin || editable.Contains(r.Id), actor.IsPlatformAdmin))],
            total,
            await CanCreateAsync(db, actor, cancellationToken));
    }

    /// <summary>The organisation as its form shows it; null when it does not exist or the person may not edit it.</summary>
    public async Task<OrganisationInput?> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await CanEditAsync(db, actor, id, cancellationToken))
        {
            return null;
        }
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? null : OrganisationInput.From(organisation);
    }

    public async Task<SaveResult> CreateAsync(OrganisationInput input, CancellationToken cancellationToken = default)
    {
        var result = await writes.Outside(async (db, actor, ct) => await CanCreateAsync(db, actor, ct) ? null : SaveResult.Forbidden)
            .Validating(input, validator)
            .AddAsync(write =>
            {
                var organisation = new Organisation(input.ToProfile(), write.Now);
                return ValueTask.FromResult((organisation, organisation.Name));
            }, AuditSubject.Organisation, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Organisation {OrganisationId} registered", result.Id);
        }
        return result;
    }

    public Task<SaveResult> UpdateAsync(Guid id, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.Outside(async (db, actor, ct) =>
                !await db.Organisations.AnyAsync(o => o.Id == id, ct) ? SaveResult.NotFound
                : !await CanEditAsync(db, actor, id, ct) ? SaveResult.Forbidden
                : null)
            .Validating(input, validator)
            .ChangeAsync(write => write.Db.Organisations.SingleOrDefaultAsync(o => o.Id == id, write.CancellationToken), input.Version, AuditSubject.Organisation, AuditAction.Changed, (organisation, write) =>
            {
                organisation.Revise(input.ToProfile(), write.Now);
                return ValueTask.FromResult(organisation.Name);
            }, cancellationToken);
    }

    public async Task<SaveResult> DeleteAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var result = await writes.Outside(async (db, actor, ct) =>
                !await db.Organisations.AnyAsync(o => o.Id == id, ct) ? SaveResult.NotFound
                : !actor.IsPlatformAdmin ? SaveResult.Forbidden
                : await db.Mutualisations.AnyAsync(m => m.Memberships.Any(x => x.OrganisationId == id), ct) ? SaveResult.Refused("Organisation.StillInLabs")
                : null)
            .ChangeAsync(write => write.Db.Organisations.SingleOrDefaultAsync(o => o.Id == id, write.CancellationToken), version, AuditSubject.Organisation, AuditAction.Deleted,
                (organisation, _) => ValueTask.FromResult(organisation.Name), cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Organisation {OrganisationId} deleted", id);
        }
        return result;
    }

    private static async Task<bool> CanCreateAsync(MutualisonsDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.IsPlatformAdmin)
        {
            return true;
        }
        var userId = actor.UserId ?? Guid.Empty;
        var roles = LabRoleRights.RolesWith(LabRight.EditOrganisations);
        return await db.Mutualisations.AnyAsync(m => m.People.Any(p => p.PersonId == userId && roles.Contains(p.Role)), cancellationToken);
    }

    private static async Task<bool> CanEditAsync(MutualisonsDbContext db, Actor actor, Guid organisationId, CancellationToken cancellationToken) =>
        actor.IsPlatformAdmin || await EditableIds(db, actor).AnyAsync(id => id == organisationId, cancellationToken);

    /// <summary>
    /// The organisations a person may edit, as <see cref="LabRoleRights.MayEditOrganisation"/> says: those of
    /// the labs where their role gives <see cref="LabRight.EditOrganisations"/>, and the one they represent
    /// where their role gives <see cref="LabRight.EditOwnOrganisation"/>.
    /// </summary>
    private static IQueryable<Guid> EditableIds(MutualisonsDbContext db, Actor actor)
    {
        var userId = actor.UserId ?? Guid.Empty;
        var editAll = LabRoleRights.RolesWith(LabRight.EditOrganisations);
        var editOwn = LabRoleRights.RolesWith(LabRight.EditOwnOrganisation);
        var ofLabsTheyRun = db.Mutualisations
            .Where(m => m.People.Any(p => p.PersonId == userId && editAll.Contains(p.Role)))
            .SelectMany(m => m.Memberships.Select(x => x.OrganisationId));
        var represented = db.Mutualisations
            .SelectMany(m => m.People.Where(p => p.PersonId == userId && p.OrganisationId != null && editOwn.Contains(p.Role)).Select(p => p.OrganisationId!.Value));
        return ofLabsTheyRun.Union(represented);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
