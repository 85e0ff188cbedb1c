using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

/// <summary>
/// Someone the lab wants to involve: an organisation, a person or a public category, with what interests
/// them, and for each cycle the participation level aimed for and reached.
/// </summary>
public sealed class Stakeholder : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Stakeholder;

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

    /// <summary>The lab organisation this stakeholder stands for, when it is one: the register and the lab's organisations are one list.</summary>
    public Guid? OrganisationId { get; private set; }

    public StakeholderKind Kind { get; private set; }

    public string Name { get; private set; }

    public string Contact { get; private set; }

    /// <summary>What draws them to the project (intéressement).</summary>
    public string Interest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<CycleParticipation> Participation => _participation;

    /// <summary>
    /// The changes loaded with the stakeholder or made through it. The full history is read by queries:
    /// changing a stakeholder does not load it, and a change only adds its line.
    /// </summary>
    public IReadOnlyList<ParticipationChange> History => _history;

    /// <summary>The stakeholder that stands for one of the lab's organisations, linked by its id rather than its name.</summary>
    public static Stakeholder ForOrganisation(Guid labId, Guid organisationId, string name, string? contact, DateTimeOffset now)
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Lab.OrganisationRequired", "Choose an organisation.");
        }
        return new Stakeholder(labId, StakeholderKind.Organisation, name, contact, null, now) { OrganisationId = organisationId };
    }

    /// <summary>Links a stakeholder registered by hand to the lab organisation it stands for.</summary>
    public void StandFor(Guid organisationId)
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Lab.OrganisationRequired", "Choose an organisation.");
        }
        Kind = StakeholderKind.Organisation;
        OrganisationId = organisationId;
    }

    public CycleParticipation In(Cycle cycle) =>
        _participation.SingleOrDefault(p => p.Cycle == cycle) ?? throw new DomainException("Lab.CycleInvalid", $"{cycle} is not a cycle of the method.");

    public void Describe(StakeholderKind kind, string name, string? contact, string? interest)
    {
        if (OrganisationId is not null && kind != StakeholderKind.Organisation)
        {
            throw new DomainException("Stakeholder.StandsForOrganisation", "This stakeholder stands for one of the lab's organisations.");
        }
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
        _history.Add(new ParticipationChange(cycle, ParticipationAspect.Target, participation.Target, level, by, string.Empty, Guard.Utc(now), Guard.Utc(now)));
        participation.SetTarget(level);
    }

    /// <summary>
    /// Records the level derived from what the stakeholder took part in; the history shows why it moved and
    /// when that took place (<paramref name="tookPlaceAt"/>, the moment of recording when not given).
    /// </summary>
    public void RecordDerived(Cycle cycle, ParticipationLevel? level, string because, DateTimeOffset now, DateTimeOffset? tookPlaceAt = null)
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
            _history.Add(new ParticipationChange(cycle, ParticipationAspect.Reached, before, participation.Reached, null, because, Guard.Utc(now), Guard.Utc(tookPlaceAt ?? now)));
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
        _history.Add(new ParticipationChange(cycle, ParticipationAspect.Reached, before, participation.Reached, by, why, Guard.Utc(now), Guard.Utc(now)));
    }

    private static void CheckLevel(ParticipationLevel? level)
    {
        if (level is { } l)
        {
            Guard.Defined(l, "Stakeholder.LevelInvalid");
        }
    }
}
