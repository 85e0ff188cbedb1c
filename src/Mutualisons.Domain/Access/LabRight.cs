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

    /// <summary>Register organisations in the directory and edit the profile of any organisation of the lab.</summary>
    EditOrganisations,

    /// <summary>Edit the profile of the organisation one represents in the lab.</summary>
    EditOwnOrganisation,

    /// <summary>Build the impact chain of any member organisation: statements, hypotheses, indicators, measurements, conclusions.</summary>
    MeasureImpact,

    /// <summary>Define the impact of the organisation one represents in the lab: its statement and its hypotheses.</summary>
    DefineOwnImpact,

    /// <summary>Configure the tools (cycle 4): propose experiments, move them through their lifecycle, run the working groups.</summary>
    ConfigureTools,

    /// <summary>Keep the lab's notebook: write its stories, collect inspirations from elsewhere, choose what the cahier tells.</summary>
    KeepNotebook,

    /// <summary>Prepare and run the lab's live workshops: steps, the room's console, the big screen, their outputs.</summary>
    RunWorkshops,

    /// <summary>Propose entries and edits to the lab's map data sets, and approve or refuse others' for the organisation one represents.</summary>
    ContributeMapData,

    /// <summary>Approve or refuse any contribution to the lab's map data sets: a moderator's approval suffices.</summary>
    ModerateMapData,

    /// <summary>Open new labs (and facilitate them): those who run a lab can start another.</summary>
    OpenLabs,
}

public static class LabRoleRights
{
    public static bool Allows(this LabRole role, LabRight right) => right switch
    {
        LabRight.View => Enum.IsDefined(role),
        LabRight.NavigateCycles or LabRight.TrackParticipation or LabRight.RunQuestionnaires or LabRight.EditOrganisations or LabRight.MeasureImpact or LabRight.ConfigureTools or LabRight.KeepNotebook or LabRight.RunWorkshops => role is LabRole.Facilitator or LabRole.PilotGroupMember,
        LabRight.EditOwnOrganisation or LabRight.DefineOwnImpact or LabRight.ContributeMapData => role is LabRole.Facilitator or LabRole.PilotGroupMember or LabRole.Participant,
        LabRight.ManagePeople or LabRight.ReadAudit or LabRight.OpenLabs or LabRight.ModerateMapData => role is LabRole.Facilitator,
        _ => false,
    };

    /// <summary>The roles that give <paramref name="right"/>, for queries that filter by it.</summary>
    public static IReadOnlyList<LabRole> RolesWith(LabRight right) => [.. Enum.GetValues<LabRole>().Where(role => role.Allows(right))];

    /// <summary>
    /// Who may edit an organisation's profile, from one lab: a role with <see cref="LabRight.EditOrganisations"/>
    /// when the organisation takes part in the lab, or a role with <see cref="LabRight.EditOwnOrganisation"/>
    /// when the person represents that organisation there.
    /// </summary>
    public static bool MayEditOrganisation(this LabRole role, Guid organisationId, bool organisationInLab, Guid? represents) =>
        (organisationInLab && role.Allows(LabRight.EditOrganisations))
        || (represents == organisationId && role.Allows(LabRight.EditOwnOrganisation));

    /// <summary>
    /// Who may write an organisation's impact (its statement, its hypotheses and what measures them) in a lab it
    /// belongs to: a role with <see cref="LabRight.MeasureImpact"/>, or a role with
    /// <see cref="LabRight.DefineOwnImpact"/> when the person represents that organisation there. Everyone with
    /// <see cref="LabRight.View"/> reads it.
    /// </summary>
    public static bool MayDefineImpactOf(this LabRole role, Guid organisationId, Guid? represents) =>
        role.Allows(LabRight.MeasureImpact)
        || (represents == organisationId && role.Allows(LabRight.DefineOwnImpact));
}
