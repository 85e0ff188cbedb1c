using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.ToolConfiguration;

/// <summary>What an experiment needs, as the workshop estimated it ("estimation des moyens nécessaires").</summary>
public sealed record ExperimentMeans
{
    public static readonly ExperimentMeans None = new(null, null, null, null);

    public ExperimentMeans(string? budget, string? staffTime, string? rooms, string? data)
    {
        Budget = Guard.OptionalText(budget, Limits.ShortText, "Experiment.TextTooLong", "The budget");
        StaffTime = Guard.OptionalText(staffTime, Limits.ShortText, "Experiment.TextTooLong", "The staff time");
        Rooms = Guard.OptionalText(rooms, Limits.ShortText, "Experiment.TextTooLong", "The rooms");
        Data = Guard.OptionalText(data, Limits.ShortText, "Experiment.TextTooLong", "The data");
    }

    public string Budget { get; private init; }

    public string StaffTime { get; private init; }

    public string Rooms { get; private init; }

    public string Data { get; private init; }
}

/// <summary>What an experiment is, as the lab describes it.</summary>
public sealed record ExperimentDescription(
    string Title, string? Description, ExperimentMeans? Means, CooperationLevel CooperationLevel, MutualisationLogic? Logic, string? ExpectedImpact);

/// <summary>
/// A cooperation measure the lab considers testing (an eco-label, a council of occupants, shared expertise…):
/// what it needs, the cooperation level and mutualisation logic it belongs to, the impact expected and the
/// needs it answers, how feasible and how impactful it looks (1–5), the working group that investigates it, and
/// where it stands in its lifecycle, every move kept with who and why.
/// </summary>
public sealed class Experiment : ILabOwned
{
    public const int LowestScore = 1;
    public const int HighestScore = 5;

    public static string AuditSubject => Audit.AuditSubject.Experiment;

    private readonly List<ExperimentMove> _moves = [];
    private readonly List<ExperimentNeed> _needs = [];
    private readonly List<ExperimentHypothesis> _hypotheses = [];
    private readonly List<ExperimentIndicator> _indicators = [];
    private readonly List<OrganisationValidation> _validations = [];
    private readonly List<ObjectionExchange> _exchange = [];

    private Experiment()
    {
        Title = string.Empty;
        Description = string.Empty;
        ExpectedImpact = string.Empty;
        Means = ExperimentMeans.None;
    }

