using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Domain.Tests.Diagnostic;

/// <summary>One language per questionnaire for a respondent: theirs when complete, else a complete one, never a mix.</summary>
public sealed class QuestionnaireLanguageTests
{
    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("en")]
    public void A_complete_questionnaire_is_read_in_the_respondent_s_language(string language)
    {
        var content = new Sample().Content;

        Assert.True(content.IsCompleteIn(language));
        Assert.Equal(language, content.LanguageFor(language));
    }

    [Fact]
    public void One_missing_Dutch_text_makes_a_Dutch_respondent_read_the_whole_questionnaire_in_French()
    {
        var sample = new Sample();
        sample.Surface.Text.Nl = string.Empty;

        Assert.False(sample.Content.IsCompleteIn("nl"));
        Assert.True(sample.Content.IsCompleteIn("fr"));
        Assert.Equal("fr", sample.Content.LanguageFor("nl"));
        // The others keep their own language.
        Assert.Equal("en", sample.Content.LanguageFor("en"));
    }

    [Fact]
    public void An_optional_text_missing_in_a_language_counts_too()
    {
        var sample = new Sample();
        sample.Kind.Help = new LocalizedText("Celle de vos statuts", string.Empty, "As in your statutes");

        Assert.Equal("fr", sample.Content.LanguageFor("nl"));
        Assert.Equal("en", sample.Content.LanguageFor("en"));
    }

    [Fact]
    public void When_French_is_incomplete_too_the_most_complete_language_is_chosen()
    {
        var sample = new Sample();
        // Dutch lacks two texts, French one, English none: a Dutch respondent reads English.
        sample.Surface.Text.Nl = string.Empty;
        sample.Satisfaction.Text.Nl = string.Empty;
        sample.Kind.Help = new LocalizedText(string.Empty, string.Empty, "As in your statutes");

        Assert.Equal("en", sample.Content.LanguageFor("nl"));
        Assert.Equal("en", sample.Content.LanguageFor("fr"));
    }

    [Fact]
    public void On_a_tie_French_comes_first_then_English()
    {
        var sample = new Sample();
        sample.Kind.Help = new LocalizedText(string.Empty, "Zoals in uw statuten", string.Empty);
        sample.Comment.Help = new LocalizedText("Si vous voulez", string.Empty, string.Empty);

        // French and Dutch lack one text each, English two: neither wanted language is complete, French wins the tie.
        Assert.Equal("fr", sample.Content.LanguageFor("nl"));
        Assert.Equal("fr", sample.Content.LanguageFor("en"));
    }

    [Fact]
    public void An_unknown_language_is_never_complete_and_falls_back()
    {
        var content = new Sample().Content;

        Assert.False(content.IsCompleteIn("de"));
        Assert.Equal("fr", content.LanguageFor("de"));
    }
}
