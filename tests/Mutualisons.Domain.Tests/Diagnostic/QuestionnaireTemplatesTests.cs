using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Domain.Tests.Diagnostic;

public sealed class QuestionnaireTemplatesTests
{
    public static TheoryData<string> Keys => [QuestionnaireTemplates.General, QuestionnaireTemplates.Data, QuestionnaireTemplates.Place];

    private static QuestionnaireContent Create(string key) => QuestionnaireTemplates.Find(key)!.Create();

    private static IEnumerable<Guid> Ids(QuestionnaireContent content) =>
        content.Sections.Select(s => s.Id)
            .Concat(content.Questions.Select(q => q.Id))
            .Concat(content.Questions.SelectMany(q => q.Options).Select(o => o.Id));

    [Fact]
    public void The_three_templates_are_listed_once_and_found_by_key()
    {
        Assert.Equal([QuestionnaireTemplates.General, QuestionnaireTemplates.Data, QuestionnaireTemplates.Place], QuestionnaireTemplates.All.Select(t => t.Key));
        Assert.Same(QuestionnaireTemplates.All[1], QuestionnaireTemplates.Find(QuestionnaireTemplates.Data));
        Assert.Null(QuestionnaireTemplates.Find("unknown"));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_template_can_be_published_as_is(string key)
    {
        var content = Create(key);

        content.Validate(forPublishing: true);
        content.Copy().Validate(forPublishing: true);
        Assert.InRange(content.Sections.Count, 2, 4);
        Assert.Contains(content.Questions, q => q.Required);
        Assert.Contains(content.Questions, q => !q.Required);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_text_is_in_french_dutch_and_english(string key)
    {
        var content = Create(key);

        Assert.Empty(content.MissingTranslations());
        Assert.False(content.Title.IsEmpty);
        Assert.False(content.Introduction.IsEmpty);
        Assert.All(content.Sections, s => Assert.False(s.Title.IsEmpty));
        Assert.All(content.Questions, q => Assert.False(q.Text.IsEmpty));
        Assert.All(content.Questions.Where(q => q.Type == QuestionType.Scale), q =>
        {
            Assert.False(q.ScaleMinLabel.IsEmpty);
            Assert.False(q.ScaleMaxLabel.IsEmpty);
        });
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_use_of_a_template_gets_its_own_ids(string key)
    {
        var first = Create(key);
        var second = Create(key);

        Assert.Empty(Ids(first).Intersect(Ids(second)));

        first.Questions.First().Text.Fr = "Modifié";
        Assert.NotEqual("Modifié", second.Questions.First().Text.Fr);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_template_has_a_follow_up_that_depends_on_an_earlier_question(string key)
    {
        var content = Create(key);
        var questions = content.Questions.ToList();

        var conditional = questions.Where(q => q.Condition is not null).ToList();

        Assert.NotEmpty(conditional);
        Assert.All(conditional, q =>
        {
            var source = questions.FindIndex(s => s.Id == q.Condition!.QuestionId);
            Assert.InRange(source, 0, questions.IndexOf(q) - 1);
            Assert.True(questions[source].Type.CanDriveConditions());
            Assert.All(q.Condition!.Values, v => Assert.True(questions[source].AcceptsChoice(v)));
        });
    }

    [Fact]
    public void The_general_template_uses_the_richer_question_types()
    {
        var content = Create(QuestionnaireTemplates.General);
        var types = content.Questions.Select(q => q.Type).ToList();

        Assert.Contains(QuestionType.ResourceKind, types);
        Assert.Contains(QuestionType.Ranking, types);
        Assert.Contains(QuestionType.Scale, types);
        Assert.Contains(QuestionType.Number, types);
        Assert.Contains(QuestionType.YesNo, types);
        Assert.All(content.Questions.Where(q => q.Type == QuestionType.Number), q => Assert.Equal(0m, q.Minimum));
        Assert.Contains(content.Questions, q => q.Type == QuestionType.MultipleChoice && q.AllowOther);
        Assert.Contains(content.Questions, q => q.Type == QuestionType.MultipleChoice && q.Options.Count == 5);

        var workshop = Assert.Single(content.Questions, q => q.Type == QuestionType.YesNo);
        var availability = Assert.Single(content.Questions, q => q.Condition?.QuestionId == workshop.Id);
        Assert.Equal([QuestionDefinition.Yes], availability.Condition!.Values);
    }

    [Fact]
    public void The_place_template_asks_for_conditions_only_when_the_proposal_is_approved_with_conditions()
    {
        var content = Create(QuestionnaireTemplates.Place);
        var approval = Assert.Single(content.Questions, q => q.Type == QuestionType.SingleChoice && q.Options.Count == 3);
        var withConditions = approval.Options[1];

        var followUp = Assert.Single(content.Questions, q => q.Type == QuestionType.LongText && q.Condition is { } c
            && c.QuestionId == approval.Id && c.Values.SequenceEqual([withConditions.Key]));

        var choices = new Dictionary<Guid, IReadOnlyCollection<string>> { [approval.Id] = [withConditions.Key] };
        Assert.True(content.IsShown(content.SectionOf(followUp.Id)!, followUp, choices));
        choices[approval.Id] = [approval.Options[0].Key];
        Assert.False(content.IsShown(content.SectionOf(followUp.Id)!, followUp, choices));
    }
}
