using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

public sealed class QuestionnaireTests
{
    [Fact]
    public void A_new_questionnaire_is_an_unpublished_draft()
    {
        var questionnaire = new Sample().NewQuestionnaire();

        Assert.Equal(QuestionnaireState.Draft, questionnaire.StateAt(Now));
        Assert.False(questionnaire.AcceptsAnswersAt(Now));
        Assert.Null(questionnaire.CurrentVersionId);
        Assert.Equal(0, questionnaire.LatestVersionNumber);
        Assert.True(questionnaire.HasUnpublishedChanges);
        Assert.True(questionnaire.OnePerBrowser);
        Assert.False(questionnaire.PublicLinkEnabled);
        Assert.Equal(Lab, questionnaire.LabId);
        Assert.Equal(Facilitator, questionnaire.CreatedBy);
        Assert.Equal(Now, questionnaire.CreatedAt);
        Assert.Equal("Diagnostic des besoins", questionnaire.TitleIn("fr"));
        Assert.Equal("Diagnostic des besoins (nl)", questionnaire.TitleIn("nl"));
    }

    [Fact]
    public void The_draft_is_a_copy_of_the_content_it_was_given()
    {
        var sample = new Sample();
        var questionnaire = sample.NewQuestionnaire();

        sample.Content.Title.Fr = "Changé dehors";
        sample.Kind.Options.Clear();
        sample.Content.Sections.RemoveAt(2);

        Assert.Equal("Diagnostic des besoins", questionnaire.Draft.Title.Fr);
        Assert.Equal(3, questionnaire.Draft.FindQuestion(sample.Kind.Id)!.Options.Count);
        Assert.Equal(3, questionnaire.Draft.Sections.Count);
    }

    [Fact]
    public void Publishing_freezes_a_deep_copy_that_later_edits_of_the_draft_do_not_reach()
    {
        var sample = new Sample();
        var questionnaire = sample.NewQuestionnaire();
        var version = questionnaire.Publish(Facilitator, Now);
        var frozen = version.Content.ToJson();

        // Edits straight on the draft object, down to nested texts, options and conditions…
        var draft = questionnaire.Draft;
        draft.Title.Fr = "Nouveau titre";
        draft.Sections[0].Title.Nl = "Nieuwe titel";
        draft.FindQuestion(sample.Kind.Id)!.Options[0].Text.Fr = "Association";
        draft.FindQuestion(sample.Kind.Id)!.Options.RemoveAt(2);
        draft.FindQuestion(sample.PlaceDetails.Id)!.Condition!.Values.Add(QuestionDefinition.No);
        draft.FindQuestion(sample.Surface.Id)!.Maximum = 5;
        draft.Sections[2].Questions.RemoveAt(2);
        draft.Sections.Add(new SectionDefinition { Title = T("Ajout") });
        // …and a revision through the aggregate.
        var revised = questionnaire.Draft.Copy();
        revised.Introduction.En = "Something else";
        questionnaire.ReviseDraft(revised, Now.AddHours(1));

        Assert.Equal(frozen, version.Content.ToJson());
        Assert.Equal("Diagnostic des besoins", version.Content.Title.Fr);
        Assert.Equal(3, version.Content.Sections.Count);
        Assert.Equal(3, version.Content.FindQuestion(sample.Kind.Id)!.Options.Count);
        Assert.Equal([QuestionDefinition.Yes], version.Content.FindQuestion(sample.PlaceDetails.Id)!.Condition!.Values);
        Assert.NotSame(questionnaire.Draft, version.Content);
    }

    [Fact]
    public void A_version_keeps_the_ids_conditions_and_ranges_of_the_draft()
    {
        var sample = new Sample();
        var questionnaire = sample.NewQuestionnaire();

        var version = questionnaire.Publish(Facilitator, Now);

        Assert.Equal(sample.Content.ToJson(), version.Content.ToJson());
        Assert.Equal(sample.Places.Id, version.Content.Sections[1].Id);
        Assert.Equal(sample.SharesPlace.Id, version.Content.Sections[1].Condition!.QuestionId);
        Assert.Equal(10_000m, version.Content.FindQuestion(sample.Surface.Id)!.Maximum);
        Assert.Equal(sample.Asbl.Key, version.Content.FindQuestion(sample.Kind.Id)!.Options[0].Key);
        Assert.True(version.Content.FindQuestion(sample.Kind.Id)!.AllowOther);
        Assert.Equal(QuestionType.Ranking, version.Content.FindQuestion(sample.Priorities.Id)!.Type);
    }

