using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.ToolConfiguration;

/// <summary>
/// What the lab asks before an experiment is really tested (Bota 75: "validation par chaque organisation"): either
/// every concerned organisation approves, or every one has answered and no objection stays unresolved.
/// </summary>
public enum ValidationRule
{
    /// <summary>Every concerned organisation approves (with or without conditions); an abstention holds it back.</summary>
    AllApprove,

    /// <summary>Every concerned organisation has answered and none still objects: abstentions do not hold it back.</summary>
    NoUnresolvedObjection,
}

/// <summary>One organisation's answer when the lab asks it to validate an experiment.</summary>
public enum ValidationPosition
{
    Approve,

    /// <summary>Approves, on conditions it states.</summary>
    ApproveWithConditions,

    Abstain,

    /// <summary>Objects, with a reason; the objection can be answered and withdrawn.</summary>
    Objection,
}

/// <summary>What is said about an objection: the objection itself, an answer, its withdrawal.</summary>
public enum ObjectionTurn
{
    Objection,
    Answer,
    Withdrawal,
}

/// <summary>
/// One concerned organisation in an experiment's validation: the proxy it designated for this decision (if any) and
/// the position it gave, with its conditions or reason, who gave it and when.
/// </summary>
public sealed class OrganisationValidation
{
    private OrganisationValidation()
    {
        Text = string.Empty;
    }

    internal OrganisationValidation(Guid experimentId, Guid organisationId) : this()
    {
        ExperimentId = experimentId;
        OrganisationId = organisationId;
    }

    public Guid ExperimentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The person the organisation designated to answer for it on this experiment, besides its decision maker.</summary>
    public Guid? ProxyId { get; private set; }

    public DateTimeOffset? ProxyDesignatedAt { get; private set; }

    /// <summary>None until the organisation answers.</summary>
    public ValidationPosition? Position { get; private set; }

    /// <summary>The conditions of an approval, the reason of an objection, or a note.</summary>
    public string Text { get; private set; }

    public Guid? GivenBy { get; private set; }

    public DateTimeOffset? GivenAt { get; private set; }

    /// <summary>Whether the position was given by the organisation's proxy rather than its decision maker.</summary>
    public bool ThroughProxy { get; private set; }

    public bool HasAnswered => Position is not null;

    public bool Objects => Position == ValidationPosition.Objection;

    public bool Approves => Position is ValidationPosition.Approve or ValidationPosition.ApproveWithConditions;

    /// <summary>A new round: no proxy, no position yet.</summary>
    internal void Reset()
    {
        ProxyId = null;
        ProxyDesignatedAt = null;
        Position = null;
        Text = string.Empty;
        GivenBy = null;
        GivenAt = null;
        ThroughProxy = false;
    }

    internal void Designate(Guid? proxyId, DateTimeOffset at)
    {
        ProxyId = proxyId;
        ProxyDesignatedAt = proxyId is null ? null : at;
    }

    internal void Give(ValidationPosition position, string text, Guid by, bool throughProxy, DateTimeOffset at)
    {
        Position = position;
        Text = text;
        GivenBy = by;
        ThroughProxy = throughProxy;
        GivenAt = at;
    }
}

/// <summary>One turn of an objection's exchange, kept for good: who said what, when.</summary>
public sealed class ObjectionExchange
{
    private ObjectionExchange()
    {
        Text = string.Empty;
    }

    internal ObjectionExchange(Guid experimentId, Guid organisationId, ObjectionTurn turn, string text, Guid? by, DateTimeOffset at) : this()
    {
        Id = Guid.CreateVersion7();
        ExperimentId = experimentId;
        OrganisationId = organisationId;
        Turn = turn;
        Text = text;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ExperimentId { get; private set; }

    /// <summary>The organisation whose objection this is about.</summary>
    public Guid OrganisationId { get; private set; }

    public ObjectionTurn Turn { get; private set; }

    public string Text { get; private set; }

    /// <summary>The account that spoke; null once that account is deleted.</summary>
    public Guid? By { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>What a position changed: the exchange turn it added (an objection, a withdrawal) and the move to validated, if the rule is now met.</summary>
public sealed record PositionOutcome(ObjectionExchange? Turn, ExperimentMove? Move);
