using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Tests.Labs;

public sealed class MutualisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 14, 0, 0, TimeSpan.FromHours(1));

    private static Mutualisation NewLab() => new("Bota 75", "Un bâtiment partagé", [ResourceKind.Place], CooperationLevel.Reinforced, Now);

    [Fact]
    public void A_new_lab_has_all_five_cycles_not_started_and_no_focus()
    {
        var lab = NewLab();

        Assert.Equal(Enum.GetValues<Cycle>(), lab.Cycles.Select(c => c.Cycle));
        Assert.All(lab.Cycles, c => Assert.Equal(CycleState.NotStarted, c.State));
        Assert.Null(lab.CurrentFocus);
        Assert.Empty(lab.Journal);
        Assert.Equal(Now.ToUniversalTime(), lab.CreatedAt);
        Assert.Equal(TimeSpan.Zero, lab.CreatedAt.Offset);
    }

    [Fact]
    public void A_lab_pools_at_least_one_kind_of_resource_each_once()
    {
        var error = Assert.Throws<DomainException>(() => new Mutualisation("Vide", null, [], CooperationLevel.Simple, Now));
        Assert.Equal("Lab.ResourceKindRequired", error.Code);

        var lab = new Mutualisation("Double", null, [ResourceKind.Data, ResourceKind.Place, ResourceKind.Data], CooperationLevel.Simple, Now);
        Assert.Equal([ResourceKind.Place, ResourceKind.Data], lab.ResourceKinds);
    }

    [Fact]
    public void A_lab_needs_a_name()
    {
        Assert.Equal("Lab.NameRequired", Assert.Throws<DomainException>(() => new Mutualisation("  ", null, [ResourceKind.Data], CooperationLevel.Simple, Now)).Code);
    }

    [Theory]
    [InlineData(Cycle.Impact)]
    [InlineData(Cycle.ToolConfiguration)]
    [InlineData(Cycle.CoreMethods)]
    public void Any_cycle_can_be_the_starting_point(Cycle start)
    {
        var lab = NewLab();

        var entry = lab.MoveFocus(start, "Claire", "C'est là que les membres veulent commencer.", Now);

        Assert.Equal(start, lab.CurrentFocus);
        Assert.Null(entry.From);
        Assert.Equal(start, entry.To);
        Assert.Equal(CycleState.Exploring, lab.CycleOf(start).State);
    }

    [Fact]
    public void Cycles_can_be_visited_in_any_order_and_revisited_and_the_journal_keeps_every_move()
    {
        var lab = NewLab();
        var moves = new[] { Cycle.ToolConfiguration, Cycle.Diagnostic, Cycle.Impact, Cycle.Diagnostic, Cycle.Publics };

        for (var i = 0; i < moves.Length; i++)
        {
            lab.MoveFocus(moves[i], "Claire", $"Raison {i}", Now.AddDays(i));
        }

        Assert.Equal(moves, lab.Journal.Select(j => j.To));
        Assert.Equal(new Cycle?[] { null, Cycle.ToolConfiguration, Cycle.Diagnostic, Cycle.Impact, Cycle.Diagnostic }, lab.Journal.Select(j => j.From));
        Assert.Equal(Cycle.Publics, lab.CurrentFocus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Moving_focus_without_a_reason_is_refused(string? reason)
    {
        var lab = NewLab();

        var error = Assert.Throws<DomainException>(() => lab.MoveFocus(Cycle.Impact, "Claire", reason!, Now));

        Assert.Equal("Lab.ReasonRequired", error.Code);
        Assert.Empty(lab.Journal);
        Assert.Null(lab.CurrentFocus);
        Assert.Equal(CycleState.NotStarted, lab.CycleOf(Cycle.Impact).State);
    }

    [Fact]
    public void Moving_focus_needs_to_know_who_moves_it()
    {
        var error = Assert.Throws<DomainException>(() => NewLab().MoveFocus(Cycle.Impact, " ", "Une raison", Now));
        Assert.Equal("Lab.MoverRequired", error.Code);
    }

    [Fact]
    public void Moving_focus_to_the_cycle_already_in_focus_is_refused()
    {
        var lab = NewLab();
        lab.MoveFocus(Cycle.Publics, "Claire", "Bilatérales", Now);

        var error = Assert.Throws<DomainException>(() => lab.MoveFocus(Cycle.Publics, "Claire", "Encore", Now));

        Assert.Equal("Lab.AlreadyFocused", error.Code);
        Assert.Single(lab.Journal);
    }

    [Fact]
    public void Returning_to_a_cycle_thought_advanced_enough_reopens_it_as_revisiting()
    {
        var lab = NewLab();
        lab.RecordCycle(Cycle.Diagnostic, CycleState.AdvancedEnough, "Questionnaire analysé", Now);
        lab.MoveFocus(Cycle.Impact, "Claire", "Définir les indicateurs", Now);

        lab.MoveFocus(Cycle.Diagnostic, "Claire", "De nouveaux occupants arrivent : le diagnostic n'est jamais clos.", Now.AddMonths(2));

        Assert.Equal(CycleState.Revisiting, lab.CycleOf(Cycle.Diagnostic).State);
        Assert.Equal("Questionnaire analysé", lab.CycleOf(Cycle.Diagnostic).Notes);
        Assert.Equal(Now.AddMonths(2).ToUniversalTime(), lab.CycleOf(Cycle.Diagnostic).LastActivityAt);
    }

    [Fact]
    public void The_team_may_set_any_state_on_any_cycle()
    {
        var lab = NewLab();

        lab.RecordCycle(Cycle.CoreMethods, CycleState.AdvancedEnough, "notes", Now);
        lab.RecordCycle(Cycle.CoreMethods, CycleState.NotStarted, null, Now);

        Assert.Equal(CycleState.NotStarted, lab.CycleOf(Cycle.CoreMethods).State);
        Assert.Equal(string.Empty, lab.CycleOf(Cycle.CoreMethods).Notes);
    }

    [Fact]
    public void An_organisation_is_in_a_lab_once()
    {
        var lab = NewLab();
        var organisation = Guid.NewGuid();
        lab.AddMember(organisation, MembershipRole.Participant, Now);

        var error = Assert.Throws<DomainException>(() => lab.AddMember(organisation, MembershipRole.Observer, Now));

        Assert.Equal("Lab.AlreadyMember", error.Code);
        Assert.Equal(MembershipRole.Participant, Assert.Single(lab.Memberships).Role);
    }

    [Fact]
    public void A_member_can_change_role_or_leave()
    {
        var lab = NewLab();
        var organisation = Guid.NewGuid();
        lab.AddMember(organisation, MembershipRole.Participant, Now);

        lab.ChangeMemberRole(organisation, MembershipRole.PilotGroupMember, Now);
        Assert.Equal(MembershipRole.PilotGroupMember, lab.Memberships.Single().Role);

        lab.RemoveMember(organisation, Now);
        Assert.Empty(lab.Memberships);
        Assert.Equal("Lab.NotMember", Assert.Throws<DomainException>(() => lab.RemoveMember(organisation, Now)).Code);
    }

    [Fact]
    public void Every_change_touches_the_update_time()
    {
        var lab = NewLab();
        var later = Now.AddHours(3);

        lab.MoveFocus(Cycle.Impact, "Claire", "Raison", later);

        Assert.Equal(later.ToUniversalTime(), lab.UpdatedAt);
    }

    [Fact]
    public void Undefined_enum_values_are_refused()
    {
        var lab = NewLab();
        Assert.Equal("Lab.CycleInvalid", Assert.Throws<DomainException>(() => lab.MoveFocus((Cycle)42, "Claire", "Raison", Now)).Code);
        Assert.Equal("Lab.CycleStateInvalid", Assert.Throws<DomainException>(() => lab.RecordCycle(Cycle.Impact, (CycleState)9, null, Now)).Code);
        Assert.Equal("Lab.MembershipRoleInvalid", Assert.Throws<DomainException>(() => lab.AddMember(Guid.NewGuid(), (MembershipRole)7, Now)).Code);
    }
}
