using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Domain.Tests.ToolConfiguration;

/// <summary>Each organisation validates an experiment: who may answer, what each position needs, the objection exchange, the lab's rule.</summary>
public sealed class ExperimentValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Pieter = Guid.NewGuid();

    // Four occupants of Bota 75 and the person who decides for each of them.
    private static readonly Guid Mdm = Guid.NewGuid();
    private static readonly Guid Financite = Guid.NewGuid();
    private static readonly Guid Vwv = Guid.NewGuid();
    private static readonly Guid Sawb = Guid.NewGuid();
    private static readonly Guid Paula = Guid.NewGuid();
    private static readonly Guid Fanny = Guid.NewGuid();
    private static readonly Guid Wout = Guid.NewGuid();
    private static readonly Guid Sam = Guid.NewGuid();
    private static readonly Guid Omar = Guid.NewGuid();

    private static readonly Dictionary<Guid, Guid> DecisionMakers = new() { [Mdm] = Paula, [Financite] = Fanny, [Vwv] = Wout, [Sawb] = Sam };

    private const string Validated = "Validé par les organisations";

    private static Experiment AwaitingValidation(ValidationRule rule = ValidationRule.AllApprove)
    {
        var experiment = new Experiment(Lab, new ExperimentDescription("Éco-label", null, null, CooperationLevel.Simple, null, null), Pieter, Now);
        experiment.AssignTo(new WorkingGroup(Lab, "GT éco-label", null, Pieter, null, Now));
        experiment.Score(4, 5);
        experiment.MoveTo(ExperimentStatus.Investigating, Pieter, "GT", Now);
        experiment.ChooseValidationRule(rule, Pieter, Validated, Now);
        experiment.MoveTo(ExperimentStatus.AwaitingValidation, Pieter, "prêt", Now, [Mdm, Financite, Vwv, Sawb]);
        return experiment;
    }

    private static PositionOutcome Give(Experiment experiment, Guid organisation, Guid by, ValidationPosition position, string? text = null) =>
        experiment.GivePosition(organisation, by, position, text, DecisionMakers, Validated, Now);

    private static string Refused(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void Asking_for_validation_concerns_the_lab_organisations_and_none_has_answered_yet()
    {
        var experiment = AwaitingValidation();

        Assert.Equal([Mdm, Financite, Vwv, Sawb], experiment.Validations.Select(v => v.OrganisationId));
        Assert.Equal([Mdm, Financite, Vwv, Sawb], experiment.StillToAnswer);
        Assert.False(experiment.IsValidationRuleMet);
    }

    [Fact]
    public void When_all_four_approve_one_through_a_proxy_the_experiment_is_validated_with_who_and_why()
    {
        var experiment = AwaitingValidation();
        experiment.DesignateProxy(Sawb, Omar, Sam, recordedByTheLab: false, DecisionMakers, Now);

        Assert.Null(Give(experiment, Mdm, Paula, ValidationPosition.Approve).Move);
        Assert.Null(Give(experiment, Financite, Fanny, ValidationPosition.ApproveWithConditions, "Si l'audit est partagé à parts égales").Move);
        Assert.Null(Give(experiment, Sawb, Omar, ValidationPosition.Approve).Move);
        var last = Give(experiment, Vwv, Wout, ValidationPosition.Approve);

        Assert.Equal(ExperimentStatus.Validated, experiment.Status);
        Assert.Equal((ExperimentStatus.AwaitingValidation, ExperimentStatus.Validated, Wout, Validated), (last.Move!.From, last.Move.To, last.Move.By!.Value, last.Move.Reason));
        var sawb = experiment.Validations.Single(v => v.OrganisationId == Sawb);
        Assert.True(sawb.ThroughProxy);
        Assert.Equal(Omar, sawb.GivenBy);
        Assert.Equal("Si l'audit est partagé à parts égales", experiment.Validations.Single(v => v.OrganisationId == Financite).Text);
    }

    [Fact]
    public void Under_all_approve_an_abstention_holds_it_back_but_not_under_no_unresolved_objection()
    {
        var strict = AwaitingValidation(ValidationRule.AllApprove);
        var lenient = AwaitingValidation(ValidationRule.NoUnresolvedObjection);
        foreach (var experiment in new[] { strict, lenient })
        {
            Give(experiment, Mdm, Paula, ValidationPosition.Approve);
            Give(experiment, Financite, Fanny, ValidationPosition.Abstain);
            Give(experiment, Vwv, Wout, ValidationPosition.Approve);
            Give(experiment, Sawb, Sam, ValidationPosition.Approve);
        }

        Assert.Equal(ExperimentStatus.AwaitingValidation, strict.Status);
        Assert.Equal(ExperimentStatus.Validated, lenient.Status);
    }

    [Fact]
    public void No_unresolved_objection_still_waits_for_every_organisation_to_answer()
    {
        var experiment = AwaitingValidation(ValidationRule.NoUnresolvedObjection);

        Give(experiment, Mdm, Paula, ValidationPosition.Approve);
        Give(experiment, Financite, Fanny, ValidationPosition.Abstain);
        Give(experiment, Vwv, Wout, ValidationPosition.Approve);

        Assert.Equal(ExperimentStatus.AwaitingValidation, experiment.Status);
        Assert.Equal([Sawb], experiment.StillToAnswer);
    }

    [Fact]
    public void An_objection_is_answered_then_withdrawn_the_exchange_is_kept_and_the_experiment_is_validated()
    {
        var experiment = AwaitingValidation(ValidationRule.NoUnresolvedObjection);
        Give(experiment, Mdm, Paula, ValidationPosition.Approve);
        Give(experiment, Financite, Fanny, ValidationPosition.Approve);
        Give(experiment, Sawb, Sam, ValidationPosition.Abstain);

        var objection = Give(experiment, Vwv, Wout, ValidationPosition.Objection, "Le coût de l'audit n'est pas réparti");
        Assert.Equal(ObjectionTurn.Objection, objection.Turn!.Turn);
        Assert.Null(objection.Move);
        var answer = experiment.AnswerObjection(Vwv, Pieter, "La coopérative prend l'audit à sa charge", Now.AddDays(1));
        Assert.Equal(ExperimentStatus.AwaitingValidation, experiment.Status);
        var withdrawal = experiment.GivePosition(Vwv, Wout, ValidationPosition.Approve, "Merci", DecisionMakers, Validated, Now.AddDays(2));

        Assert.Equal(ObjectionTurn.Withdrawal, withdrawal.Turn!.Turn);
        Assert.Equal(ExperimentStatus.Validated, experiment.Status);
        Assert.Equal(
            [(ObjectionTurn.Objection, Wout, "Le coût de l'audit n'est pas réparti"), (ObjectionTurn.Answer, Pieter, "La coopérative prend l'audit à sa charge"), (ObjectionTurn.Withdrawal, Wout, "Merci")],
            experiment.Exchange.Select(t => (t.Turn, t.By!.Value, t.Text)));
        Assert.Equal([Now, Now.AddDays(1), Now.AddDays(2)], experiment.Exchange.Select(t => t.At));
        Assert.Equal(answer.Id, experiment.Exchange[1].Id);
    }

    [Fact]
    public void A_standing_objection_keeps_it_awaiting_under_either_rule()
    {
        foreach (var rule in Enum.GetValues<ValidationRule>())
        {
            var experiment = AwaitingValidation(rule);
            Give(experiment, Mdm, Paula, ValidationPosition.Approve);
            Give(experiment, Financite, Fanny, ValidationPosition.Approve);
            Give(experiment, Sawb, Sam, ValidationPosition.Approve);
            Give(experiment, Vwv, Wout, ValidationPosition.Objection, "Pas maintenant");

            Assert.Equal(ExperimentStatus.AwaitingValidation, experiment.Status);
            Assert.Equal("Experiment.ValidationRuleNotMet", Refused(() => experiment.MoveTo(ExperimentStatus.Validated, Pieter, "on passe outre", Now)));
        }
    }

    [Theory]
    [InlineData(ValidationPosition.Objection, "Experiment.ObjectionReasonRequired")]
    [InlineData(ValidationPosition.ApproveWithConditions, "Experiment.ConditionsRequired")]
    public void An_objection_needs_a_reason_and_conditions_must_be_stated(ValidationPosition position, string code)
    {
        var experiment = AwaitingValidation();

        Assert.Equal(code, Refused(() => Give(experiment, Mdm, Paula, position, "  ")));
        Assert.Equal(code, Refused(() => Give(experiment, Mdm, Paula, position)));
        Assert.False(experiment.Validations.Single(v => v.OrganisationId == Mdm).HasAnswered);
    }

    [Fact]
    public void A_person_not_mandated_by_the_organisation_is_refused()
    {
        var experiment = AwaitingValidation();

        // Omar is nobody's decision maker and no one's proxy; Paula decides for Médecins du Monde, not for SAW-B.
        Assert.Equal("Experiment.NotMandated", Refused(() => Give(experiment, Sawb, Omar, ValidationPosition.Approve)));
        Assert.Equal("Experiment.NotMandated", Refused(() => Give(experiment, Sawb, Paula, ValidationPosition.Approve)));
        Assert.Equal("Experiment.NotMandated", Refused(() => Give(experiment, Sawb, Pieter, ValidationPosition.Approve)));
        Assert.Equal([Mdm, Financite, Vwv, Sawb], experiment.StillToAnswer);
    }

    [Fact]
    public void An_organisation_without_a_decision_maker_answers_only_through_a_proxy_the_lab_recorded()
    {
        var experiment = AwaitingValidation();
        var withoutSawb = DecisionMakers.Where(d => d.Key != Sawb).ToDictionary();

        Assert.Equal("Experiment.NotMandated", Refused(() => experiment.GivePosition(Sawb, Sam, ValidationPosition.Approve, null, withoutSawb, Validated, Now)));
        Assert.Equal("Experiment.OnlyDecisionMakerDesignates", Refused(() => experiment.DesignateProxy(Sawb, Omar, Omar, recordedByTheLab: false, withoutSawb, Now)));
        experiment.DesignateProxy(Sawb, Omar, Pieter, recordedByTheLab: true, withoutSawb, Now);
        experiment.GivePosition(Sawb, Omar, ValidationPosition.Approve, null, withoutSawb, Validated, Now);

        Assert.True(experiment.Validations.Single(v => v.OrganisationId == Sawb).ThroughProxy);
    }

    [Fact]
    public void Only_the_decision_maker_designates_a_proxy_and_the_proxy_is_someone_else()
    {
        var experiment = AwaitingValidation();

        Assert.Equal("Experiment.OnlyDecisionMakerDesignates", Refused(() => experiment.DesignateProxy(Sawb, Omar, Paula, recordedByTheLab: false, DecisionMakers, Now)));
        Assert.Equal("Experiment.ProxyIsDecisionMaker", Refused(() => experiment.DesignateProxy(Sawb, Sam, Sam, recordedByTheLab: false, DecisionMakers, Now)));
        Assert.Null(experiment.Validations.Single(v => v.OrganisationId == Sawb).ProxyId);
    }

    [Fact]
    public void A_person_answers_for_one_organisation_only()
    {
        var experiment = AwaitingValidation();

        // Paula decides for Médecins du Monde: she cannot also be SAW-B's proxy…
        Assert.Equal("Experiment.AnswersForOneOrganisation", Refused(() => experiment.DesignateProxy(Sawb, Paula, Sam, recordedByTheLab: false, DecisionMakers, Now)));
        // …and Omar, proxy of SAW-B, cannot be Financité's too.
        experiment.DesignateProxy(Sawb, Omar, Sam, recordedByTheLab: false, DecisionMakers, Now);
        Assert.Equal("Experiment.AnswersForOneOrganisation", Refused(() => experiment.DesignateProxy(Financite, Omar, Fanny, recordedByTheLab: false, DecisionMakers, Now)));
        // A person named decision maker of two organisations answers for the first one only.
        var sharedDirector = new Dictionary<Guid, Guid>(DecisionMakers) { [Sawb] = Paula };
        experiment.GivePosition(Mdm, Paula, ValidationPosition.Approve, null, sharedDirector, Validated, Now);
        Assert.Equal("Experiment.AnswersForOneOrganisation", Refused(() => experiment.GivePosition(Sawb, Paula, ValidationPosition.Approve, null, sharedDirector, Validated, Now)));
    }

    [Fact]
    public void An_organisation_has_one_position_its_decision_maker_and_proxy_change_the_same_one()
    {
        var experiment = AwaitingValidation();
        experiment.DesignateProxy(Sawb, Omar, Sam, recordedByTheLab: false, DecisionMakers, Now);

        Give(experiment, Sawb, Omar, ValidationPosition.Approve);
        Give(experiment, Sawb, Sam, ValidationPosition.Abstain);

        var sawb = Assert.Single(experiment.Validations, v => v.OrganisationId == Sawb);
        Assert.Equal((ValidationPosition.Abstain, Sam, false), (sawb.Position!.Value, sawb.GivenBy!.Value, sawb.ThroughProxy));
    }

    [Fact]
    public void An_organisation_not_concerned_cannot_answer_nor_designate()
    {
        var experiment = AwaitingValidation();
        var stranger = Guid.NewGuid();
        var makers = new Dictionary<Guid, Guid>(DecisionMakers) { [stranger] = Omar };

        Assert.Equal("Experiment.OrganisationNotConcerned", Refused(() => experiment.GivePosition(stranger, Omar, ValidationPosition.Approve, null, makers, Validated, Now)));
        Assert.Equal("Experiment.OrganisationNotConcerned", Refused(() => experiment.DesignateProxy(stranger, Pieter, Omar, recordedByTheLab: false, makers, Now)));
    }

    [Fact]
    public void Positions_are_given_only_while_it_awaits_validation()
    {
        var experiment = AwaitingValidation();
        experiment.MoveTo(ExperimentStatus.Investigating, Pieter, "à revoir", Now);

        Assert.Equal("Experiment.NotAwaitingValidation", Refused(() => Give(experiment, Mdm, Paula, ValidationPosition.Approve)));
        Assert.Equal("Experiment.NotAwaitingValidation", Refused(() => experiment.AnswerObjection(Mdm, Pieter, "réponse", Now)));
    }

    [Fact]
    public void Asking_again_opens_a_new_round_without_the_earlier_positions()
    {
        var experiment = AwaitingValidation();
        Give(experiment, Mdm, Paula, ValidationPosition.Approve);
        experiment.MoveTo(ExperimentStatus.Investigating, Pieter, "à revoir", Now);

        experiment.MoveTo(ExperimentStatus.AwaitingValidation, Pieter, "revu", Now, [Mdm, Financite]);

        Assert.Equal([Mdm, Financite], experiment.StillToAnswer);
    }

    [Fact]
    public void A_postponed_validation_resumes_with_the_positions_already_given()
    {
        var experiment = AwaitingValidation();
        Give(experiment, Mdm, Paula, ValidationPosition.Approve);
        experiment.MoveTo(ExperimentStatus.Postponed, Pieter, "après l'été", Now);

        experiment.MoveTo(ExperimentStatus.AwaitingValidation, Pieter, "reprise", Now, [Mdm, Financite, Vwv, Sawb]);

        Assert.Equal([Financite, Vwv, Sawb], experiment.StillToAnswer);
    }

    [Fact]
    public void Only_a_standing_objection_is_answered_and_an_answer_says_something()
    {
        var experiment = AwaitingValidation();
        Give(experiment, Mdm, Paula, ValidationPosition.Approve);

        Assert.Equal("Experiment.NoObjectionToAnswer", Refused(() => experiment.AnswerObjection(Mdm, Pieter, "réponse", Now)));
        Give(experiment, Vwv, Wout, ValidationPosition.Objection, "Trop cher");
        Assert.Equal("Experiment.AnswerRequired", Refused(() => experiment.AnswerObjection(Vwv, Pieter, " ", Now)));
    }

    [Fact]
    public void Choosing_a_rule_that_the_answers_already_meet_validates_it()
    {
        var experiment = AwaitingValidation(ValidationRule.AllApprove);
        Give(experiment, Mdm, Paula, ValidationPosition.Approve);
        Give(experiment, Financite, Fanny, ValidationPosition.Abstain);
        Give(experiment, Vwv, Wout, ValidationPosition.Approve);
        Give(experiment, Sawb, Sam, ValidationPosition.Approve);

        var move = experiment.ChooseValidationRule(ValidationRule.NoUnresolvedObjection, Pieter, Validated, Now);

        Assert.Equal(ExperimentStatus.Validated, move!.To);
    }

    [Fact]
    public void Without_concerned_organisations_the_pilot_group_still_moves_it_by_hand()
    {
        var experiment = AwaitingValidation();
        experiment.MoveTo(ExperimentStatus.Investigating, Pieter, "à revoir", Now);
        experiment.MoveTo(ExperimentStatus.AwaitingValidation, Pieter, "revu", Now);

        experiment.MoveTo(ExperimentStatus.Validated, Pieter, "accord oral de tous", Now);

        Assert.Equal(ExperimentStatus.Validated, experiment.Status);
    }
}

