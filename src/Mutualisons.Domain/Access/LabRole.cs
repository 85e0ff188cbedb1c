namespace Mutualisons.Domain.Access;

/// <summary>What a person may do in one lab. A person can hold a different role in each lab.</summary>
public enum LabRole
{
    /// <summary>Runs the lab: edits everything in it and invites people.</summary>
    Facilitator,

    /// <summary>Member of the pilot group: edits cycles and tracks participation.</summary>
    PilotGroupMember,

    /// <summary>Represents a participating organisation: sees the lab, answers what is addressed to them, edits their organisation.</summary>
    Participant,

    /// <summary>Reads only.</summary>
    Observer,
}
