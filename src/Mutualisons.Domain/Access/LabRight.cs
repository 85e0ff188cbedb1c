namespace Mutualisons.Domain.Access;

/// <summary>The rights a role gives in a lab; pages and services ask for a right, never for a role.</summary>
public enum LabRight
{
    View,

    /// <summary>Move the lab's focus and record where each cycle stands.</summary>
    NavigateCycles,

    /// <summary>Keep the stakeholder register, the activities and the participation targets.</summary>
    TrackParticipation,

    /// <summary>Build and send diagnostic questionnaires, read their answers, record needs and resources.</summary>
    RunQuestionnaires,

    /// <summary>Invite people, change or remove their role.</summary>
    ManagePeople,

    /// <summary>Read who created, changed or deleted what.</summary>
    ReadAudit,
}

public static class LabRoleRights
{
    public static bool Allows(this LabRole role, LabRight right) => right switch
    {
        LabRight.View => Enum.IsDefined(role),
        LabRight.NavigateCycles or LabRight.TrackParticipation or LabRight.RunQuestionnaires => role is LabRole.Facilitator or LabRole.PilotGroupMember,
        LabRight.ManagePeople or LabRight.ReadAudit => role is LabRole.Facilitator,
        _ => false,
    };
}