/// <summary>The decision maker a mandate names is a person of the lab who speaks for the organisation.</summary>
public sealed class MandateDecisionMakerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_mandate_names_as_decision_maker_only_someone_who_represents_the_organisation_and_forgets_them_when_they_leave()
    {
        var lab = new Mutualisation("Bota 75", null, [ResourceKind.Place], CooperationLevel.Simple, Now);
        var mdm = Guid.NewGuid();
        var sawb = Guid.NewGuid();
        var paula = Guid.NewGuid();
        lab.AddMember(mdm, MembershipRole.Participant, Now);
        lab.AddMember(sawb, MembershipRole.Participant, Now);
        lab.GrantRole(paula, LabRole.Participant, mdm, Now);

        Assert.Equal("Lab.DecisionMakerNotRepresentative", Assert.Throws<DomainException>(() => lab.RecordMandate(sawb, new Mandate("Paula", null, null, null, null, null, paula), Now)).Code);
        lab.RecordMandate(mdm, new Mandate("Paula", null, null, null, null, null, paula), Now);
        Assert.Equal(paula, lab.DecisionMakers()[mdm]);

        lab.RemovePerson(paula, Now);
        Assert.Empty(lab.DecisionMakers());
        Assert.Equal("Paula", lab.Memberships.Single(m => m.OrganisationId == mdm).Mandate!.DecisionMaker);
    }
}
