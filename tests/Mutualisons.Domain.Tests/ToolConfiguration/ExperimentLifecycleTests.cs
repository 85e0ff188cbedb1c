using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Domain.Tests.ToolConfiguration;

public sealed class ExperimentLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Pieter = Guid.NewGuid();

    private static Experiment EcoLabel() =>
        new(Lab, new ExperimentDescription("Éco-label", "Obtenir le label entreprise éco-dynamique", new ExperimentMeans("2 000 €", "2 h par semaine", null, null),
            CooperationLevel.Simple, MutualisationLogic.Means, "Conformité aux valeurs"), Pieter, Now);

    private static WorkingGroup Group(Guid? lab = null) => new(lab ?? Lab, "GT éco-label", null, Pieter, null, Now);

    /// <summary>An experiment with a group and scores, moved along the path up to <paramref name="status"/>.</summary>
    private static Experiment At(ExperimentStatus status)
    {
        var experiment = EcoLabel();
        experiment.AssignTo(Group());
        experiment.Score(4, 5);
        ExperimentStatus[] path = [ExperimentStatus.Investigating, ExperimentStatus.AwaitingValidation, ExperimentStatus.Validated, ExperimentStatus.BeingTested, ExperimentStatus.Evaluated, ExperimentStatus.Adopted];
        foreach (var step in path.TakeWhile(_ => experiment.Status != status))
        {
            experiment.MoveTo(step, Pieter, "étape", Now);
        }
        return experiment;
    }

    [Fact]
    public void A_new_experiment_is_proposed_and_not_yet_placed()
    {
        var experiment = EcoLabel();

        Assert.Equal(ExperimentStatus.Proposed, experiment.Status);
        Assert.False(experiment.IsPlaced);
        Assert.Equal("2 000 €", experiment.Means.Budget);
        Assert.Equal(CooperationLevel.Simple, experiment.CooperationLevel);
    }

    [Fact]
    public void The_whole_path_goes_from_proposed_to_adopted_and_every_move_keeps_who_when_and_why()
    {
        var experiment = At(ExperimentStatus.Adopted);

        Assert.Equal(ExperimentStatus.Adopted, experiment.Status);
        Assert.Equal(
            [ExperimentStatus.Proposed, ExperimentStatus.Investigating, ExperimentStatus.AwaitingValidation, ExperimentStatus.Validated, ExperimentStatus.BeingTested, ExperimentStatus.Evaluated],
            experiment.Moves.Select(m => m.From));
        Assert.All(experiment.Moves, m => Assert.Equal((Pieter, "étape", Now), (m.By!.Value, m.Reason, m.At)));
        Assert.Empty(experiment.AllowedMoves);
    }

    [Theory]
    [InlineData(ExperimentStatus.Proposed, ExperimentStatus.Validated)]
    [InlineData(ExperimentStatus.Proposed, ExperimentStatus.Adopted)]
    [InlineData(ExperimentStatus.Investigating, ExperimentStatus.BeingTested)]
    [InlineData(ExperimentStatus.AwaitingValidation, ExperimentStatus.BeingTested)]
    [InlineData(ExperimentStatus.Validated, ExperimentStatus.Adopted)]
    [InlineData(ExperimentStatus.BeingTested, ExperimentStatus.Adopted)]
    [InlineData(ExperimentStatus.Adopted, ExperimentStatus.Dropped)]
    [InlineData(ExperimentStatus.Adopted, ExperimentStatus.Postponed)]
    public void Skipping_a_step_or_leaving_adopted_is_refused(ExperimentStatus from, ExperimentStatus to)
    {
        var experiment = At(from);

        var refused = Assert.Throws<DomainException>(() => experiment.MoveTo(to, Pieter, "pourquoi pas", Now));

        Assert.Equal("Experiment.MoveNotAllowed", refused.Code);
        Assert.Equal(from, experiment.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Every_move_needs_a_reason(string? reason)
    {
        var experiment = At(ExperimentStatus.Investigating);

        Assert.Equal("Experiment.ReasonRequired", Assert.Throws<DomainException>(() => experiment.MoveTo(ExperimentStatus.Dropped, Pieter, reason!, Now)).Code);
        Assert.Single(experiment.Moves);
    }

    [Fact]
    public void Only_an_experiment_with_a_working_group_is_investigated()
    {
        var experiment = EcoLabel();

        Assert.Equal("Experiment.WorkingGroupRequired", Assert.Throws<DomainException>(() => experiment.MoveTo(ExperimentStatus.Investigating, Pieter, "le GT s'en charge", Now)).Code);
        experiment.AssignTo(Group());
        experiment.MoveTo(ExperimentStatus.Investigating, Pieter, "le GT s'en charge", Now);
        Assert.Equal("Experiment.WorkingGroupRequired", Assert.Throws<DomainException>(() => experiment.AssignTo(null)).Code);
    }

    [Fact]
    public void A_working_group_of_another_lab_cannot_investigate_it()
    {
        var experiment = EcoLabel();

        Assert.Equal("Experiment.WorkingGroupOfAnotherLab", Assert.Throws<DomainException>(() => experiment.AssignTo(Group(Guid.NewGuid()))).Code);
        Assert.Null(experiment.WorkingGroupId);
    }

    [Fact]
    public void The_organisations_are_asked_to_validate_only_once_feasibility_and_impact_are_scored()
    {
        var experiment = EcoLabel();
        experiment.AssignTo(Group());
        experiment.MoveTo(ExperimentStatus.Investigating, Pieter, "GT", Now);
        experiment.Score(4, null);

        Assert.Equal("Experiment.ScoresRequired", Assert.Throws<DomainException>(() => experiment.MoveTo(ExperimentStatus.AwaitingValidation, Pieter, "prêt", Now)).Code);
        experiment.Score(4, 5);
        experiment.MoveTo(ExperimentStatus.AwaitingValidation, Pieter, "prêt", Now);
        Assert.Equal(ExperimentStatus.AwaitingValidation, experiment.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Scores_go_from_one_to_five(int score)
    {
        var experiment = EcoLabel();

        Assert.Equal("Experiment.ScoreOutOfRange", Assert.Throws<DomainException>(() => experiment.Score(score, 3)).Code);
        Assert.Equal("Experiment.ScoreOutOfRange", Assert.Throws<DomainException>(() => experiment.Score(3, score)).Code);
        Assert.False(experiment.IsPlaced);
    }

    [Fact]
    public void A_postponed_experiment_keeps_its_history_and_resumes_where_it_stood()
    {
        var experiment = At(ExperimentStatus.Validated);
        var movesBefore = experiment.Moves.Count;

        experiment.MoveTo(ExperimentStatus.Postponed, Pieter, "budgets bouclés en juin", Now);

        Assert.Equal(ExperimentStatus.Validated, experiment.PostponedFrom);
        Assert.Equal([ExperimentStatus.Validated, ExperimentStatus.Dropped], experiment.AllowedMoves);
        Assert.Equal("Experiment.MoveNotAllowed", Assert.Throws<DomainException>(() => experiment.MoveTo(ExperimentStatus.BeingTested, Pieter, "vite", Now)).Code);
        experiment.MoveTo(ExperimentStatus.Validated, Pieter, "budget trouvé", Now.AddDays(30));
        Assert.Equal(ExperimentStatus.Validated, experiment.Status);
        Assert.Null(experiment.PostponedFrom);
        Assert.Equal(movesBefore + 2, experiment.Moves.Count);
        Assert.Equal(Now.AddDays(30), experiment.StatusSince);
    }

    [Fact]
    public void A_dropped_experiment_keeps_its_history_and_comes_back_as_a_proposal()
    {
        var experiment = At(ExperimentStatus.BeingTested);

        experiment.MoveTo(ExperimentStatus.Dropped, Pieter, "pas de fournisseur", Now);
        Assert.Equal([ExperimentStatus.Proposed], experiment.AllowedMoves);
        experiment.MoveTo(ExperimentStatus.Proposed, Pieter, "une coopérative livre désormais", Now);

        Assert.Equal(ExperimentStatus.Proposed, experiment.Status);
        Assert.Equal([ExperimentStatus.Dropped, ExperimentStatus.Proposed], experiment.Moves.TakeLast(2).Select(m => m.To));
    }

    [Fact]
    public void Steps_back_are_allowed_where_the_method_expects_them()
    {
        Assert.Contains(ExperimentStatus.Investigating, At(ExperimentStatus.AwaitingValidation).AllowedMoves);
        Assert.Contains(ExperimentStatus.BeingTested, At(ExperimentStatus.Evaluated).AllowedMoves);
        Assert.Contains(ExperimentStatus.Proposed, At(ExperimentStatus.Investigating).AllowedMoves);
        Assert.DoesNotContain(ExperimentStatus.AwaitingValidation, At(ExperimentStatus.Validated).AllowedMoves);
    }

    [Fact]
    public void Every_status_but_adopted_and_dropped_can_be_postponed_or_dropped()
    {
        foreach (var status in Enum.GetValues<ExperimentStatus>())
        {
            var moves = ExperimentLifecycle.Moves(status, ExperimentStatus.Investigating);
            Assert.Equal(status is not (ExperimentStatus.Adopted or ExperimentStatus.Dropped), moves.Contains(ExperimentStatus.Dropped));
            Assert.Equal(ExperimentLifecycle.IsUnderWay(status), moves.Contains(ExperimentStatus.Postponed));
            Assert.DoesNotContain(status, moves);
        }
    }

    [Fact]
    public void Needs_and_hypotheses_of_another_lab_are_not_linked()
    {
        var experiment = EcoLabel();
        var need = new DiagnosticNeed(Lab, "Se connaître", null, null, [], null, Now);
        var elsewhere = new DiagnosticNeed(Guid.NewGuid(), "Ailleurs", null, null, [], null, Now);
        var hypothesis = new ImpactHypothesis(Lab, Guid.NewGuid(), "Moins de frais", null, EffectSign.Positive, EffectNature.Economic, Now);
        var indicator = Guid.NewGuid();

        experiment.Link([need], [hypothesis], [indicator]);
        Assert.Equal("Experiment.LinkOfAnotherLab", Assert.Throws<DomainException>(() => experiment.Link([need, elsewhere], [], [])).Code);

        Assert.Equal([need.Id], experiment.Needs.Select(n => n.NeedId));
        Assert.Equal([hypothesis.Id], experiment.Hypotheses.Select(h => h.HypothesisId));
        Assert.Equal([indicator], experiment.Indicators.Select(i => i.IndicatorId));
        experiment.Link([], [hypothesis], []);
        Assert.Empty(experiment.Needs);
        Assert.Empty(experiment.Indicators);
    }

    [Fact]
    public void An_experiment_needs_a_title()
    {
        Assert.Equal("Experiment.TitleRequired", Assert.Throws<DomainException>(() =>
            new Experiment(Lab, new ExperimentDescription(" ", null, null, CooperationLevel.Simple, null, null), null, Now)).Code);
    }
}

public sealed class PortfolioQuadrantTests
{
    [Theory]
    [InlineData(4, 5, PortfolioQuadrant.StartFirst)]
    [InlineData(5, 4, PortfolioQuadrant.StartFirst)]
    [InlineData(3, 5, PortfolioQuadrant.Ambitious)]
    [InlineData(5, 3, PortfolioQuadrant.EasySteps)]
    [InlineData(3, 3, PortfolioQuadrant.Reconsider)]
    [InlineData(1, 1, PortfolioQuadrant.Reconsider)]
    public void A_score_of_four_or_five_is_high(int feasibility, int impact, PortfolioQuadrant quadrant) =>
        Assert.Equal(quadrant, PortfolioQuadrants.Of(feasibility, impact));
}
