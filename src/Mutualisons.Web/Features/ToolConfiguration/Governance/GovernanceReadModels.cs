using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Web.Features.ToolConfiguration.Governance;

/// <summary>A person or an organisation who may vote in a body.</summary>
public sealed record VoterOption(Guid Id, string Name);

public sealed record BodyRow(
    Guid Id, uint Version, string Name, BodyKind Kind, DecisionRule Rule, ModeStatus Status, string EvaluationNote, IReadOnlyList<string> Members,
    IReadOnlyList<BodyWeight> Weights, VoterOption? AdoptedBy);

/// <summary>A voter of a body and the weight of its vote, as the weights editor shows it.</summary>
public sealed record BodyWeight(Guid VoterId, string Name, int Weight);

public sealed record BodiesView(string LabName, bool MayConfigure, IReadOnlyList<BodyRow> Bodies, IReadOnlyList<VoterOption> Organisations, IReadOnlyList<VoterOption> People);

public sealed record DecisionRow(
    Guid Id, string Title, string BodyName, DecisionMode Mode, DateTimeOffset OpenedAt, DateTimeOffset Deadline, DateTimeOffset? ClosedAt,
    DecisionOutcome? Outcome, string OutcomeStatement, SubjectLine? Subject);

/// <summary>What a decision decides, as shown: the kind, the experiment or body (name null once it is gone), the rule it proposes.</summary>
public sealed record SubjectLine(DecisionSubjectKind Kind, Guid? TargetId, string? TargetName, ValidationRule? ProposedRule);

/// <summary>Where carrying an adopted decision over to what it decided stands.</summary>
public enum CarryOverState
{
    /// <summary>It can be done now, in one click.</summary>
    Ready,

    /// <summary>A mode is adopted once evaluated: the body evaluates it first.</summary>
    AwaitsEvaluation,

    /// <summary>Done: the mode is adopted, the rule is the one proposed.</summary>
    Done,

    /// <summary>The body changed its mode after the decision was put: it decided about another mode.</summary>
    Outdated,
}

/// <summary>The follow-up of an adopted decision on a mode or a rule, with the version of what it changes.</summary>
public sealed record CarryOver(CarryOverState State, uint TargetVersion);

public sealed record DecisionLogView(
    string LabName, bool MayConfigure, IReadOnlyList<DecisionRow> Decisions, IReadOnlyList<VoterOption> Bodies, IReadOnlyList<VoterOption> Experiments);

/// <summary>A position as shown: in an anonymous decision, without who took it or when.</summary>
public sealed record BallotRow(Guid VoterId, string VoterName, DecisionPosition Position, string Reason, string? CastByName, bool ThroughProxy, DateTimeOffset? At);

public sealed record LogRow(DecisionLogKind Kind, string? VoterName, DecisionPosition? Position, string Text, string? ByName, DateTimeOffset At);

public sealed record DecisionView(
    Guid Id, uint Version, string LabName, string Title, string Proposal, string BodyName, DecisionRule Rule,
    DateTimeOffset OpenedAt, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, bool IsOpen, DecisionOutcome? Outcome, string OutcomeStatement,
    DecisionTally? Tally, IReadOnlyList<BallotRow> Ballots, int Voted, int VoterCount, IReadOnlyList<VoterOption> MayVoteFor, bool MayConfigure, IReadOnlyList<LogRow> Log,
    SubjectLine? Subject, CarryOver? CarryOver, IReadOnlyList<VoterOption> MayDesignateFor, IReadOnlyList<VoterOption> People)
{
    public IReadOnlyList<DecisionPosition> Positions => Decision.Allowed(Rule.Mode);

    /// <summary>The count and positions are hidden until the close.</summary>
    public bool ResultsHidden => Tally is null;
}