    [Fact]
    public void The_first_publication_is_version_1_and_opens_the_questionnaire()
    {
        var questionnaire = new Sample().NewQuestionnaire();

        var version = questionnaire.Publish(Facilitator, Now.AddHours(2));

        Assert.Equal(1, version.Number);
        Assert.NotEqual(Guid.Empty, version.Id);
        Assert.Equal(questionnaire.Id, version.QuestionnaireId);
        Assert.Equal(Facilitator, version.PublishedBy);
        Assert.Equal(Now.AddHours(2), version.PublishedAt);
        Assert.Equal(version.Id, questionnaire.CurrentVersionId);
        Assert.Equal(1, questionnaire.LatestVersionNumber);
        Assert.False(questionnaire.HasUnpublishedChanges);
        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(Now.AddHours(2)));
        Assert.True(questionnaire.AcceptsAnswersAt(Now.AddHours(2)));
    }

    [Fact]
    public void Publishing_again_after_a_revision_gives_version_2_with_a_new_id()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        var first = questionnaire.Publish(Facilitator, Now);

        var revised = questionnaire.Draft.Copy();
        revised.Title.Fr = "Diagnostic, deuxième tour";
        questionnaire.ReviseDraft(revised, Now.AddDays(1));
        Assert.True(questionnaire.HasUnpublishedChanges);
        var second = questionnaire.Publish(Facilitator, Now.AddDays(1));

        Assert.Equal(2, second.Number);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, questionnaire.CurrentVersionId);
        Assert.Equal(2, questionnaire.LatestVersionNumber);
        Assert.Equal("Diagnostic des besoins", first.Content.Title.Fr);
        Assert.Equal("Diagnostic, deuxième tour", second.Content.Title.Fr);
    }

    [Fact]
    public void Publishing_with_no_change_since_the_last_version_is_refused()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        var first = questionnaire.Publish(Facilitator, Now);

        var error = Assert.Throws<DomainException>(() => questionnaire.Publish(Facilitator, Now.AddHours(1)));

        Assert.Equal("Questionnaire.NothingToPublish", error.Code);
        Assert.Equal(first.Id, questionnaire.CurrentVersionId);
        Assert.Equal(1, questionnaire.LatestVersionNumber);
    }

    [Fact]
    public void Publishing_an_empty_questionnaire_is_refused()
    {
        var noSection = new Questionnaire(Lab, new QuestionnaireContent { Title = T("Vide") }, Facilitator, Now);
        Assert.Equal("Questionnaire.NoQuestion", Assert.Throws<DomainException>(() => noSection.Publish(Facilitator, Now)).Code);

        var onlyEmptySections = new QuestionnaireContent { Title = T("Vide"), Sections = [new SectionDefinition { Title = T("S1") }] };
        var emptySections = new Questionnaire(Lab, onlyEmptySections, Facilitator, Now);
        Assert.Equal("Questionnaire.NoQuestion", Assert.Throws<DomainException>(() => emptySections.Publish(Facilitator, Now)).Code);

        Assert.Null(noSection.CurrentVersionId);
        Assert.Equal(QuestionnaireState.Draft, noSection.StateAt(Now));
    }

    [Fact]
    public void A_draft_may_hold_an_empty_section_but_publishing_it_is_refused()
    {
        var sample = new Sample();
        sample.Content.Sections.Insert(1, new SectionDefinition { Title = T("À compléter") });

        var questionnaire = sample.NewQuestionnaire();
        var error = Assert.Throws<DomainException>(() => questionnaire.Publish(Facilitator, Now));

        Assert.Equal("Questionnaire.EmptySection", error.Code);
        Assert.Null(questionnaire.CurrentVersionId);
    }

    [Fact]
    public void A_draft_may_leave_a_section_title_empty_but_publishing_needs_it_in_French()
    {
        var sample = new Sample();
        sample.Places.Title = new LocalizedText(string.Empty, "Plaatsen", "Places");

        var questionnaire = sample.NewQuestionnaire();

        Assert.Equal("Questionnaire.SectionTitleRequired", Assert.Throws<DomainException>(() => questionnaire.Publish(Facilitator, Now)).Code);
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.Ranking)]
    public void A_choice_or_ranking_question_with_fewer_than_two_options_is_refused(QuestionType type)
    {
        var one = Single(Question(type, Option("Seule")));
        Assert.Equal("Questionnaire.OptionsNeeded", Assert.Throws<DomainException>(() => one.Validate(forPublishing: true)).Code);
        Assert.Equal("Questionnaire.OptionsNeeded", Assert.Throws<DomainException>(() => new Questionnaire(Lab, one, null, Now)).Code);

        var none = Single(Question(type));
        Assert.Equal("Questionnaire.OptionsNeeded", Assert.Throws<DomainException>(() => none.Validate(forPublishing: true)).Code);

        Single(Question(type, Option("A"), Option("B"))).Validate(forPublishing: true);
    }

    [Fact]
    public void Publishing_checks_the_draft_again_even_when_it_was_edited_in_place()
    {
        var sample = new Sample();
        var questionnaire = sample.NewQuestionnaire();
        questionnaire.Draft.FindQuestion(sample.Priorities.Id)!.Options.RemoveRange(1, 2);

        Assert.Equal("Questionnaire.OptionsNeeded", Assert.Throws<DomainException>(() => questionnaire.Publish(Facilitator, Now)).Code);
    }

    [Fact]
    public void A_choice_question_has_at_most_forty_options()
    {
        var options = Enumerable.Range(1, QuestionnaireContent.MaxOptions + 1).Select(i => Option($"Option {i}")).ToArray();

        var error = Assert.Throws<DomainException>(() => Single(Question(QuestionType.MultipleChoice, options)).Validate(forPublishing: true));

        Assert.Equal("Questionnaire.OptionsNeeded", error.Code);
    }

    [Fact]
    public void Every_option_needs_a_French_text()
    {
        var content = Single(Question(QuestionType.SingleChoice, Option("A"), new OptionDefinition { Text = new LocalizedText(string.Empty, "B", "B") }));

        Assert.Equal("Questionnaire.OptionTextRequired", Assert.Throws<DomainException>(() => content.Validate(forPublishing: true)).Code);
    }

    [Fact]
    public void A_questionnaire_needs_a_French_title_of_at_most_200_characters()
    {
        var untitled = new Sample();
        untitled.Content.Title = new LocalizedText("  ", "Diagnose", "Diagnosis");
        Assert.Equal("Questionnaire.TitleRequired", Assert.Throws<DomainException>(() => untitled.NewQuestionnaire()).Code);

        var tooLong = new Sample();
        tooLong.Content.Title = new LocalizedText("Titre", "Titel", new string('x', QuestionnaireContent.TitleLength + 1));
        Assert.Equal("Questionnaire.TitleRequired", Assert.Throws<DomainException>(() => tooLong.NewQuestionnaire()).Code);
    }

    [Fact]
    public void Every_question_needs_a_French_text()
    {
        var sample = new Sample();
        sample.Surface.Text = new LocalizedText(string.Empty, "Oppervlakte", "Surface");

        Assert.Equal("Questionnaire.QuestionTextRequired", Assert.Throws<DomainException>(() => sample.NewQuestionnaire()).Code);
    }

    [Fact]
    public void A_number_question_cannot_have_its_minimum_above_its_maximum()
    {
        var sample = new Sample();
        sample.Surface.Minimum = 100;
        sample.Surface.Maximum = 10;

        Assert.Equal("Questionnaire.RangeInvalid", Assert.Throws<DomainException>(() => sample.NewQuestionnaire()).Code);
    }

    [Fact]
    public void An_undefined_question_type_is_refused()
    {
        var content = Single(new QuestionDefinition { Type = (QuestionType)99, Text = T("?") });

        Assert.Equal("Questionnaire.QuestionTypeInvalid", Assert.Throws<DomainException>(() => content.Validate(forPublishing: true)).Code);
    }

    [Fact]
    public void A_condition_pointing_to_a_later_question_is_refused()
    {
        var sample = new Sample();
        // The kind of organisation would depend on the answer that follows it.
        sample.Kind.Condition = new DisplayCondition { QuestionId = sample.SharesPlace.Id, Values = [QuestionDefinition.Yes] };
        AssertConditionInvalid(sample.Content);

        var section = new Sample();
        // A section cannot depend on one of its own questions, nor on a later section.
        section.Places.Condition = new DisplayCondition { QuestionId = section.Satisfaction.Id, Values = ["3"] };
        AssertConditionInvalid(section.Content);

        var later = new Sample();
        later.Organisation.Condition = new DisplayCondition { QuestionId = later.Needs.Id, Values = ["Data"] };
        AssertConditionInvalid(later.Content);
    }

    [Fact]
    public void A_question_cannot_depend_on_itself_or_on_an_unknown_question()
    {
        var itself = new Sample();
        itself.SharesPlace.Condition = new DisplayCondition { QuestionId = itself.SharesPlace.Id, Values = [QuestionDefinition.Yes] };
        AssertConditionInvalid(itself.Content);

        var unknown = new Sample();
        unknown.Comment.Condition = new DisplayCondition { QuestionId = Guid.NewGuid(), Values = [QuestionDefinition.Yes] };
        AssertConditionInvalid(unknown.Content);
    }

    [Theory]
    [InlineData(QuestionType.ShortText)]
    [InlineData(QuestionType.LongText)]
    [InlineData(QuestionType.Number)]
    [InlineData(QuestionType.Ranking)]
    public void A_condition_on_a_text_number_or_ranking_question_is_refused(QuestionType type)
    {
        var source = Question(type, Option("A"), Option("B"));
        var dependent = Question(QuestionType.YesNo);
        dependent.Condition = new DisplayCondition { QuestionId = source.Id, Values = [type == QuestionType.Ranking ? source.Options[0].Key : "texte"] };

        AssertConditionInvalid(Single(source, dependent));
    }

    [Fact]
    public void A_condition_naming_a_value_the_source_does_not_offer_is_refused()
    {
        Refused(s => s.SharesPlace, _ => ["maybe"]);
        Refused(s => s.SharesPlace, _ => ["Yes"]);
        Refused(s => s.SharesPlace, _ => [QuestionDefinition.Yes, "maybe"]);
        Refused(s => s.Kind, s => [s.Money.Key]); // an option of another question
        Refused(s => s.Kind, s => [s.Asbl.Id.ToString()]); // answers name options by key, without dashes
        Refused(s => s.Satisfaction, _ => ["0"]);
        Refused(s => s.Satisfaction, _ => ["6"]);
        Refused(s => s.Satisfaction, _ => ["trois"]);
        Refused(s => s.Needs, _ => ["Money"]);
        Refused(s => s.Needs, _ => ["data"]);
        Refused(s => s.Needs, _ => ["1"]);

        static void Refused(Func<Sample, QuestionDefinition> source, Func<Sample, List<string>> values)
        {
            var sample = new Sample();
            sample.Comment.Condition = new DisplayCondition { QuestionId = source(sample).Id, Values = values(sample) };
            AssertConditionInvalid(sample.Content);
        }
    }

    [Fact]
    public void Other_is_a_condition_value_only_when_the_question_offers_it()
    {
        var sample = new Sample();
        sample.Comment.Condition = new DisplayCondition { QuestionId = sample.Kind.Id, Values = [QuestionDefinition.OtherChoice] };
        sample.Content.Validate(forPublishing: true);

        sample.Kind.AllowOther = false;
        AssertConditionInvalid(sample.Content);
    }

    [Fact]
    public void A_condition_must_name_at_least_one_value()
    {
        var sample = new Sample();
        sample.Comment.Condition = new DisplayCondition { QuestionId = sample.SharesPlace.Id, Values = [] };

        AssertConditionInvalid(sample.Content);
    }

    [Fact]
    public void Conditions_on_earlier_choices_scales_yes_no_and_resource_kinds_are_accepted()
    {
        var sample = new Sample();
        sample.Needs.Condition = new DisplayCondition { QuestionId = sample.Kind.Id, Values = [sample.Asbl.Key, sample.Cooperative.Key] };
        sample.Priorities.Condition = new DisplayCondition { QuestionId = sample.Satisfaction.Id, Values = ["1", "2"] };
        sample.Comment.Condition = new DisplayCondition { QuestionId = sample.Needs.Id, Values = ["Data", "ExchangeSystem"] };
        sample.NeedsSection.Condition = new DisplayCondition { QuestionId = sample.SharesPlace.Id, Values = [QuestionDefinition.No] };

        sample.Content.Validate(forPublishing: true);
        var version = sample.NewQuestionnaire().Publish(Facilitator, Now);

        Assert.Equal(["Data", "ExchangeSystem"], version.Content.FindQuestion(sample.Comment.Id)!.Condition!.Values);
    }

    [Fact]
    public void Two_questions_with_the_same_id_are_refused()
    {
        var sample = new Sample();
        sample.Comment.Id = sample.Kind.Id;

        Assert.Equal("Questionnaire.DuplicateId", Assert.Throws<DomainException>(() => sample.NewQuestionnaire()).Code);
    }

    [Fact]
    public void Sections_questions_and_options_share_one_set_of_ids()
    {
        var sectionLikeQuestion = new Sample();
        sectionLikeQuestion.NeedsSection.Id = sectionLikeQuestion.Comment.Id;
        AssertDuplicate(sectionLikeQuestion.Content);

        var twoSections = new Sample();
        twoSections.Places.Id = twoSections.Organisation.Id;
        AssertDuplicate(twoSections.Content);

        var optionAcrossQuestions = new Sample();
        optionAcrossQuestions.Money.Id = optionAcrossQuestions.Asbl.Id;
        AssertDuplicate(optionAcrossQuestions.Content);

        var optionLikeQuestion = new Sample();
        optionLikeQuestion.Skills.Id = optionLikeQuestion.Needs.Id;
        AssertDuplicate(optionLikeQuestion.Content);

        static void AssertDuplicate(QuestionnaireContent content) =>
            Assert.Equal("Questionnaire.DuplicateId", Assert.Throws<DomainException>(() => content.Validate(forPublishing: false)).Code);
    }

    [Fact]
    public void An_empty_id_is_refused()
    {
        var sample = new Sample();
        sample.Cooperative.Id = Guid.Empty;

        Assert.Equal("Questionnaire.DuplicateId", Assert.Throws<DomainException>(() => sample.NewQuestionnaire()).Code);
    }

    [Fact]
    public void An_invalid_revision_leaves_the_draft_as_it_was()
    {
        var sample = new Sample();
        var questionnaire = sample.NewQuestionnaire();
        var before = questionnaire.Draft.ToJson();
        var broken = questionnaire.Draft.Copy();
        broken.Sections[0].Questions[0].Options.RemoveAt(0);
        broken.Sections[0].Questions[0].Options.RemoveAt(0);

        Assert.Throws<DomainException>(() => questionnaire.ReviseDraft(broken, Now.AddHours(1)));

        Assert.Equal(before, questionnaire.Draft.ToJson());
        Assert.Equal(Now, questionnaire.UpdatedAt);
    }

    [Fact]
    public void Questions_are_numbered_across_sections()
    {
        var sample = new Sample();

        Assert.Equal(1, sample.Content.NumberOf(sample.Kind.Id));
        Assert.Equal(3, sample.Content.NumberOf(sample.PlaceDetails.Id));
        Assert.Equal(4, sample.Content.NumberOf(sample.Surface.Id));
        Assert.Equal(8, sample.Content.NumberOf(sample.Comment.Id));
        Assert.Same(sample.Places, sample.Content.SectionOf(sample.Satisfaction.Id));
        Assert.Null(sample.Content.SectionOf(Guid.NewGuid()));
    }

    [Fact]
    public void A_published_questionnaire_without_dates_is_open()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.Publish(Facilitator, Now);

        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(Now.AddYears(-1)));
        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(Now.AddYears(1)));
    }

    [Fact]
    public void Dates_do_not_make_an_unpublished_questionnaire_answerable()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.Schedule(Now.AddDays(-1), Now.AddDays(10), Now);

        Assert.Equal(QuestionnaireState.Draft, questionnaire.StateAt(Now.AddDays(-2)));
        Assert.Equal(QuestionnaireState.Draft, questionnaire.StateAt(Now));
        Assert.Equal(QuestionnaireState.Draft, questionnaire.StateAt(Now.AddDays(11)));
        Assert.False(questionnaire.AcceptsAnswersAt(Now));
    }

    [Fact]
    public void A_scheduled_questionnaire_opens_at_its_opening_date_and_closes_at_its_closing_date()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        var opens = Now.AddDays(7);
        var closes = Now.AddDays(21);
        questionnaire.Schedule(opens, closes, Now);
        questionnaire.Publish(Facilitator, Now);

        Assert.Equal(QuestionnaireState.Scheduled, questionnaire.StateAt(Now));
        Assert.Equal(QuestionnaireState.Scheduled, questionnaire.StateAt(opens.AddTicks(-1)));
        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(opens));
        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(closes.AddTicks(-1)));
        Assert.Equal(QuestionnaireState.Closed, questionnaire.StateAt(closes));
        Assert.Equal(QuestionnaireState.Closed, questionnaire.StateAt(closes.AddDays(1)));

        Assert.False(questionnaire.AcceptsAnswersAt(Now));
        Assert.True(questionnaire.AcceptsAnswersAt(opens));
        Assert.False(questionnaire.AcceptsAnswersAt(closes));
    }

    [Fact]
    public void Only_a_closing_date_leaves_the_questionnaire_open_until_then()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.Publish(Facilitator, Now);
        questionnaire.Schedule(null, Now.AddDays(3), Now);

        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(Now.AddDays(-30)));
        Assert.Equal(QuestionnaireState.Closed, questionnaire.StateAt(Now.AddDays(3)));
    }

    [Fact]
    public void Dates_are_kept_in_UTC_and_compared_as_instants()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.Publish(Facilitator, Now);
        var brussels = TimeSpan.FromHours(1);
        questionnaire.Schedule(new DateTimeOffset(2026, 3, 10, 9, 0, 0, brussels), new DateTimeOffset(2026, 3, 20, 18, 0, 0, brussels), Now);

        Assert.Equal(TimeSpan.Zero, questionnaire.OpensAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), questionnaire.OpensAt);
        Assert.Equal(QuestionnaireState.Scheduled, questionnaire.StateAt(new DateTimeOffset(2026, 3, 10, 7, 59, 0, TimeSpan.Zero)));
        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(new DateTimeOffset(2026, 3, 10, 9, 0, 0, brussels)));
        Assert.Equal(QuestionnaireState.Closed, questionnaire.StateAt(new DateTimeOffset(2026, 3, 20, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_closing_date_before_or_at_the_opening_date_is_refused()
    {
        var questionnaire = new Sample().NewQuestionnaire();

        Assert.Equal("Questionnaire.DatesInvalid", Assert.Throws<DomainException>(() => questionnaire.Schedule(Now.AddDays(5), Now.AddDays(4), Now)).Code);
        Assert.Equal("Questionnaire.DatesInvalid", Assert.Throws<DomainException>(() => questionnaire.Schedule(Now.AddDays(5), Now.AddDays(5), Now)).Code);
        Assert.Null(questionnaire.OpensAt);
        Assert.Null(questionnaire.ClosesAt);
    }

    [Fact]
    public void Closing_now_closes_an_open_questionnaire_at_once()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.Publish(Facilitator, Now);
        questionnaire.Schedule(null, Now.AddDays(30), Now);

        questionnaire.CloseNow(Now.AddDays(2));

        Assert.Equal(Now.AddDays(2), questionnaire.ClosesAt);
        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(Now.AddDays(1)));
        Assert.Equal(QuestionnaireState.Closed, questionnaire.StateAt(Now.AddDays(2)));
        Assert.False(questionnaire.AcceptsAnswersAt(Now.AddDays(2)));
    }

    [Fact]
    public void Closing_a_scheduled_questionnaire_now_brings_its_opening_date_back()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.Schedule(Now.AddDays(7), Now.AddDays(14), Now);
        questionnaire.Publish(Facilitator, Now);

        questionnaire.CloseNow(Now.AddDays(1));

        Assert.Equal(Now.AddDays(1), questionnaire.ClosesAt);
        Assert.Equal(Now.AddDays(1), questionnaire.OpensAt);
        Assert.Equal(QuestionnaireState.Closed, questionnaire.StateAt(Now.AddDays(1)));
        Assert.Equal(QuestionnaireState.Closed, questionnaire.StateAt(Now.AddDays(8)));
    }

    [Fact]
    public void A_closed_questionnaire_reopens_when_its_dates_are_cleared()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.Publish(Facilitator, Now);
        questionnaire.CloseNow(Now);

        questionnaire.Schedule(null, null, Now.AddHours(1));

        Assert.Equal(QuestionnaireState.Open, questionnaire.StateAt(Now.AddHours(1)));
    }

    private static void AssertConditionInvalid(QuestionnaireContent content)
    {
        Assert.Equal("Questionnaire.ConditionInvalid", Assert.Throws<DomainException>(() => content.Validate(forPublishing: true)).Code);
        Assert.Equal("Questionnaire.ConditionInvalid", Assert.Throws<DomainException>(() => new Questionnaire(Lab, content, null, Now)).Code);
    }
}
