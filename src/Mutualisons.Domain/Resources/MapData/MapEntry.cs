using System.Linq.Expressions;
using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Resources.MapData;

public enum ContributionStatus
{
    Pending,
    Accepted,
    Refused,
}

/// <summary>What happened to an entry, one line of its history.</summary>
public enum MapEntryEventKind
{
    Proposed,
    Approved,
    Refused,
    Accepted,
}

/// <summary>Who approves or refuses a contribution: a moderator of the lab, or a person on behalf of a contributing organisation.</summary>
public sealed record MapReviewer(Guid? UserId, Guid? OrganisationId, bool IsModerator)
{
    public static MapReviewer Moderator(Guid? userId) => new(userId, null, true);

    public static MapReviewer For(Guid? userId, Guid organisationId) => new(userId, organisationId, false);
}

/// <summary>
/// An entry of a data set. Nothing anyone proposes shows before it is validated, as in collaborative
/// directories: a new entry or an edit is a pending contribution until a moderator, or the data set's number
/// of contributing organisations, approve it; a refusal says why. The entry shows its last accepted content
/// (none until its first contribution is accepted) and keeps its history: who proposed, approved or refused
/// what, when, and which fields changed.
/// </summary>
public sealed class MapEntry : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.MapEntry;

    private readonly List<MapContribution> _contributions = [];
    private readonly List<MapEntryEvent> _history = [];

    private MapEntry()
    {
        Name = string.Empty;
        CategoryIds = [];
    }

    private MapEntry(MapDataSet dataSet, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = dataSet.LabId;
        DataSetId = dataSet.Id;
        CreatedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public Guid DataSetId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The last accepted content; null while the entry's first contribution waits.</summary>
    public MapEntryContent? Current { get; private set; }

    // The accepted content's fields that queries filter on (viewport, search, category, consent), kept in step with Current.
    public string Name { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public IReadOnlyList<Guid> CategoryIds { get; private set; }

    public Guid? SourceOrganisationId { get; private set; }

    public bool IsAccepted => Current is not null;

    public IReadOnlyList<MapContribution> Contributions => _contributions;

    public IReadOnlyList<MapEntryEvent> History => _history;

    public MapContribution? Pending => _contributions.SingleOrDefault(c => c.Status == ContributionStatus.Pending);

    /// <summary>Whether the entry shows on the data set's map and list: accepted, and its source organisation still consents.</summary>
    public bool IsShownIn(MapDataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        return Current is { } current && dataSet.Consents(current.SourceOrganisationId);
    }

    /// <summary>
    /// The same rule as <see cref="IsShownIn"/>, for queries PostgreSQL runs: accepted, and from one of
    /// <paramref name="consenting"/> (the data set's consenting organisations).
    /// </summary>
    public static Expression<Func<MapEntry, bool>> ShownAmong(IReadOnlyList<Guid> consenting) =>
        e => e.SourceOrganisationId != null && consenting.Contains(e.SourceOrganisationId.Value);

    /// <summary>Proposes a new entry: it waits, unseen, until approved.</summary>
    public static MapEntry Propose(MapDataSet dataSet, MapEntryContent content, Guid? proposedBy, Guid? proposingOrganisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var entry = new MapEntry(dataSet, now);
        entry.AddContribution(dataSet, content, proposedBy, proposingOrganisationId, now);
        return entry;
    }

    /// <summary>Proposes an edit of an entry; the entry keeps showing what was accepted until the edit is.</summary>
    public MapContribution ProposeEdit(MapDataSet dataSet, MapEntryContent content, Guid? proposedBy, Guid? proposingOrganisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(content);
        if (Pending is not null)
        {
            throw new DomainException("MapEntry.ContributionPending", "A contribution to this entry already awaits approval.");
        }
        if (Current is not null && content.ChangesFrom(Current).Count == 0)
        {
            throw new DomainException("MapEntry.NothingChanged", "The edit changes nothing.");
        }
        return AddContribution(dataSet, content, proposedBy, proposingOrganisationId, now);
    }

    /// <summary>
    /// Approves the pending contribution: a moderator's approval accepts it; an organisation's counts, and the
    /// data set's number of distinct organisations accepts it. The proposing organisation does not approve its own.
    /// </summary>
    public void Approve(MapDataSet dataSet, Guid contributionId, MapReviewer reviewer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(reviewer);
        var contribution = PendingOne(contributionId);
        if (reviewer.IsModerator)
        {
            Record(MapEntryEventKind.Approved, contribution, reviewer.UserId, null, null, now);
            Accept(contribution, now);
            return;
        }
        var organisation = Reviewing(dataSet, contribution, reviewer);
        contribution.AddApproval(organisation);
        Record(MapEntryEventKind.Approved, contribution, reviewer.UserId, organisation, null, now);
        if (contribution.Approvals.Count >= dataSet.ApprovalsRequired)
        {
            Accept(contribution, now);
        }
    }

    /// <summary>Refuses the pending contribution, with a reason; a new entry refused never shows.</summary>
    public void Refuse(MapDataSet dataSet, Guid contributionId, MapReviewer reviewer, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(reviewer);
        var contribution = PendingOne(contributionId);
        var why = Guard.RequiredText(reason, Limits.Reason, "MapEntry.ReasonRequired", "The reason");
        var organisation = reviewer.IsModerator ? (Guid?)null : Reviewing(dataSet, contribution, reviewer);
        contribution.Decide(ContributionStatus.Refused, now, why);
        Record(MapEntryEventKind.Refused, contribution, reviewer.UserId, organisation, why, now);
    }

    private MapContribution AddContribution(MapDataSet dataSet, MapEntryContent content, Guid? proposedBy, Guid? proposingOrganisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (dataSet.Id != DataSetId)
        {
            throw new DomainException("MapEntry.OtherDataSet", "This entry belongs to another data set.");
        }
        MapEntryContent.RequireCoordinates(content.Latitude, content.Longitude);
        if (!dataSet.Consents(content.SourceOrganisationId))
        {
            throw new DomainException("MapData.NotAContributor", "This organisation does not contribute to the data set.");
        }
        dataSet.RequireCategories(content.CategoryIds);
        var contribution = new MapContribution(Id, Current is null, content, proposedBy, proposingOrganisationId, now);
        _contributions.Add(contribution);
        Record(MapEntryEventKind.Proposed, contribution, proposedBy, proposingOrganisationId, null, now, string.Join(", ", content.ChangesFrom(Current)));
        return contribution;
    }

    private static Guid Reviewing(MapDataSet dataSet, MapContribution contribution, MapReviewer reviewer)
    {
        var organisation = reviewer.OrganisationId ?? throw new DomainException("MapEntry.NotAReviewer", "Only a moderator or a contributing organisation reviews contributions.");
        if (!dataSet.Consents(organisation))
        {
            throw new DomainException("MapEntry.NotAReviewer", "Only a moderator or a contributing organisation reviews contributions.");
        }
        if (organisation == contribution.OrganisationId)
        {
            throw new DomainException("MapEntry.OwnContribution", "An organisation does not approve its own contribution.");
        }
        if (contribution.Approvals.Contains(organisation))
        {
            throw new DomainException("MapEntry.AlreadyApproved", "This organisation already approved the contribution.");
        }
        return organisation;
    }

    private MapContribution PendingOne(Guid contributionId) =>
        _contributions.SingleOrDefault(c => c.Id == contributionId && c.Status == ContributionStatus.Pending)
        ?? throw new DomainException("MapEntry.NotPending", "This contribution no longer awaits approval.");

    private void Accept(MapContribution contribution, DateTimeOffset now)
    {
        contribution.Decide(ContributionStatus.Accepted, now, null);
        var content = contribution.Content;
        Current = content;
        Name = content.Name;
        Latitude = content.Latitude;
        Longitude = content.Longitude;
        CategoryIds = [.. content.CategoryIds];
        SourceOrganisationId = content.SourceOrganisationId;
        Record(MapEntryEventKind.Accepted, contribution, null, null, null, now);
    }

    private void Record(MapEntryEventKind kind, MapContribution contribution, Guid? userId, Guid? organisationId, string? reason, DateTimeOffset now, string? changes = null) =>
        _history.Add(new MapEntryEvent(Id, contribution.Id, kind, userId, organisationId, reason, changes, now));
}

/// <summary>A proposed new entry or edit, pending until accepted or refused, with the organisations that approved it.</summary>
public sealed class MapContribution
{
    private readonly List<Guid> _approvals = [];

    private MapContribution()
    {
        Content = null!;
    }

    internal MapContribution(Guid entryId, bool isNewEntry, MapEntryContent content, Guid? proposedBy, Guid? organisationId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        IsNewEntry = isNewEntry;
        Content = content;
        ProposedBy = proposedBy;
        OrganisationId = organisationId;
        ProposedAt = Guard.Utc(now);
        Status = ContributionStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid EntryId { get; private set; }

    public bool IsNewEntry { get; private set; }

    public MapEntryContent Content { get; private set; }

    public Guid? ProposedBy { get; private set; }

    /// <summary>The organisation on whose behalf it was proposed, if any (a facilitator may propose for none).</summary>
    public Guid? OrganisationId { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public ContributionStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RefusalReason { get; private set; }

    public IReadOnlyList<Guid> Approvals => _approvals;

    internal void AddApproval(Guid organisationId) => _approvals.Add(organisationId);

    internal void Decide(ContributionStatus status, DateTimeOffset now, string? reason)
    {
        Status = status;
        DecidedAt = Guard.Utc(now);
        RefusalReason = reason;
    }
}

/// <summary>One line of an entry's history: who proposed, approved or refused which contribution, when, and what changed.</summary>
public sealed class MapEntryEvent
{
    private MapEntryEvent() { }

    internal MapEntryEvent(Guid entryId, Guid contributionId, MapEntryEventKind kind, Guid? userId, Guid? organisationId, string? reason, string? changes, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        EntryId = entryId;
        ContributionId = contributionId;
        Kind = kind;
        UserId = userId;
        OrganisationId = organisationId;
        Reason = reason;
        Changes = changes;
        At = Guard.Utc(at);
    }

    public Guid Id { get; private set; }

    public Guid EntryId { get; private set; }

    public Guid ContributionId { get; private set; }

    public MapEntryEventKind Kind { get; private set; }

    public Guid? UserId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The fields a proposal changes, comma-separated.</summary>
    public string? Changes { get; private set; }

    public DateTimeOffset At { get; private set; }
}
