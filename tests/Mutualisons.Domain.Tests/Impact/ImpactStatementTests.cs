using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;

namespace Mutualisons.Domain.Tests.Impact;

/// <summary>An organisation's impact statement keeps every version, and who may write it is a rule of the rights.</summary>
public sealed class ImpactStatementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid Paula = Guid.NewGuid();

    private static StatementText Text(string change, params Audience[] audiences) =>
        new("Soigner les personnes exclues des soins", change, audiences, null, [EffectNature.Social], null, null, null);

    [Fact]
    public void The_first_save_is_version_one_and_names_what_it_wrote()
    {
        var statement = new ImpactStatement(Lab, Organisation, Text("Un accès aux soins pour tous", Audience.Beneficiaries), Paula, Now);

        var first = Assert.Single(statement.Revisions);
        Assert.Equal(1, first.Number);
        Assert.Equal(Paula, first.By);
        Assert.Equal([StatementField.Mission, StatementField.ChangeSought, StatementField.Audiences, StatementField.Natures], first.Changed);
        Assert.Equal("Un accès aux soins pour tous", first.ChangeSought);
        Assert.Equal(1, statement.RevisionCount);
    }

    [Fact]
    public void Each_save_that_changes_something_keeps_a_new_version_and_the_earlier_one_stays_as_it_was()
    {
        var statement = new ImpactStatement(Lab, Organisation, Text("Un accès aux soins", Audience.Beneficiaries), Paula, Now);

        var changed = statement.Revise(Text("Un accès aux soins pour les personnes sans papiers", Audience.Beneficiaries, Audience.Volunteers), Paula, Now.AddDays(7));

        Assert.True(changed);
        Assert.Equal(2, statement.RevisionCount);
        var (first, second) = (statement.Revisions[0], statement.Revisions[1]);
        Assert.Equal("Un accès aux soins", first.ChangeSought);
        Assert.Equal([Audience.Beneficiaries], first.Audiences);
        Assert.Equal(2, second.Number);
        Assert.Equal([StatementField.ChangeSought, StatementField.Audiences], second.Changed);
        Assert.Equal([Audience.Beneficiaries, Audience.Volunteers], second.Audiences);
        Assert.Equal(Now.AddDays(7), statement.UpdatedAt);
    }

    [Fact]
    public void Saving_the_same_texts_again_keeps_no_empty_version()
    {
        var statement = new ImpactStatement(Lab, Organisation, Text(" Un accès aux soins ", Audience.Users, Audience.Users), Paula, Now);

        Assert.False(statement.Revise(Text("Un accès aux soins", Audience.Users), Paula, Now.AddDays(1)));
        Assert.Equal(1, statement.RevisionCount);
        Assert.Equal([Audience.Users], statement.Audiences);
    }

    [Fact]
    public void A_statement_belongs_to_an_organisation_and_refuses_texts_longer_than_the_limits()
    {
        Assert.Equal("Lab.OrganisationRequired", Assert.Throws<DomainException>(() => new ImpactStatement(Lab, Guid.Empty, Text("x"), Paula, Now)).Code);
        var statement = new ImpactStatement(Lab, Organisation, Text("x"), Paula, Now);
        var tooLong = Text(new string('a', Limits.LongText + 1));
        Assert.Equal("Impact.TextTooLong", Assert.Throws<DomainException>(() => statement.Revise(tooLong, Paula, Now)).Code);
        Assert.Equal(1, statement.RevisionCount);
    }

    [Theory]
    [InlineData(LabRole.Facilitator, true)]
    [InlineData(LabRole.PilotGroupMember, true)]
    [InlineData(LabRole.Participant, false)]
    [InlineData(LabRole.Observer, false)]
    public void Facilitators_and_the_pilot_group_write_any_members_impact(LabRole role, bool may) =>
        Assert.Equal(may, role.MayDefineImpactOf(Organisation, represents: null));

    [Theory]
    [InlineData(LabRole.Participant, true)]
    [InlineData(LabRole.Observer, false)]
    public void A_participant_writes_the_impact_of_the_organisation_they_represent_and_no_other(LabRole role, bool may)
    {
        Assert.Equal(may, role.MayDefineImpactOf(Organisation, represents: Organisation));
        Assert.False(role.MayDefineImpactOf(Guid.NewGuid(), represents: Organisation));
    }

    [Fact]
    public void Every_role_reads_the_impact_of_the_lab() =>
        Assert.All(Enum.GetValues<LabRole>(), role => Assert.True(role.Allows(LabRight.View)));
}
