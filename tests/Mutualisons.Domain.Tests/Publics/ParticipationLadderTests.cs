using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Tests.Publics;

public sealed class ParticipationLadderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();

    private static Activity Held(ParticipationLevel level, Cycle[] cycles, params Guid[] present)
    {
        var activity = new Activity(Lab, "Atelier", ActivityKind.Workshop, null, cycles, Now, null, level, Now);
        activity.RecordHeld(present, null);
        return activity;
    }

    [Fact]
    public void The_ladder_goes_from_information_to_collaboration()
    {
        Assert.Equal(
            [ParticipationLevel.Information, ParticipationLevel.Consultation, ParticipationLevel.Discussion, ParticipationLevel.Deliberation, ParticipationLevel.Collaboration],
            Enum.GetValues<ParticipationLevel>().Order());
    }

    [Fact]
    public void The_reached_level_is_the_highest_offered_by_attended_held_activities_of_that_cycle()
    {
        var ana = Guid.NewGuid();
        var planned = new Activity(Lab, "Pas encore", ActivityKind.Workshop, null, [Cycle.Publics], Now, null, ParticipationLevel.Collaboration, Now);
        planned.Invite([ana]);
        var activities = new[]
        {
            Held(ParticipationLevel.Consultation, [Cycle.Publics, Cycle.Diagnostic], ana),
            Held(ParticipationLevel.Deliberation, [Cycle.Publics], ana),
            Held(ParticipationLevel.Collaboration, [Cycle.Publics], Guid.NewGuid()),
            planned,
        };

        Assert.Equal(ParticipationLevel.Deliberation, ParticipationLadder.Derive(activities, ana, Cycle.Publics));
        Assert.Equal(ParticipationLevel.Consultation, ParticipationLadder.Derive(activities, ana, Cycle.Diagnostic));
        Assert.Null(ParticipationLadder.Derive(activities, ana, Cycle.Impact));
    }

    [Fact]
    public void A_hand_adjustment_overrides_the_derived_level_until_it_is_cleared_and_everything_is_in_the_history()
    {
        var stakeholder = new Stakeholder(Lab, StakeholderKind.PublicCategory, "Occupants", null, null, Now);
        var pilot = Guid.NewGuid();

        stakeholder.SetTarget(Cycle.Impact, ParticipationLevel.Deliberation, pilot, Now);
        stakeholder.RecordDerived(Cycle.Impact, ParticipationLevel.Consultation, "Questionnaire", Now);
        Assert.True(stakeholder.In(Cycle.Impact).IsBelowTarget);

        stakeholder.AdjustReached(Cycle.Impact, ParticipationLevel.Deliberation, pilot, "Avis écrit sur le projet", Now);
        Assert.Equal(ParticipationLevel.Deliberation, stakeholder.In(Cycle.Impact).Reached);
        Assert.False(stakeholder.In(Cycle.Impact).IsBelowTarget);

        stakeholder.AdjustReached(Cycle.Impact, null, pilot, "Retour au niveau des activités", Now);
        Assert.Equal(ParticipationLevel.Consultation, stakeholder.In(Cycle.Impact).Reached);

        Assert.Equal(
            [(ParticipationAspect.Target, (ParticipationLevel?)null, (ParticipationLevel?)ParticipationLevel.Deliberation),
             (ParticipationAspect.Reached, null, ParticipationLevel.Consultation),
             (ParticipationAspect.Reached, ParticipationLevel.Consultation, ParticipationLevel.Deliberation),
             (ParticipationAspect.Reached, ParticipationLevel.Deliberation, ParticipationLevel.Consultation)],
            stakeholder.History.Select(h => (h.Aspect, h.From, h.To)));
    }

    [Fact]
    public void An_adjustment_needs_a_reason_and_an_unchanged_level_writes_no_history()
    {
        var stakeholder = new Stakeholder(Lab, StakeholderKind.Person, "Nora", "nora@example.org", null, Now);

        Assert.Equal("Stakeholder.AdjustmentReasonRequired", Assert.Throws<DomainException>(() => stakeholder.AdjustReached(Cycle.Publics, ParticipationLevel.Discussion, null, " ", Now)).Code);
        stakeholder.SetTarget(Cycle.Publics, null, null, Now);
        stakeholder.RecordDerived(Cycle.Publics, null, "Rien", Now);

        Assert.Empty(stakeholder.History);
    }

    [Fact]
    public void Postponing_counts_and_needs_a_reason_and_a_closed_activity_stays_closed()
    {
        var activity = new Activity(Lab, "Deuxième atelier", ActivityKind.CoCreationDay, null, [Cycle.Publics], Now, "Communa", ParticipationLevel.Deliberation, Now);

        Assert.Equal("Activity.ReasonRequired", Assert.Throws<DomainException>(() => activity.Postpone(Now.AddDays(7), "")).Code);
        activity.Postpone(Now.AddDays(7), "Trop peu d'inscrits");
        activity.Postpone(Now.AddDays(30), "Toujours trop peu d'inscrits");
        Assert.Equal((ActivityStatus.Postponed, 2), (activity.Status, activity.PostponementCount));

        activity.Cancel("Le lieu n'est pas retenu");
        Assert.Equal("Activity.AlreadyClosed", Assert.Throws<DomainException>(() => activity.Postpone(Now.AddDays(60), "encore")).Code);
        Assert.Equal("Activity.AlreadyClosed", Assert.Throws<DomainException>(() => activity.RecordHeld([], null)).Code);
    }

    [Fact]
    public void Those_present_count_as_invited_and_an_activity_serves_at_least_one_cycle()
    {
        var came = Guid.NewGuid();
        var activity = new Activity(Lab, "Table de conversation", ActivityKind.Workshop, "Tables bilingues", [Cycle.CoreMethods], Now, null, ParticipationLevel.Discussion, Now);

        activity.RecordHeld([came, came], "Rencontres");

        Assert.Equal([came], activity.Present);
        Assert.Equal([came], activity.Invited);
        Assert.Equal("Activity.CycleRequired", Assert.Throws<DomainException>(() => new Activity(Lab, "Sans cycle", ActivityKind.Workshop, null, [], Now, null, ParticipationLevel.Information, Now)).Code);
    }
}
