using Mutualisons.Domain.Common;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Domain.Tests.ToolConfiguration;

/// <summary>Bodies, decision modes and decisions: every rule, and every hostile case the issue lists.</summary>
public sealed class DecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now.AddDays(7);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Pieter = Guid.NewGuid();

    private static readonly Guid Mdm = Guid.NewGuid();
    private static readonly Guid Financite = Guid.NewGuid();
    private static readonly Guid Vwv = Guid.NewGuid();
    private static readonly Guid Sawb = Guid.NewGuid();
    private static readonly Guid Stranger = Guid.NewGuid();
    private static readonly Guid Paula = Guid.NewGuid();
    private static readonly Guid Fanny = Guid.NewGuid();
    private static readonly Guid Wout = Guid.NewGuid();
    private static readonly Guid Sam = Guid.NewGuid();
    private static readonly Guid Omar = Guid.NewGuid();

    private static readonly Dictionary<Guid, Guid> DecisionMakers = new() { [Mdm] = Paula, [Financite] = Fanny, [Vwv] = Wout, [Sawb] = Sam };
    private static readonly Guid[] LabOrganisations = [Mdm, Financite, Vwv, Sawb];

    private static Body Organisations(DecisionRule rule, Dictionary<Guid, int>? weights = null)
    {
        var body = new Body(Lab, "Assemblée des occupants", BodyKind.OccupantsAssembly, null, rule, Pieter, Now);
        body.SetMembers(weights ?? LabOrganisations.ToDictionary(o => o, _ => 1), LabOrganisations);
        return body;
    }

    private static Body People(DecisionRule rule, params Guid[] people)
    {
        var body = new Body(Lab, "Groupe pilote", BodyKind.PilotGroup, null, rule, Pieter, Now);
        body.SetMembers(people.ToDictionary(p => p, _ => 1), LabOrganisations);
        return body;
    }

    private static Decision Put(Body body) => new(body, "Tester l'éco-label un an", "Le GT propose un essai d'un an.", Deadline, null, Pieter, Now);

    private static DecisionLogEntry Vote(Decision decision, Guid organisation, Guid by, DecisionPosition position, string? reason = null) =>
        decision.Vote(organisation, by, position, reason, DecisionMakers, Now);

    private static string Refused(Action action) => Assert.Throws<DomainException>(action).Code;

    // — Bodies and their modes —

    [Fact]
    public void A_mode_is_tried_then_evaluated_with_a_note_then_adopted_in_that_order()
    {
        var body = People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter);

        Assert.Equal(ModeStatus.BeingTried, body.ModeStatus);
        Assert.Equal("Body.AdoptOnlyWhenEvaluated", Refused(() => body.Adopt(Pieter, Now)));
        Assert.Equal("Body.EvaluationNoteRequired", Refused(() => body.Evaluate(" ", Pieter, Now)));
        body.Evaluate("Rapide, et les objections ont été entendues.", Pieter, Now.AddMonths(3));
        Assert.Equal("Body.EvaluateOnlyWhenTried", Refused(() => body.Evaluate("encore", Pieter, Now)));
        body.Adopt(Pieter, Now.AddMonths(4));

        Assert.Equal(ModeStatus.Adopted, body.ModeStatus);
        Assert.Equal("Rapide, et les objections ont été entendues.", body.EvaluationNote);
        Assert.Equal([ModeStatus.BeingTried, ModeStatus.Evaluated, ModeStatus.Adopted], body.ModeSteps.Select(s => s.Status));
    }

    [Fact]
    public void Changing_the_mode_starts_a_new_trial_and_a_new_kind_of_voter_clears_the_members()
    {
        var body = Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations));
        body.Evaluate("ok", Pieter, Now);

        body.ChangeRule(new DecisionRule(DecisionMode.Majority, VoterKind.People, 50), Pieter, Now);

        Assert.Equal(ModeStatus.BeingTried, body.ModeStatus);
        Assert.Empty(body.Members);
    }

    [Theory]
    [InlineData(DecisionMode.Consent, 50, null, "Body.QuorumOnlyForMajority")]
    [InlineData(DecisionMode.Majority, 0, null, "Body.QuorumOutOfRange")]
    [InlineData(DecisionMode.Majority, 101, null, "Body.QuorumOutOfRange")]
    [InlineData(DecisionMode.Majority, 50, 50, "Body.ThresholdOutOfRange")]
    [InlineData(DecisionMode.Majority, null, 101, "Body.ThresholdOutOfRange")]
    public void A_quorum_and_a_threshold_belong_to_a_majority_and_stay_in_range(DecisionMode mode, int? quorum, int? threshold, string code) =>
        Assert.Equal(code, Refused(() => _ = new DecisionRule(mode, VoterKind.People, quorum, threshold)));

    [Fact]
    public void Only_the_labs_organisations_vote_in_its_bodies_with_weights_from_one_and_people_weigh_one()
    {
        var body = Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations));

        Assert.Equal("Body.OrganisationNotMember", Refused(() => body.SetMembers(new Dictionary<Guid, int> { [Stranger] = 1 }, LabOrganisations)));
        Assert.Equal("Body.WeightInvalid", Refused(() => body.SetMembers(new Dictionary<Guid, int> { [Mdm] = 0 }, LabOrganisations)));
        var people = People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter);
        Assert.Equal("Body.WeightInvalid", Refused(() => people.SetMembers(new Dictionary<Guid, int> { [Pieter] = 2 }, LabOrganisations)));
        body.SetMembers(new Dictionary<Guid, int> { [Mdm] = 3, [Sawb] = 1 }, LabOrganisations);
        Assert.Equal([(Mdm, 3), (Sawb, 1)], body.Members.Select(m => (m.VoterId, m.Weight)));
    }

    [Fact]
    public void A_proposal_goes_to_a_body_that_has_voters_with_a_deadline_ahead()
    {
        var empty = new Body(Lab, "Vide", BodyKind.Other, null, new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter, Now);

        Assert.Equal("Decision.BodyWithoutVoters", Refused(() => Put(empty)));
        Assert.Equal("Decision.DeadlineInPast", Refused(() => _ = new Decision(People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter), "x", null, Now, null, Pieter, Now)));
        var decision = Put(People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter));
        Assert.Equal(DecisionLogKind.Opened, Assert.Single(decision.Log).Kind);
    }

    // — Consent —

    [Fact]
    public void Consent_passes_unless_a_reasoned_objection_stays_and_an_answered_withdrawn_objection_is_logged()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Vote(decision, Mdm, Paula, DecisionPosition.For);

        Assert.Equal("Decision.ReasonRequired", Refused(() => Vote(decision, Vwv, Wout, DecisionPosition.Objection, " ")));
        Vote(decision, Vwv, Wout, DecisionPosition.Objection, "Le coût n'est pas réparti");
        Assert.Equal(DecisionOutcome.Rejected, decision.Count().Outcome);
        decision.AnswerObjection(Vwv, Pieter, "La coopérative paie l'audit", Now.AddHours(1));
        decision.Vote(Vwv, Wout, DecisionPosition.For, "D'accord ainsi", DecisionMakers, Now.AddHours(2));
        Assert.Equal(DecisionOutcome.Adopted, decision.Count().Outcome);
        decision.Close("Essai d'un an adopté par consentement.", Pieter, Now.AddDays(1));

        Assert.Equal(DecisionOutcome.Adopted, decision.Outcome);
        Assert.Equal(
            [DecisionLogKind.Opened, DecisionLogKind.PositionGiven, DecisionLogKind.PositionGiven, DecisionLogKind.ObjectionAnswered, DecisionLogKind.ObjectionWithdrawn, DecisionLogKind.Closed],
            decision.Log.Select(l => l.Kind));
    }

    [Fact]
    public void Each_mode_takes_its_own_positions()
    {
        var consent = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        var majority = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations)));

        Assert.Equal("Decision.PositionNotInMode", Refused(() => Vote(consent, Mdm, Paula, DecisionPosition.Against)));
        Assert.Equal("Decision.PositionNotInMode", Refused(() => Vote(majority, Mdm, Paula, DecisionPosition.Objection, "non")));
        Assert.Equal("Decision.PositionNotInMode", Refused(() => Vote(majority, Mdm, Paula, DecisionPosition.StandAside)));
    }

    // — Consensus —

    [Fact]
    public void Consensus_needs_everyone_to_agree_or_stand_aside_and_counts_stand_asides()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Consensus, VoterKind.Organisations)));
        Vote(decision, Mdm, Paula, DecisionPosition.For);
        Vote(decision, Financite, Fanny, DecisionPosition.StandAside);
        Vote(decision, Vwv, Wout, DecisionPosition.For);
        Assert.Equal(DecisionOutcome.Rejected, decision.Count().Outcome);

        Assert.Equal("Decision.ReasonRequired", Refused(() => Vote(decision, Sawb, Sam, DecisionPosition.Against)));
        Vote(decision, Sawb, Sam, DecisionPosition.For);

        var tally = decision.Count();
        Assert.Equal((DecisionOutcome.Adopted, 3, 1, 0), (tally.Outcome, tally.For, tally.StandAside, tally.NotVoted));
        Vote(decision, Sawb, Sam, DecisionPosition.Against, "Pas prêts");
        Assert.Equal(DecisionOutcome.Rejected, decision.Count().Outcome);
    }

    // — Majority —

    [Fact]
    public void A_simple_majority_needs_more_for_than_against_abstentions_aside()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations)));
        Vote(decision, Mdm, Paula, DecisionPosition.For);
        Vote(decision, Financite, Fanny, DecisionPosition.Against);
        Vote(decision, Vwv, Wout, DecisionPosition.Abstain);
        Assert.Equal(DecisionOutcome.Rejected, decision.Count().Outcome);

        Vote(decision, Sawb, Sam, DecisionPosition.For);

        Assert.Equal(DecisionOutcome.Adopted, decision.Count().Outcome);
    }

    [Fact]
    public void A_qualified_majority_counts_weights_against_its_threshold()
    {
        var weights = new Dictionary<Guid, int> { [Mdm] = 1, [Financite] = 2, [Vwv] = 1, [Sawb] = 1 };
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations, null, 67), weights));
        Vote(decision, Mdm, Paula, DecisionPosition.For);
        Vote(decision, Vwv, Wout, DecisionPosition.For);
        Vote(decision, Sawb, Sam, DecisionPosition.Against);
        // 2 for out of 3: 66.7 % < 67 %.
        Assert.Equal(DecisionOutcome.Rejected, decision.Count().Outcome);

        Vote(decision, Financite, Fanny, DecisionPosition.For);

        // 4 for (Financité weighs 2) out of 5: 80 %.
        var tally = decision.Count();
        Assert.Equal((DecisionOutcome.Adopted, 4, 1, 5), (tally.Outcome, tally.For, tally.Against, tally.TotalWeight));
    }

    [Fact]
    public void A_quorum_reached_only_by_abstentions_is_no_quorum()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations, 50)));
        Vote(decision, Mdm, Paula, DecisionPosition.For);
        Vote(decision, Financite, Fanny, DecisionPosition.Abstain);
        Vote(decision, Vwv, Wout, DecisionPosition.Abstain);

        // Three of four voted, but only one took a side: 25 % of the weight < 50 %.
        var tally = decision.Count();
        Assert.Equal((false, DecisionOutcome.NoQuorum), (tally.QuorumReached, tally.Outcome));
        Vote(decision, Sawb, Sam, DecisionPosition.For);
        Assert.Equal(DecisionOutcome.Adopted, decision.Count().Outcome);
    }

    // — Who votes: the hostile cases —

    [Fact]
    public void A_person_voting_for_two_organisations_is_refused()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations)));
        var sharedDirector = new Dictionary<Guid, Guid>(DecisionMakers) { [Sawb] = Paula };
        decision.Vote(Mdm, Paula, DecisionPosition.For, null, sharedDirector, Now);

        Assert.Equal("Decision.AnswersForOneOrganisation", Refused(() => decision.Vote(Sawb, Paula, DecisionPosition.For, null, sharedDirector, Now)));
        Assert.Equal(1, decision.Count().For);
    }

    [Fact]
    public void An_organisation_voting_twice_through_two_people_is_refused_and_counted_once()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations)));
        decision.DesignateProxy(Sawb, Omar, Sam, recordedByTheLab: false, DecisionMakers, Now);
        Vote(decision, Sawb, Sam, DecisionPosition.For);

        Assert.Equal("Decision.OrganisationAlreadyVoted", Refused(() => Vote(decision, Sawb, Omar, DecisionPosition.Against)));
        var tally = decision.Count();
        Assert.Equal((1, 0), (tally.For, tally.Against));
        // Its author may still change it until the close.
        Vote(decision, Sawb, Sam, DecisionPosition.Against);
        Assert.Equal((0, 1), (decision.Count().For, decision.Count().Against));
    }

    [Fact]
    public void A_proxy_is_not_counted_when_the_organisation_also_votes()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations)));
        decision.DesignateProxy(Sawb, Omar, Sam, recordedByTheLab: false, DecisionMakers, Now);
        Vote(decision, Sawb, Omar, DecisionPosition.For);

        Assert.Equal("Decision.OrganisationAlreadyVoted", Refused(() => Vote(decision, Sawb, Sam, DecisionPosition.For)));
        var ballot = Assert.Single(decision.Ballots);
        Assert.Equal((Omar, true), (ballot.CastBy, ballot.ThroughProxy));
        Assert.Equal(1, decision.Count().For);
    }

    [Fact]
    public void A_proxy_for_an_organisation_that_is_not_a_member_is_refused()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations),
            new Dictionary<Guid, int> { [Mdm] = 1, [Financite] = 1, [Vwv] = 1 }));
        var makers = new Dictionary<Guid, Guid>(DecisionMakers) { [Stranger] = Pieter };

        Assert.Equal("Decision.NotAVoter", Refused(() => decision.DesignateProxy(Stranger, Omar, Pieter, recordedByTheLab: false, makers, Now)));
        Assert.Equal("Decision.NotAVoter", Refused(() => decision.DesignateProxy(Sawb, Omar, Sam, recordedByTheLab: false, makers, Now)));
        Assert.Equal("Decision.NotAVoter", Refused(() => decision.Vote(Stranger, Pieter, DecisionPosition.For, null, makers, Now)));
        Assert.Empty(decision.Proxies);
    }

    [Fact]
    public void Only_the_decision_maker_designates_a_proxy_who_is_someone_else_and_speaks_for_no_other_organisation()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));

        Assert.Equal("Decision.OnlyDecisionMakerDesignates", Refused(() => decision.DesignateProxy(Sawb, Omar, Paula, recordedByTheLab: false, DecisionMakers, Now)));
        Assert.Equal("Decision.ProxyIsDecisionMaker", Refused(() => decision.DesignateProxy(Sawb, Sam, Sam, recordedByTheLab: false, DecisionMakers, Now)));
        Assert.Equal("Decision.AnswersForOneOrganisation", Refused(() => decision.DesignateProxy(Sawb, Paula, Sam, recordedByTheLab: false, DecisionMakers, Now)));
        decision.DesignateProxy(Sawb, Omar, Pieter, recordedByTheLab: true, DecisionMakers, Now);
        Assert.Equal("Decision.AnswersForOneOrganisation", Refused(() => decision.DesignateProxy(Vwv, Omar, Wout, recordedByTheLab: false, DecisionMakers, Now)));
    }

    [Fact]
    public void A_person_not_mandated_is_refused_and_in_a_body_of_people_only_members_vote_for_themselves()
    {
        var organisations = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Assert.Equal("Decision.NotMandated", Refused(() => Vote(organisations, Sawb, Omar, DecisionPosition.For)));
        Assert.Equal("Decision.OrganisationRequired", Refused(() => organisations.Vote(null, Sam, DecisionPosition.For, null, DecisionMakers, Now)));

        var people = Put(People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter, Omar));
        Assert.Equal("Decision.NotAVoter", Refused(() => people.Vote(null, Paula, DecisionPosition.For, null, DecisionMakers, Now)));
        Assert.Equal("Decision.PeopleVoteForThemselves", Refused(() => people.Vote(Mdm, Pieter, DecisionPosition.For, null, DecisionMakers, Now)));
        Assert.Equal("Decision.ProxyOnlyForOrganisations", Refused(() => people.DesignateProxy(Mdm, Omar, Paula, recordedByTheLab: true, DecisionMakers, Now)));
        people.Vote(null, Omar, DecisionPosition.For, null, DecisionMakers, Now);
        Assert.Equal(1, people.Count().For);
    }

    [Fact]
    public void A_vote_after_the_close_or_after_the_deadline_is_refused()
    {
        var closed = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Vote(closed, Mdm, Paula, DecisionPosition.For);
        closed.Close("Décidé en réunion.", Pieter, Now.AddDays(1));
        Assert.Equal("Decision.Closed", Refused(() => closed.Vote(Sawb, Sam, DecisionPosition.Objection, "trop tard", DecisionMakers, Now.AddDays(2))));
        Assert.Equal("Decision.AlreadyClosed", Refused(() => closed.Close("encore", Pieter, Now.AddDays(2))));

        var expired = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Assert.Equal("Decision.Closed", Refused(() => expired.Vote(Mdm, Paula, DecisionPosition.For, null, DecisionMakers, Deadline.AddMinutes(1))));
        Assert.Empty(expired.Ballots);
    }

    [Fact]
    public void Extending_moves_the_deadline_later_and_lets_people_vote_then()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));

        Assert.Equal("Decision.ExtendLater", Refused(() => decision.Extend(Deadline.AddDays(-1), Pieter, Now)));
        decision.Extend(Deadline.AddDays(7), Pieter, Now);
        decision.Vote(Mdm, Paula, DecisionPosition.For, null, DecisionMakers, Deadline.AddDays(1));

        Assert.Single(decision.Ballots);
    }

    [Fact]
    public void The_rule_is_the_one_the_body_had_when_the_proposal_was_put()
    {
        var body = Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations));
        var decision = Put(body);

        body.ChangeRule(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations, 90), Pieter, Now);
        Vote(decision, Mdm, Paula, DecisionPosition.For);

        Assert.Equal(DecisionMode.Consent, decision.Rule.Mode);
        Assert.Equal(DecisionOutcome.Adopted, decision.Count().Outcome);
    }

    [Fact]
    public void Closing_states_the_outcome()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));

        Assert.Equal("Decision.StatementRequired", Refused(() => decision.Close(" ", Pieter, Now)));
        Assert.Null(decision.ClosedAt);
    }

    [Fact]
    public void Results_hidden_until_the_close_show_once_it_is_closed_or_past_its_deadline_and_an_early_close_shows_them_too()
    {
        var hidden = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations, resultsHiddenUntilClose: true)));
        var open = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Vote(hidden, Mdm, Paula, DecisionPosition.For);

        Assert.False(hidden.ShowsResultsAt(Now));
        Assert.True(open.ShowsResultsAt(Now));
        Assert.True(hidden.ShowsResultsAt(Deadline.AddMinutes(1)));
        hidden.Close("Décidé en réunion, avant l'échéance.", Pieter, Now.AddDays(1));
        Assert.True(hidden.ShowsResultsAt(Now.AddDays(1)));
    }

    [Fact]
    public void Hiding_results_and_anonymous_positions_are_part_of_the_rule_the_decision_keeps()
    {
        var body = Organisations(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations, 50, null, resultsHiddenUntilClose: true, anonymous: true));
        var decision = Put(body);

        body.ChangeRule(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations), Pieter, Now);

        Assert.Equal((true, true), (decision.Rule.ResultsHiddenUntilClose, decision.Rule.Anonymous));
        Assert.Equal((false, false), (body.Rule.ResultsHiddenUntilClose, body.Rule.Anonymous));
        // An anonymous vote is still one organisation's ballot: the rules of who votes do not change.
        Vote(decision, Mdm, Paula, DecisionPosition.For);
        decision.DesignateProxy(Mdm, Omar, Paula, false, DecisionMakers, Now);
        Assert.Equal("Decision.OrganisationAlreadyVoted", Refused(() => Vote(decision, Mdm, Omar, DecisionPosition.Against)));
    }

    [Fact]
    public void A_reminder_is_for_the_voters_who_have_not_taken_a_position()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Vote(decision, Mdm, Paula, DecisionPosition.For);
        Vote(decision, Sawb, Sam, DecisionPosition.Abstain);

        Assert.Equal(new[] { Financite, Vwv }.Order(), decision.NotVoted.Order());
    }

    [Fact]
    public void A_reminder_is_logged_while_open_and_refused_when_everyone_voted_or_after_the_close()
    {
        var decision = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Vote(decision, Mdm, Paula, DecisionPosition.For);

        var line = decision.Remind(Pieter, Now);

        Assert.Equal((DecisionLogKind.Reminded, "3"), (line.Kind, line.Text));
        Vote(decision, Financite, Fanny, DecisionPosition.For);
        Vote(decision, Vwv, Wout, DecisionPosition.Abstain);
        Vote(decision, Sawb, Sam, DecisionPosition.For);
        Assert.Equal("Decision.EveryoneVoted", Refused(() => decision.Remind(Pieter, Now)));
        var closed = Put(Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations)));
        Assert.Equal("Decision.Closed", Refused(() => closed.Remind(Pieter, Deadline.AddMinutes(1))));
    }

    // — What a decision decides, and carrying it over —

    private static Experiment EcoLabel(Guid lab) => new(lab, new ExperimentDescription("Éco-label", null, null, Mutualisons.Domain.Labs.CooperationLevel.Simple, null, null), Pieter, Now);

    private static Decision PutAbout(Body deciding, DecisionSubject? subject) => new(deciding, "Adopter le consentement", null, Deadline, subject, Pieter, Now);

    private static Decision Adopted(Decision decision)
    {
        decision.Vote(null, Pieter, DecisionPosition.For, null, DecisionMakers, Now);
        decision.Close("Adopté.", Pieter, Now.AddHours(1));
        return decision;
    }

    [Fact]
    public void A_decision_links_one_thing_of_its_own_lab_an_experiment_a_mode_or_a_validation_rule_and_never_another_labs()
    {
        var pilot = People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter);
        var assembly = Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations));
        var ecoLabel = EcoLabel(Lab);

        var aboutExperiment = PutAbout(pilot, DecisionSubject.About(ecoLabel));
        var aboutMode = PutAbout(pilot, DecisionSubject.ModeOf(assembly));
        var aboutRule = PutAbout(pilot, DecisionSubject.ValidationRuleOf(ecoLabel, ValidationRule.NoUnresolvedObjection));
        var aboutNothing = PutAbout(pilot, null);

        Assert.Equal((DecisionSubjectKind.Experiment, ecoLabel.Id, (Guid?)null, (ValidationRule?)null),
            (aboutExperiment.Subject!.Value, aboutExperiment.ExperimentId!.Value, aboutExperiment.SubjectBodyId, aboutExperiment.ProposedValidationRule));
        Assert.Equal((DecisionSubjectKind.DecisionMode, (Guid?)null, assembly.Id), (aboutMode.Subject!.Value, aboutMode.ExperimentId, aboutMode.SubjectBodyId!.Value));
        Assert.Equal((DecisionSubjectKind.ValidationRule, ecoLabel.Id, ValidationRule.NoUnresolvedObjection),
            (aboutRule.Subject!.Value, aboutRule.ExperimentId!.Value, aboutRule.ProposedValidationRule!.Value));
        Assert.Null(aboutNothing.Subject);
        Assert.Equal("Decision.SubjectOfAnotherLab", Refused(() => PutAbout(pilot, DecisionSubject.About(EcoLabel(Guid.NewGuid())))));
        var otherLabBody = new Body(Guid.NewGuid(), "Ailleurs", BodyKind.PilotGroup, null, new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter, Now);
        Assert.Equal("Decision.SubjectOfAnotherLab", Refused(() => PutAbout(pilot, DecisionSubject.ModeOf(otherLabBody))));
        Assert.Equal("Decision.ProposedRuleInvalid", Refused(() => DecisionSubject.ValidationRuleOf(ecoLabel, (ValidationRule)9)));
    }

    [Fact]
    public void An_adopted_decision_on_a_mode_records_it_as_adopted_once_evaluated_and_the_step_names_the_decision()
    {
        var pilot = People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter);
        var assembly = Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations));
        var decision = PutAbout(pilot, DecisionSubject.ModeOf(assembly));

        Assert.Equal("Decision.NotAdopted", Refused(() => assembly.AdoptAsDecided(decision, Pieter, Now)));
        Adopted(decision);
        Assert.Equal("Body.AdoptOnlyWhenEvaluated", Refused(() => assembly.AdoptAsDecided(decision, Pieter, Now.AddHours(2))));
        Assert.Equal("Decision.NotAboutThis", Refused(() => pilot.AdoptAsDecided(decision, Pieter, Now.AddHours(2))));
        assembly.Evaluate("Une réunion a suffi.", Pieter, Now.AddHours(2));

        var step = assembly.AdoptAsDecided(decision, Pieter, Now.AddHours(3));

        Assert.Equal((ModeStatus.Adopted, ModeStatus.Adopted, decision.Id, "Adopter le consentement"), (assembly.ModeStatus, step.Status, step.DecisionId!.Value, step.Note));
    }

    [Fact]
    public void A_decision_put_before_the_body_changed_its_mode_does_not_adopt_the_new_mode_and_a_rejected_one_adopts_nothing()
    {
        var pilot = People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter);
        var assembly = Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations));
        var decision = Adopted(PutAbout(pilot, DecisionSubject.ModeOf(assembly)));
        assembly.ChangeRule(new DecisionRule(DecisionMode.Majority, VoterKind.Organisations), Pieter, Now.AddDays(1));
        assembly.Evaluate("La majorité divise.", Pieter, Now.AddDays(2));

        Assert.Equal("Body.ModeChangedSinceDecision", Refused(() => assembly.AdoptAsDecided(decision, Pieter, Now.AddDays(3))));

        var other = Organisations(new DecisionRule(DecisionMode.Consent, VoterKind.Organisations));
        other.Evaluate("Bien.", Pieter, Now);
        var rejected = PutAbout(pilot, DecisionSubject.ModeOf(other));
        rejected.Vote(null, Pieter, DecisionPosition.Objection, "Trop tôt.", DecisionMakers, Now);
        rejected.Close("Pas encore.", Pieter, Now.AddHours(1));
        Assert.Equal("Decision.NotAdopted", Refused(() => other.AdoptAsDecided(rejected, Pieter, Now.AddHours(2))));
        Assert.Equal(ModeStatus.Evaluated, other.ModeStatus);
    }

    [Fact]
    public void An_adopted_decision_on_an_experiments_validation_rule_sets_the_rule_it_proposed_and_only_on_that_experiment()
    {
        var pilot = People(new DecisionRule(DecisionMode.Consent, VoterKind.People), Pieter);
        var ecoLabel = EcoLabel(Lab);
        var council = EcoLabel(Lab);
        var aboutTheExperiment = Adopted(PutAbout(pilot, DecisionSubject.About(ecoLabel)));
        var aboutTheRule = PutAbout(pilot, DecisionSubject.ValidationRuleOf(ecoLabel, ValidationRule.NoUnresolvedObjection));

        Assert.Equal("Decision.NotAdopted", Refused(() => ecoLabel.ChooseValidationRuleAsDecided(aboutTheRule, Pieter, "règle", Now)));
        Adopted(aboutTheRule);
        Assert.Equal("Decision.NotAboutThis", Refused(() => ecoLabel.ChooseValidationRuleAsDecided(aboutTheExperiment, Pieter, "règle", Now.AddHours(2))));
        Assert.Equal("Decision.NotAboutThis", Refused(() => council.ChooseValidationRuleAsDecided(aboutTheRule, Pieter, "règle", Now.AddHours(2))));
        Assert.Equal(ValidationRule.AllApprove, ecoLabel.ValidationRule);

        ecoLabel.ChooseValidationRuleAsDecided(aboutTheRule, Pieter, "règle", Now.AddHours(2));

        Assert.Equal(ValidationRule.NoUnresolvedObjection, ecoLabel.ValidationRule);
    }

    [Theory]
    // total, for, against, abstain, voted → outcome under a 50 % quorum and a two-thirds threshold
    [InlineData(10, 4, 1, 4, 9, DecisionOutcome.Adopted)]
    [InlineData(10, 3, 1, 5, 9, DecisionOutcome.NoQuorum)]
    [InlineData(10, 3, 2, 0, 5, DecisionOutcome.Rejected)]
    [InlineData(10, 4, 2, 0, 6, DecisionOutcome.Adopted)]
    [InlineData(10, 0, 0, 0, 0, DecisionOutcome.NoQuorum)]
    public void Tally_applies_the_quorum_to_the_weight_that_took_a_side_and_the_threshold_to_for_and_against(int total, int yes, int no, int abstain, int voted, DecisionOutcome outcome)
    {
        var rule = new DecisionRule(DecisionMode.Majority, VoterKind.Organisations, quorumPercent: 50, thresholdPercent: 66);

        var tally = Decision.Tally(rule, new DecisionSums(total, yes, no, abstain, 0, 0, voted));

        Assert.Equal(outcome, tally.Outcome);
        Assert.Equal(total - voted, tally.NotVoted);
    }

    [Fact]
    public void Tally_in_consent_turns_on_objections_and_in_consensus_on_everyone_having_voted()
    {
        Assert.Equal(DecisionOutcome.Rejected, Decision.Tally(new DecisionRule(DecisionMode.Consent, VoterKind.People), new DecisionSums(5, 4, 0, 0, 0, 1, 5)).Outcome);
        Assert.Equal(DecisionOutcome.Adopted, Decision.Tally(new DecisionRule(DecisionMode.Consent, VoterKind.People), new DecisionSums(5, 1, 0, 0, 0, 0, 1)).Outcome);
        Assert.Equal(DecisionOutcome.Rejected, Decision.Tally(new DecisionRule(DecisionMode.Consensus, VoterKind.People), new DecisionSums(5, 4, 0, 0, 0, 0, 4)).Outcome);
        Assert.Equal(DecisionOutcome.Adopted, Decision.Tally(new DecisionRule(DecisionMode.Consensus, VoterKind.People), new DecisionSums(5, 4, 0, 0, 1, 0, 5)).Outcome);
    }
}
