using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Labs;

/// <summary>
/// Living labs: their list, their overview, moving their focus and recording where each cycle stands.
/// Every query is limited to the labs the current person has a role in.
/// </summary>
public sealed class LabService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<MoveFocusInput> moveFocusValidator,
    IValidator<RecordCycleInput> recordCycleValidator,
    IValidator<NewLabInput> newLabValidator,
    ILogger<LabService> logger)
{
    public const int JournalLength = 100;

    public async Task<IReadOnlyList<LabCard>> ListAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labs = await db.Mutualisations.AsNoTracking()
            .VisibleTo(actor)
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Description, m.ResourceKinds, m.CooperationLevel, MemberCount = m.Memberships.Count, m.CurrentFocus, m.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. labs.Select(m => new LabCard(m.Id, m.Name, m.Description, m.ResourceKinds, m.CooperationLevel, m.MemberCount, m.CurrentFocus, m.UpdatedAt))];
    }

    /// <summary>
    /// Opens a new living lab. The platform administrator does, and so does anyone whose role in a lab gives
    /// <see cref="LabRight.OpenLabs"/> (its facilitators): they facilitate the new lab too.
    /// </summary>
    public async Task<SaveResult> CreateAsync(NewLabInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await writes.Outside(async (db, actor, ct) => await CanCreateAsync(db, actor, ct) ? null : SaveResult.Forbidden)
            .Validating(input, newLabValidator)
            .AddAsync(write =>
            {
                var lab = new Mutualisation(input.Name, input.Description, input.ResourceKinds, input.CooperationLevel, write.Now);
                if (!write.Actor.IsPlatformAdmin && write.Actor.UserId is { } opener)
                {
                    lab.GrantRole(opener, LabRole.Facilitator, null, write.Now);
                }
                return ValueTask.FromResult((lab, lab.Name));
            }, AuditSubject.Lab, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Lab {LabId} opened", result.Id);
        }
        return result;
    }

    public async Task<bool> CanCreateAsync()
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await CanCreateAsync(db, actor, CancellationToken.None);
    }

    private static async Task<bool> CanCreateAsync(MutualisonsDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.IsPlatformAdmin)
        {
            return true;
        }
        var userId = actor.UserId ?? Guid.Empty;
        var roles = LabRoleRights.RolesWith(LabRight.OpenLabs);
        return actor.IsSignedIn && await db.Mutualisations.AnyAsync(m => m.People.Any(p => p.PersonId == userId && roles.Contains(p.Role)), cancellationToken);
    }

    /// <summary>The lab as its people see it; null when it does not exist or the person has no role in it.</summary>
    public async Task<LabOverview?> GetOverviewAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }

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
            .SingleAsync(cancellationToken);

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
            lab.Journal,
            role);
    }

    public Task<SaveResult> MoveFocusAsync(Guid labId, MoveFocusInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.NavigateCycles).Validating(input, moveFocusValidator).ChangeLabAsync(input.Version, (lab, write) =>
        {
            var entry = lab.MoveFocus(input.To, write.Actor.UserId, write.Actor.DisplayName, input.Reason, write.Now);
            write.AuditAs(AuditSubject.Focus, entry.Id);
            logger.LogInformation("Lab {LabId} moved its focus from {From} to {To}", labId, entry.From, entry.To);
            return $"{AuditText.Of(entry.From)} → {AuditText.Of(entry.To)} : {entry.Reason}";
        }, cancellationToken);
    }

    public Task<SaveResult> RecordCycleAsync(Guid labId, Cycle cycle, RecordCycleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.NavigateCycles).Validating(input, recordCycleValidator).ChangeLabAsync(input.Version, (lab, write) =>
        {
            lab.RecordCycle(cycle, input.State, input.Notes, write.Now);
            write.AuditAs(AuditSubject.Cycle, null);
            return $"{AuditText.Of(cycle)} : {AuditText.Of(input.State)}";
        }, cancellationToken);
    }
}
