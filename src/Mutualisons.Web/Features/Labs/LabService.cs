using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Labs;

/// <summary>Living labs: their list, their overview, moving their focus and recording where each cycle stands.</summary>
public sealed class LabService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    IValidator<MoveFocusInput> moveFocusValidator,
    IValidator<RecordCycleInput> recordCycleValidator,
    TimeProvider time,
    ILogger<LabService> logger)
{
    public const int JournalLength = 100;

    public async Task<IReadOnlyList<LabCard>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labs = await db.Mutualisations.AsNoTracking()
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Description, m.ResourceKinds, m.CooperationLevel, MemberCount = m.Memberships.Count, m.CurrentFocus, m.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. labs.Select(m => new LabCard(m.Id, m.Name, m.Description, m.ResourceKinds, m.CooperationLevel, m.MemberCount, m.CurrentFocus, m.UpdatedAt))];
    }

    public async Task<LabOverview?> GetOverviewAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lab = await db.Mutualisations.AsNoTracking()
            .Where(m => m.Id == labId)
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.Description,
                m.ResourceKinds,
                m.CooperationLevel,
                m.CurrentFocus,
                m.Version,
                Cycles = m.Cycles.Select(c => new CycleSummary(c.Cycle, c.State, c.Notes, c.LastActivityAt)).ToList(),
                Journal = m.Journal.OrderByDescending(j => j.MovedAt).Take(JournalLength)
                    .Select(j => new JournalLine(j.Id, j.From, j.To, j.MovedAt, j.MovedBy, j.Reason)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (lab is null)
        {
            return null;
        }

        var members = await db.Mutualisations.AsNoTracking()
            .Where(m => m.Id == labId)
            .SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => new { o.Id, o.Name, ms.Role })
            .ToListAsync(cancellationToken);

        return new LabOverview(
            lab.Id, lab.Name, lab.Description, lab.ResourceKinds, lab.CooperationLevel, lab.CurrentFocus, lab.Version,
            [.. lab.Cycles.OrderBy(c => c.Cycle)],
            // Roles are stored by name; order them as the method does (pilot group first), in memory: a lab has few members.
            [.. members.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCulture).Select(m => new LabMember(m.Id, m.Name, m.Role))],
            lab.Journal);
    }

    public async Task<SaveResult> MoveFocusAsync(Guid labId, MoveFocusInput input, CancellationToken cancellationToken = default)
    {
        var validation = await moveFocusValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        return await ChangeAsync(labId, input.Version, lab =>
        {
            var entry = lab.MoveFocus(input.To, input.MovedBy, input.Reason, time.GetUtcNow());
            logger.LogInformation("Lab {LabId} moved its focus from {From} to {To}", labId, entry.From, entry.To);
        }, cancellationToken);
    }

    public async Task<SaveResult> RecordCycleAsync(Guid labId, Cycle cycle, RecordCycleInput input, CancellationToken cancellationToken = default)
    {
        var validation = await recordCycleValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        return await ChangeAsync(labId, input.Version, lab => lab.RecordCycle(cycle, input.State, input.Notes, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Loads the lab, applies a domain operation against the version the user saw, and saves.</summary>
    private async Task<SaveResult> ChangeAsync(Guid labId, uint expectedVersion, Action<Mutualisation> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lab = await db.Mutualisations.AsSplitQuery().SingleOrDefaultAsync(m => m.Id == labId, cancellationToken);
        if (lab is null)
        {
            return SaveResult.NotFound;
        }
        if (lab.Version != expectedVersion)
        {
            return SaveResult.Conflict;
        }
        db.Entry(lab).Property(m => m.Version).OriginalValue = expectedVersion;
        try
        {
            change(lab);
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(labId);
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
