using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Resources.MapData;

/// <summary>A contribution awaiting approval, as the moderation queue shows it.</summary>
public sealed record PendingRow(
    Guid EntryId, Guid ContributionId, bool IsNewEntry, string Name, string? CurrentName, DateTimeOffset ProposedAt, string ProposedBy, string Organisation,
    int Approvals, int ApprovalsRequired, bool MayReview);

/// <summary>
/// Contributions to a lab's map data: anyone who represents a contributing organisation (and the pilot group
/// and facilitators) proposes entries and edits; they wait until a moderator, or enough other contributing
/// organisations, approve them. A refusal says why.
/// </summary>
public sealed class MapContributionService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<EntryInput> entryValidator,
    IValidator<RefusalInput> refusalValidator)
{
    /// <summary>Proposes a new entry (<paramref name="entryId"/> null) or an edit of one; its id comes back.</summary>
    public Task<SaveResult> ProposeAsync(Guid labId, Guid dataSetId, Guid? entryId, EntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.ContributeMapData).Validating(input, entryValidator);
        if (entryId is not { } id)
        {
            return scope.CreateAsync<MapEntry>(async write =>
            {
                var set = await DataSetAsync(write, labId, dataSetId);
                var organisation = await ProposingOrganisationAsync(write, labId, input);
                var entry = MapEntry.Propose(set, input.ToContent(), write.Actor.UserId, organisation, write.Now);
                return (entry, $"{set.Name} — {entry.Pending!.Content.Name}");
            }, cancellationToken);
        }
        return scope.ChangeAsync<MapEntry>(id, null, async (entry, write) =>
        {
            if (entry.DataSetId != dataSetId)
            {
                throw LabWrite.NotFound();
            }
            var set = await DataSetAsync(write, labId, dataSetId);
            var organisation = await ProposingOrganisationAsync(write, labId, input);
            var contribution = entry.ProposeEdit(set, input.ToContent(), write.Actor.UserId, organisation, write.Now);
            return $"{set.Name} — {contribution.Content.Name}: {string.Join(", ", contribution.Content.ChangesFrom(entry.Current))}";
        }, cancellationToken);
    }

    /// <summary>A moderator's approval accepts; anyone else approves for the organisation they represent.</summary>
    public Task<SaveResult> ApproveAsync(Guid labId, Guid entryId, Guid contributionId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ContributeMapData).ChangeAsync<MapEntry>(entryId, null, async (entry, write) =>
        {
            var set = await DataSetAsync(write, labId, entry.DataSetId);
            entry.Approve(set, contributionId, await ReviewerAsync(write, labId), write.Now);
            return $"{set.Name} — {entry.Contributions.Single(c => c.Id == contributionId).Content.Name}: {entry.Contributions.Single(c => c.Id == contributionId).Status}";
        }, cancellationToken);

    public Task<SaveResult> RefuseAsync(Guid labId, Guid entryId, Guid contributionId, RefusalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ContributeMapData).Validating(input, refusalValidator).ChangeAsync<MapEntry>(entryId, null, async (entry, write) =>
        {
            var set = await DataSetAsync(write, labId, entry.DataSetId);
            entry.Refuse(set, contributionId, await ReviewerAsync(write, labId), input.Reason, write.Now);
            return $"{set.Name} — {entry.Contributions.Single(c => c.Id == contributionId).Content.Name}: {input.Reason}";
        }, cancellationToken);
    }

    /// <summary>The data set's contributions awaiting approval, oldest first; null when the person has no role in the lab.</summary>
    public async Task<IReadOnlyList<PendingRow>?> PendingAsync(Guid labId, Guid dataSetId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        var set = await db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.LabId == labId, cancellationToken);
        if (set is null)
        {
            return null;
        }
        var pending = await db.MapContributions.AsNoTracking()
            .Where(c => c.Status == ContributionStatus.Pending)
            .Join(db.MapEntries.IgnoreAutoIncludes().Where(e => e.DataSetId == dataSetId && e.LabId == labId), c => c.EntryId, e => e.Id,
                (c, e) => new { Contribution = c, CurrentName = e.SourceOrganisationId == null ? null : e.Name })
            .OrderBy(x => x.Contribution.ProposedAt)
            .ToListAsync(cancellationToken);
        var people = pending.Select(p => p.Contribution.ProposedBy).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisationIds = pending.Select(p => p.Contribution.OrganisationId ?? p.Contribution.Content.SourceOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var moderator = place.Role.Allows(LabRight.ModerateMapData);
        return [.. pending.Select(p =>
        {
            var c = p.Contribution;
            var organisation = c.OrganisationId ?? c.Content.SourceOrganisationId;
            var mayReview = moderator || (place.Role.Allows(LabRight.ContributeMapData) && place.Represents is { } own && own != c.OrganisationId && set.Consents(own) && !c.Approvals.Contains(own));
            return new PendingRow(c.EntryId, c.Id, c.IsNewEntry, c.Content.Name, p.CurrentName, c.ProposedAt, c.ProposedBy is { } by ? names.GetValueOrDefault(by, string.Empty) : string.Empty,
                organisations.GetValueOrDefault(organisation, string.Empty), c.Approvals.Count, set.ApprovalsRequired, mayReview);
        })];
    }

    private static async Task<MapDataSet> DataSetAsync(LabWrite write, Guid labId, Guid dataSetId) =>
        await write.Db.MapDataSets.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dataSetId && d.LabId == labId, write.CancellationToken)
        ?? throw LabWrite.NotFound();

    /// <summary>
    /// A participant proposes for the organisation they represent, which must be the entry's source; the pilot
    /// group and facilitators may propose an entry of any contributing organisation.
    /// </summary>
    private static async Task<Guid?> ProposingOrganisationAsync(LabWrite write, Guid labId, EntryInput input)
    {
        var place = await write.Db.PlaceInAsync(write.Actor, labId, write.CancellationToken) ?? throw LabWrite.NotFound();
        if (place.Role == LabRole.Participant && place.Represents != input.SourceOrganisationId)
        {
            throw new DomainException("MapEntry.OnlyOwnOrganisation", "A participant proposes entries of the organisation they represent.");
        }
        return place.Represents;
    }

    private static async Task<MapReviewer> ReviewerAsync(LabWrite write, Guid labId)
    {
        var place = await write.Db.PlaceInAsync(write.Actor, labId, write.CancellationToken) ?? throw LabWrite.NotFound();
        if (place.Role.Allows(LabRight.ModerateMapData))
        {
            return MapReviewer.Moderator(write.Actor.UserId);
        }
        return place.Represents is { } organisation
            ? MapReviewer.For(write.Actor.UserId, organisation)
            : throw new DomainException("MapEntry.NotAReviewer", "Only a moderator or a contributing organisation reviews contributions.");
    }
}
