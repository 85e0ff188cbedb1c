using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Web.Features.Diagnostic.Questionnaires;

public sealed record QuestionnaireSummary(
    Guid Id, string Title, QuestionnaireState State, int LatestVersion, bool HasUnpublishedChanges,
    int Invited, int Submitted, int PublicSubmitted, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, uint Version)
{
    /// <summary>"20 / 100": personal links answered out of those sent.</summary>
    public string Rate => $"{Submitted} / {Invited}";
}

public sealed record QuestionnaireList(Guid LabId, string LabName, bool CanRun, IReadOnlyList<QuestionnaireSummary> Items);

public sealed record QuestionnaireEditor(
    Guid LabId, string LabName, Guid Id, uint Version, QuestionnaireContent Draft, QuestionnaireState State,
    int LatestVersion, bool HasUnpublishedChanges, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt,
    bool PublicLinkEnabled, string? PublicPath, bool OnePerBrowser, int Responses, bool CanRun);

public sealed class NewQuestionnaireInput
{
    public string Title { get; set; } = string.Empty;

    /// <summary>A template key, or empty for a blank questionnaire.</summary>
    public string Template { get; set; } = string.Empty;
}

public sealed class ScheduleInput
{
    public DateTime? OpensOn { get; set; }

    public DateTime? ClosesOn { get; set; }
}
