using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;

namespace Mutualisons.Domain.Tests.Impact;

/// <summary>The rules of the chain hypothesis → indicators → data → conclusion.</summary>
public sealed class ImpactChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly January = new(2026, 1, 31);
    private static readonly Guid Pieter = Guid.NewGuid();

    private static ImpactHypothesis Hypothesis() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Partager les salles libère du temps pour l'accueil", "L'équipe d'accueil", EffectSign.Positive, EffectNature.Economic, Now);

    private static IndicatorDefinition Definition(string name = "Heures libérées", IndicatorUnit unit = IndicatorUnit.Hours, decimal baseline = 10, decimal? target = 30) =>
        new(name, unit, IndicatorDirection.HigherIsBetter, baseline, January, target, target is null ? null : new DateOnly(2026, 12, 31));

    [Theory]
    [InlineData(IndicatorUnit.Percentage, 0, true)]
    [InlineData(IndicatorUnit.Percentage, 100, true)]
    [InlineData(IndicatorUnit.Percentage, 100.5, false)]
    [InlineData(IndicatorUnit.Percentage, -1, false)]
    [InlineData(IndicatorUnit.Count, 12, true)]
    [InlineData(IndicatorUnit.Count, 1.5, false)]
    [InlineData(IndicatorUnit.Count, -1, false)]
    [InlineData(IndicatorUnit.Scale1To5, 1, true)]
    [InlineData(IndicatorUnit.Scale1To5, 4.2, true)]
    [InlineData(IndicatorUnit.Scale1To5, 0, false)]
    [InlineData(IndicatorUnit.Scale1To5, 6, false)]
    [InlineData(IndicatorUnit.SquareMetres, 0, true)]
    [InlineData(IndicatorUnit.SquareMetres, -3, false)]
    [InlineData(IndicatorUnit.Hours, -0.5, false)]
    [InlineData(IndicatorUnit.Euros, 1250.75, true)]
    [InlineData(IndicatorUnit.Euros, -10, false)]
    [InlineData(IndicatorUnit.Number, -42, true)]
    public void A_value_fits_the_unit_of_its_indicator(IndicatorUnit unit, double value, bool fits) =>
        Assert.Equal(fits, unit.Fits((decimal)value));

    [Fact]
    public void A_measurement_that_does_not_fit_the_unit_is_refused_and_changes_nothing()
    {
        var hypothesis = Hypothesis();
        var share = hypothesis.AddIndicator(Definition("Part des occupants présents", IndicatorUnit.Percentage, 20, 50));

        var refused = Assert.Throws<DomainException>(() => hypothesis.RecordMeasurement(share.Id, January.AddDays(30), 120, null, Pieter, Now));

        Assert.Equal("Impact.ValueOutOfUnit", refused.Code);
        Assert.Equal(0, share.MeasurementCount);
        Assert.Equal(HypothesisStatus.Open, hypothesis.Status);
    }

    [Fact]
    public void A_baseline_or_target_that_does_not_fit_the_unit_is_refused()
    {
        var hypothesis = Hypothesis();

        Assert.Equal("Impact.ValueOutOfUnit", Assert.Throws<DomainException>(() => hypothesis.AddIndicator(Definition("Satisfaction", IndicatorUnit.Scale1To5, 0, 4))).Code);
        Assert.Equal("Impact.ValueOutOfUnit", Assert.Throws<DomainException>(() => hypothesis.AddIndicator(Definition("Satisfaction", IndicatorUnit.Scale1To5, 3, 7))).Code);
        Assert.Empty(hypothesis.Indicators);
    }

    [Fact]
    public void A_measurement_dated_before_the_baseline_is_refused()
    {
        var hypothesis = Hypothesis();
        var hours = hypothesis.AddIndicator(Definition());

        Assert.Equal("Impact.MeasurementBeforeBaseline", Assert.Throws<DomainException>(() => hypothesis.RecordMeasurement(hours.Id, January.AddDays(-1), 12, null, Pieter, Now)).Code);
        var onTheDay = hypothesis.RecordMeasurement(hours.Id, January, 12, "Le jour même", Pieter, Now);
        Assert.Equal(January, onTheDay.MeasuredOn);
    }

    [Fact]
    public void A_baseline_cannot_be_moved_after_a_measurement_and_a_measured_indicator_keeps_its_unit()
    {
        var hypothesis = Hypothesis();
        var hours = hypothesis.AddIndicator(Definition());
        hypothesis.RecordMeasurement(hours.Id, January.AddDays(28), 14, null, Pieter, Now);

        var later = Definition() with { BaselineDate = January.AddDays(29) };
        Assert.Equal("Impact.MeasurementBeforeBaseline", Assert.Throws<DomainException>(() => hypothesis.ReviseIndicator(hours.Id, later)).Code);
        Assert.Equal("Impact.UnitLocked", Assert.Throws<DomainException>(() => hypothesis.ReviseIndicator(hours.Id, Definition(unit: IndicatorUnit.Number))).Code);
    }

    [Fact]
    public void An_indicator_name_is_used_once_in_a_hypothesis_whatever_its_case()
    {
        var hypothesis = Hypothesis();
        var first = hypothesis.AddIndicator(Definition("Heures libérées"));
        var second = hypothesis.AddIndicator(Definition("Salles partagées", IndicatorUnit.Count, 2, 5));

        Assert.Equal("Impact.IndicatorNameTaken", Assert.Throws<DomainException>(() => hypothesis.AddIndicator(Definition(" heures LIBÉRÉES "))).Code);
        Assert.Equal("Impact.IndicatorNameTaken", Assert.Throws<DomainException>(() => hypothesis.ReviseIndicator(second.Id, Definition("Heures libérées"))).Code);
        // Renaming an indicator to its own name is no clash; another hypothesis may use the name.
        hypothesis.ReviseIndicator(first.Id, Definition("Heures libérées"));
        Hypothesis().AddIndicator(Definition("Heures libérées"));
        Assert.Equal(2, hypothesis.Indicators.Count);
    }

    [Fact]
    public void A_target_has_a_value_and_a_date_not_before_the_baseline()
    {
        var hypothesis = Hypothesis();

        Assert.Equal("Impact.TargetIncomplete", Assert.Throws<DomainException>(() => hypothesis.AddIndicator(Definition() with { TargetDate = null })).Code);
        Assert.Equal("Impact.TargetBeforeBaseline", Assert.Throws<DomainException>(() => hypothesis.AddIndicator(Definition() with { TargetDate = January.AddDays(-1) })).Code);
        Assert.Null(hypothesis.AddIndicator(Definition(target: null)).TargetValue);
    }

    [Fact]
    public void A_first_measurement_moves_an_open_hypothesis_to_being_measured_and_forgetting_it_moves_it_back()
    {
        var hypothesis = Hypothesis();
        var hours = hypothesis.AddIndicator(Definition());
        Assert.Equal(HypothesisStatus.Open, hypothesis.Status);

        var measurement = hypothesis.RecordMeasurement(hours.Id, January.AddDays(28), 14, null, Pieter, Now);

        Assert.Equal(HypothesisStatus.BeingMeasured, hypothesis.Status);
        Assert.Equal((hours.Id, 14m, Pieter), (measurement.IndicatorId, measurement.Value, measurement.RecordedBy));
        Assert.True(hypothesis.HasMeasurements);
        hypothesis.ForgetMeasurement(measurement);
        Assert.Equal(HypothesisStatus.Open, hypothesis.Status);
        Assert.False(hypothesis.HasMeasurements);
    }

    [Fact]
    public void A_measurement_of_an_indicator_of_another_hypothesis_is_refused()
    {
        var other = Hypothesis().AddIndicator(Definition());

        Assert.Equal("Impact.IndicatorNotFound", Assert.Throws<DomainException>(() => Hypothesis().RecordMeasurement(other.Id, January, 1, null, Pieter, Now)).Code);
    }

    [Fact]
    public void A_conclusion_on_a_hypothesis_never_measured_is_allowed_but_flagged()
    {
        var hypothesis = Hypothesis();
        hypothesis.AddIndicator(Definition());

        hypothesis.Conclude(null, "Les réunions ont surtout rapproché les équipes", "Mesurer les rencontres", Pieter, Now);

        Assert.Equal(HypothesisStatus.Concluded, hypothesis.Status);
        Assert.True(hypothesis.ConcludedUnmeasured);
        Assert.Equal((Now, Pieter), (hypothesis.ConcludedAt!.Value, hypothesis.ConcludedBy!.Value));
    }

    [Fact]
    public void A_conclusion_after_measuring_is_not_flagged_and_must_say_something()
    {
        var hypothesis = Hypothesis();
        var hours = hypothesis.AddIndicator(Definition());
        hypothesis.RecordMeasurement(hours.Id, January.AddDays(28), 25, null, Pieter, Now);

        Assert.Equal("Impact.ConclusionRequired", Assert.Throws<DomainException>(() => hypothesis.Conclude(" ", null, "Continuer", Pieter, Now)).Code);
        hypothesis.Conclude("15 heures libérées par mois", null, null, Pieter, Now);

        Assert.False(hypothesis.ConcludedUnmeasured);
        Assert.Equal("15 heures libérées par mois", hypothesis.ImpactsMeasured);
    }

    [Fact]
    public void A_concluded_hypothesis_takes_no_new_measurement_until_it_is_reopened_with_a_reason_which_is_kept()
    {
        var hypothesis = Hypothesis();
        var hours = hypothesis.AddIndicator(Definition());
        hypothesis.RecordMeasurement(hours.Id, January.AddDays(28), 25, null, Pieter, Now);
        hypothesis.Conclude("15 heures libérées", "Plus de passage à l'accueil", null, Pieter, Now);

        Assert.Equal("Impact.HypothesisConcluded", Assert.Throws<DomainException>(() => hypothesis.RecordMeasurement(hours.Id, January.AddDays(60), 28, null, Pieter, Now)).Code);
        Assert.Equal("Impact.ReopenReasonRequired", Assert.Throws<DomainException>(() => hypothesis.Reopen("  ", Pieter, Now)).Code);
        Assert.Equal(HypothesisStatus.Concluded, hypothesis.Status);

        var reopening = hypothesis.Reopen("Une nouvelle salle partagée change la donne", Pieter, Now.AddDays(30));

        Assert.Equal(HypothesisStatus.BeingMeasured, hypothesis.Status);
        Assert.Equal(("Une nouvelle salle partagée change la donne", "15 heures libérées"), (reopening.Reason, reopening.ImpactsMeasured));
        Assert.Same(reopening, Assert.Single(hypothesis.Reopenings));
        hypothesis.RecordMeasurement(hours.Id, January.AddDays(60), 28, null, Pieter, Now);
        Assert.Equal("Impact.NotConcluded", Assert.Throws<DomainException>(() => hypothesis.Reopen("Encore", Pieter, Now)).Code);
    }

    [Fact]
    public void Evidence_is_attached_to_the_hypothesis_or_to_one_of_its_indicators()
    {
        var hypothesis = Hypothesis();
        var hours = hypothesis.AddIndicator(Definition());

        var quote = hypothesis.AddEvidence(hours.Id, EvidenceKind.Quote, "On ne court plus après les salles", "Une bénévole", January, Pieter, Now);
        var observation = hypothesis.AddEvidence(null, EvidenceKind.Observation, "L'accueil ouvre une heure plus tôt", null, January, Pieter, Now);

        Assert.Equal((hypothesis.Id, hours.Id), (quote.HypothesisId, quote.IndicatorId!.Value));
        Assert.Null(observation.IndicatorId);
        Assert.Equal("Impact.IndicatorNotFound", Assert.Throws<DomainException>(() => hypothesis.AddEvidence(Guid.NewGuid(), EvidenceKind.Quote, "x", null, January, Pieter, Now)).Code);
        Assert.Equal("Impact.EvidenceRequired", Assert.Throws<DomainException>(() => hypothesis.AddEvidence(null, EvidenceKind.Quote, " ", null, January, Pieter, Now)).Code);
    }

    [Fact]
    public void A_hypothesis_states_its_effect_and_belongs_to_an_organisation()
    {
        Assert.Equal("Impact.HypothesisRequired", Assert.Throws<DomainException>(() => new ImpactHypothesis(Guid.NewGuid(), Guid.NewGuid(), " ", null, EffectSign.Negative, EffectNature.Social, Now)).Code);
        Assert.Equal("Lab.OrganisationRequired", Assert.Throws<DomainException>(() => new ImpactHypothesis(Guid.NewGuid(), Guid.Empty, "x", null, EffectSign.Negative, EffectNature.Social, Now)).Code);
    }

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter, 30, true)]
    [InlineData(IndicatorDirection.HigherIsBetter, 29, false)]
    [InlineData(IndicatorDirection.LowerIsBetter, 29, true)]
    [InlineData(IndicatorDirection.LowerIsBetter, 31, false)]
    public void A_value_reaches_the_target_in_the_indicators_direction(IndicatorDirection direction, int value, bool reaches)
    {
        var indicator = Hypothesis().AddIndicator(Definition() with { Direction = direction, BaselineValue = 20 });

        Assert.Equal(reaches, indicator.Reaches(value));
    }

    [Fact]
    public void A_measurement_is_corrected_under_the_rules_it_was_recorded_with()
    {
        var hypothesis = Hypothesis();
        var hours = hypothesis.AddIndicator(Definition());
        var march = hypothesis.RecordMeasurement(hours.Id, new DateOnly(2026, 3, 31), 14, "Premier mois", Pieter, Now);

        Assert.Equal("Impact.ValueOutOfUnit", Assert.Throws<DomainException>(() => hypothesis.ReviseMeasurement(march, march.MeasuredOn, -2, null, null)).Code);
        Assert.Equal("Impact.MeasurementBeforeBaseline", Assert.Throws<DomainException>(() => hypothesis.ReviseMeasurement(march, January.AddDays(-1), 14, null, null)).Code);
        Assert.Equal((new DateOnly(2026, 3, 31), 14m, "Premier mois"), (march.MeasuredOn, march.Value, march.Note));

        hypothesis.ReviseMeasurement(march, new DateOnly(2026, 4, 30), 16, "Fin avril, en fait", null);

        Assert.Equal((new DateOnly(2026, 4, 30), 16m, "Fin avril, en fait", Pieter), (march.MeasuredOn, march.Value, march.Note, march.RecordedBy));
        // The baseline may now move up to the corrected day, not beyond.
        hypothesis.ReviseIndicator(hours.Id, Definition() with { BaselineDate = new DateOnly(2026, 4, 1) });
        Assert.Equal("Impact.MeasurementBeforeBaseline", Assert.Throws<DomainException>(() => hypothesis.ReviseIndicator(hours.Id, Definition() with { BaselineDate = new DateOnly(2026, 5, 1) })).Code);

        hypothesis.Conclude("Seize heures libérées", null, null, Pieter, Now);
        Assert.Equal("Impact.HypothesisConcluded", Assert.Throws<DomainException>(() => hypothesis.ReviseMeasurement(march, march.MeasuredOn, 20, null, null)).Code);
    }

    [Fact]
    public void Only_a_hypothesis_own_evidence_can_be_removed_through_it()
    {
        var hypothesis = Hypothesis();
        var other = Hypothesis();
        var quote = hypothesis.AddEvidence(null, EvidenceKind.Quote, "On se connaît enfin", "Une occupante", January, Pieter, Now);

        hypothesis.RemoveEvidence(quote);
        Assert.Equal("Impact.EvidenceNotFound", Assert.Throws<DomainException>(() => other.RemoveEvidence(quote)).Code);
    }
}
