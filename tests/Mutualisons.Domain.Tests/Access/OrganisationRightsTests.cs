using Mutualisons.Domain.Access;

namespace Mutualisons.Domain.Tests.Access;

public sealed class OrganisationRightsTests
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Theory]
    [InlineData(LabRole.Facilitator, true)]
    [InlineData(LabRole.PilotGroupMember, true)]
    [InlineData(LabRole.Participant, false)]
    [InlineData(LabRole.Observer, false)]
    public void Running_or_piloting_a_lab_gives_the_right_to_edit_its_organisations(LabRole role, bool may)
    {
        Assert.Equal(may, role.MayEditOrganisation(Organisation, organisationInLab: true, represents: null));
        Assert.False(role.MayEditOrganisation(Organisation, organisationInLab: false, represents: null));
    }

    [Theory]
    [InlineData(LabRole.Participant, true)]
    [InlineData(LabRole.Observer, false)]
    public void A_participant_edits_the_organisation_they_represent_and_no_other(LabRole role, bool may)
    {
        Assert.Equal(may, role.MayEditOrganisation(Organisation, organisationInLab: true, represents: Organisation));
        Assert.False(role.MayEditOrganisation(Guid.NewGuid(), organisationInLab: true, represents: Organisation));
    }

    [Fact]
    public void The_roles_with_a_right_are_those_the_rule_allows()
    {
        Assert.Equal([LabRole.Facilitator, LabRole.PilotGroupMember], LabRoleRights.RolesWith(LabRight.EditOrganisations));
        Assert.Equal([LabRole.Facilitator, LabRole.PilotGroupMember, LabRole.Participant], LabRoleRights.RolesWith(LabRight.EditOwnOrganisation));
    }
}
