using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

/// <summary>
/// Someone the lab wants to involve: an organisation, a person or a public category, with what interests
/// them, and for each cycle the participation level aimed for and reached.
/// </summary>
public sealed class Stakeholder
{
    private readonly List<CycleParticipation> _participation = [];
    private readonly List<ParticipationChange> _history = [];

    private Stakeholder()
    {
        Name = string.Empty;
        Contact = string.Empty;
        Interest = string.Empty;
    }

    public Stakeholder(Guid labId, StakeholderKind kind, string name, string? contact, string? interest, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedAt = Guard.Utc(now);
        _participation.AddRange(Enum.GetValues<Cycle>().Select(c => new CycleParticipation(c)));
        Describe(kind, name, contact, interest);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public StakeholderKind Kind { get; private set; }

    public string Name { get; private set; }

    public string Contact { get; private set; }

    /// <summary>What draws them to the project (intéressement).</summary>
    public string Interest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<CycleParticipation> Participation => _participation;

    public IReadOnlyList<ParticipationChange> History => _history;

    public CycleParticipation In(Cycle cycle) =>
        _participation.SingleOrDefault(p => p.Cycle == cycle) ?? throw new DomainException("Lab.CycleInvalid", $"{cycle} is not a cycle of the method.");

    public void Describe(StakeholderKind kind, string name, string? contact, string? interest)
    {
        Kind = Guard.Defined(kind, "Stakeholder.KindInvalid");
        Name = Guard.RequiredText(name, Limits.Name, "Stakeholder.NameRequired", "The name");
        Contact = Guard.OptionalText(contact, Limits.ShortText, "Stakeholder.ContactTooLong", "The contact");
        Interest = Guard.OptionalText(interest, Limits.LongText, "Stakeholder.InterestTooLong", "The interest");
    }

    /// <summary>The pilot group sets the level it aims for in a cycle (or none).</summary>
    public void SetTarget(Cycle cycle, ParticipationLevel? level, Guid? by, DateTimeOffset now)
    {
        var participation = In(cycle);
        CheckLevel(level);
        if (participation.Target == level)
        {
            return;
        }
        _history.Add(new ParticipationChange(cycle, ParticipationAspect.Target, participation.Target, level, by, string.Empty, Guard.Utc(now)));
        participation.SetTarget(level);
    }

    /// <summary>Records the level derived from attended activities; the history shows why it moved.</summary>
    public void RecordDerived(Cycle cycle, ParticipationLevel? level, string because, DateTimeOffset now)
    {
        var participation = In(cycle);
        CheckLevel(level);
        if (participation.Derived == level)
        {
            return;
        }
        var before = participation.Reached;
        participation.SetDerived(level);
        if (participation.Reached != before)
        {
            _history.Add(new ParticipationChange(cycle, ParticipationAspect.Reached, before, participation.Reached, null, because, Guard.Utc(now)));
        }
    }

    /// <summary>Sets the reached level by hand (or clears the adjustment); a reason is required.</summary>
    public void AdjustReached(Cycle cycle, ParticipationLevel? level, Guid? by, string reason, DateTimeOffset now)
    {
        var participation = In(cycle);
        CheckLevel(level);
        var why = Guard.RequiredText(reason, Limits.Reason, "Stakeholder.AdjustmentReasonRequired", "The reason");
        var before = participation.Reached;
        participation.Adjust(level, why);
        _history.Add(new ParticipationChange(cycle, ParticipationAspect.Reached, before, participation.Reached, by, why, Guard.Utc(now)));
    }

    private static void CheckLevel(ParticipationLevel? level)
    {
        if (level is { } l)
        {
            Guard.Defined(l, "Stakeholder.LevelInvalid");
        }
    }
}
