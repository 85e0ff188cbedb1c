using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Tests.Publics;

/// <summary>The participation rules stated once in the domain: re-derivation, answers, alerts, levels.</summary>
public sealed class ParticipationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();

    private static Activity Activity(ParticipationLevel level, Cycle[] cycles, DateTimeOffset on) =>
        new(Lab, "Atelier", ActivityKind.Workshop, null, cycles, on, null, level, Now);

    [Fact]
    public void Holding_an_activity_derives_the_level_again_in_each_cycle_it_serves_dated_when_it_took_place()
    {
        var stakeholder = new Stakeholder(Lab, StakeholderKind.Person, "Ana", null, null, Now);
        var earlier = Activity(ParticipationLevel.Discussion, [Cycle.Publics], Now.AddMonths(-2));
        earlier.RecordHeld([stakeholder.Id], null);
        var heldLastMonth = Activity(ParticipationLevel.Consultation, [Cycle.Publics, Cycle.Impact], Now.AddMonths(-1));
        heldLastMonth.RecordHeld([stakeholder.Id], null);

        ParticipationLadder.Rederive(stakeholder, heldLastMonth, [earlier], answeredQuestionnaire: false, Now);

        // The earlier, higher level stays in the publics cycle; the impact cycle is reached for the first time.
        Assert.Equal(ParticipationLevel.Discussion, stakeholder.In(Cycle.Publics).Reached);
        Assert.Equal(ParticipationLevel.Consultation, stakeholder.In(Cycle.Impact).Reached);
        var impact = Assert.Single(stakeholder.History, h => h.Cycle == Cycle.Impact);
        Assert.Equal((Now, heldLastMonth.ScheduledAt), (impact.At, impact.EffectiveAt));
    }

    [Fact]
    public void Correcting_the_attendance_lowers_the_level_of_who_was_not_there()
    {
        var stakeholder = new Stakeholder(Lab, StakeholderKind.Person, "Bram", null, null, Now);
        var activity = Activity(ParticipationLevel.Deliberation, [Cycle.CoreMethods], Now);
        activity.RecordHeld([stakeholder.Id], null);
        ParticipationLadder.Rederive(stakeholder, activity, [], false, Now);
        Assert.Equal(ParticipationLevel.Deliberation, stakeholder.In(Cycle.CoreMethods).Reached);

        activity.RecordHeld([], null);
        ParticipationLadder.Rederive(stakeholder, activity, [], false, Now);

        Assert.Null(stakeholder.In(Cycle.CoreMethods).Reached);
    }

    [Fact]
    public void An_answered_questionnaire_keeps_consultation_in_the_diagnosis_when_attendance_is_derived_again()
    {
        var stakeholder = new Stakeholder(Lab, StakeholderKind.Organisation, "SAW-B", null, null, Now);
        var informed = Activity(ParticipationLevel.Information, [Cycle.Diagnostic], Now);
        informed.RecordHeld([stakeholder.Id], null);

        ParticipationLadder.Rederive(stakeholder, informed, [], answeredQuestionnaire: true, Now);

        Assert.Equal(ParticipationLevel.Consultation, stakeholder.In(Cycle.Diagnostic).Reached);
        Assert.Equal(ParticipationLevel.Information, ParticipationLadder.Derive([informed], stakeholder.Id, Cycle.Diagnostic));
        Assert.Null(ParticipationLadder.Derive([], stakeholder.Id, Cycle.Publics, answeredQuestionnaire: true));
    }

    [Fact]
    public void Answering_a_questionnaire_raises_the_diagnosis_to_consultation_once_and_never_lowers_it()
    {
        var stakeholder = Stakeholder.ForOrganisation(Lab, Guid.NewGuid(), "Dewey", null, Now);
        var answeredAt = Now.AddDays(-3);

        ParticipationLadder.RecordAnswer(stakeholder, "Questionnaire", answeredAt, Now);
        ParticipationLadder.RecordAnswer(stakeholder, "Questionnaire", answeredAt, Now);

        Assert.Equal(ParticipationLevel.Consultation, stakeholder.In(Cycle.Diagnostic).Reached);
        var change = Assert.Single(stakeholder.History);
        Assert.Equal((null, ParticipationLevel.Consultation, answeredAt), (change.From, change.To, change.EffectiveAt));

        stakeholder.RecordDerived(Cycle.Diagnostic, ParticipationLevel.Collaboration, "Co-construction", Now);
        ParticipationLadder.RecordAnswer(stakeholder, "Questionnaire", Now, Now);
        Assert.Equal(ParticipationLevel.Collaboration, stakeholder.In(Cycle.Diagnostic).Reached);
    }

    [Fact]
    public void A_stakeholder_that_stands_for_an_organisation_stays_of_that_kind()
    {
        var organisation = Guid.NewGuid();
        var stakeholder = Stakeholder.ForOrganisation(Lab, organisation, "Financité", "https://financite.be", Now);

        Assert.Equal((StakeholderKind.Organisation, (Guid?)organisation), (stakeholder.Kind, stakeholder.OrganisationId));
        Assert.Equal("Stakeholder.StandsForOrganisation", Assert.Throws<DomainException>(() => stakeholder.Describe(StakeholderKind.Person, "Financité", null, null)).Code);
        Assert.Equal("Lab.OrganisationRequired", Assert.Throws<DomainException>(() => Stakeholder.ForOrganisation(Lab, Guid.Empty, "Sans", null, Now)).Code);

        var byHand = new Stakeholder(Lab, StakeholderKind.PublicCategory, "BRAL", null, null, Now);
        byHand.StandFor(organisation);
        Assert.Equal((StakeholderKind.Organisation, (Guid?)organisation), (byHand.Kind, byHand.OrganisationId));
    }

    [Fact]
    public void Reached_is_the_adjustment_else_the_derived_level_and_below_target_compares_it()
    {
        var stakeholder = new Stakeholder(Lab, StakeholderKind.Person, "Nora", null, null, Now);
        stakeholder.SetTarget(Cycle.Impact, ParticipationLevel.Discussion, null, Now);
        stakeholder.RecordDerived(Cycle.Impact, ParticipationLevel.Consultation, "Atelier", Now);
        var levels = ParticipationLevels.For(stakeholder.In(Cycle.Impact));
        Assert.Equal((ParticipationLevel.Consultation, true), (levels.Reached, levels.IsBelowTarget));

        stakeholder.AdjustReached(Cycle.Impact, ParticipationLevel.Discussion, null, "Avis écrit", Now);
        levels = ParticipationLevels.For(stakeholder.In(Cycle.Impact));
        Assert.Equal((ParticipationLevel.Discussion, false), (levels.Reached, levels.IsBelowTarget));
        Assert.False(ParticipationLevels.For(stakeholder.In(Cycle.Publics)).IsBelowTarget);
    }

    [Fact]
    public void An_activity_put_off_twice_and_still_to_come_calls_for_attention()
    {
        var activity = Activity(ParticipationLevel.Discussion, [Cycle.Publics], Now);
        activity.Postpone(Now.AddDays(7), "Trop peu d'inscrits");
        Assert.False(ParticipationAlerts.IsPostponedTooOftenNow(activity));

        activity.Postpone(Now.AddDays(14), "Encore trop peu");
        Assert.True(ParticipationAlerts.IsPostponedTooOftenNow(activity));

        activity.Cancel("Abandonné");
        Assert.False(ParticipationAlerts.IsPostponedTooOftenNow(activity));
    }

    [Fact]
    public void A_lab_is_quiet_after_six_weeks_without_a_held_activity_counted_from_its_opening_when_none_was_held()
    {
        var opened = Now.AddDays(-100);

        Assert.Null(ParticipationAlerts.WeeksWithoutActivity(Now.AddDays(-41), opened, Now));
        Assert.Equal(6, ParticipationAlerts.WeeksWithoutActivity(Now.AddDays(-42), opened, Now));
        Assert.Equal(14, ParticipationAlerts.WeeksWithoutActivity(null, opened, Now));
        Assert.Null(ParticipationAlerts.WeeksWithoutActivity(null, Now.AddDays(-3), Now));
    }
}
