using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Labs;

public sealed record LabCard(Guid Id, string Name, string Description, IReadOnlyList<ResourceKind> ResourceKinds, CooperationLevel CooperationLevel, int MemberCount, Cycle? CurrentFocus, DateTimeOffset UpdatedAt);

public sealed record CycleSummary(Cycle Cycle, CycleState State, string Notes, DateTimeOffset? LastActivityAt);

public sealed record LabMember(Guid OrganisationId, string Name, MembershipRole Role);

/// <summary>A journal line; an empty <see cref="MovedBy"/> means the mover's account was deleted.</summary>
public sealed record JournalLine(Guid Id, Cycle? From, Cycle To, DateTimeOffset MovedAt, string MovedBy, string Reason);

public sealed record LabOverview(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyList<ResourceKind> ResourceKinds,
    CooperationLevel CooperationLevel,
    Cycle? CurrentFocus,
    uint Version,
    IReadOnlyList<CycleSummary> Cycles,
    IReadOnlyList<LabMember> Members,
    IReadOnlyList<JournalLine> Journal,
    LabRole MyRole)
{
    public bool Can(LabRight right) => MyRole.Allows(right);

    public CycleSummary CycleOf(Cycle cycle) => Cycles.Single(c => c.Cycle == cycle);
}
