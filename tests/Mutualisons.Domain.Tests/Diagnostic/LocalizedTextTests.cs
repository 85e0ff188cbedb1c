using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

public sealed class LocalizedTextTests
{
    [Fact]
    public void A_text_is_read_in_the_wanted_language_when_it_exists()
    {
        var text = new LocalizedText("Bonjour", "Hallo", "Hello");

        Assert.Equal("Bonjour", text.In("fr"));
        Assert.Equal("Hallo", text.In("nl"));
        Assert.Equal("Hello", text.In("en"));
        Assert.Equal("Bonjour", text.ToString());
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("")]
    public void A_missing_translation_falls_back_to_French(string language)
    {
        var text = new LocalizedText("Bonjour", "  ", string.Empty);

        Assert.Equal("Bonjour", text.In(language));
    }

    [Fact]
    public void Without_French_the_fallback_is_English_then_Dutch()
    {
        Assert.Equal("Hello", new LocalizedText(string.Empty, "Hallo", "Hello").In("fr"));
        Assert.Equal("Hallo", new LocalizedText(" ", "Hallo", string.Empty).In("en"));
        Assert.Equal(string.Empty, new LocalizedText().In("nl"));
    }

    [Fact]
    public void A_text_lacks_the_languages_another_one_has()
    {
        Assert.Equal(["nl", "en"], new LocalizedText("Bonjour", string.Empty, " ").MissingLanguages());
        Assert.Equal(["fr"], new LocalizedText(string.Empty, "Hallo", "Hello").MissingLanguages());
        Assert.Empty(new LocalizedText("Bonjour", "Hallo", "Hello").MissingLanguages());
        // An empty optional text (no help, no scale label) lacks nothing.
        Assert.Empty(new LocalizedText().MissingLanguages());
        Assert.True(new LocalizedText(" ", "", "\t").IsEmpty);
    }

    [Fact]
    public void A_copy_is_independent()
    {
        var text = new LocalizedText("Bonjour", "Hallo", "Hello");

        var copy = text.Copy();
        copy.Fr = "Salut";

        Assert.Equal("Bonjour", text.Fr);
        Assert.Equal("Hallo", copy.Nl);
    }

    [Fact]
    public void A_fully_translated_questionnaire_lacks_no_translation()
    {
        Assert.Empty(new Sample().Content.MissingTranslations());
    }

    [Fact]
    public void Missing_translations_say_which_text_where_and_in_which_language()
    {
        var sample = new Sample();
        sample.Content.Title.Nl = string.Empty;
        sample.Content.Introduction = new LocalizedText("Merci", string.Empty, string.Empty);
        sample.Places.Description = new LocalizedText("Les lieux que vous partagez", "De plaatsen", string.Empty);
        sample.Surface.Help = new LocalizedText(string.Empty, "In vierkante meter", string.Empty);
        sample.Money.Text.En = string.Empty;
        sample.Time.Text.En = " ";

        var missing = sample.Content.MissingTranslations().ToList();

        Assert.Equal(
            [
                new MissingTranslation(new TextPlace(TextPart.Title), "nl"),
                new MissingTranslation(new TextPlace(TextPart.Introduction), "nl"),
                new MissingTranslation(new TextPlace(TextPart.Introduction), "en"),
                new MissingTranslation(new TextPlace(TextPart.SectionDescription, 2), "en"),
                new MissingTranslation(new TextPlace(TextPart.Help, 2, 4), "fr"),
                new MissingTranslation(new TextPlace(TextPart.Help, 2, 4), "en"),
                new MissingTranslation(new TextPlace(TextPart.Option, 3, 7, 1), "en"),
                new MissingTranslation(new TextPlace(TextPart.Option, 3, 7, 2), "en"),
            ],
            missing);
    }

    [Fact]
    public void Missing_translations_cover_scale_labels_and_section_titles()
    {
        var sample = new Sample();
        sample.Satisfaction.ScaleMaxLabel.Nl = string.Empty;
        sample.NeedsSection.Title.Fr = string.Empty;

        Assert.Equal(
            [new MissingTranslation(new TextPlace(TextPart.ScaleMaxLabel, 2, 5), "nl"), new MissingTranslation(new TextPlace(TextPart.SectionTitle, 3), "fr")],
            sample.Content.MissingTranslations());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("en")]
    public void Setting_one_language_leaves_the_others(string language)
    {
        var text = new LocalizedText("Bonjour", "Hallo", "Hello");

        text.Set(language, "Changé");

        Assert.Equal("Changé", text[language]);
        Assert.All(LocalizedText.Languages.Where(l => l != language), l => Assert.Equal(new LocalizedText("Bonjour", "Hallo", "Hello")[l], text[l]));
    }

    [Fact]
    public void Setting_nothing_empties_the_language_and_an_unknown_language_is_refused()
    {
        var text = new LocalizedText("Bonjour", "Hallo", "Hello");

        text.Set("nl", null);

        Assert.Equal(string.Empty, text.Nl);
        Assert.Equal(["nl"], text.MissingLanguages());
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Set("de", "Hallo"));
        Assert.Equal("Bonjour", text.Fr);
    }
}
