using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Resources.MapData;

/// <summary>Who may read a data set: the lab's people only, or everyone once the lab publishes it.</summary>
public enum MapDataVisibility
{
    Lab,
    Everyone,
}

/// <summary>
/// A lab's collaborative data set of geolocated entries (In Common's map of the alternatives): its sharing
/// terms (licence, visibility), the lab's organisations that contribute to it, each with its consent, how many
/// of them must approve a contribution for it to show, and its own nested taxonomy of categories.
/// </summary>
public sealed class MapDataSet : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.MapDataSet;

    /// <summary>The Open Database License, the licence collaborative map data is usually shared under.</summary>
    public const string DefaultLicence = "ODbL-1.0";

    /// <summary>Categories nest three levels deep at most: deeper trees are hard to filter by on a phone.</summary>
    public const int MaxCategoryDepth = 3;

    public const int MaxApprovals = 20;

    private readonly List<MapContributor> _contributors = [];
    private readonly List<MapCategory> _categories = [];

    private MapDataSet()
    {
        Name = string.Empty;
        Description = string.Empty;
        Licence = DefaultLicence;
    }

    public MapDataSet(Guid labId, string name, string? description, string? licence, MapDataVisibility visibility, int approvalsRequired, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedAt = Guard.Utc(now);
        Describe(name, description, licence, visibility, approvalsRequired);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public string Licence { get; private set; }

    public MapDataVisibility Visibility { get; private set; }

    /// <summary>How many contributing organisations (other than the proposer's) must approve a contribution, when no moderator does.</summary>
    public int ApprovalsRequired { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<MapContributor> Contributors => _contributors;

    public IReadOnlyList<MapCategory> Categories => _categories;

    public bool IsPublished => Visibility == MapDataVisibility.Everyone;

    public void Describe(string name, string? description, string? licence, MapDataVisibility visibility, int approvalsRequired)
    {
        var title = Guard.RequiredText(name, Limits.Name, "MapData.NameRequired", "The name");
        var text = Guard.OptionalText(description, Limits.LongText, "MapData.TextTooLong", "The description");
        var terms = Guard.OptionalText(licence, Limits.ShortText, "MapData.TextTooLong", "The licence");
        Visibility = Guard.Defined(visibility, "MapData.VisibilityInvalid");
        if (approvalsRequired is < 1 or > MaxApprovals)
        {
            throw new DomainException("MapData.ApprovalsInvalid", "Between 1 and 20 approvals validate a contribution.");
        }
        Name = title;
        Description = text;
        Licence = terms.Length == 0 ? DefaultLicence : terms;
        ApprovalsRequired = approvalsRequired;
    }

    /// <summary>Adds one of the lab's organisations as a contributor; joining is consenting.</summary>
    public MapContributor AddContributor(Guid organisationId, DateTimeOffset now)
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("MapData.OrganisationRequired", "A contributor is an organisation.");
        }
        if (_contributors.Any(c => c.OrganisationId == organisationId))
        {
            throw new DomainException("MapData.AlreadyContributing", "This organisation already contributes.");
        }
        var contributor = new MapContributor(Id, organisationId, now);
        _contributors.Add(contributor);
        return contributor;
    }

    /// <summary>Gives or withdraws an organisation's consent: withdrawn, its entries no longer show anywhere.</summary>
    public void SetConsent(Guid organisationId, bool consents, DateTimeOffset now)
    {
        var contributor = _contributors.SingleOrDefault(c => c.OrganisationId == organisationId)
            ?? throw new DomainException("MapData.NotAContributor", "This organisation does not contribute to the data set.");
        contributor.SetConsent(consents, now);
    }

    /// <summary>Whether the organisation contributes and consents to its entries being shown.</summary>
    public bool Consents(Guid organisationId) => _contributors.Any(c => c.OrganisationId == organisationId && c.Consents);

    public IReadOnlyList<Guid> ConsentingOrganisations => [.. _contributors.Where(c => c.Consents).Select(c => c.OrganisationId)];

    public MapCategory AddCategory(Guid? parentId, string french, string? dutch, string? english)
    {
        var depth = 1;
        if (parentId is { } parent)
        {
            depth = DepthOf(parent) + 1;
            if (depth > MaxCategoryDepth)
            {
                throw new DomainException("MapData.CategoryTooDeep", "Categories nest three levels deep at most.");
            }
        }
        var category = new MapCategory(Id, parentId, french, dutch, english);
        if (_categories.Any(c => c.ParentId == parentId && string.Equals(c.NameFr, category.NameFr, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("MapData.CategoryDuplicate", "A category of that name is already there.");
        }
        _categories.Add(category);
        return category;
    }

    public void RenameCategory(Guid categoryId, string french, string? dutch, string? english) => Category(categoryId).Rename(french, dutch, english);

    /// <summary>Removes a category without sub-categories; entries simply lose it.</summary>
    public void RemoveCategory(Guid categoryId)
    {
        var category = Category(categoryId);
        if (_categories.Any(c => c.ParentId == categoryId))
        {
            throw new DomainException("MapData.CategoryHasChildren", "Remove its sub-categories first.");
        }
        _categories.Remove(category);
    }

    /// <summary>1 for a top category.</summary>
    public int DepthOf(Guid categoryId)
    {
        var depth = 0;
        Guid? current = categoryId;
        while (current is { } id)
        {
            current = Category(id).ParentId;
            depth++;
        }
        return depth;
    }

    /// <summary>A category and every category under it: filtering by "Food" finds the entries of "Food › Markets".</summary>
    public IReadOnlyList<Guid> WithDescendants(Guid categoryId)
    {
        var found = new List<Guid> { Category(categoryId).Id };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(_categories.Where(c => c.ParentId == found[i]).Select(c => c.Id));
        }
        return found;
    }

    /// <summary>Refuses a category that is not this data set's.</summary>
    public void RequireCategories(IEnumerable<Guid> categoryIds)
    {
        ArgumentNullException.ThrowIfNull(categoryIds);
        foreach (var id in categoryIds)
        {
            _ = Category(id);
        }
    }

    private MapCategory Category(Guid id) =>
        _categories.SingleOrDefault(c => c.Id == id) ?? throw new DomainException("MapData.UnknownCategory", "This category is not in the data set's taxonomy.");
}

