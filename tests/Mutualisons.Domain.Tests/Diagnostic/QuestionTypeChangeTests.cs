using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

/// <summary>What changing a question's type does to its options.</summary>
public sealed class QuestionTypeChangeTests
{
    [Theory]
    [InlineData(QuestionType.Number)]
    [InlineData(QuestionType.ShortText)]
    [InlineData(QuestionType.LongText)]
    [InlineData(QuestionType.Scale)]
    [InlineData(QuestionType.YesNo)]
    [InlineData(QuestionType.ResourceKind)]
    public void A_type_without_options_drops_them_and_the_other_choice(QuestionType type)
    {
        var question = Question(QuestionType.MultipleChoice, Option("Un"), Option("Deux"), Option("Trois"));
        question.AllowOther = true;

        question.ChangeType(type);

        Assert.Equal(type, question.Type);
        Assert.Empty(question.Options);
        Assert.False(question.AllowOther);
    }

    [Fact]
    public void A_choice_type_gets_the_two_blank_options_it_needs_at_least()
    {
        var question = Question(QuestionType.ShortText);

        question.ChangeType(QuestionType.SingleChoice);

        Assert.Equal(QuestionDefinition.MinOptions, question.Options.Count);
        Assert.All(question.Options, o => Assert.True(o.Text.IsEmpty));
        Assert.Equal(2, question.Options.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public void Options_already_written_are_kept_between_choice_types()
    {
        var one = Option("Un");
        var question = Question(QuestionType.SingleChoice, one, Option("Deux"), Option("Trois"));
        question.AllowOther = true;

        question.ChangeType(QuestionType.MultipleChoice);

        Assert.Equal(3, question.Options.Count);
        Assert.Same(one, question.Options[0]);
        Assert.True(question.AllowOther);
    }

    [Fact]
    public void A_single_option_is_completed_to_two()
    {
        var one = Option("Un");
        var question = Question(QuestionType.Ranking, one);

        question.ChangeType(QuestionType.MultipleChoice);

        Assert.Equal(2, question.Options.Count);
        Assert.Same(one, question.Options[0]);
    }

    [Fact]
    public void A_ranking_offers_no_other_choice()
    {
        var question = Question(QuestionType.MultipleChoice, Option("Un"), Option("Deux"));
        question.AllowOther = true;

        question.ChangeType(QuestionType.Ranking);

        Assert.False(question.AllowOther);
        Assert.Equal(2, question.Options.Count);
    }

    [Fact]
    public void An_unknown_type_is_refused_and_changes_nothing()
    {
        var question = Question(QuestionType.SingleChoice, Option("Un"), Option("Deux"));

        var refused = Assert.Throws<DomainException>(() => question.ChangeType((QuestionType)42));

        Assert.Equal("Questionnaire.QuestionTypeInvalid", refused.Code);
        Assert.Equal(QuestionType.SingleChoice, question.Type);
        Assert.Equal(2, question.Options.Count);
    }
}
