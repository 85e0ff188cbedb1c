using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Resources.MapData;

public sealed record DataSetRow(Guid Id, string Name, string Licence, MapDataVisibility Visibility, int Entries, int Pending);

public sealed record DataSetList(string LabName, bool MayManage, IReadOnlyList<DataSetRow> DataSets);

public sealed record ContributorRow(Guid OrganisationId, string Name, bool Consents, DateTimeOffset ConsentChangedAt, bool MayChangeConsent);

public sealed record CategoryRow(Guid Id, Guid? ParentId, int Depth, string NameFr, string NameNl, string NameEn);

public sealed record OrganisationOption(Guid Id, string Name);

/// <summary>A data set's terms, contributors, taxonomy and what the person may do with it.</summary>
public sealed record DataSetDetail(
    Guid Id, Guid LabId, uint Version, string LabName, string Name, string Description, string Licence, MapDataVisibility Visibility, int ApprovalsRequired,
    IReadOnlyList<ContributorRow> Contributors, IReadOnlyList<CategoryRow> Categories, IReadOnlyList<OrganisationOption> OtherMembers,
    bool MayManage, bool MayContribute, bool MayModerate, Guid? Represents);

/// <summary>
/// A lab's map data sets: their terms, contributing organisations and consents, and taxonomies. Those who
/// configure the lab's tools keep them; an organisation's representative gives or withdraws its own consent.
/// </summary>
public sealed class MapDataSetService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<DataSetInput> dataSetValidator,
    IValidator<CategoryInput> categoryValidator)
{
    public async Task<DataSetList?> ListAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var sets = await db.MapDataSets.AsNoTracking().IgnoreAutoIncludes().Where(d => d.LabId == labId).OrderBy(d => d.Name)
            .Select(d => new DataSetRow(d.Id, d.Name, d.Licence, d.Visibility,
                db.MapEntries.Count(e => e.DataSetId == d.Id && e.SourceOrganisationId != null),
                db.MapContributions.Count(c => c.Status == ContributionStatus.Pending && db.MapEntries.Any(e => e.Id == c.EntryId && e.DataSetId == d.Id))))
            .ToListAsync(cancellationToken);
        return new DataSetList(labName, role.Allows(LabRight.ConfigureTools), sets);
    }

    public async Task<DataSetDetail?> GetAsync(Guid labId, Guid dataSetId, CancellationToken cancellationToken = default)
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
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var members = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken);
        var names = members.ToDictionary(o => o.Id, o => o.Name);
        var mayManage = place.Role.Allows(LabRight.ConfigureTools);
        var contributors = set.Contributors
            .Select(c => new ContributorRow(c.OrganisationId, names.GetValueOrDefault(c.OrganisationId, string.Empty), c.Consents, c.ConsentChangedAt,
                mayManage || place.Role.MayEditOrganisation(c.OrganisationId, true, place.Represents)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var others = members.Where(o => set.Contributors.All(c => c.OrganisationId != o.Id)).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        return new DataSetDetail(set.Id, labId, set.Version, labName, set.Name, set.Description, set.Licence, set.Visibility, set.ApprovalsRequired,
            contributors, Taxonomy(set), others, mayManage, place.Role.Allows(LabRight.ContributeMapData), place.Role.Allows(LabRight.ModerateMapData), place.Represents);
    }

    /// <summary>The taxonomy as a tree read top down: each category followed by its sub-categories.</summary>
    internal static IReadOnlyList<CategoryRow> Taxonomy(MapDataSet set)
    {
        var rows = new List<CategoryRow>();
        void Add(Guid? parent, int depth)
        {
            foreach (var category in set.Categories.Where(c => c.ParentId == parent).OrderBy(c => c.NameFr, StringComparer.CurrentCulture))
            {
                rows.Add(new CategoryRow(category.Id, category.ParentId, depth, category.NameFr, category.NameNl, category.NameEn));
                Add(category.Id, depth + 1);
            }
        }
        Add(null, 1);
        return rows;
    }

    public Task<SaveResult> SaveAsync(Guid labId, Guid? dataSetId, DataSetInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.ConfigureTools).Validating(input, dataSetValidator);
        if (dataSetId is not { } id)
        {
            return scope.CreateAsync<MapDataSet>(write =>
            {
                var set = new MapDataSet(labId, input.Name, input.Description, input.Licence, input.Visibility, input.ApprovalsRequired!.Value, write.Now);
                return (set, set.Name);
            }, cancellationToken);
        }
        return scope.ChangeAsync<MapDataSet>(id, input.Version, (set, _) =>
        {
            set.Describe(input.Name, input.Description, input.Licence, input.Visibility, input.ApprovalsRequired!.Value);
            return $"{set.Name} — {set.Licence}, {set.Visibility}";
        }, cancellationToken);
    }

    /// <summary>Adds one of the lab's organisations as a contributor (another lab's answers "not found").</summary>
    public Task<SaveResult> AddContributorAsync(Guid labId, Guid dataSetId, Guid organisationId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<MapDataSet>(dataSetId, null, async (set, write) =>
        {
            var name = await MemberNameAsync(write, labId, organisationId) ?? throw LabWrite.NotFound();
            set.AddContributor(organisationId, write.Now);
            return $"{set.Name} + {name}";
        }, cancellationToken);

    /// <summary>
    /// Gives or withdraws an organisation's consent; withdrawn, its entries are hidden everywhere at once. Its
    /// representative decides for it, as do those who configure the lab's tools.
    /// </summary>
    public Task<SaveResult> SetConsentAsync(Guid labId, Guid dataSetId, Guid organisationId, bool consents, CancellationToken cancellationToken = default) =>
        writes.In(labId, (role, represents) => role.Allows(LabRight.ConfigureTools) || role.MayEditOrganisation(organisationId, true, represents))
            .ChangeAsync<MapDataSet>(dataSetId, null, async (set, write) =>
            {
                var name = await MemberNameAsync(write, labId, organisationId) ?? throw LabWrite.NotFound();
                set.SetConsent(organisationId, consents, write.Now);
                return $"{set.Name} — {name}: {(consents ? "consent" : "consent withdrawn")}";
            }, cancellationToken);

    public Task<SaveResult> AddCategoryAsync(Guid labId, Guid dataSetId, CategoryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, categoryValidator).ChangeAsync<MapDataSet>(dataSetId, null, (set, write) =>
        {
            // The caller gets the new category's id back.
            write.ResultId = set.AddCategory(input.ParentId, input.NameFr, input.NameNl, input.NameEn).Id;
            return $"{set.Name} + {input.NameFr}";
        }, cancellationToken);
    }

    public Task<SaveResult> RenameCategoryAsync(Guid labId, Guid dataSetId, Guid categoryId, CategoryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, categoryValidator).ChangeAsync<MapDataSet>(dataSetId, null, (set, _) =>
        {
            set.RenameCategory(categoryId, input.NameFr, input.NameNl, input.NameEn);
            return $"{set.Name} — {input.NameFr}";
        }, cancellationToken);
    }

    /// <summary>Removes a category without sub-categories: the entries that had it lose it in the same save.</summary>
    public Task<SaveResult> RemoveCategoryAsync(Guid labId, Guid dataSetId, Guid categoryId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<MapDataSet>(dataSetId, null, async (set, write) =>
        {
            var name = set.Categories.FirstOrDefault(c => c.Id == categoryId)?.NameFr;
            set.RemoveCategory(categoryId);
            await write.BeginTransactionAsync();
            await write.Db.Database.ExecuteSqlAsync($"UPDATE map_entries SET category_ids = array_remove(category_ids, {categoryId}) WHERE data_set_id = {dataSetId} AND {categoryId} = ANY(category_ids)", write.CancellationToken);
            return $"{set.Name} − {name}";
        }, cancellationToken);

    private static Task<string?> MemberNameAsync(LabWrite write, Guid labId, Guid organisationId) =>
        write.Db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships).Where(ms => ms.OrganisationId == organisationId)
            .Join(write.Db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => o.Name).SingleOrDefaultAsync(write.CancellationToken);
}
