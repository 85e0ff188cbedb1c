using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

public sealed class AnswerRulesTests
{
    private static readonly OptionDefinition First = Option("Premier");
    private static readonly OptionDefinition Second = Option("Deuxième");
    private static readonly OptionDefinition Third = Option("Troisième");

    private static QuestionDefinition Choice(QuestionType type, bool allowOther = false)
    {
        var question = Question(type, First, Second, Third);
        question.AllowOther = allowOther;
        return question;
    }

    private static string? ErrorOf(QuestionDefinition question, SubmittedAnswer answer) => AnswerRules.Parse(question, answer).Error;

    private static IReadOnlyList<AnswerValue> ValuesOf(QuestionDefinition question, SubmittedAnswer answer)
    {
        var (values, error) = AnswerRules.Parse(question, answer);
        Assert.Null(error);
        return values;
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    [InlineData(QuestionType.Scale)]
    [InlineData(QuestionType.Number)]
    [InlineData(QuestionType.ShortText)]
    [InlineData(QuestionType.LongText)]
    [InlineData(QuestionType.Ranking)]
    [InlineData(QuestionType.ResourceKind)]
    [InlineData(QuestionType.YesNo)]
    public void A_blank_answer_is_accepted_and_stores_nothing(QuestionType type)
    {
        var question = Choice(type);

        Assert.Empty(ValuesOf(question, SubmittedAnswer.None));
        Assert.Empty(ValuesOf(question, A("", "  ")));
        Assert.True(A(" ", "").IsBlank);
        Assert.False(new SubmittedAnswer([], "autre").IsBlank);
    }

    [Fact]
    public void A_single_choice_stores_the_option_key()
    {
        var value = Assert.Single(ValuesOf(Choice(QuestionType.SingleChoice), A($" {Second.Key} ")));

        Assert.Equal(new AnswerValue(Second.Key, null, null), value);
    }

    [Fact]
    public void An_unknown_option_key_is_refused()
    {
        Assert.Equal("UnknownOption", ErrorOf(Choice(QuestionType.SingleChoice), A(Guid.NewGuid().ToString("N"))));
        Assert.Equal("UnknownOption", ErrorOf(Choice(QuestionType.MultipleChoice), A(First.Key, "n'importe quoi")));
        Assert.Equal("UnknownOption", ErrorOf(Choice(QuestionType.SingleChoice), A(First.Id.ToString())));
    }

    [Fact]
    public void A_single_choice_takes_one_option_only()
    {
        Assert.Equal("OneChoiceOnly", ErrorOf(Choice(QuestionType.SingleChoice), A(First.Key, Second.Key)));
    }

    [Fact]
    public void A_multiple_choice_stores_one_value_per_option_ticked()
    {
        var values = ValuesOf(Choice(QuestionType.MultipleChoice), A(First.Key, Third.Key));

        Assert.Equal([First.Key, Third.Key], values.Select(v => v.Choice));
        Assert.All(values, v => Assert.Null(v.Text));
    }

    [Fact]
    public void The_same_option_ticked_twice_is_refused()
    {
        Assert.NotNull(ErrorOf(Choice(QuestionType.MultipleChoice), A(First.Key, First.Key)));
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice)]
    [InlineData(QuestionType.MultipleChoice)]
    public void Other_needs_its_text(QuestionType type)
    {
        var question = Choice(type, allowOther: true);

        Assert.Equal("OtherRequired", ErrorOf(question, A(QuestionDefinition.OtherChoice)));
        Assert.Equal("OtherRequired", ErrorOf(question, new SubmittedAnswer([QuestionDefinition.OtherChoice], "   ")));

        var value = Assert.Single(ValuesOf(question, new SubmittedAnswer([QuestionDefinition.OtherChoice], "  Une fondation ")));
        Assert.Equal(new AnswerValue(QuestionDefinition.OtherChoice, null, "Une fondation"), value);
    }

    [Fact]
    public void Other_is_refused_when_the_question_does_not_offer_it()
    {
        Assert.Equal("UnknownOption", ErrorOf(Choice(QuestionType.SingleChoice), new SubmittedAnswer([QuestionDefinition.OtherChoice], "Une fondation")));
    }

