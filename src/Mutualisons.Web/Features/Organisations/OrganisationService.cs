using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Organisations;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Organisations;

public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, string Sector, string City, IReadOnlyList<Language> Languages, int LabCount);

public sealed record OrganisationPage(IReadOnlyList<OrganisationRow> Rows, int Total);

/// <summary>The organisations directory: search, register, revise, remove.</summary>
public sealed class OrganisationService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    IValidator<OrganisationInput> validator,
    TimeProvider time,
    ILogger<OrganisationService> logger)
{
    public const int PageSize = 25;

    public async Task<OrganisationPage> SearchAsync(string? term, int page = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
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
        return new OrganisationPage([.. rows.Select(r => new OrganisationRow(r.Id, r.Name, r.Kind, r.Sector, r.City, r.Languages, r.LabCount))], total);
    }

    public async Task<OrganisationInput?> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? null : OrganisationInput.From(organisation);
    }

    public async Task<SaveResult> CreateAsync(OrganisationInput input, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = new Organisation(input.ToProfile(), time.GetUtcNow());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Organisation {OrganisationId} {Name} registered", organisation.Id, organisation.Name);
        return SaveResult.Saved(organisation.Id);
    }

    public async Task<SaveResult> UpdateAsync(Guid id, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return SaveResult.NotFound;
        }
        db.Entry(organisation).Property(o => o.Version).OriginalValue = input.Version;
        organisation.Revise(input.ToProfile(), time.GetUtcNow());
        return await SaveAsync(db, organisation.Id, cancellationToken);
    }

    public async Task<SaveResult> DeleteAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return SaveResult.NotFound;
        }
        var inLabs = await db.Mutualisations.AnyAsync(m => m.Memberships.Any(x => x.OrganisationId == id), cancellationToken);
        if (inLabs)
        {
            return SaveResult.Refused("Organisation.StillInLabs");
        }
        db.Entry(organisation).Property(o => o.Version).OriginalValue = version;
        db.Organisations.Remove(organisation);
        var result = await SaveAsync(db, id, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Organisation {OrganisationId} deleted", id);
        }
        return result;
    }

    private static async Task<SaveResult> SaveAsync(MutualisonsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DomainException exception)
        {
            return SaveResult.Refused(exception.Code);
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
