using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.ToolConfiguration;

/// <summary>What kind of body of the lab decides.</summary>
public enum BodyKind
{
    PilotGroup,
    WorkingGroup,
    OccupantsAssembly,
    Other,
}

/// <summary>
/// How a body decides. The notebook asks the pilot group to propose decision modes early, test them and evaluate
/// them before the future mutualisation adopts them.
/// </summary>
public enum DecisionMode
{
    /// <summary>Passes unless a reasoned objection stays unresolved: "good enough for now, safe enough to try".</summary>
    Consent,

    /// <summary>Passes when every voter agrees or stands aside (stand-asides are counted), and nobody blocks.</summary>
    Consensus,

    /// <summary>Passes by a simple or qualified majority of the votes for and against, once the quorum is reached.</summary>
    Majority,
}

/// <summary>Who casts the votes of a body.</summary>
public enum VoterKind
{
    /// <summary>Each member person votes for themself.</summary>
    People,

    /// <summary>Each member organisation has one vote (optionally weighted), cast by its mandated person or its proxy.</summary>
    Organisations,
}

/// <summary>Where a body's decision mode stands: tried, then evaluated with a note, then adopted.</summary>
public enum ModeStatus
{
    BeingTried,
    Evaluated,
    Adopted,
}

/// <summary>
/// A body's rule, stated once: the mode, who votes, and for a majority the quorum (share of the voting weight that
/// must vote for or against; abstentions do not make a quorum) and the threshold (share of the votes for among
/// those for and against; none is a simple majority, more than half).
/// </summary>
public sealed record DecisionRule
{
    public DecisionRule(DecisionMode mode, VoterKind voters, int? quorumPercent = null, int? thresholdPercent = null, bool resultsHiddenUntilClose = false, bool anonymous = false)
    {
        Mode = Guard.Defined(mode, "Body.ModeInvalid");
        Voters = Guard.Defined(voters, "Body.VotersInvalid");
        if (mode != DecisionMode.Majority && (quorumPercent is not null || thresholdPercent is not null))
        {
            throw new DomainException("Body.QuorumOnlyForMajority", "A quorum and a threshold belong to a majority vote.");
        }
        if (quorumPercent is not (null or (>= 1 and <= 100)))
        {
            throw new DomainException("Body.QuorumOutOfRange", "A quorum goes from 1 to 100 %.");
        }
        if (thresholdPercent is not (null or (> 50 and <= 100)))
        {
            throw new DomainException("Body.ThresholdOutOfRange", "A qualified majority is more than 50 % and at most 100 %.");
        }
        QuorumPercent = quorumPercent;
        ThresholdPercent = thresholdPercent;
        ResultsHiddenUntilClose = resultsHiddenUntilClose;
        Anonymous = anonymous;
    }

    public DecisionMode Mode { get; private init; }

    public VoterKind Voters { get; private init; }

    public int? QuorumPercent { get; private init; }

    /// <summary>None: a simple majority (more votes for than against).</summary>
    public int? ThresholdPercent { get; private init; }

    /// <summary>The count and the positions stay hidden until the decision closes, so that early votes do not sway later ones.</summary>
    public bool ResultsHiddenUntilClose { get; private init; }

    /// <summary>Positions are counted and their reasons read, but nobody is shown who took which.</summary>
    public bool Anonymous { get; private init; }
}

/// <summary>A person or an organisation who votes in a body, with the weight of its vote.</summary>
public sealed class BodyMember
{
    private BodyMember() { }

    internal BodyMember(Guid bodyId, Guid voterId, int weight)
    {
        BodyId = bodyId;
        VoterId = voterId;
        Weight = weight;
    }

    public Guid BodyId { get; private set; }

    /// <summary>A person's account id or an organisation's id, depending on the body's <see cref="VoterKind"/>.</summary>
    public Guid VoterId { get; private set; }

    public int Weight { get; private set; }

    internal void Weigh(int weight) => Weight = weight;
}

/// <summary>A step of a body's decision mode: tried, evaluated (with the note), adopted; dated, with who.</summary>
public sealed class ModeStep
{
    private ModeStep()
    {
        Note = string.Empty;
    }