/// <summary>An organisation of the lab that contributes to a data set, and whether it consents to its entries being shown.</summary>
public sealed class MapContributor
{
    private MapContributor() { }

    internal MapContributor(Guid dataSetId, Guid organisationId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        DataSetId = dataSetId;
        OrganisationId = organisationId;
        Consents = true;
        ConsentChangedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid DataSetId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public bool Consents { get; private set; }

    public DateTimeOffset ConsentChangedAt { get; private set; }

    internal void SetConsent(bool consents, DateTimeOffset now)
    {
        Consents = consents;
        ConsentChangedAt = Guard.Utc(now);
    }
}

/// <summary>A category of a data set's taxonomy, named in French (required), Dutch and English.</summary>
public sealed class MapCategory
{
    private MapCategory()
    {
        NameFr = string.Empty;
        NameNl = string.Empty;
        NameEn = string.Empty;
    }

    internal MapCategory(Guid dataSetId, Guid? parentId, string french, string? dutch, string? english) : this()
    {
        Id = Guid.CreateVersion7();
        DataSetId = dataSetId;
        ParentId = parentId;
        Rename(french, dutch, english);
    }

    public Guid Id { get; private set; }

    public Guid DataSetId { get; private set; }

    public Guid? ParentId { get; private set; }

    public string NameFr { get; private set; }

    public string NameNl { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>The name in <paramref name="language"/>, French when that translation is missing.</summary>
    public string NameIn(string language) => language switch
    {
        Cultures.Dutch when NameNl.Length > 0 => NameNl,
        Cultures.English when NameEn.Length > 0 => NameEn,
        _ => NameFr,
    };

    internal void Rename(string french, string? dutch, string? english)
    {
        NameFr = Guard.RequiredText(french, Limits.ShortText, "MapData.CategoryNameRequired", "The French name");
        NameNl = Guard.OptionalText(dutch, Limits.ShortText, "MapData.TextTooLong", "The Dutch name");
        NameEn = Guard.OptionalText(english, Limits.ShortText, "MapData.TextTooLong", "The English name");
    }
}
