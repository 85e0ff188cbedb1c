namespace Mutualisons.Domain.Labs;

/// <summary>The part an organisation plays in a lab.</summary>
public enum MembershipRole
{
    /// <summary>Member of the pilot group (groupe porteur): keeps the process alive and decides when to reopen participation.</summary>
    PilotGroupMember,
    Participant,
    Observer,
}
