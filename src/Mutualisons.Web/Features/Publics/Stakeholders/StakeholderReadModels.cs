using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Web.Features.Publics.Stakeholders;

/// <summary>One cycle of a stakeholder; <paramref name="Reached"/> is the domain's (adjusted, else derived).</summary>
public sealed record ParticipationLine(Cycle Cycle, ParticipationLevel? Target, ParticipationLevel? Derived, ParticipationLevel? Adjusted, string AdjustmentReason, ParticipationLevel? Reached);

public sealed record HistoryLine(DateTimeOffset At, Cycle Cycle, ParticipationAspect Aspect, ParticipationLevel? From, ParticipationLevel? To, string? By, string Reason);

public sealed record StakeholderDetails(string LabName, bool CanTrack, Guid Id, string Name, StakeholderKind Kind, string Contact, string Interest, uint Version, IReadOnlyList<ParticipationLine> Participation, IReadOnlyList<HistoryLine> History);
