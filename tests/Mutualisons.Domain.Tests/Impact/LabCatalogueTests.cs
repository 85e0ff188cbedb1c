using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Tests.Impact;

/// <summary>A lab's own catalogue: entries written from scratch or copied from the built-in one, never editing it in place.</summary>
public sealed class LabCatalogueTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();

    private static LabEntryText Text(string name = "Repas partagés", IndicatorUnit unit = IndicatorUnit.Count, string? question = "Combien de repas avez-vous partagés ce mois-ci ?") =>
        new(MutualisationLogic.StrongProject, ImpactObjective.QuantitativeIncrease, name, "Les repas pris ensemble entre équipes.", unit, IndicatorDirection.HigherIsBetter, "Un relevé par mois.", question);

    [Fact]
    public void A_built_in_entry_is_copied_into_the_lab_in_the_readers_language_and_the_copy_is_edited_not_the_catalogue()
    {
        var builtIn = IndicatorCatalogue.Find("means.hours-freed")!;

        var copy = LabCatalogueEntry.CopyOf(Lab, builtIn, Cultures.Dutch, Now);
        copy.Revise(Text("Vrijgekomen uren per maand", IndicatorUnit.Hours));

        Assert.Equal(("means.hours-freed", Lab), (copy.CopiedFrom, copy.LabId));
        Assert.Equal("Vrijgekomen uren per maand", copy.Name);
        Assert.Equal("Heures de travail libérées", IndicatorCatalogue.Find("means.hours-freed")!.Name.Fr);
        Assert.Equal("Vrijgekomen werkuren", builtIn.Name.Nl);
        Assert.Equal(copy.Id, LabCatalogueEntry.IdOf(copy.Key));
        Assert.Null(LabCatalogueEntry.IdOf(builtIn.Key));
    }

    [Fact]
    public void An_entry_needs_a_name_and_texts_of_bounded_length()
    {
        Assert.Equal("Impact.IndicatorNameRequired", Assert.Throws<DomainException>(() => new LabCatalogueEntry(Lab, Text(" "), null, Now)).Code);
        Assert.Equal("Impact.TextTooLong", Assert.Throws<DomainException>(() => new LabCatalogueEntry(Lab, Text(question: new string('q', Limits.ShortText + 1)), null, Now)).Code);
        Assert.Equal("Impact.EntryUnknown", Assert.Throws<DomainException>(() => new LabCatalogueEntry(Lab, Text(), "means.no-such-entry", Now)).Code);
    }

    [Fact]
    public void A_lab_entry_is_copied_into_its_own_labs_hypotheses_only_and_collected_with_its_own_question()
    {
        var entry = new LabCatalogueEntry(Lab, Text(), null, Now);
        var hypothesis = new ImpactHypothesis(Lab, Guid.NewGuid(), "Manger ensemble rapproche les équipes", null, EffectSign.Positive, EffectNature.Social, Now);
        var elsewhere = new ImpactHypothesis(Guid.NewGuid(), Guid.NewGuid(), "Ailleurs", null, EffectSign.Positive, EffectNature.Social, Now);

        Assert.Equal("Impact.EntryOfAnotherLab", Assert.Throws<DomainException>(() => elsewhere.AddFromLabCatalogue(entry, 0, new DateOnly(2026, 1, 1), null, null)).Code);
        var indicator = hypothesis.AddFromLabCatalogue(entry, 0, new DateOnly(2026, 1, 1), 20, new DateOnly(2026, 12, 31));
        var questionnaire = new Questionnaire(Lab, new QuestionnaireContent { Title = new("Suivi", "Opvolging", "Follow-up") }, null, Now);
        var question = hypothesis.CollectByQuestionnaire(indicator.Id, questionnaire, Now, entry.ReadyQuestion(Cultures.French));

        Assert.Equal((entry.Key, IndicatorUnit.Count, 20m), (indicator.CatalogueKey, indicator.Unit, indicator.TargetValue));
        Assert.Equal((QuestionType.Number, "Combien de repas avez-vous partagés ce mois-ci ?"), (question.Type, question.Text.Fr));
        Assert.Equal((IndicatorSource.Questionnaire, AnswerComputation.SumOfNumber), (indicator.Source, indicator.Computation));
    }

    [Fact]
    public void A_question_written_in_dutch_also_stands_in_for_french_until_translated()
    {
        var ready = new LabCatalogueEntry(Lab, Text("Gedeelde maaltijden", IndicatorUnit.Percentage, "Deelt u maaltijden met andere leden?"), null, Now).ReadyQuestion(Cultures.Dutch);

        Assert.Equal((QuestionType.YesNo, AnswerComputation.ShareChoosing), (ready.Type, ready.Computation));
        Assert.Equal(("Deelt u maaltijden met andere leden?", "Deelt u maaltijden met andere leden?", ""), (ready.Text.Fr, ready.Text.Nl, ready.Text.En));
    }
}
