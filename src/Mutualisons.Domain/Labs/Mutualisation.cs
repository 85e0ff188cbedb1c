using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Labs;

/// <summary>
/// A mutualisation co-constructed as a living lab: organisations pooling resources, working through the
/// five cycles in whatever order their situation calls for.
/// </summary>
public sealed class Mutualisation
{
    private readonly List<ResourceKind> _resourceKinds = [];
    private readonly List<Membership> _memberships = [];
    private readonly List<LabCycle> _cycles = [];
    private readonly List<JournalEntry> _journal = [];
    private readonly List<LabPerson> _people = [];

    private Mutualisation()
    {
        Name = string.Empty;
        Description = string.Empty;
    }

    public Mutualisation(string name, string? description, IEnumerable<ResourceKind> resourceKinds, CooperationLevel cooperationLevel, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7();
        CreatedAt = Guard.Utc(now);
        _cycles.AddRange(Enum.GetValues<Cycle>().Select(c => new LabCycle(c)));
        Revise(name, description, resourceKinds, cooperationLevel, now);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public IReadOnlyList<ResourceKind> ResourceKinds => _resourceKinds;

    public CooperationLevel CooperationLevel { get; private set; }

    public IReadOnlyList<Membership> Memberships => _memberships;

    /// <summary>All five cycles, always present: none has to wait for another.</summary>
    public IReadOnlyList<LabCycle> Cycles => _cycles;

    /// <summary>
    /// The moves loaded with the lab or made through it. The full journal is read by queries: changing a lab
    /// does not load it, and a move only adds its entry.
    /// </summary>
    public IReadOnlyList<JournalEntry> Journal => _journal;

    /// <summary>The people with a role in this lab (accounts, by id).</summary>
    public IReadOnlyList<LabPerson> People => _people;

    /// <summary>The cycle the lab is working on now; none until the first move.</summary>
    public Cycle? CurrentFocus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: a stale edit must not overwrite someone else's.</summary>
    public uint Version { get; private set; }

    public void Revise(string name, string? description, IEnumerable<ResourceKind> resourceKinds, CooperationLevel cooperationLevel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resourceKinds);
        var kinds = resourceKinds.Select(k => Guard.Defined(k, "Lab.ResourceKindInvalid")).Distinct().Order().ToList();
        if (kinds.Count == 0)
        {
            throw new DomainException("Lab.ResourceKindRequired", "A mutualisation pools at least one kind of resource.");
        }

        Name = Guard.RequiredText(name, Limits.Name, "Lab.NameRequired", "The name");
        Description = Guard.OptionalText(description, Limits.LongText, "Lab.DescriptionTooLong", "The description");
        CooperationLevel = Guard.Defined(cooperationLevel, "Lab.CooperationLevelInvalid");
        _resourceKinds.Clear();
        _resourceKinds.AddRange(kinds);
        Touch(now);
    }

    public LabCycle CycleOf(Cycle cycle) =>
        _cycles.SingleOrDefault(c => c.Cycle == cycle)
        ?? throw new DomainException("Lab.CycleInvalid", $"{cycle} is not a cycle of the method.");

