using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Domain.Tests.ToolConfiguration;

public sealed class WorkingGroupTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Pieter = Guid.NewGuid();
    private static readonly Guid Paula = Guid.NewGuid();

    private static WorkingGroup Group() => new(Lab, "GT mieux se connaître", "Un annuaire et une réunion des occupants", Pieter, new DateOnly(2026, 6, 30), Now);

    [Fact]
    public void The_lead_is_a_member()
    {
        var group = Group();

        Assert.Equal(Pieter, group.LeadId);
        Assert.True(group.HasMember(Pieter));
        group.Staff(Paula, []);
        Assert.Equal(Paula, group.LeadId);
        Assert.Equal([Paula], group.Members.Select(m => m.PersonId));
    }

    [Fact]
    public void A_group_needs_a_name_and_a_lead()
    {
        Assert.Equal("WorkingGroup.NameRequired", Assert.Throws<DomainException>(() => new WorkingGroup(Lab, "", null, Pieter, null, Now)).Code);
        Assert.Equal("WorkingGroup.LeadRequired", Assert.Throws<DomainException>(() => new WorkingGroup(Lab, "GT", null, Guid.Empty, null, Now)).Code);
    }

    [Fact]
    public void A_next_step_is_owned_by_a_member()
    {
        var group = Group();

        Assert.Equal("WorkingGroup.OwnerNotMember", Assert.Throws<DomainException>(() => group.AddNextStep("Lister les occupants", Paula, Today, Now)).Code);
        group.Staff(Pieter, [Paula]);
        var step = group.AddNextStep("Lister les occupants", Paula, Today, Now);
        Assert.Equal(Paula, step.OwnerId);
    }

    [Fact]
    public void A_next_step_not_done_is_overdue_from_the_day_after_its_due_day()
    {
        var group = Group();
        var step = group.AddNextStep("Proposer une date de réunion", Pieter, Today, Now);

        Assert.False(step.IsOverdue(Today));
        Assert.True(step.IsOverdue(Today.AddDays(1)));
        group.CompleteNextStep(step.Id, Today.AddDays(3));
        Assert.False(step.IsOverdue(Today.AddDays(5)));
        group.ReopenNextStep(step.Id);
        Assert.True(step.IsOverdue(Today.AddDays(5)));
    }

    [Fact]
    public void The_overdue_rule_as_a_query_agrees_with_the_domain()
    {
        var group = Group();
        group.AddNextStep("En retard", Pieter, Today.AddDays(-1), Now);
        group.AddNextStep("Aujourd'hui", Pieter, Today, Now);
        var done = group.AddNextStep("Fait", Pieter, Today.AddDays(-4), Now);
        group.CompleteNextStep(done.Id, Today.AddDays(-5));

        var overdue = group.NextSteps.AsQueryable().Where(NextStep.OverdueOn(Today)).Select(s => s.Text);

        Assert.Equal(["En retard"], overdue);
        Assert.Equal(["En retard"], group.NextSteps.Where(s => s.IsOverdue(Today)).Select(s => s.Text));
    }

    [Fact]
    public void A_done_step_cannot_be_done_twice_and_a_member_with_an_open_step_cannot_leave()
    {
        var group = Group();
        group.Staff(Pieter, [Paula]);
        var step = group.AddNextStep("Contacter le CA", Paula, Today, Now);

        Assert.Equal("WorkingGroup.OwnerLeaving", Assert.Throws<DomainException>(() => group.Staff(Pieter, [])).Code);
        group.CompleteNextStep(step.Id, Today);
        Assert.Equal("WorkingGroup.StepAlreadyDone", Assert.Throws<DomainException>(() => group.CompleteNextStep(step.Id, Today)).Code);
        group.Staff(Pieter, []);
        Assert.False(group.HasMember(Paula));
    }

    [Fact]
    public void The_deadline_has_passed_the_day_after()
    {
        var group = Group();

        Assert.False(group.IsPastDeadline(new DateOnly(2026, 6, 30)));
        Assert.True(group.IsPastDeadline(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Its_meetings_are_working_group_meetings_of_the_same_lab_linked_once()
    {
        var group = Group();
        var meeting = new Activity(Lab, "Réunion du GT", ActivityKind.WorkingGroupMeeting, null, [Cycle.ToolConfiguration], Now, null, ParticipationLevel.Collaboration, Now);
        var workshop = new Activity(Lab, "Atelier", ActivityKind.Workshop, null, [Cycle.ToolConfiguration], Now, null, ParticipationLevel.Discussion, Now);
        var elsewhere = new Activity(Guid.NewGuid(), "Ailleurs", ActivityKind.WorkingGroupMeeting, null, [Cycle.ToolConfiguration], Now, null, ParticipationLevel.Discussion, Now);

        group.LinkMeeting(meeting);

        Assert.Equal([meeting.Id], group.Meetings.Select(m => m.ActivityId));
        Assert.Equal("WorkingGroup.MeetingAlreadyLinked", Assert.Throws<DomainException>(() => group.LinkMeeting(meeting)).Code);
        Assert.Equal("WorkingGroup.NotAMeeting", Assert.Throws<DomainException>(() => group.LinkMeeting(workshop)).Code);
        Assert.Equal("WorkingGroup.MeetingOfAnotherLab", Assert.Throws<DomainException>(() => group.LinkMeeting(elsewhere)).Code);
    }
}
