using Mutualisons.Domain.Publics;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Web.Features.ToolConfiguration.WorkingGroups;

/// <summary>A person of the lab, with the organisation they represent there, if any.</summary>
public sealed record PersonOption(Guid Id, string Name, string? OrganisationName);

public sealed record WorkingGroupCard(
    Guid Id, string Name, string? LeadName, int MemberCount, int ExperimentCount, DateOnly? Deadline, bool PastDeadline, int OpenSteps, int OverdueSteps);

public sealed record WorkingGroupsView(string LabName, bool MayEdit, IReadOnlyList<WorkingGroupCard> Groups, IReadOnlyList<PersonOption> People);

public sealed record GroupExperiment(Guid Id, string Title, ExperimentStatus Status);

public sealed record NextStepRow(Guid Id, string Text, Guid? OwnerId, string? OwnerName, DateOnly DueOn, DateOnly? DoneOn, bool Overdue);

public sealed record MeetingRow(Guid ActivityId, string Title, DateTimeOffset ScheduledAt, ActivityStatus Status, ParticipationLevel LevelOffered, int Present, int Invited);

public sealed record WorkingGroupView(
    Guid Id, uint Version, string LabName, bool MayEdit, WorkingGroupInput Input, string? LeadName, IReadOnlyList<PersonOption> Members,
    bool PastDeadline, IReadOnlyList<GroupExperiment> Experiments, IReadOnlyList<NextStepRow> NextSteps, IReadOnlyList<MeetingRow> Meetings,
    IReadOnlyList<PersonOption> People, DateOnly Today);
