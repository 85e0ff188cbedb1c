using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Tests.Impact;

/// <summary>The second level of impact: the evaluation frame, the logics a lab pursues and what they are linked to.</summary>
public sealed class ImpactLevelTwoTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();

    private static ImpactHypothesis Hypothesis(Guid? lab = null, string statement = "Partager les salles libère du temps pour l'accueil") =>
        new(lab ?? Lab, Guid.NewGuid(), statement, null, EffectSign.Positive, EffectNature.Economic, Now);

    private static PursuedLogic Means() =>
        new(Lab, MutualisationLogic.Means, new LogicAims("Moins de loyer, plus d'accueil", [ImpactObjective.Optimisation], [ScalingStrategy.Protection]), Now);

    private static FrameText Frame(string? who = null, params EvaluationPurpose[] purposes) =>
        new(purposes, [EvaluationAudience.Funders], who, null, [EvaluationMethod.Indicators], [EvaluationTiming.Continuous], new Dictionary<ImpactComplexity, string?>());

    [Fact]
    public void A_logic_serves_only_the_hypotheses_of_its_own_lab()
    {
        var logic = Means();

        var refusal = Assert.Throws<DomainException>(() => logic.Link(Hypothesis(Guid.NewGuid())));

        Assert.Equal("Impact.HypothesisOfAnotherLab", refusal.Code);
        Assert.Empty(logic.Hypotheses);
    }

    [Fact]
    public void A_hypothesis_is_linked_to_a_logic_once()
    {
        var logic = Means();
        var rooms = Hypothesis();
        logic.Link(rooms);

        Assert.Equal("Impact.HypothesisAlreadyLinked", Assert.Throws<DomainException>(() => logic.Link(rooms)).Code);
        Assert.Equal("Impact.HypothesisAlreadyLinked", Assert.Throws<DomainException>(() => logic.LinkOnly([Hypothesis(), rooms, rooms])).Code);
        Assert.Equal(rooms.Id, Assert.Single(logic.Hypotheses).HypothesisId);
    }

    [Fact]
    public void Linking_only_some_hypotheses_unlinks_the_others_and_keeps_the_rule_of_the_lab()
    {
        var logic = Means();
        var (rooms, directory, elsewhere) = (Hypothesis(), Hypothesis(statement: "Un annuaire fait naître des collaborations"), Hypothesis(Guid.NewGuid()));
        logic.Link(rooms);

        logic.LinkOnly([directory]);

        Assert.Equal(directory.Id, Assert.Single(logic.Hypotheses).HypothesisId);
        Assert.Equal("Impact.HypothesisOfAnotherLab", Assert.Throws<DomainException>(() => logic.LinkOnly([directory, elsewhere])).Code);
        Assert.Equal("Impact.HypothesisNotLinked", Assert.Throws<DomainException>(() => logic.Unlink(rooms.Id)).Code);
    }

    [Fact]
    public void A_logic_keeps_each_objective_and_strategy_once_and_refuses_unknown_ones()
    {
        var logic = Means();

        logic.Aim(new LogicAims("  Des salles moins chères  ", [ImpactObjective.Consolidation, ImpactObjective.Consolidation, ImpactObjective.Optimisation], [ScalingStrategy.Cooperation, ScalingStrategy.Protection, ScalingStrategy.Cooperation]));

        Assert.Equal("Des salles moins chères", logic.Expectation);
        Assert.Equal([ImpactObjective.Consolidation, ImpactObjective.Optimisation], logic.Objectives);
        Assert.Equal([ScalingStrategy.Cooperation, ScalingStrategy.Protection], logic.Strategies);
        Assert.Equal("Impact.StrategyInvalid", Assert.Throws<DomainException>(() => logic.Aim(new LogicAims(null, [], [(ScalingStrategy)42]))).Code);
        Assert.Equal("Impact.LogicInvalid", Assert.Throws<DomainException>(() => new PursuedLogic(Lab, (MutualisationLogic)9, new LogicAims(null, [], []), Now)).Code);
    }

    [Theory]
    [InlineData(ScalingStrategy.Networking, new[] { ImpactObjective.QualityImprovement, ImpactObjective.QuantitativeIncrease }, false)]
    [InlineData(ScalingStrategy.Deepening, new[] { ImpactObjective.Consolidation, ImpactObjective.Optimisation, ImpactObjective.QualityImprovement }, false)]
    [InlineData(ScalingStrategy.Duplication, new[] { ImpactObjective.QuantitativeIncrease, ImpactObjective.Multiplication }, false)]
    [InlineData(ScalingStrategy.Broadening, new[] { ImpactObjective.Consolidation, ImpactObjective.QualityImprovement, ImpactObjective.Multiplication }, true)]
    [InlineData(ScalingStrategy.Diversification, new[] { ImpactObjective.Consolidation, ImpactObjective.QualityImprovement }, false)]
    [InlineData(ScalingStrategy.Fertilisation, new[] { ImpactObjective.QuantitativeIncrease, ImpactObjective.Multiplication }, true)]
    [InlineData(ScalingStrategy.Cooperation, new[] { ImpactObjective.Optimisation, ImpactObjective.QualityImprovement, ImpactObjective.QuantitativeIncrease }, true)]
    [InlineData(ScalingStrategy.Learning, new[] { ImpactObjective.Consolidation, ImpactObjective.QualityImprovement }, true)]
    [InlineData(ScalingStrategy.Translation, new[] { ImpactObjective.QuantitativeIncrease }, false)]
    [InlineData(ScalingStrategy.Protection, new[] { ImpactObjective.Consolidation, ImpactObjective.QualityImprovement, ImpactObjective.QuantitativeIncrease }, true)]
    public void Each_scaling_strategy_serves_the_objectives_of_the_notebook_and_five_are_retained_for_Brussels(ScalingStrategy strategy, ImpactObjective[] objectives, bool retained)
    {
        Assert.Equal(objectives, strategy.Objectives());
        Assert.Equal(retained, strategy.IsRetainedForBrussels());
    }

    [Fact]
    public void A_strategy_is_suggested_for_a_logic_when_it_serves_one_of_its_objectives()
    {
        Assert.True(ScalingStrategy.Translation.Serves([ImpactObjective.Multiplication, ImpactObjective.QuantitativeIncrease]));
        Assert.False(ScalingStrategy.Translation.Serves([ImpactObjective.Consolidation]));
        Assert.False(ScalingStrategy.Learning.Serves([]));
    }

    [Fact]
    public void An_evaluation_frame_keeps_several_answers_once_and_says_whether_anything_changed()
    {
        var frame = new EvaluationFrame(Lab, null, Frame("Le groupe pilote", EvaluationPurpose.ConvinceFunders, EvaluationPurpose.VerifyMission, EvaluationPurpose.ConvinceFunders), Now);

        Assert.Equal([EvaluationPurpose.VerifyMission, EvaluationPurpose.ConvinceFunders], frame.Purposes);
        Assert.False(frame.Revise(Frame("Le groupe pilote ", EvaluationPurpose.VerifyMission, EvaluationPurpose.ConvinceFunders), Now.AddDays(1)));
        Assert.Equal(Now, frame.UpdatedAt);

        var notes = new Dictionary<ImpactComplexity, string?> { [ImpactComplexity.Axiological] = "Financeurs et bénévoles ne visent pas la même chose" };
        Assert.True(frame.Revise(Frame("Le groupe pilote", EvaluationPurpose.VerifyMission) with { ComplexityNotes = notes }, Now.AddDays(2)));
        Assert.Equal("Financeurs et bénévoles ne visent pas la même chose", frame.NotesOn(ImpactComplexity.Axiological));
        Assert.Equal(string.Empty, frame.NotesOn(ImpactComplexity.Systemic));
        Assert.Equal(Now.AddDays(2), frame.UpdatedAt);
    }

    [Fact]
    public void An_evaluation_frame_refuses_unknown_answers_and_texts_too_long()
    {
        Assert.Equal("Impact.MethodInvalid", Assert.Throws<DomainException>(() => new EvaluationFrame(Lab, null, Frame() with { Methods = [(EvaluationMethod)7] }, Now)).Code);
        Assert.Equal("Impact.TextTooLong", Assert.Throws<DomainException>(() => new EvaluationFrame(Lab, null, Frame(new string('x', Limits.ShortText + 1)), Now)).Code);
        Assert.Equal("Lab.OrganisationRequired", Assert.Throws<DomainException>(() => new EvaluationFrame(Lab, Guid.Empty, Frame(), Now)).Code);
    }

    [Theory]
    [InlineData(1800, 600, 1200, 0.5)]
    [InlineData(40, 60, 50, 0.5)]
    [InlineData(40, 60, 80, 1)]
    [InlineData(40, 60, 30, 0)]
    public void Progress_runs_from_the_baseline_to_the_target_whichever_way_is_better(double baseline, double target, double latest, double progress) =>
        Assert.Equal((decimal)progress, IndicatorProgress.Of((decimal)baseline, (decimal)target, (decimal)latest));

    [Fact]
    public void Progress_needs_a_target_and_a_value()
    {
        Assert.Null(IndicatorProgress.Of(10, null, 20));
        Assert.Null(IndicatorProgress.Of(10, 20, null));
        Assert.Null(IndicatorProgress.Of(10, 10, 12));
    }
}