    internal ModeStep(Guid bodyId, ModeStatus status, DecisionRule rule, string note, Guid? by, DateTimeOffset at, Guid? decisionId = null) : this()
    {
        DecisionId = decisionId;
        Id = Guid.CreateVersion7();
        BodyId = bodyId;
        Status = status;
        Mode = rule.Mode;
        Note = note;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid BodyId { get; private set; }

    public ModeStatus Status { get; private set; }

    public DecisionMode Mode { get; private set; }

    public string Note { get; private set; }

    /// <summary>The decision this step carries out (an adoption decided by a body), if any.</summary>
    public Guid? DecisionId { get; private set; }

    public Guid? By { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// A body of the lab (the pilot group, a working group, an occupants' assembly…) with its decision mode and its
/// voters. Its mode is tried, evaluated with a note on how it worked, then adopted; changing the mode starts a new trial.
/// </summary>
public sealed class Body : ILabOwned
{
    public const int MaxWeight = 100;

    public static string AuditSubject => Audit.AuditSubject.Body;

    private readonly List<BodyMember> _members = [];
    private readonly List<ModeStep> _modeSteps = [];

    private Body()
    {
        Name = string.Empty;
        Rule = new DecisionRule(DecisionMode.Consent, VoterKind.People);
    }

    public Body(Guid labId, string name, BodyKind kind, Guid? workingGroupId, DecisionRule rule, Guid? by, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(rule);
        Id = Guid.CreateVersion7();
        LabId = labId;
        Name = Guard.RequiredText(name, Limits.Name, "Body.NameRequired", "The name");
        Kind = Guard.Defined(kind, "Body.KindInvalid");
        WorkingGroupId = kind == BodyKind.WorkingGroup ? workingGroupId : null;
        CreatedAt = Guard.Utc(now);
        Rule = rule;
        ModeStatus = ModeStatus.BeingTried;
        _modeSteps.Add(new ModeStep(Id, ModeStatus.BeingTried, rule, string.Empty, by, CreatedAt));
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Name { get; private set; }

    public BodyKind Kind { get; private set; }

    /// <summary>The working group this body is, when it is one.</summary>
    public Guid? WorkingGroupId { get; private set; }

    public DecisionRule Rule { get; private set; }

    public ModeStatus ModeStatus { get; private set; }

    /// <summary>How the mode worked, as the body noted when it evaluated it.</summary>
    public string EvaluationNote => _modeSteps.LastOrDefault(s => s.Status == ModeStatus.Evaluated)?.Note ?? string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<BodyMember> Members => _members;

    public IReadOnlyList<ModeStep> ModeSteps => _modeSteps;

    /// <summary>
    /// Makes the voters exactly these, with their weights (1 unless said; weights only for organisations).
    /// Organisations must be the lab's members: <paramref name="labOrganisations"/>.
    /// </summary>
    public void SetMembers(IReadOnlyDictionary<Guid, int> voters, IReadOnlyCollection<Guid> labOrganisations)
    {
        ArgumentNullException.ThrowIfNull(voters);
        ArgumentNullException.ThrowIfNull(labOrganisations);
        if (Rule.Voters == VoterKind.Organisations && voters.Keys.Any(v => !labOrganisations.Contains(v)))
        {
            throw new DomainException("Body.OrganisationNotMember", "Only the lab's member organisations vote in its bodies.");
        }
        if (voters.Values.Any(w => w is < 1 or > MaxWeight) || (Rule.Voters == VoterKind.People && voters.Values.Any(w => w != 1)))
        {
            throw new DomainException("Body.WeightInvalid", $"A vote weighs from 1 to {MaxWeight}, and a person's vote weighs 1.");
        }
        _members.RemoveAll(m => !voters.ContainsKey(m.VoterId));
        _members.AddRange(voters.Where(v => v.Key != Guid.Empty && _members.All(m => m.VoterId != v.Key)).Select(v => new BodyMember(Id, v.Key, v.Value)));
        foreach (var member in _members)
        {
            member.Weigh(voters[member.VoterId]);
        }
    }

    /// <summary>Changes the mode (or who votes): a new trial begins, and the members go if the kind of voter changed.</summary>
    public ModeStep ChangeRule(DecisionRule rule, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Voters != Rule.Voters)
        {
            _members.Clear();
        }
        Rule = rule;
        return Step(ModeStatus.BeingTried, string.Empty, by, now);
    }

    /// <summary>Notes how the mode worked: being tried → evaluated. The note is required.</summary>
    public ModeStep Evaluate(string note, Guid? by, DateTimeOffset now)
    {
        if (ModeStatus != ModeStatus.BeingTried)
        {
            throw new DomainException("Body.EvaluateOnlyWhenTried", "A mode is evaluated while it is being tried.");
        }
        return Step(ModeStatus.Evaluated, Guard.RequiredText(note, Limits.LongText, "Body.EvaluationNoteRequired", "How it worked"), by, now);
    }

    /// <summary>Adopts the mode once it has been evaluated: the notebook's order, tested before taken on.</summary>
    public ModeStep Adopt(Guid? by, DateTimeOffset now)
    {
        if (ModeStatus != ModeStatus.Evaluated)
        {
            throw new DomainException("Body.AdoptOnlyWhenEvaluated", "A mode is adopted once it has been tried and evaluated.");
        }
        return Step(ModeStatus.Adopted, string.Empty, by, now);
    }

    /// <summary>
    /// Adopts the mode as <paramref name="decision"/> decided: it must be adopted, about this body's mode, and the
    /// mode must still be the one it decided on (no new trial began after it was put). The step links the decision.
    /// </summary>
    public ModeStep AdoptAsDecided(Decision decision, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        decision.RequireAdopted(DecisionSubjectKind.DecisionMode, Id);
        if (_modeSteps.Any(s => s.Status == ModeStatus.BeingTried && s.At > decision.OpenedAt))
        {
            throw new DomainException("Body.ModeChangedSinceDecision", "The mode changed after this decision was put: it decided about another mode.");
        }
        if (ModeStatus != ModeStatus.Evaluated)
        {
            throw new DomainException("Body.AdoptOnlyWhenEvaluated", "A mode is adopted once it has been tried and evaluated.");
        }
        return Step(ModeStatus.Adopted, decision.Title, by, now, decision.Id);
    }

    private ModeStep Step(ModeStatus status, string note, Guid? by, DateTimeOffset now, Guid? decisionId = null)
    {
        var step = new ModeStep(Id, status, Rule, note, by, Guard.Utc(now), decisionId);
        _modeSteps.Add(step);
        ModeStatus = status;
        return step;
    }
}
