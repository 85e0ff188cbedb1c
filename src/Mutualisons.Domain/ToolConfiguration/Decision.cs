using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.ToolConfiguration;

/// <summary>
/// A voter's position on a proposal. Each mode takes its own: consent (consent, object with a reason, abstain),
/// consensus (agree, stand aside, block with a reason), majority (for, against, abstain).
/// </summary>
public enum DecisionPosition
{
    /// <summary>For; consents; agrees.</summary>
    For,

    /// <summary>Against; in a consensus, blocks.</summary>
    Against,

    Abstain,

    /// <summary>Consensus: does not agree but lets it pass; counted.</summary>
    StandAside,

    /// <summary>Consent: a reasoned objection, which can be answered and withdrawn.</summary>
    Objection,
}

public enum DecisionOutcome
{
    Adopted,
    Rejected,

    /// <summary>Majority: too few votes for or against (abstentions do not make a quorum).</summary>
    NoQuorum,
}

/// <summary>What a line of a decision's log records.</summary>
public enum DecisionLogKind
{
    Opened,
    PositionGiven,
    ProxyDesignated,
    ObjectionAnswered,
    ObjectionWithdrawn,
    Extended,
    Closed,

    /// <summary>Those who had not voted were reminded.</summary>
    Reminded,
}

/// <summary>What a decision decides: one of the lab's experiments, a body's decision mode, or one of the lab's rules (an experiment's validation rule).</summary>
public enum DecisionSubjectKind
{
    /// <summary>An experiment: to test it, to adopt it, to drop it…</summary>
    Experiment,

    /// <summary>A body's decision mode: typically its adoption once tried and evaluated.</summary>
    DecisionMode,

    /// <summary>The rule an experiment's validation follows (all approve, or no unresolved objection).</summary>
    ValidationRule,
}

/// <summary>
/// The one thing a decision links (at most one), built from the lab's own experiment or body so that a decision
/// never points into another lab. A decision on a validation rule says which rule it proposes.
/// </summary>
public sealed record DecisionSubject
{
    private DecisionSubject(DecisionSubjectKind kind, Guid labId, Guid? experimentId, Guid? bodyId, ValidationRule? proposedRule)
    {
        Kind = kind;
        LabId = labId;
        ExperimentId = experimentId;
        BodyId = bodyId;
        ProposedRule = proposedRule;
    }

    public DecisionSubjectKind Kind { get; }

    public Guid LabId { get; }

    public Guid? ExperimentId { get; }

    public Guid? BodyId { get; }

    public ValidationRule? ProposedRule { get; }

    public static DecisionSubject About(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return new(DecisionSubjectKind.Experiment, experiment.LabId, experiment.Id, null, null);
    }

    public static DecisionSubject ModeOf(Body body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new(DecisionSubjectKind.DecisionMode, body.LabId, null, body.Id, null);
    }

    public static DecisionSubject ValidationRuleOf(Experiment experiment, ValidationRule proposed)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return new(DecisionSubjectKind.ValidationRule, experiment.LabId, experiment.Id, null, Guard.Defined(proposed, "Decision.ProposedRuleInvalid"));
    }
}

/// <summary>Who votes on a decision and the weight of the vote, as the body stood when the proposal was put to it.</summary>
public sealed class DecisionVoter
{
    private DecisionVoter() { }

    internal DecisionVoter(Guid decisionId, Guid voterId, int weight)
    {
        DecisionId = decisionId;
        VoterId = voterId;
        Weight = weight;
    }

    public Guid DecisionId { get; private set; }

    /// <summary>A person or an organisation, as the body's rule says.</summary>
    public Guid VoterId { get; private set; }

    public int Weight { get; private set; }
}

/// <summary>One voter's position: who cast it (the person, or for an organisation its mandated person or proxy), why, when.</summary>
public sealed class DecisionBallot
{
    private DecisionBallot()
    {
        Reason = string.Empty;
    }

    internal DecisionBallot(Guid decisionId, Guid voterId) : this()
    {
        DecisionId = decisionId;
        VoterId = voterId;
    }

    public Guid DecisionId { get; private set; }

    public Guid VoterId { get; private set; }

    public Guid CastBy { get; private set; }

    public bool ThroughProxy { get; private set; }

    public DecisionPosition Position { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal void Cast(Guid by, bool throughProxy, DecisionPosition position, string reason, DateTimeOffset at)
    {
        CastBy = by;
        ThroughProxy = throughProxy;
        Position = position;
        Reason = reason;
        At = at;
    }
}

/// <summary>The person an organisation designated to vote for it on one decision.</summary>
public sealed class DecisionProxy
{
    private DecisionProxy() { }

