using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Web.Features.Publics.Dashboard;

public sealed record LevelPair(ParticipationLevel? Target, ParticipationLevel? Reached)
{
    public bool BelowTarget => new ParticipationLevels { Target = Target, Reached = Reached }.IsBelowTarget;
}

public sealed record MatrixRow(Guid Id, string Name, StakeholderKind Kind, IReadOnlyDictionary<Cycle, LevelPair> Levels);

/// <summary>How many stakeholders reached each level in a cycle (null key: not reached yet).</summary>
public sealed record CycleDistribution(Cycle Cycle, IReadOnlyDictionary<ParticipationLevel, int> Counts, int NotReached);

public sealed record BelowTargetAlert(Guid StakeholderId, string Name, Cycle Cycle, ParticipationLevel Target, ParticipationLevel? Reached);

public sealed record PostponedActivity(Guid Id, string Title, int Postponements, DateTimeOffset ScheduledAt);

public sealed record PublicsAlerts(
    int BelowTargetCount,
    IReadOnlyList<BelowTargetAlert> BelowTarget,
    IReadOnlyList<Cycle> CyclesWithNoOneAboveInformation,
    int? WeeksWithoutActivity,
    int PostponedTwiceCount,
    IReadOnlyList<PostponedActivity> PostponedTwice)
{
    public bool Any => BelowTargetCount > 0 || CyclesWithNoOneAboveInformation.Count > 0 || WeeksWithoutActivity is not null || PostponedTwiceCount > 0;
}

/// <summary>How many reached levels were raised to each rung in one month: the lab opening up over time.</summary>
public sealed record OpeningMonth(int Year, int Month, IReadOnlyDictionary<ParticipationLevel, int> RaisedTo);

public sealed record PublicsDashboard(
    Guid LabId,
    string LabName,
    bool CanTrack,
    int StakeholderCount,
    int Page,
    IReadOnlyList<MatrixRow> Matrix,
    IReadOnlyList<CycleDistribution> Distribution,
    PublicsAlerts Alerts,
    IReadOnlyList<OpeningMonth> Opening);