    public void AddMember(Guid organisationId, MembershipRole role, DateTimeOffset now)
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Lab.OrganisationRequired", "Choose an organisation.");
        }
        if (_memberships.Any(m => m.OrganisationId == organisationId))
        {
            throw new DomainException("Lab.AlreadyMember", "This organisation already takes part in the lab.");
        }
        _memberships.Add(new Membership(organisationId, Guard.Defined(role, "Lab.MembershipRoleInvalid"), Guard.Utc(now)));
        Touch(now);
    }

    public void ChangeMemberRole(Guid organisationId, MembershipRole role, DateTimeOffset now)
    {
        MembershipOf(organisationId).ChangeRole(Guard.Defined(role, "Lab.MembershipRoleInvalid"));
        Touch(now);
    }

    public void RemoveMember(Guid organisationId, DateTimeOffset now)
    {
        _memberships.Remove(MembershipOf(organisationId));
        Touch(now);
    }

    /// <summary>The team records where it stands in a cycle; any state can follow any other.</summary>
    public void RecordCycle(Cycle cycle, CycleState state, string? notes, DateTimeOffset now)
    {
        CycleOf(cycle).Record(state, notes, Guard.Utc(now));
        Touch(now);
    }

    /// <summary>
    /// Moves the lab's focus to any cycle, in any order, and writes why in the navigation journal.
    /// </summary>
    public JournalEntry MoveFocus(Cycle to, string movedBy, string reason, DateTimeOffset now) => MoveFocus(to, null, movedBy, reason, now);

    /// <summary>
    /// Moves the lab's focus to any cycle, in any order, and writes who moved it and why in the navigation journal.
    /// </summary>
    public JournalEntry MoveFocus(Cycle to, Guid? moverId, string movedBy, string reason, DateTimeOffset now)
    {
        var target = CycleOf(to);
        if (CurrentFocus == to)
        {
            throw new DomainException("Lab.AlreadyFocused", "The lab is already working on this cycle.");
        }
        var by = Guard.RequiredText(movedBy, Limits.Name, "Lab.MoverRequired", "Who moves the focus");
        var why = Guard.RequiredText(reason, Limits.Reason, "Lab.ReasonRequired", "The reason for the move");

        var at = Guard.Utc(now);
        var entry = new JournalEntry(CurrentFocus, to, at, moverId, by, why);
        _journal.Add(entry);
        target.Open(at);
        CurrentFocus = to;
        Touch(now);
        return entry;
    }

    /// <summary>Records what a bilateral meeting settled with one of the lab's organisations.</summary>
    public void RecordMandate(Guid organisationId, Mandate mandate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mandate);
        var membership = MembershipOf(organisationId);
        // The person named as decision maker gives the organisation's positions: they must speak for it in the lab.
        if (mandate.DecisionMakerId is { } decider && !_people.Any(p => p.PersonId == decider && p.OrganisationId == organisationId))
        {
            throw new DomainException("Lab.DecisionMakerNotRepresentative", "The decision maker must be a person of the lab who represents this organisation.");
        }
        membership.Record(mandate);
        Touch(now);
    }

    public void DescribeResponsibilities(Guid personId, string? responsibilities, DateTimeOffset now)
    {
        var person = _people.SingleOrDefault(p => p.PersonId == personId)
            ?? throw new DomainException("Lab.PersonNotInLab", "This person has no role in the lab.");
        person.Describe(Guard.OptionalText(responsibilities, Limits.ShortText, "Lab.ResponsibilitiesTooLong", "The responsibilities"));
        Touch(now);
    }

    /// <summary>
    /// Who decides for each member organisation, as the mandates name them (cycle 2): the people who give an
    /// organisation's positions when the lab validates or decides.
    /// </summary>
    public IReadOnlyDictionary<Guid, Guid> DecisionMakers() =>
        _memberships.Where(m => m.Mandate?.DecisionMakerId is not null).ToDictionary(m => m.OrganisationId, m => m.Mandate!.DecisionMakerId!.Value);

    public LabRole? RoleOf(Guid personId) => _people.SingleOrDefault(p => p.PersonId == personId)?.Role;

    /// <summary>Gives a person a role in the lab; a participant speaks for one of the lab's organisations.</summary>
    public void GrantRole(Guid personId, LabRole role, Guid? organisationId, DateTimeOffset now)
    {
        if (personId == Guid.Empty)
        {
            throw new DomainException("Lab.PersonRequired", "Choose a person.");
        }
        CheckRole(role, organisationId);
        var existing = _people.SingleOrDefault(p => p.PersonId == personId);
        if (existing is null)
        {
            _people.Add(new LabPerson(personId, role, organisationId, Guard.Utc(now)));
        }
        else
        {
            KeepAFacilitator(existing, role);
            if (existing.OrganisationId != organisationId)
            {
                ForgetAsDecisionMaker(personId);
            }
            existing.Change(role, organisationId);
        }
        Touch(now);
    }

    public void RemovePerson(Guid personId, DateTimeOffset now)
    {
        var person = _people.SingleOrDefault(p => p.PersonId == personId)
            ?? throw new DomainException("Lab.PersonNotInLab", "This person has no role in the lab.");
        KeepAFacilitator(person, null);
        _people.Remove(person);
        ForgetAsDecisionMaker(personId);
        Touch(now);
    }

    /// <summary>
    /// When an account is deleted, the journal keeps the moves but no longer says who made them (the moves
    /// of that person must be loaded with the lab).
    /// </summary>
    public void ForgetPerson(Guid personId, DateTimeOffset now)
    {
        foreach (var entry in _journal.Where(j => j.MovedById == personId))
        {
            entry.Anonymise();
        }
        var person = _people.SingleOrDefault(p => p.PersonId == personId);
        if (person is not null)
        {
            KeepAFacilitator(person, null);
            _people.Remove(person);
            ForgetAsDecisionMaker(personId);
        }
        Touch(now);
    }

    private void CheckRole(LabRole role, Guid? organisationId)
    {
        Guard.Defined(role, "Lab.RoleInvalid");
        if (role == LabRole.Participant && (organisationId is null || _memberships.All(m => m.OrganisationId != organisationId)))
        {
            throw new DomainException("Lab.ParticipantNeedsOrganisation", "A participant represents one of the lab's organisations.");
        }
    }

    /// <summary>A lab that has had a facilitator keeps one: someone must be able to invite and hand over.</summary>
    private void KeepAFacilitator(LabPerson person, LabRole? newRole)
    {
        if (person.Role == LabRole.Facilitator && newRole != LabRole.Facilitator
            && _people.Count(p => p.Role == LabRole.Facilitator) == 1)
        {
            throw new DomainException("Lab.LastFacilitator", "The lab's last facilitator must hand over before leaving.");
        }
    }

    /// <summary>Someone who no longer speaks for an organisation in the lab no longer decides for it.</summary>
    private void ForgetAsDecisionMaker(Guid personId)
    {
        foreach (var membership in _memberships.Where(m => m.Mandate?.DecisionMakerId == personId))
        {
            membership.Record(membership.Mandate!.WithoutDecisionMakerAccount());
        }
    }

    private Membership MembershipOf(Guid organisationId) =>
        _memberships.SingleOrDefault(m => m.OrganisationId == organisationId)
        ?? throw new DomainException("Lab.NotMember", "This organisation does not take part in the lab.");

    private void Touch(DateTimeOffset now) => UpdatedAt = Guard.Utc(now);
}