    internal DecisionProxy(Guid decisionId, Guid organisationId, Guid proxyId)
    {
        DecisionId = decisionId;
        OrganisationId = organisationId;
        ProxyId = proxyId;
    }

    public Guid DecisionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ProxyId { get; private set; }

    internal void Replace(Guid proxyId) => ProxyId = proxyId;
}

/// <summary>A line of a decision's log: it only grows, dated, with who.</summary>
public sealed class DecisionLogEntry
{
    private DecisionLogEntry()
    {
        Text = string.Empty;
    }

    internal DecisionLogEntry(Guid decisionId, DecisionLogKind kind, Guid? voterId, DecisionPosition? position, string text, Guid? by, DateTimeOffset at) : this()
    {
        Id = Guid.CreateVersion7();
        DecisionId = decisionId;
        Kind = kind;
        VoterId = voterId;
        Position = position;
        Text = text;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid DecisionId { get; private set; }

    public DecisionLogKind Kind { get; private set; }

    public Guid? VoterId { get; private set; }

    public DecisionPosition? Position { get; private set; }

    public string Text { get; private set; }

    public Guid? By { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// What a decision's ballots add up to: the voters' total weight, the weight behind each position, how many
/// object (objections are not weighed), and the weight that has voted.
/// </summary>
public sealed record DecisionSums(int TotalWeight, int For, int Against, int Abstain, int StandAside, int Objections, int VotedWeight);

/// <summary>The count of a decision by its rule: weights per position, the standing objections, the quorum, the outcome.</summary>
public sealed record DecisionTally(
    int TotalWeight, int For, int Against, int Abstain, int StandAside, int Objections, int NotVoted, bool QuorumReached, DecisionOutcome Outcome);

/// <summary>
/// A proposal put to a body: open until its deadline (or closed early, e.g. decided in a meeting), each voter's
/// position and reason, the outcome computed by the body's rule as it stood when the proposal was put, an outcome
/// statement, and a log that only grows. It may link what it decided: an experiment, a body's decision mode, or an
/// experiment's validation rule (<see cref="DecisionSubject"/>).
/// </summary>
public sealed class Decision : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Decision;

    private readonly List<DecisionVoter> _voters = [];
    private readonly List<DecisionBallot> _ballots = [];
    private readonly List<DecisionProxy> _proxies = [];
    private readonly List<DecisionLogEntry> _log = [];

    private Decision()
    {
        Title = string.Empty;
        Proposal = string.Empty;
        OutcomeStatement = string.Empty;
        Rule = new DecisionRule(DecisionMode.Consent, VoterKind.People);
    }

    public Decision(Body body, string title, string? proposal, DateTimeOffset deadline, DecisionSubject? subject, Guid? by, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(body);
        if (subject is not null && subject.LabId != body.LabId)
        {
            throw new DomainException("Decision.SubjectOfAnotherLab", "A decision decides about its own lab's experiments, modes and rules.");
        }
        if (body.Members.Count == 0)
        {
            throw new DomainException("Decision.BodyWithoutVoters", "The body has no voters yet.");
        }
        var at = Guard.Utc(now);
        if (Guard.Utc(deadline) <= at)
        {
            throw new DomainException("Decision.DeadlineInPast", "The deadline is after now.");
        }
        Id = Guid.CreateVersion7();
        LabId = body.LabId;
        BodyId = body.Id;
        Title = Guard.RequiredText(title, Limits.Name, "Decision.TitleRequired", "The title");
        Proposal = Guard.OptionalText(proposal, Limits.LongText, "Decision.TextTooLong", "The proposal");
        Subject = subject?.Kind;
        ExperimentId = subject?.ExperimentId;
        SubjectBodyId = subject?.BodyId;
        ProposedValidationRule = subject?.ProposedRule;
        // A copy: the decision keeps the rule as it was, and an owned value is never shared by two rows.
        Rule = body.Rule with { };
        OpenedAt = at;
        Deadline = Guard.Utc(deadline);
        _voters.AddRange(body.Members.Select(m => new DecisionVoter(Id, m.VoterId, m.Weight)));
        _log.Add(new DecisionLogEntry(Id, DecisionLogKind.Opened, null, null, Title, by, at));
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public Guid BodyId { get; private set; }

    public string Title { get; private set; }

    public string Proposal { get; private set; }

    /// <summary>What it decides about, if anything.</summary>
    public DecisionSubjectKind? Subject { get; private set; }

    /// <summary>The experiment it decides about, or whose validation rule it decides.</summary>
    public Guid? ExperimentId { get; private set; }

    /// <summary>The body whose decision mode it decides.</summary>
    public Guid? SubjectBodyId { get; private set; }

    /// <summary>The validation rule it proposes for its experiment.</summary>
    public ValidationRule? ProposedValidationRule { get; private set; }

    /// <summary>The body's rule when the proposal was put: a later change of mode does not rewrite it.</summary>
    public DecisionRule Rule { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DecisionOutcome? Outcome { get; private set; }

    public string OutcomeStatement { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<DecisionVoter> Voters => _voters;

    public IReadOnlyList<DecisionBallot> Ballots => _ballots;

    public IReadOnlyList<DecisionProxy> Proxies => _proxies;

    /// <summary>The log lines made through it; the full log is read by queries.</summary>
    public IReadOnlyList<DecisionLogEntry> Log => _log;

    /// <summary>
    /// Whether the count and the positions may be shown at <paramref name="now"/>: always, unless the body's rule
    /// hides them until the close.
    /// </summary>
    public bool ShowsResultsAt(DateTimeOffset now) => !Rule.ResultsHiddenUntilClose || !IsOpenAt(now);

    /// <summary>The voters who have not taken a position yet (those a reminder is for).</summary>
    public IReadOnlyList<Guid> NotVoted => [.. _voters.Select(v => v.VoterId).Where(v => _ballots.All(b => b.VoterId != v))];

    /// <summary>Open until it is closed or its deadline passes.</summary>
    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && Guard.Utc(now) <= Deadline;

    /// <summary>
    /// An organisation designates who votes for it on this decision (organisations' bodies only): its decision
    /// maker does, or the lab records it. The organisation must be a voter of the body; the proxy is someone else
    /// than its decision maker and speaks for no other organisation.
    /// </summary>
    public DecisionLogEntry DesignateProxy(Guid organisationId, Guid proxyId, Guid by, bool recordedByTheLab, IReadOnlyDictionary<Guid, Guid> decisionMakers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decisionMakers);
        RequireOpen(now);
        if (Rule.Voters != VoterKind.Organisations)
        {
            throw new DomainException("Decision.ProxyOnlyForOrganisations", "In a body of people, each person votes for themself.");
        }
        RequireVoter(organisationId);
        var decisionMaker = decisionMakers.TryGetValue(organisationId, out var d) ? d : (Guid?)null;
        if (!recordedByTheLab && decisionMaker != by)
        {
            throw new DomainException("Decision.OnlyDecisionMakerDesignates", "Only the organisation's decision maker designates its proxy.");
        }
        if (proxyId == decisionMaker)
        {
            throw new DomainException("Decision.ProxyIsDecisionMaker", "The decision maker already votes for the organisation: the proxy is someone else.");
        }
        if (SpeaksForAnother(proxyId, organisationId, decisionMakers))
        {
            throw new DomainException("Decision.AnswersForOneOrganisation", "A person votes for one organisation only.");
        }
        var existing = _proxies.SingleOrDefault(p => p.OrganisationId == organisationId);
        if (existing is null)
        {
            _proxies.Add(new DecisionProxy(Id, organisationId, proxyId));
        }
        else
        {
            existing.Replace(proxyId);
        }
        return AddLog(DecisionLogKind.ProxyDesignated, organisationId, null, string.Empty, by, now);
    }

    /// <summary>
    /// Casts a position. In a body of people <paramref name="by"/> votes for themself (<paramref name="organisationId"/>
    /// null); in a body of organisations, for <paramref name="organisationId"/>, as its mandated decision maker or
    /// its proxy. An organisation has one ballot: whoever cast it may change it until the close, nobody else may
    /// cast it again. A person votes for one organisation only. An objection or a block needs a reason; moving away
    /// from an objection withdraws it.
    /// </summary>
    public DecisionLogEntry Vote(Guid? organisationId, Guid by, DecisionPosition position, string? reason, IReadOnlyDictionary<Guid, Guid> decisionMakers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decisionMakers);
        RequireOpen(now);
        Guard.Defined(position, "Decision.PositionInvalid");
        if (!Allowed(Rule.Mode).Contains(position))
        {
            throw new DomainException("Decision.PositionNotInMode", $"A {Rule.Mode} decision does not take the position {position}.");
        }
        var why = position is DecisionPosition.Objection || (position == DecisionPosition.Against && Rule.Mode == DecisionMode.Consensus)
            ? Guard.RequiredText(reason, Limits.Reason, "Decision.ReasonRequired", "The reason")
            : Guard.OptionalText(reason, Limits.Reason, "Decision.TextTooLong", "The reason");
        Guid voter;
        var throughProxy = false;
        if (Rule.Voters == VoterKind.People)
        {
            if (organisationId is not null)
            {
                throw new DomainException("Decision.PeopleVoteForThemselves", "In a body of people, each person votes for themself.");
            }
            voter = by;
            RequireVoter(voter);
        }
        else
        {
            voter = organisationId ?? throw new DomainException("Decision.OrganisationRequired", "Say for which organisation the vote is cast.");
            RequireVoter(voter);
            var isDecisionMaker = decisionMakers.TryGetValue(voter, out var decider) && decider == by;
            var isProxy = _proxies.Any(p => p.OrganisationId == voter && p.ProxyId == by);
            if (!isDecisionMaker && !isProxy)
            {
                throw new DomainException("Decision.NotMandated", "Only the organisation's mandated decision maker, or the proxy it designated, votes for it.");
            }
            if (_ballots.Any(b => b.VoterId != voter && b.CastBy == by))
            {
                throw new DomainException("Decision.AnswersForOneOrganisation", "A person votes for one organisation only.");
            }
            throughProxy = !isDecisionMaker;
        }
        var ballot = _ballots.SingleOrDefault(b => b.VoterId == voter);
        if (ballot is not null && ballot.CastBy != by)
        {
            // Its decision maker and its proxy cannot both be counted: the first ballot stands until its author changes it.
            throw new DomainException("Decision.OrganisationAlreadyVoted", "This organisation has already voted, through someone else.");
        }
        var wasObjecting = ballot?.Position == DecisionPosition.Objection;
        if (ballot is null)
        {
            ballot = new DecisionBallot(Id, voter);
            _ballots.Add(ballot);
        }
        var at = Guard.Utc(now);
        ballot.Cast(by, throughProxy, position, why, at);
        // One line per vote: moving away from an objection is logged as its withdrawal, with the new position.
        return AddLog(wasObjecting && position != DecisionPosition.Objection ? DecisionLogKind.ObjectionWithdrawn : DecisionLogKind.PositionGiven, voter, position, why, by, at);
    }

    /// <summary>An answer to a voter's standing objection, kept in the log.</summary>
    public DecisionLogEntry AnswerObjection(Guid voterId, Guid? by, string answer, DateTimeOffset now)
    {
        RequireOpen(now);
        if (_ballots.SingleOrDefault(b => b.VoterId == voterId)?.Position != DecisionPosition.Objection)
        {
            throw new DomainException("Decision.NoObjectionToAnswer", "This voter does not object.");
        }
        return AddLog(DecisionLogKind.ObjectionAnswered, voterId, null, Guard.RequiredText(answer, Limits.Reason, "Decision.AnswerRequired", "The answer"), by, now);
    }

    /// <summary>
    /// Records that the voters who have not taken a position were reminded (how many, in the line's text); refused
    /// once closed, or when everyone has voted.
    /// </summary>
    public DecisionLogEntry Remind(Guid? by, DateTimeOffset now)
    {
        RequireOpen(now);
        if (NotVoted.Count == 0)
        {
            throw new DomainException("Decision.EveryoneVoted", "Everyone has voted: there is nobody to remind.");
        }
        return AddLog(DecisionLogKind.Reminded, null, null, NotVoted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), by, now);
    }

    /// <summary>Gives more time: the new deadline is later than the current one.</summary>
    public DecisionLogEntry Extend(DateTimeOffset deadline, Guid? by, DateTimeOffset now)
    {
        RequireOpen(now);
        var until = Guard.Utc(deadline);
        if (until <= Deadline)
        {
            throw new DomainException("Decision.ExtendLater", "An extension moves the deadline later.");
        }
        Deadline = until;
        return AddLog(DecisionLogKind.Extended, null, null, string.Empty, by, now);
    }

    /// <summary>
    /// Closes it (at its deadline, or early when it was decided in a meeting) with the outcome the rule gives and
    /// the body's statement of it. Closed once.
    /// </summary>
    public DecisionLogEntry Close(string statement, Guid? by, DateTimeOffset now)
    {
        if (ClosedAt is not null)
        {
            throw new DomainException("Decision.AlreadyClosed", "This decision is already closed.");
        }
        var said = Guard.RequiredText(statement, Limits.LongText, "Decision.StatementRequired", "The outcome statement");
        var at = Guard.Utc(now);
        Outcome = Count().Outcome;
        OutcomeStatement = said;
        ClosedAt = at;
        return AddLog(DecisionLogKind.Closed, null, null, said, by, at);
    }

    /// <summary>The count by the rule, as it stands (the outcome it would have if closed now).</summary>
    public DecisionTally Count()
    {
        var weights = _voters.ToDictionary(v => v.VoterId, v => v.Weight);
        int Sum(DecisionPosition position) => _ballots.Where(b => b.Position == position).Sum(b => weights.GetValueOrDefault(b.VoterId));
        return Tally(Rule, new DecisionSums(weights.Values.Sum(), Sum(DecisionPosition.For), Sum(DecisionPosition.Against), Sum(DecisionPosition.Abstain),
            Sum(DecisionPosition.StandAside), _ballots.Count(b => b.Position == DecisionPosition.Objection), _ballots.Sum(b => weights.GetValueOrDefault(b.VoterId))));
    }

    /// <summary>
    /// The body's rule applied to the weights its ballots add up to, wherever they were added: here for a close,
    /// by PostgreSQL for a page (<see cref="DecisionSums"/>).
    /// </summary>
    public static DecisionTally Tally(DecisionRule rule, DecisionSums sums)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(sums);
        var (total, yes, no) = (sums.TotalWeight, sums.For, sums.Against);
        var notVoted = total - sums.VotedWeight;
        // Abstentions do not make a quorum: only the weight that took a side counts.
        var quorum = rule.QuorumPercent is not { } q || (yes + no) * 100 >= q * total;
        var outcome = rule.Mode switch
        {
            DecisionMode.Consent => sums.Objections == 0 ? DecisionOutcome.Adopted : DecisionOutcome.Rejected,
            DecisionMode.Consensus => notVoted == 0 && no == 0 && yes > 0 ? DecisionOutcome.Adopted : DecisionOutcome.Rejected,
            _ when !quorum => DecisionOutcome.NoQuorum,
            _ => rule.ThresholdPercent is { } threshold
                ? (yes > 0 && yes * 100 >= threshold * (yes + no) ? DecisionOutcome.Adopted : DecisionOutcome.Rejected)
                : (yes > no ? DecisionOutcome.Adopted : DecisionOutcome.Rejected),
        };
        return new DecisionTally(total, yes, no, sums.Abstain, sums.StandAside, sums.Objections, notVoted, quorum, outcome);
    }

    /// <summary>
    /// Refuses to carry this decision over unless it was closed as adopted and decided <paramref name="kind"/> of
    /// <paramref name="targetId"/>: what a decision did not adopt, or adopted about something else, changes nothing.
    /// </summary>
    internal void RequireAdopted(DecisionSubjectKind kind, Guid targetId)
    {
        var target = kind == DecisionSubjectKind.DecisionMode ? SubjectBodyId : ExperimentId;
        if (Subject != kind || target != targetId)
        {
            throw new DomainException("Decision.NotAboutThis", "This decision is about something else.");
        }
        if (Outcome != DecisionOutcome.Adopted)
        {
            throw new DomainException("Decision.NotAdopted", "Only an adopted decision is carried over.");
        }
    }

    /// <summary>The positions each mode takes.</summary>
    public static IReadOnlyList<DecisionPosition> Allowed(DecisionMode mode) => mode switch
    {
        DecisionMode.Consent => [DecisionPosition.For, DecisionPosition.Objection, DecisionPosition.Abstain],
        DecisionMode.Consensus => [DecisionPosition.For, DecisionPosition.StandAside, DecisionPosition.Against],
        _ => [DecisionPosition.For, DecisionPosition.Against, DecisionPosition.Abstain],
    };

    private bool SpeaksForAnother(Guid person, Guid organisationId, IReadOnlyDictionary<Guid, Guid> decisionMakers) =>
        _voters.Any(v => v.VoterId != organisationId && decisionMakers.TryGetValue(v.VoterId, out var other) && other == person)
        || _proxies.Any(p => p.OrganisationId != organisationId && p.ProxyId == person)
        || _ballots.Any(b => b.VoterId != organisationId && b.CastBy == person);

    private void RequireVoter(Guid voterId)
    {
        if (_voters.All(v => v.VoterId != voterId))
        {
            throw new DomainException("Decision.NotAVoter", "Only the body's members vote on its decisions.");
        }
    }

    private void RequireOpen(DateTimeOffset now)
    {
        if (!IsOpenAt(now))
        {
            throw new DomainException("Decision.Closed", "This decision is closed: positions are no longer taken.");
        }
    }

    private DecisionLogEntry AddLog(DecisionLogKind kind, Guid? voterId, DecisionPosition? position, string text, Guid? by, DateTimeOffset now)
    {
        var entry = new DecisionLogEntry(Id, kind, voterId, position, text, by, Guard.Utc(now));
        _log.Add(entry);
        return entry;
    }
}
