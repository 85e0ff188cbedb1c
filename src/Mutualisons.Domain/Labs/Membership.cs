namespace Mutualisons.Domain.Labs;

/// <summary>An organisation taking part in a lab, in one role.</summary>
public sealed class Membership
{
    private Membership() { }

    internal Membership(Guid organisationId, MembershipRole role, DateTimeOffset joinedAt)
    {
        OrganisationId = organisationId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid OrganisationId { get; private set; }

    public MembershipRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>The mandate agreed in a bilateral meeting; none until one is recorded.</summary>
    public Mandate? Mandate { get; private set; }

    internal void ChangeRole(MembershipRole role) => Role = role;

    internal void Record(Mandate mandate) => Mandate = mandate;
}
