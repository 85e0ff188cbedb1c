using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

/// <summary>A NUL or another invisible control character in an answer is refused with its own message, never stored.</summary>
public sealed class UnstorableCharactersTests
{
    [Theory]
    [InlineData(QuestionType.ShortText, "bon\0jour")]
    [InlineData(QuestionType.LongText, "ligne\u0001")]
    [InlineData(QuestionType.LongText, "\u001b[31m")]
    [InlineData(QuestionType.Number, "12\0")]
    [InlineData(QuestionType.YesNo, "yes\0")]
    public void An_answer_with_a_control_character_is_refused_as_such(QuestionType type, string value)
    {
        var (values, error) = AnswerRules.Parse(Question(type), A(value));

        Assert.Equal("InvalidCharacters", error);
        Assert.Empty(values);
    }

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused()
    {
        // Built at run time: an attribute cannot even carry it.
        var (_, error) = AnswerRules.Parse(Question(QuestionType.ShortText), A("moitié " + (char)0xD800 + " de caractère"));

        Assert.Equal("InvalidCharacters", error);
    }

    [Fact]
    public void The_other_box_is_checked_too()
    {
        var question = Question(QuestionType.SingleChoice, Option("Un"), Option("Deux"));
        question.AllowOther = true;

        var (_, error) = AnswerRules.Parse(question, new SubmittedAnswer([QuestionDefinition.OtherChoice], "autre\0"));

        Assert.Equal("InvalidCharacters", error);
    }

    [Fact]
    public void Tabs_line_breaks_accents_and_emoji_are_kept()
    {
        var text = "Première ligne\r\n\tseconde 🌱 — ça va";

        var (values, error) = AnswerRules.Parse(Question(QuestionType.LongText), A(text));

        Assert.Null(error);
        Assert.Equal(text, Assert.Single(values).Text);
        Assert.True(AnswerRules.IsStorable(text));
    }

    [Fact]
    public void What_is_shown_back_keeps_the_text_without_the_refused_characters()
    {
        var answer = new SubmittedAnswer(["bon\0jour 🌱\u0007", "ok"], "au\ud800tre");

        var shown = answer.WithoutUnstorableCharacters();

        Assert.True(answer.HasUnstorableCharacters);
        Assert.False(shown.HasUnstorableCharacters);
        Assert.Equal(["bonjour 🌱", "ok"], shown.Values);
        Assert.Equal("autre", shown.Other);
        var clean = A("déjà propre");
        Assert.Same(clean, clean.WithoutUnstorableCharacters());
    }

    [Fact]
    public void A_page_with_one_such_answer_saves_nothing_and_names_that_question()
    {
        var sample = new Sample();
        var response = NewResponse();

        var problems = response.SaveSection(sample.Content, 0, Page((sample.Kind, A(sample.Asbl.Key)), (sample.SharesPlace, A("yes")), (sample.PlaceDetails, A("Rue\0 Haute"))), "fr", Now);

        Assert.Equal("InvalidCharacters", Assert.Single(problems, p => p.Key == sample.PlaceDetails.Id).Value);
        Assert.Single(problems);
        Assert.Empty(response.Answers);
    }
}
