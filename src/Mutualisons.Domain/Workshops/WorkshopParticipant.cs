using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Workshops;

/// <summary>
/// Someone in the room: a display name and the organisation they come for (one of the lab's, or another one
/// named in words), or a signed-in member as themselves. Their phone keeps a secret that brings them back as
/// the same participant after a dropped connection; only its hash is stored.
/// </summary>
public sealed class WorkshopParticipant
{
    public const int NameLength = 60;

    private WorkshopParticipant()
    {
        DisplayName = string.Empty;
        OtherOrganisation = string.Empty;
        SecretHash = string.Empty;
        Culture = string.Empty;
    }

    /// <summary>Joins <paramref name="workshop"/>; <paramref name="secret"/> is what the phone keeps.</summary>
    public WorkshopParticipant(Workshop workshop, string displayName, Guid? organisationId, string? otherOrganisation, Guid? userId, string culture, string secret, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(workshop);
        if (!workshop.AcceptsJoins(now))
        {
            throw new DomainException("Workshop.CodeExpired", "This workshop does not take new participants.");
        }
        Id = Guid.CreateVersion7();
        WorkshopId = workshop.Id;
        LabId = workshop.LabId;
        DisplayName = Guard.RequiredText(displayName, NameLength, "Workshop.NameRequired", "The name");
        OrganisationId = organisationId;
        OtherOrganisation = organisationId is null ? Guard.OptionalText(otherOrganisation, Limits.ShortText, "Workshop.OrganisationTooLong", "The organisation") : string.Empty;
        UserId = userId;
        Culture = Cultures.All.Contains(culture) ? culture : Cultures.French;
        SecretHash = SecretToken.HashOf(secret);
        JoinedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid WorkshopId { get; private set; }

    public Guid LabId { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>One of the lab's organisations; none when they come for another one, or for none.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>The organisation named in words when it is not one of the lab's.</summary>
    public string OtherOrganisation { get; private set; }

    /// <summary>The lab member who joined as themselves.</summary>
    public Guid? UserId { get; private set; }

    public string Culture { get; private set; }

    public string SecretHash { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>When the facilitator took them out of the room: what they send afterwards is refused.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public void Remove(DateTimeOffset now) => RemovedAt ??= Guard.Utc(now);

    public void RefuseIfRemoved()
    {
        if (IsRemoved)
        {
            throw new DomainException("Workshop.ParticipantRemoved", "The facilitator took you out of this workshop.");
        }
    }
}

/// <summary>A sticky note written on an ideas step; the facilitator may take it off the board.</summary>
public sealed class WorkshopNote
{
    private WorkshopNote()
    {
        Text = string.Empty;
    }

    internal WorkshopNote(Guid workshopId, Guid stepId, Guid participantId, string text, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        WorkshopId = workshopId;
        StepId = stepId;
        ParticipantId = participantId;
        Text = text;
        CreatedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid WorkshopId { get; private set; }

    public Guid StepId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string Text { get; private set; }

    /// <summary>The cluster of a grouping step it was put in.</summary>
    public Guid? ClusterId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>The need or experiment it became, once turned into one.</summary>
    public Guid? BecameId { get; private set; }

    public void PutIn(WorkshopCluster? cluster)
    {
        if (cluster is not null && cluster.WorkshopId != WorkshopId)
        {
            throw new DomainException("Workshop.ClusterUnknown", "The cluster is not one of this workshop's.");
        }
        ClusterId = cluster?.Id;
    }

    public void Remove(DateTimeOffset now) => RemovedAt ??= Guard.Utc(now);

    /// <summary>Records the need or experiment it became; it becomes one thing only once, and not once taken off the board.</summary>
    public void Became(Guid id)
    {
        if (RemovedAt is not null)
        {
            throw new DomainException("Workshop.NoteRemoved", "This note was taken off the board.");
        }
        BecameId = WorkshopOutcome.Once(BecameId, id);
    }
}

/// <summary>A named group of notes, made on a grouping step.</summary>
public sealed class WorkshopCluster
{
    private WorkshopCluster()
    {
        Name = string.Empty;
    }

    public WorkshopCluster(WorkshopStep groupingStep, string name) : this()
    {
        ArgumentNullException.ThrowIfNull(groupingStep);
        if (groupingStep.Kind != WorkshopStepKind.Grouping)
        {
            throw new DomainException("Workshop.WrongStep", "Clusters are made on a grouping step.");
        }
        Id = Guid.CreateVersion7();
        WorkshopId = groupingStep.WorkshopId;
        StepId = groupingStep.Id;
        Rename(name);
    }

    public Guid Id { get; private set; }

    public Guid WorkshopId { get; private set; }

    public Guid StepId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The need or experiment it became, once turned into one.</summary>
    public Guid? BecameId { get; private set; }

    public void Rename(string name) => Name = Guard.RequiredText(name, WorkshopStep.OptionLength, "Workshop.ClusterNameRequired", "The cluster's name");

    /// <summary>Records the need or experiment it became; it becomes one thing only once.</summary>
    public void Became(Guid id) => BecameId = WorkshopOutcome.Once(BecameId, id);
}

/// <summary>
/// What one participant gave on one item of a step: dots on a note, cluster or option, a 2×2 position, a
/// poll answer or a consent position. One row per participant and item, changed in place: a second tap
/// corrects the first, it never counts twice.
/// </summary>
public sealed class WorkshopAnswer
{
    /// <summary>The item of a poll or consent round, which has only one per participant.</summary>
    public const string WholeStep = "step";

    private List<int> _choices = [];

    private WorkshopAnswer()
    {
        Item = string.Empty;
        Reason = string.Empty;
    }

    public WorkshopAnswer(WorkshopStep step, WorkshopParticipant participant, string item, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(participant);
        Id = Guid.CreateVersion7();
        WorkshopId = step.WorkshopId;
        StepId = step.Id;
        ParticipantId = participant.Id;
        Item = Guard.RequiredText(item, WorkshopItems.KeyLength, "Workshop.ItemUnknown", "The item");
        AnsweredAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid WorkshopId { get; private set; }

    public Guid StepId { get; private set; }

    public Guid ParticipantId { get; private set; }

    /// <summary>The item's key (<see cref="WorkshopItems"/>), or <see cref="WholeStep"/>.</summary>
    public string Item { get; private set; }

    public int Dots { get; private set; }

    public int? X { get; private set; }

    public int? Y { get; private set; }

    /// <summary>A poll's chosen indexes (in rank order for a ranking), or the scale value.</summary>
    public IReadOnlyList<int> Choices => _choices;

    public ConsentPosition? Consent { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }

    public void GiveDots(WorkshopStep step, int dots, int dotsElsewhere, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(step);
        step.CheckDots(dots, dotsElsewhere);
        Dots = dots;
        AnsweredAt = Guard.Utc(now);
    }

    public void Place(int x, int y, DateTimeOffset now)
    {
        WorkshopStep.CheckPlacement(x, y);
        X = x;
        Y = y;
        AnsweredAt = Guard.Utc(now);
    }

    public void Choose(WorkshopStep step, IReadOnlyList<int> choices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(step);
        _choices = [.. step.CheckPollAnswer(choices)];
        AnsweredAt = Guard.Utc(now);
    }

    public void TakePosition(ConsentPosition position, string? reason, DateTimeOffset now)
    {
        Consent = Guard.Defined(position, "Workshop.ConsentInvalid");
        Reason = position == ConsentPosition.Objection
            ? Guard.RequiredText(reason, Limits.Reason, "Workshop.ObjectionReasonRequired", "The reason for an objection")
            : Guard.OptionalText(reason, Limits.Reason, "Workshop.ReasonTooLong", "The reason");
        AnsweredAt = Guard.Utc(now);
    }
}

public enum ConsentPosition
{
    NoObjection,
    Concern,
    Objection,
}

/// <summary>The rule shared by notes and clusters: each becomes one need or one experiment, once.</summary>
internal static class WorkshopOutcome
{
    public static Guid Once(Guid? already, Guid id) => already is null
        ? id
        : throw new DomainException("Workshop.AlreadyBecame", "This has already become a need or an experiment.");
}
