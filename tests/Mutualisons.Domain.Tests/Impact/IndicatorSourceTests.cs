using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Tests.Impact;

/// <summary>Where an indicator's figures come from: a question of the lab's questionnaires, a platform figure, the catalogue.</summary>
public sealed class IndicatorSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly January = new(2026, 1, 31);
    private static readonly Guid Lab = Guid.NewGuid();

    private static ImpactHypothesis Hypothesis(Guid? lab = null) =>
        new(lab ?? Lab, Guid.NewGuid(), "Partager les salles libère du temps", null, EffectSign.Positive, EffectNature.Economic, Now);

    private static Indicator Indicator(ImpactHypothesis hypothesis, IndicatorUnit unit, string name = "Indicateur") =>
        hypothesis.AddIndicator(new IndicatorDefinition(name, unit, IndicatorDirection.HigherIsBetter, unit == IndicatorUnit.Scale1To5 ? 1 : 0, January, null, null));

    private static (Questionnaire Questionnaire, QuestionDefinition Scale, QuestionDefinition Number, QuestionDefinition YesNo, QuestionDefinition Text) Questionnaire(Guid? lab = null)
    {
        var scale = new QuestionDefinition { Type = QuestionType.Scale, Text = new("Satisfaction", "Tevredenheid", "Satisfaction") };
        var number = new QuestionDefinition { Type = QuestionType.Number, Text = new("Combien ?", "Hoeveel?", "How many?") };
        var yesNo = new QuestionDefinition { Type = QuestionType.YesNo, Text = new("Oui ou non ?", "Ja of nee?", "Yes or no?") };
        var text = new QuestionDefinition { Type = QuestionType.LongText, Text = new("Racontez", "Vertel", "Tell us") };
        var content = new QuestionnaireContent
        {
            Title = new("Bilan", "Balans", "Review"),
            Sections = [new SectionDefinition { Title = new("Partie", "Deel", "Part"), Questions = [scale, number, yesNo, text] }],
        };
        return (new Questionnaire(lab ?? Lab, content, null, Now), scale, number, yesNo, text);
    }

    [Fact]
    public void A_question_of_another_labs_questionnaire_is_refused()
    {
        var hypothesis = Hypothesis();
        var indicator = Indicator(hypothesis, IndicatorUnit.Scale1To5);
        var (foreign, scale, _, _, _) = Questionnaire(Guid.NewGuid());

        var refused = Assert.Throws<DomainException>(() => hypothesis.SourceFromQuestion(indicator.Id, foreign, scale.Id, AnswerComputation.MeanOfScale, null));

        Assert.Equal("Impact.QuestionnaireOfAnotherLab", refused.Code);
        Assert.Equal(IndicatorSource.RecordedByHand, indicator.Source);
        Assert.Throws<DomainException>(() => hypothesis.CollectByQuestionnaire(indicator.Id, foreign, Now));
        Assert.Equal(4, foreign.Draft.Questions.Count());
    }

    [Theory]
    [InlineData(AnswerComputation.ShareChoosing, IndicatorUnit.Percentage, true)]
    [InlineData(AnswerComputation.ShareChoosing, IndicatorUnit.Count, false)]
    [InlineData(AnswerComputation.MeanOfScale, IndicatorUnit.Scale1To5, true)]
    [InlineData(AnswerComputation.MeanOfScale, IndicatorUnit.Euros, false)]
    [InlineData(AnswerComputation.MeanOfNumber, IndicatorUnit.Count, false)]
    [InlineData(AnswerComputation.MeanOfNumber, IndicatorUnit.Hours, true)]
    [InlineData(AnswerComputation.SumOfNumber, IndicatorUnit.Count, true)]
    [InlineData(AnswerComputation.SumOfNumber, IndicatorUnit.Percentage, false)]
    public void The_unit_must_fit_the_computation(AnswerComputation computation, IndicatorUnit unit, bool fits) =>
        Assert.Equal(fits, computation.Fits(unit));

    [Fact]
    public void A_share_needs_a_percentage_and_an_answer_the_question_offers()
    {
        var hypothesis = Hypothesis();
        var count = Indicator(hypothesis, IndicatorUnit.Count, "Décompte");
        var share = Indicator(hypothesis, IndicatorUnit.Percentage, "Part");
        var (questionnaire, _, _, yesNo, text) = Questionnaire();

        Assert.Equal("Impact.UnitDoesNotFitSource", Assert.Throws<DomainException>(() => hypothesis.SourceFromQuestion(count.Id, questionnaire, yesNo.Id, AnswerComputation.ShareChoosing, "yes")).Code);
        Assert.Equal("Impact.ChoiceRequired", Assert.Throws<DomainException>(() => hypothesis.SourceFromQuestion(share.Id, questionnaire, yesNo.Id, AnswerComputation.ShareChoosing, "maybe")).Code);
        Assert.Equal("Impact.ComputationDoesNotFitQuestion", Assert.Throws<DomainException>(() => hypothesis.SourceFromQuestion(share.Id, questionnaire, yesNo.Id, AnswerComputation.MeanOfScale, null)).Code);
        Assert.Equal("Impact.QuestionNotMeasurable", Assert.Throws<DomainException>(() => hypothesis.SourceFromQuestion(share.Id, questionnaire, text.Id, AnswerComputation.ShareChoosing, "yes")).Code);

        hypothesis.SourceFromQuestion(share.Id, questionnaire, yesNo.Id, AnswerComputation.ShareChoosing, "yes");

        Assert.Equal((IndicatorSource.Questionnaire, questionnaire.Id, yesNo.Id, AnswerComputation.ShareChoosing, "yes"), (share.Source, share.QuestionnaireId, share.QuestionId, share.Computation, share.Choice));
    }

    [Fact]
    public void A_sourced_indicator_keeps_a_unit_its_source_can_give()
    {
        var hypothesis = Hypothesis();
        var share = Indicator(hypothesis, IndicatorUnit.Percentage, "Part");
        var (questionnaire, _, _, yesNo, _) = Questionnaire();
        hypothesis.SourceFromQuestion(share.Id, questionnaire, yesNo.Id, AnswerComputation.ShareChoosing, "yes");

        var refused = Assert.Throws<DomainException>(() => hypothesis.ReviseIndicator(share.Id, new IndicatorDefinition("Part", IndicatorUnit.Euros, IndicatorDirection.HigherIsBetter, 0, January, null, null)));

        Assert.Equal("Impact.UnitDoesNotFitSource", refused.Code);
        Assert.Equal(IndicatorUnit.Percentage, share.Unit);
    }

    [Fact]
    public void Collecting_by_questionnaire_adds_the_ready_question_to_a_draft_and_links_it()
    {
        var hypothesis = Hypothesis();
        var entry = IndicatorCatalogue.Find("means.shared-services")!;
        var indicator = hypothesis.AddFromCatalogue(entry, "nl", 0, January, 80, new DateOnly(2026, 12, 31));
        var (questionnaire, _, _, _, _) = Questionnaire();

        var question = hypothesis.CollectByQuestionnaire(indicator.Id, questionnaire, Now);

        Assert.Equal("Leden die een gedeelde dienst gebruiken", indicator.Name);
        Assert.Equal(entry.Key, indicator.CatalogueKey);
        Assert.Equal(5, questionnaire.Draft.Questions.Count());
        Assert.Equal(entry.Question.Text.Fr, questionnaire.Draft.FindQuestion(question.Id)!.Text.Fr);
        Assert.Equal((IndicatorSource.Questionnaire, question.Id, AnswerComputation.ShareChoosing, QuestionDefinition.Yes), (indicator.Source, indicator.QuestionId, indicator.Computation, indicator.Choice));
        // The copy is the lab's: the catalogue's own question keeps no identifier of it.
        Assert.NotEqual(question.Id, entry.Question.Create().Question.Id);
    }

    [Fact]
    public void A_published_questionnaire_is_not_changed_from_an_indicator()
    {
        var hypothesis = Hypothesis();
        var indicator = hypothesis.AddFromCatalogue(IndicatorCatalogue.Find("project.cooperation-quality")!, "fr", 1, January, null, null);
        var (questionnaire, _, _, _, _) = Questionnaire();
        questionnaire.Publish(null, Now);

        var refused = Assert.Throws<DomainException>(() => hypothesis.CollectByQuestionnaire(indicator.Id, questionnaire, Now));

        Assert.Equal("Impact.QuestionnairePublished", refused.Code);
        Assert.Equal(4, questionnaire.Draft.Questions.Count());
        Assert.Equal(IndicatorSource.RecordedByHand, indicator.Source);
    }

    [Fact]
    public void Answers_propose_a_mean_a_sum_or_a_share_and_a_settled_proposal_does_not_come_back()
    {
        var hypothesis = Hypothesis();
        var (questionnaire, scale, number, yesNo, _) = Questionnaire();
        var mean = Indicator(hypothesis, IndicatorUnit.Scale1To5, "Moyenne");
        var sum = Indicator(hypothesis, IndicatorUnit.SquareMetres, "Somme");
        var share = Indicator(hypothesis, IndicatorUnit.Percentage, "Part");
        hypothesis.SourceFromQuestion(mean.Id, questionnaire, scale.Id, AnswerComputation.MeanOfScale, null);
        hypothesis.SourceFromQuestion(sum.Id, questionnaire, number.Id, AnswerComputation.SumOfNumber, null);
        hypothesis.SourceFromQuestion(share.Id, questionnaire, yesNo.Id, AnswerComputation.ShareChoosing, "yes");
        var latest = Now.AddDays(3);

        Assert.Equal(3.67m, mean.Propose(new AnswerTally(3, 11m / 3, 11, 0, latest))!.Value);
        Assert.Equal(420m, sum.Propose(new AnswerTally(3, 140, 420, 0, latest))!.Value);
        var proposal = share.Propose(new AnswerTally(3, null, null, 2, latest))!;
        Assert.Equal((66.67m, 3, true), (proposal.Value, proposal.Respondents, proposal.FitsUnit));
        Assert.Null(share.Propose(new AnswerTally(0, null, null, 0, latest)));

        var measurement = hypothesis.ConfirmProposal(proposal, new DateOnly(2026, 3, 4), null, null, Now);

        Assert.Equal(66.67m, measurement.Value);
        Assert.Equal(HypothesisStatus.BeingMeasured, hypothesis.Status);
        Assert.Null(share.Propose(new AnswerTally(3, null, null, 2, latest)));
        Assert.Equal("Impact.ProposalSettled", Assert.Throws<DomainException>(() => hypothesis.DismissProposal(proposal)).Code);
        // A later response makes a new proposal.
        Assert.Equal(75m, share.Propose(new AnswerTally(4, null, null, 3, latest.AddHours(1)))!.Value);

        var meanProposal = mean.Propose(new AnswerTally(3, 11m / 3, 11, 0, latest))!;
        hypothesis.DismissProposal(meanProposal);
        Assert.Null(mean.Propose(new AnswerTally(3, 11m / 3, 11, 0, latest)));
        Assert.Equal(1, share.MeasurementCount);
        Assert.Equal(0, mean.MeasurementCount);
    }

    [Fact]
    public void A_figure_recorded_by_hand_is_never_proposed()
    {
        var hypothesis = Hypothesis();
        var indicator = Indicator(hypothesis, IndicatorUnit.Count);

        Assert.Null(indicator.Propose(new AnswerTally(3, 2, 6, 1, Now)));
        Assert.Equal("Impact.NothingProposed", Assert.Throws<DomainException>(() => hypothesis.DismissProposal(new ProposedMeasurement(indicator.Id, 2, 3, Now, true))).Code);
    }

    [Fact]
    public void A_participation_figure_needs_a_cycle_a_level_and_a_unit_that_counts()
    {
        var hypothesis = Hypothesis();
        var count = Indicator(hypothesis, IndicatorUnit.Count, "Parties prenantes");
        var hours = Indicator(hypothesis, IndicatorUnit.Hours, "Heures");

        Assert.Equal("Impact.FigureNeedsLevel", Assert.Throws<DomainException>(() => hypothesis.SourceFromFigure(count.Id, PlatformFigure.StakeholdersAtOrAboveLevel, Cycle.Publics, null)).Code);
        Assert.Equal("Impact.UnitDoesNotFitSource", Assert.Throws<DomainException>(() => hypothesis.SourceFromFigure(hours.Id, PlatformFigure.NeedsRecorded, null, null)).Code);

        hypothesis.SourceFromFigure(count.Id, PlatformFigure.StakeholdersAtOrAboveLevel, Cycle.Publics, ParticipationLevel.Deliberation);

        Assert.Equal((IndicatorSource.PlatformFigure, PlatformFigure.StakeholdersAtOrAboveLevel, Cycle.Publics, ParticipationLevel.Deliberation), (count.Source, count.Figure, count.FigureCycle, count.FigureLevel));
        Assert.Equal(7m, count.Propose(7, 5, Now)!.Value);
        Assert.Null(count.Propose(7, 7, Now));
        hypothesis.SourceByHand(count.Id);
        Assert.Equal((IndicatorSource.RecordedByHand, (PlatformFigure?)null), (count.Source, count.Figure));
    }

    [Fact]
    public void A_dismissed_platform_figure_is_not_proposed_again_until_it_moves_and_confirming_forgets_the_dismissal()
    {
        var hypothesis = Hypothesis();
        var needs = Indicator(hypothesis, IndicatorUnit.Count, "Besoins");
        hypothesis.SourceFromFigure(needs.Id, PlatformFigure.NeedsRecorded, null, null);

        hypothesis.DismissProposal(needs.Propose(4, null, Now)!);

        Assert.Equal(4m, needs.DismissedFigure);
        Assert.Null(needs.Propose(4, null, Now));
        var moved = needs.Propose(5, null, Now);
        Assert.Equal(5m, moved!.Value);
        hypothesis.ConfirmProposal(moved, January.AddDays(40), null, null, Now);
        Assert.Null(needs.DismissedFigure);
        Assert.Null(needs.Propose(5, 5, Now));
        // Back to figures typed by hand and on to the figure again: the old dismissal is forgotten.
        hypothesis.DismissProposal(needs.Propose(6, 5, Now)!);
        hypothesis.SourceByHand(needs.Id);
        hypothesis.SourceFromFigure(needs.Id, PlatformFigure.NeedsRecorded, null, null);
        Assert.Equal(6m, needs.Propose(6, 5, Now)!.Value);
    }

    [Fact]
    public void A_share_figure_already_measured_at_its_rounded_value_is_not_proposed_again()
    {
        var hypothesis = Hypothesis();
        var share = Indicator(hypothesis, IndicatorUnit.Percentage, "Part des parties prenantes");
        hypothesis.SourceFromFigure(share.Id, PlatformFigure.ShareOfStakeholdersAtOrAboveLevel, Cycle.Publics, ParticipationLevel.Consultation);

        Assert.Equal(33.33m, share.Propose(100m / 3, null, Now)!.Value);
        Assert.Null(share.Propose(100m / 3, 33.33m, Now));
    }

    [Fact]
    public void Every_catalogue_entry_is_complete_in_three_languages_and_its_question_fits_its_unit()
    {
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(e => e.Key).Distinct().Count());
        Assert.All(Enum.GetValues<MutualisationLogic>(), logic => Assert.Contains(IndicatorCatalogue.All, e => e.Logic == logic));
        Assert.All(IndicatorCatalogue.All, entry =>
        {
            Assert.All(new[] { entry.Name, entry.Definition, entry.Collection, entry.Question.Text }, text => Assert.Empty(text.MissingLanguages()));
            Assert.False(entry.Name.IsEmpty);
            Assert.True(entry.Question.Computation.Fits(entry.Unit), entry.Key);
            Assert.Contains(entry.Question.Computation, IndicatorSourcing.ComputationsFor(entry.Question.Type));
            var (question, choice) = entry.Question.Create();
            // The ready question is valid as the questionnaire's own rules see it.
            new QuestionnaireContent { Title = new("T", "T", "T"), Sections = [new SectionDefinition { Title = new("S", "S", "S"), Questions = [question] }] }.Validate(forPublishing: true);
            Assert.Equal(entry.Question.Computation == AnswerComputation.ShareChoosing, choice is not null && question.AcceptsChoice(choice));
        });
    }
}