    public Experiment(Guid labId, ExperimentDescription description, Guid? proposedBy, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedAt = Guard.Utc(now);
        Status = ExperimentStatus.Proposed;
        StatusSince = CreatedAt;
        ProposedBy = proposedBy;
        Describe(description);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public ExperimentMeans Means { get; private set; }

    public CooperationLevel CooperationLevel { get; private set; }

    /// <summary>The mutualisation logic it serves; none while the lab has not said.</summary>
    public MutualisationLogic? Logic { get; private set; }

    public string ExpectedImpact { get; private set; }

    /// <summary>How feasible it looks, 1 (hardly) to 5 (easily); none until the lab scores it.</summary>
    public int? Feasibility { get; private set; }

    /// <summary>How much impact is expected, 1 (little) to 5 (much); none until the lab scores it.</summary>
    public int? ImpactScore { get; private set; }

    /// <summary>Placed on the portfolio once both scores are given.</summary>
    public bool IsPlaced => Feasibility is not null && ImpactScore is not null;

    public Guid? WorkingGroupId { get; private set; }

    public ExperimentStatus Status { get; private set; }

    public DateTimeOffset StatusSince { get; private set; }

    /// <summary>Where a postponed experiment stood, where it resumes.</summary>
    public ExperimentStatus? PostponedFrom { get; private set; }

    public Guid? ProposedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The moves loaded with the experiment or made through it; the full history is read by queries.</summary>
    public IReadOnlyList<ExperimentMove> Moves => _moves;

    /// <summary>The cycle 1 needs it answers.</summary>
    public IReadOnlyList<ExperimentNeed> Needs => _needs;

    /// <summary>The cycle 3 hypotheses its expected impact rests on.</summary>
    public IReadOnlyList<ExperimentHypothesis> Hypotheses => _hypotheses;

    /// <summary>The cycle 3 indicators that would show its impact.</summary>
    public IReadOnlyList<ExperimentIndicator> Indicators => _indicators;

    /// <summary>What the lab asks of the organisations before it is validated.</summary>
    public ValidationRule ValidationRule { get; private set; }

    /// <summary>
    /// The organisations asked to validate it, each with its proxy and position: the lab's member organisations
    /// when it was last sent for validation.
    /// </summary>
    public IReadOnlyList<OrganisationValidation> Validations => _validations;

    /// <summary>The objection turns made through it; the full exchange is read by queries.</summary>
    public IReadOnlyList<ObjectionExchange> Exchange => _exchange;

    /// <summary>The concerned organisations that have not answered yet.</summary>
    public IEnumerable<Guid> StillToAnswer => _validations.Where(v => !v.HasAnswered).Select(v => v.OrganisationId);

    /// <summary>Whether the organisations' answers meet the lab's rule for it (never with nobody asked).</summary>
    public bool IsValidationRuleMet =>
        _validations.Count > 0 && _validations.All(v => v.HasAnswered) && ValidationRule switch
        {
            ValidationRule.AllApprove => _validations.All(v => v.Approves),
            _ => !_validations.Any(v => v.Objects),
        };

    /// <summary>Where it may go from here.</summary>
    public IReadOnlyList<ExperimentStatus> AllowedMoves => ExperimentLifecycle.Moves(Status, PostponedFrom);

    public void Describe(ExperimentDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var title = Guard.RequiredText(description.Title, Limits.Name, "Experiment.TitleRequired", "The title");
        var text = Guard.OptionalText(description.Description, Limits.LongText, "Experiment.TextTooLong", "The description");
        var impact = Guard.OptionalText(description.ExpectedImpact, Limits.LongText, "Experiment.TextTooLong", "The expected impact");
        var level = Guard.Defined(description.CooperationLevel, "Experiment.CooperationLevelInvalid");
        var logic = description.Logic is { } l ? Guard.Defined(l, "Experiment.LogicInvalid") : (MutualisationLogic?)null;
        Title = title;
        Description = text;
        ExpectedImpact = impact;
        CooperationLevel = level;
        Logic = logic;
        Means = description.Means ?? ExperimentMeans.None;
    }

    /// <summary>Places it on the portfolio: feasibility and expected impact, each 1 to 5 (or none, to take it off).</summary>
    public void Score(int? feasibility, int? impact)
    {
        Feasibility = CheckScore(feasibility);
        ImpactScore = CheckScore(impact);
    }

    /// <summary>Gives it to a working group, or to none; one under investigation keeps a group.</summary>
    public void AssignTo(WorkingGroup? group)
    {
        if (group is not null && group.LabId != LabId)
        {
            throw new DomainException("Experiment.WorkingGroupOfAnotherLab", "Only a working group of this lab can investigate it.");
        }
        if (group is null && Status == ExperimentStatus.Investigating)
        {
            throw new DomainException("Experiment.WorkingGroupRequired", "An experiment under investigation needs a working group.");
        }
        WorkingGroupId = group?.Id;
    }

    /// <summary>
    /// Moves it to <paramref name="to"/>, if the lifecycle allows that move from where it stands, with who and
    /// why. Investigating needs a working group; asking the organisations to validate needs both scores.
    /// </summary>
    /// <remarks>
    /// Asking for validation opens a new round for <paramref name="concerned"/> (the lab's member organisations):
    /// earlier positions and proxies are set aside, since what they validated has changed (resuming a postponed
    /// validation keeps them). Once organisations are
    /// asked, it is validated only when their answers meet the rule (see <see cref="GivePosition"/>).
    /// </remarks>
    public ExperimentMove MoveTo(ExperimentStatus to, Guid? by, string reason, DateTimeOffset now, IReadOnlyCollection<Guid>? concerned = null)
    {
        Guard.Defined(to, "Experiment.StatusInvalid");
        if (!AllowedMoves.Contains(to))
        {
            throw new DomainException("Experiment.MoveNotAllowed", $"An experiment cannot go from {Status} to {to}.");
        }
        var why = Guard.RequiredText(reason, Limits.Reason, "Experiment.ReasonRequired", "The reason");
        if (to == ExperimentStatus.Investigating && WorkingGroupId is null)
        {
            throw new DomainException("Experiment.WorkingGroupRequired", "An experiment under investigation needs a working group.");
        }
        if (to == ExperimentStatus.AwaitingValidation && !IsPlaced)
        {
            throw new DomainException("Experiment.ScoresRequired", "Score its feasibility and expected impact before the organisations validate it.");
        }
        if (to == ExperimentStatus.Validated && _validations.Count > 0 && !IsValidationRuleMet)
        {
            throw new DomainException("Experiment.ValidationRuleNotMet", "The organisations' answers do not meet the lab's rule yet: it is validated when they do.");
        }
        var at = Guard.Utc(now);
        // Resuming a postponed validation keeps its round; coming from the investigation opens a new one.
        if (to == ExperimentStatus.AwaitingValidation && Status != ExperimentStatus.Postponed)
        {
            // A row kept per organisation still concerned, emptied: the same key is never deleted and added at once.
            var asked = (concerned ?? []).Where(id => id != Guid.Empty).Distinct().ToList();
            _validations.RemoveAll(v => !asked.Contains(v.OrganisationId));
            _validations.ForEach(v => v.Reset());
            _validations.AddRange(asked.Where(id => _validations.All(v => v.OrganisationId != id)).Select(id => new OrganisationValidation(Id, id)));
        }
        var move = new ExperimentMove(Id, Status, to, at, by, why);
        _moves.Add(move);
        PostponedFrom = to == ExperimentStatus.Postponed ? Status : null;
        Status = to;
        StatusSince = at;
        return move;
    }

    /// <summary>
    /// Sets the rule the organisations' answers must meet. If it is awaiting validation and the answers already
    /// meet the new rule, it is validated now (the returned move), by <paramref name="by"/> for <paramref name="validatedReason"/>.
    /// </summary>
    public ExperimentMove? ChooseValidationRule(ValidationRule rule, Guid? by, string validatedReason, DateTimeOffset now)
    {
        ValidationRule = Guard.Defined(rule, "Experiment.ValidationRuleInvalid");
        return ValidateIfRuleMet(by, validatedReason, now);
    }

    /// <summary>
    /// Sets the validation rule <paramref name="decision"/> adopted for this experiment (the lab's rule, decided by
    /// one of its bodies); validated now if the answers already meet it.
    /// </summary>
    public ExperimentMove? ChooseValidationRuleAsDecided(Decision decision, Guid? by, string validatedReason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        decision.RequireAdopted(DecisionSubjectKind.ValidationRule, Id);
        return ChooseValidationRule(decision.ProposedValidationRule!.Value, by, validatedReason, now);
    }

    /// <summary>
    /// The organisation designates <paramref name="proxyId"/> to answer for it on this experiment (null withdraws
    /// the proxy). Only its decision maker designates, unless the lab records a designation it received
    /// (<paramref name="recordedByTheLab"/>). A person answers for one organisation only, and a proxy is someone
    /// else than the decision maker.
    /// </summary>
    public void DesignateProxy(Guid organisationId, Guid? proxyId, Guid by, bool recordedByTheLab, IReadOnlyDictionary<Guid, Guid> decisionMakers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decisionMakers);
        RequireAwaitingValidation();
        var validation = ValidationOf(organisationId);
        var decisionMaker = decisionMakers.TryGetValue(organisationId, out var d) ? d : (Guid?)null;
        if (!recordedByTheLab && decisionMaker != by)
        {
            throw new DomainException("Experiment.OnlyDecisionMakerDesignates", "Only the organisation's decision maker designates its proxy.");
        }
        if (proxyId is { } proxy)
        {
            if (proxy == decisionMaker)
            {
                throw new DomainException("Experiment.ProxyIsDecisionMaker", "The decision maker already answers for the organisation: the proxy is someone else.");
            }
            if (_validations.Any(v => v.OrganisationId != organisationId && (v.ProxyId == proxy || v.GivenBy == proxy || (decisionMakers.TryGetValue(v.OrganisationId, out var other) && other == proxy))))
            {
                throw new DomainException("Experiment.AnswersForOneOrganisation", "A person answers for one organisation only.");
            }
        }
        validation.Designate(proxyId is { } p && p != Guid.Empty ? p : null, Guard.Utc(now));
    }

