using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Web.Features.Publics.Activities;

public sealed record StakeholderChoice(Guid Id, string Name);

public sealed record ActivityRow(
    Guid Id, string Title, ActivityKind Kind, string Method, string? MethodKey, IReadOnlyList<Cycle> Cycles, DateTimeOffset ScheduledAt, string Place,
    ParticipationLevel LevelOffered, ActivityStatus Status, string StatusReason, int Postponements, IReadOnlyList<Guid> Invited, IReadOnlyList<Guid> Present, string Outputs, uint Version);

/// <param name="Workshops">The live workshop each activity is, by activity: its outcomes page is linked from it.</param>
public sealed record LabActivities(string LabName, bool CanTrack, IReadOnlyList<ActivityRow> Activities, IReadOnlyList<StakeholderChoice> Stakeholders, IReadOnlyDictionary<Guid, Guid> Workshops);
