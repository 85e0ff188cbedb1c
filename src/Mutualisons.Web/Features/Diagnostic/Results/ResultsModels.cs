using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Web.Features.Diagnostic.Results;

public sealed record ResultsFilter(Guid? VersionId = null, OrganisationKind? Kind = null, string? Sector = null);

public sealed record VersionChoice(Guid Id, int Number, int Submitted);

public sealed record ChoiceCount(string Choice, string Label, int Count, double Percent);

public sealed record RankAverage(string Option, string Label, double Average, int Count);

public sealed record NumberSummary(decimal Minimum, decimal Maximum, decimal Mean);

/// <summary>What one question's answers add up to, computed by PostgreSQL.</summary>
public sealed record QuestionResult(
    QuestionDefinition Question, int Number, int Answered, IReadOnlyList<ChoiceCount> Choices,
    IReadOnlyList<RankAverage> Ranks, NumberSummary? Numbers, double? ScaleMean, int Texts);

/// <summary>A questionnaire's results; <see cref="Invited"/> and <see cref="InvitedSubmitted"/> count personal links over all versions, as the sending page does.</summary>
public sealed record QuestionnaireResults(
    Guid LabId, string LabName, Guid Id, string Title, IReadOnlyList<VersionChoice> Versions, Guid? VersionId,
    int Submitted, int InProgress, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<string> Sectors, bool CanRun,
    int Invited = 0, int InvitedSubmitted = 0);

public sealed record TextAnswer(Guid ResponseId, string? Organisation, string Text);

public sealed record TextAnswers(IReadOnlyList<TextAnswer> Items, int Total);

public sealed record ResponseRow(Guid Id, string? Organisation, OrganisationKind? Kind, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, int VersionNumber);

public sealed record ResponseList(IReadOnlyList<ResponseRow> Items, int Total);

public sealed record ResponseDetail(
    Guid LabId, string LabName, Guid QuestionnaireId, string Title, Guid Id, string? Organisation, int VersionNumber,
    DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, QuestionnaireContent Content, IReadOnlyList<ResponseAnswer> Answers);