    [Fact]
    public void Other_can_be_ticked_with_options_and_only_it_carries_the_text()
    {
        var values = ValuesOf(Choice(QuestionType.MultipleChoice, allowOther: true), new SubmittedAnswer([First.Key, QuestionDefinition.OtherChoice], "Une fondation"));

        Assert.Equal([new AnswerValue(First.Key, null, null), new AnswerValue(QuestionDefinition.OtherChoice, null, "Une fondation")], values);
    }

    [Fact]
    public void The_other_text_is_at_most_500_characters()
    {
        var question = Choice(QuestionType.SingleChoice, allowOther: true);

        Assert.Null(ErrorOf(question, new SubmittedAnswer([QuestionDefinition.OtherChoice], new string('x', AnswerRules.ShortTextLength))));
        Assert.Equal("TooLong", ErrorOf(question, new SubmittedAnswer([QuestionDefinition.OtherChoice], new string('x', AnswerRules.ShortTextLength + 1))));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3", 3)]
    [InlineData(" 5 ", 5)]
    public void A_scale_stores_its_step_as_choice_and_number(string sent, int step)
    {
        var value = Assert.Single(ValuesOf(Question(QuestionType.Scale), A(sent)));

        Assert.Equal(new AnswerValue(step.ToString(System.Globalization.CultureInfo.InvariantCulture), step, null), value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("trois")]
    public void A_scale_step_outside_1_to_5_is_refused(string sent)
    {
        Assert.Equal("OutOfRange", ErrorOf(Question(QuestionType.Scale), A(sent)));
    }

    [Fact]
    public void A_scale_takes_one_step_only()
    {
        Assert.Equal("OutOfRange", ErrorOf(Question(QuestionType.Scale), A("2", "4")));
    }

    /// <summary>
    /// A scale step is a category that conditions and counts compare as text ("3"); a form never sends "03" or "+3",
    /// and accepting them would store a choice no condition or tally recognises.
    /// </summary>
    [Theory]
    [InlineData("03")]
    [InlineData("+3")]
    public void A_scale_step_is_refused_or_stored_in_its_canonical_form(string sent)
    {
        var (values, error) = AnswerRules.Parse(Question(QuestionType.Scale), A(sent));

        if (error is null)
        {
            Assert.Equal("3", Assert.Single(values).Choice);
        }
    }

    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("12,5", 12.5)]
    [InlineData("1 200", 1200)]
    [InlineData("1\u00a0200,75", 1200.75)]
    [InlineData("-3", -3)]
    [InlineData(" 42 ", 42)]
    [InlineData("0", 0)]
    public void A_number_is_read_with_a_dot_or_a_comma(string sent, double expected)
    {
        var value = Assert.Single(ValuesOf(Question(QuestionType.Number), A(sent)));

        Assert.Equal(new AnswerValue(null, (decimal)expected, null), value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData("12 %")]
    public void Something_that_is_not_a_number_is_refused(string sent)
    {
        Assert.Equal("NotANumber", ErrorOf(Question(QuestionType.Number), A(sent)));
    }

    [Fact]
    public void A_number_question_takes_one_number()
    {
        Assert.Equal("NotANumber", ErrorOf(Question(QuestionType.Number), A("1", "2")));
    }

    [Fact]
    public void A_number_outside_the_question_range_is_refused()
    {
        var question = Question(QuestionType.Number);
        question.Minimum = 0;
        question.Maximum = 100;

        Assert.Equal("OutOfRange", ErrorOf(question, A("-0,5")));
        Assert.Equal("OutOfRange", ErrorOf(question, A("100,01")));
        Assert.Equal(0m, Assert.Single(ValuesOf(question, A("0"))).Number);
        Assert.Equal(100m, Assert.Single(ValuesOf(question, A("100"))).Number);
    }

    [Fact]
    public void A_number_without_a_range_is_still_bounded()
    {
        var question = Question(QuestionType.Number);

        Assert.Null(ErrorOf(question, A("1000000000000")));
        Assert.Equal("OutOfRange", ErrorOf(question, A("1000000000001")));
        Assert.Equal("OutOfRange", ErrorOf(question, A("-1000000000001")));
    }

    [Fact]
    public void A_short_text_is_trimmed_and_at_most_500_characters()
    {
        var question = Question(QuestionType.ShortText);

        Assert.Equal(new AnswerValue(null, null, "La Bota"), Assert.Single(ValuesOf(question, A("  La Bota  "))));
        Assert.Null(ErrorOf(question, A(new string('x', AnswerRules.ShortTextLength))));
        Assert.Equal("TooLong", ErrorOf(question, A(new string('x', AnswerRules.ShortTextLength + 1))));
    }

    [Fact]
    public void A_long_text_is_at_most_4000_characters()
    {
        var question = Question(QuestionType.LongText);

        Assert.Null(ErrorOf(question, A(new string('x', AnswerRules.LongTextLength))));
        Assert.Equal("TooLong", ErrorOf(question, A(new string('x', AnswerRules.LongTextLength + 1))));
    }

    [Fact]
    public void A_ranking_stores_options_in_rank_order()
    {
        var values = ValuesOf(Choice(QuestionType.Ranking), A($"{First.Key}:3", $"{Second.Key}:1", $"{Third.Key}:2"));

        Assert.Equal(
            [new AnswerValue(Second.Key, 1, null), new AnswerValue(Third.Key, 2, null), new AnswerValue(First.Key, 3, null)],
            values);
    }

    [Fact]
    public void A_ranking_may_leave_options_unranked()
    {
        var values = ValuesOf(Choice(QuestionType.Ranking), A($"{First.Key}:", $"{Second.Key}:1", $"{Third.Key}:"));

        Assert.Equal(new AnswerValue(Second.Key, 1, null), Assert.Single(values));
    }

    [Fact]
    public void Two_options_with_the_same_rank_are_refused()
    {
        Assert.Equal("RankTwice", ErrorOf(Choice(QuestionType.Ranking), A($"{First.Key}:1", $"{Second.Key}:1")));
    }

    [Fact]
    public void One_option_ranked_twice_is_refused()
    {
        Assert.Equal("RankTwice", ErrorOf(Choice(QuestionType.Ranking), A($"{First.Key}:1", $"{First.Key}:2")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("un")]
    public void A_rank_outside_1_to_the_number_of_options_is_refused(string rank)
    {
        Assert.Equal("OutOfRange", ErrorOf(Choice(QuestionType.Ranking), A($"{First.Key}:{rank}")));
    }

    [Fact]
    public void A_ranking_of_an_unknown_option_or_without_a_rank_pair_is_refused()
    {
        var question = Choice(QuestionType.Ranking);

        Assert.Equal("UnknownOption", ErrorOf(question, A($"{Guid.NewGuid():N}:1")));
        Assert.Equal("UnknownOption", ErrorOf(question, A(First.Key)));
        Assert.Equal("UnknownOption", ErrorOf(question, A($"{First.Key}:1:2")));
    }

    [Fact]
    public void Resource_kinds_are_stored_by_name()
    {
        var values = ValuesOf(Question(QuestionType.ResourceKind), A("Place", "Data"));

        Assert.Equal([new AnswerValue("Place", null, null), new AnswerValue("Data", null, null)], values);
    }

    [Theory]
    [InlineData("Money")]
    [InlineData("place")]
    [InlineData("0")]
    [InlineData("Place,Data")]
    public void An_unknown_resource_kind_is_refused(string sent)
    {
        Assert.Equal("UnknownOption", ErrorOf(Question(QuestionType.ResourceKind), A(sent)));
    }

    [Fact]
    public void A_resource_kind_given_twice_is_refused()
    {
        Assert.Equal("UnknownOption", ErrorOf(Question(QuestionType.ResourceKind), A("Data", "Data")));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public void Yes_or_no_is_stored_as_a_choice(string sent)
    {
        Assert.Equal(new AnswerValue(sent, null, null), Assert.Single(ValuesOf(Question(QuestionType.YesNo), A(sent))));
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("oui")]
    [InlineData("true")]
    public void Anything_but_yes_or_no_is_refused(string sent)
    {
        Assert.Equal("UnknownOption", ErrorOf(Question(QuestionType.YesNo), A(sent)));
    }

    [Fact]
    public void Yes_and_no_together_are_refused()
    {
        Assert.Equal("UnknownOption", ErrorOf(Question(QuestionType.YesNo), A("yes", "no")));
    }
}