    /// <summary>
    /// The organisation's position, given by its decision maker (named in its mandate, cycle 2) or by the proxy it
    /// designated; anyone else is refused, and a person answers for one organisation only. An objection needs a
    /// reason, an approval with conditions its conditions. Moving away from an objection withdraws it; both are
    /// kept in the exchange. When the answers meet the lab's rule it is validated (the outcome's move), by
    /// <paramref name="by"/> for <paramref name="validatedReason"/>.
    /// </summary>
    public PositionOutcome GivePosition(Guid organisationId, Guid by, ValidationPosition position, string? text, IReadOnlyDictionary<Guid, Guid> decisionMakers, string validatedReason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decisionMakers);
        RequireAwaitingValidation();
        Guard.Defined(position, "Experiment.PositionInvalid");
        var validation = ValidationOf(organisationId);
        var isDecisionMaker = decisionMakers.TryGetValue(organisationId, out var decisionMaker) && decisionMaker == by;
        var isProxy = validation.ProxyId == by;
        if (!isDecisionMaker && !isProxy)
        {
            throw new DomainException("Experiment.NotMandated", "Only the decision maker named in the organisation's mandate, or the proxy it designated, answers for it.");
        }
        if (_validations.Any(v => v.OrganisationId != organisationId && v.GivenBy == by))
        {
            throw new DomainException("Experiment.AnswersForOneOrganisation", "A person answers for one organisation only.");
        }
        var said = position switch
        {
            ValidationPosition.Objection => Guard.RequiredText(text, Limits.Reason, "Experiment.ObjectionReasonRequired", "The reason of an objection"),
            ValidationPosition.ApproveWithConditions => Guard.RequiredText(text, Limits.Reason, "Experiment.ConditionsRequired", "The conditions"),
            _ => Guard.OptionalText(text, Limits.Reason, "Experiment.TextTooLong", "The note"),
        };
        var at = Guard.Utc(now);
        var wasObjecting = validation.Objects;
        validation.Give(position, said, by, !isDecisionMaker, at);
        ObjectionExchange? turn = null;
        if (position == ValidationPosition.Objection)
        {
            turn = new ObjectionExchange(Id, organisationId, ObjectionTurn.Objection, said, by, at);
        }
        else if (wasObjecting)
        {
            turn = new ObjectionExchange(Id, organisationId, ObjectionTurn.Withdrawal, said, by, at);
        }
        if (turn is not null)
        {
            _exchange.Add(turn);
        }
        return new PositionOutcome(turn, ValidateIfRuleMet(by, validatedReason, at));
    }

    /// <summary>The pilot group answers an organisation's standing objection; the answer is kept in the exchange.</summary>
    public ObjectionExchange AnswerObjection(Guid organisationId, Guid? by, string answer, DateTimeOffset now)
    {
        RequireAwaitingValidation();
        if (!ValidationOf(organisationId).Objects)
        {
            throw new DomainException("Experiment.NoObjectionToAnswer", "This organisation does not object.");
        }
        var turn = new ObjectionExchange(Id, organisationId, ObjectionTurn.Answer,
            Guard.RequiredText(answer, Limits.Reason, "Experiment.AnswerRequired", "The answer"), by, Guard.Utc(now));
        _exchange.Add(turn);
        return turn;
    }

    private ExperimentMove? ValidateIfRuleMet(Guid? by, string validatedReason, DateTimeOffset now) =>
        Status == ExperimentStatus.AwaitingValidation && IsValidationRuleMet ? MoveTo(ExperimentStatus.Validated, by, validatedReason, now) : null;

    private void RequireAwaitingValidation()
    {
        if (Status != ExperimentStatus.AwaitingValidation)
        {
            throw new DomainException("Experiment.NotAwaitingValidation", "The organisations answer while the experiment awaits their validation.");
        }
    }

    private OrganisationValidation ValidationOf(Guid organisationId) =>
        _validations.SingleOrDefault(v => v.OrganisationId == organisationId)
        ?? throw new DomainException("Experiment.OrganisationNotConcerned", "This organisation is not asked to validate the experiment.");

    /// <summary>Makes the linked needs, hypotheses and indicators exactly these; each must be this lab's.</summary>
    public void Link(IReadOnlyCollection<DiagnosticNeed> needs, IReadOnlyCollection<ImpactHypothesis> hypotheses, IReadOnlyCollection<Guid> indicatorIds)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(indicatorIds);
        if (needs.Any(n => n.LabId != LabId) || hypotheses.Any(h => h.LabId != LabId))
        {
            throw new DomainException("Experiment.LinkOfAnotherLab", "Only needs and hypotheses of this lab can be linked.");
        }
        Replace(_needs, needs.Select(n => n.Id), l => l.NeedId, id => new ExperimentNeed(Id, id));
        Replace(_hypotheses, hypotheses.Select(h => h.Id), l => l.HypothesisId, id => new ExperimentHypothesis(Id, id));
        Replace(_indicators, indicatorIds, l => l.IndicatorId, id => new ExperimentIndicator(Id, id));
    }

    private static void Replace<TLink>(List<TLink> links, IEnumerable<Guid> ids, Func<TLink, Guid> idOf, Func<Guid, TLink> make)
    {
        var wanted = ids.Where(id => id != Guid.Empty).ToHashSet();
        links.RemoveAll(l => !wanted.Contains(idOf(l)));
        links.AddRange(wanted.Where(id => links.All(l => idOf(l) != id)).Select(make));
    }

    private static int? CheckScore(int? score) =>
        score is null or (>= LowestScore and <= HighestScore)
            ? score
            : throw new DomainException("Experiment.ScoreOutOfRange", $"A score goes from {LowestScore} to {HighestScore}.");
}

