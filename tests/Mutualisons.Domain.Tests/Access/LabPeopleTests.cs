using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Tests.Access;

public sealed class LabPeopleTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Organisation = Guid.NewGuid();

    private static Mutualisation NewLab()
    {
        var lab = new Mutualisation("Bota 75", null, [ResourceKind.Place], CooperationLevel.Reinforced, Now);
        lab.AddMember(Organisation, MembershipRole.Participant, Now);
        return lab;
    }

    [Theory]
    [InlineData(LabRole.Facilitator, true, true, true)]
    [InlineData(LabRole.PilotGroupMember, true, false, false)]
    [InlineData(LabRole.Participant, false, false, false)]
    [InlineData(LabRole.Observer, false, false, false)]
    public void Each_role_gives_its_rights(LabRole role, bool navigate, bool managePeople, bool readAudit)
    {
        Assert.True(role.Allows(LabRight.View));
        Assert.Equal(navigate, role.Allows(LabRight.NavigateCycles));
        Assert.Equal(managePeople, role.Allows(LabRight.ManagePeople));
        Assert.Equal(readAudit, role.Allows(LabRight.ReadAudit));
    }

    [Fact]
    public void A_person_holds_one_role_per_lab_and_granting_again_changes_it()
    {
        var lab = NewLab();
        var person = Guid.NewGuid();

        lab.GrantRole(person, LabRole.Observer, null, Now);
        lab.GrantRole(person, LabRole.PilotGroupMember, null, Now);

        Assert.Equal(LabRole.PilotGroupMember, Assert.Single(lab.People).Role);
        Assert.Equal(LabRole.PilotGroupMember, lab.RoleOf(person));
        Assert.Null(lab.RoleOf(Guid.NewGuid()));
    }

    [Fact]
    public void A_participant_represents_one_of_the_labs_organisations()
    {
        var lab = NewLab();

        Assert.Equal("Lab.ParticipantNeedsOrganisation", Assert.Throws<DomainException>(() => lab.GrantRole(Guid.NewGuid(), LabRole.Participant, null, Now)).Code);
        Assert.Equal("Lab.ParticipantNeedsOrganisation", Assert.Throws<DomainException>(() => lab.GrantRole(Guid.NewGuid(), LabRole.Participant, Guid.NewGuid(), Now)).Code);

        var person = Guid.NewGuid();
        lab.GrantRole(person, LabRole.Participant, Organisation, Now);
        Assert.Equal(Organisation, lab.People.Single().OrganisationId);
    }

    [Fact]
    public void The_last_facilitator_cannot_leave_or_step_down()
    {
        var lab = NewLab();
        var facilitator = Guid.NewGuid();
        lab.GrantRole(facilitator, LabRole.Facilitator, null, Now);

        Assert.Equal("Lab.LastFacilitator", Assert.Throws<DomainException>(() => lab.RemovePerson(facilitator, Now)).Code);
        Assert.Equal("Lab.LastFacilitator", Assert.Throws<DomainException>(() => lab.GrantRole(facilitator, LabRole.Observer, null, Now)).Code);

        var second = Guid.NewGuid();
        lab.GrantRole(second, LabRole.Facilitator, null, Now);
        lab.RemovePerson(facilitator, Now);
        Assert.Equal(second, Assert.Single(lab.People).PersonId);
    }

    [Fact]
    public void Forgetting_a_person_keeps_their_moves_without_their_name()
    {
        var lab = NewLab();
        var person = Guid.NewGuid();
        var other = Guid.NewGuid();
        lab.GrantRole(person, LabRole.PilotGroupMember, null, Now);
        lab.MoveFocus(Cycle.Publics, person, "Nora", "Bilatérales", Now);
        lab.MoveFocus(Cycle.Impact, other, "Yves", "Indicateurs", Now);

        lab.ForgetPerson(person, Now);

        Assert.Empty(lab.People);
        Assert.Equal(2, lab.Journal.Count);
        Assert.Equal((null, string.Empty, "Bilatérales"), (lab.Journal[0].MovedById, lab.Journal[0].MovedBy, lab.Journal[0].Reason));
        Assert.Equal((other, "Yves"), (lab.Journal[1].MovedById, lab.Journal[1].MovedBy));
    }
}
