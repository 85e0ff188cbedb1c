using Mutualisons.Domain.Workshops;

namespace Mutualisons.Web.Features.Workshops;

/// <summary>Something a step votes on or places: its key and its words.</summary>
public sealed record StepItem(string Key, string Text);

public sealed record NoteView(Guid Id, Guid StepId, string Text, string? Author, string? Organisation, Guid? ClusterId, bool Removed, Guid? BecameId);

public sealed record ClusterView(Guid Id, string Name, Guid? BecameId);

public sealed record ConsentView(ConsentPosition Position, string Reason, string? Author);

/// <summary>
/// What a step gathered: its items and notes, and the tallies its kind reads (dots, 2×2 medians, poll counts,
/// consent). <see cref="Hidden"/> says the room does not see the tallies yet.
/// </summary>
public sealed record StepResults(
    WorkshopStep Step,
    IReadOnlyList<StepItem> Items,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<ClusterView> Clusters,
    IReadOnlyList<DotTally> Dots,
    IReadOnlyList<MatrixPosition> Matrix,
    IReadOnlyList<int> Poll,
    ConsentOutcome Consent,
    IReadOnlyList<ConsentView> Positions,
    int Answered,
    bool Hidden)
{
    public string TextOf(string item) => Items.FirstOrDefault(i => i.Key == item)?.Text ?? string.Empty;
}

/// <summary>The room as the facilitator's console and the big screen read it.</summary>
public sealed record WorkshopRoomState(
    Guid LabId,
    string LabName,
    Workshop Workshop,
    int Joined,
    IReadOnlyList<ParticipantView> Participants,
    StepResults? Current,
    bool MayRun);

public sealed record ParticipantView(Guid Id, string Name, string Organisation, bool Removed, bool AnsweredCurrent);

/// <summary>A participant's own view of the room: the current step only, and what they gave to it.</summary>
public sealed record RoomView(
    Guid WorkshopId,
    string Title,
    WorkshopState State,
    string ParticipantName,
    bool Removed,
    WorkshopStep? Step,
    IReadOnlyList<StepItem> Items,
    IReadOnlyList<NoteView> MyNotes,
    IReadOnlyDictionary<string, WorkshopAnswer> MyAnswers,
    StepResults? Results)
{
    public int DotsLeft => Step is null ? 0 : Step.DotsPerPerson - MyAnswers.Values.Sum(a => a.Dots);
}