/// <summary>One move of an experiment in its lifecycle: from, to, when, who and why.</summary>
public sealed class ExperimentMove
{
    private ExperimentMove()
    {
        Reason = string.Empty;
    }

    internal ExperimentMove(Guid experimentId, ExperimentStatus from, ExperimentStatus to, DateTimeOffset at, Guid? by, string reason) : this()
    {
        Id = Guid.CreateVersion7();
        ExperimentId = experimentId;
        From = from;
        To = to;
        At = at;
        By = by;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid ExperimentId { get; private set; }

    public ExperimentStatus From { get; private set; }

    public ExperimentStatus To { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The account that moved it; null once that account is deleted (or for imported history).</summary>
    public Guid? By { get; private set; }

    public string Reason { get; private set; }
}

/// <summary>That an experiment answers a need of the diagnosis.</summary>
public sealed class ExperimentNeed
{
    private ExperimentNeed() { }

    internal ExperimentNeed(Guid experimentId, Guid needId)
    {
        ExperimentId = experimentId;
        NeedId = needId;
    }

    public Guid ExperimentId { get; private set; }

    public Guid NeedId { get; private set; }
}

/// <summary>That an experiment's expected impact rests on a member's impact hypothesis.</summary>
public sealed class ExperimentHypothesis
{
    private ExperimentHypothesis() { }

    internal ExperimentHypothesis(Guid experimentId, Guid hypothesisId)
    {
        ExperimentId = experimentId;
        HypothesisId = hypothesisId;
    }

    public Guid ExperimentId { get; private set; }

    public Guid HypothesisId { get; private set; }
}

/// <summary>That an indicator of cycle 3 would show an experiment's impact.</summary>
public sealed class ExperimentIndicator
{
    private ExperimentIndicator() { }

    internal ExperimentIndicator(Guid experimentId, Guid indicatorId)
    {
        ExperimentId = experimentId;
        IndicatorId = indicatorId;
    }

    public Guid ExperimentId { get; private set; }

    public Guid IndicatorId { get; private set; }
}
