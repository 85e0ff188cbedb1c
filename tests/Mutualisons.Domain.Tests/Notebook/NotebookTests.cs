using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;

namespace Mutualisons.Domain.Tests.Notebook;

public sealed class StoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static Story Told()
    {
        var story = new Story(Lab, Guid.NewGuid(), "Aline", Now);
        story.Tell("L'atelier constitutif", new DateOnly(2026, 2, 12), "Tous les occupants étaient là.", [Cycle.Publics, Cycle.Diagnostic, Cycle.Publics], Now);
        return story;
    }

    [Fact]
    public void A_story_keeps_its_cycles_once_and_in_order()
    {
        var story = Told();

        Assert.Equal([Cycle.Diagnostic, Cycle.Publics], story.Cycles);
        Assert.Equal(new DateOnly(2026, 2, 12), story.HappenedOn);
        Assert.False(story.InNotebook);
    }

    [Fact]
    public void A_story_has_a_title_a_text_and_a_cycle()
    {
        var story = new Story(Lab, null, "Aline", Now);

        Assert.Equal("Story.TitleRequired", Assert.Throws<DomainException>(() => story.Tell(" ", new DateOnly(2026, 1, 1), "x", [Cycle.Impact], Now)).Code);
        Assert.Equal("Story.BodyRequired", Assert.Throws<DomainException>(() => story.Tell("t", new DateOnly(2026, 1, 1), "", [Cycle.Impact], Now)).Code);
        Assert.Equal("Story.BodyRequired", Assert.Throws<DomainException>(() => story.Tell("t", new DateOnly(2026, 1, 1), new string('a', Limits.Story + 1), [Cycle.Impact], Now)).Code);
        Assert.Equal("Story.CycleRequired", Assert.Throws<DomainException>(() => story.Tell("t", new DateOnly(2026, 1, 1), "x", [], Now)).Code);
        Assert.Equal("Story.CycleUnknown", Assert.Throws<DomainException>(() => story.Tell("t", new DateOnly(2026, 1, 1), "x", [(Cycle)42], Now)).Code);
    }

    [Fact]
    public void Pictures_are_small_described_and_few()
    {
        var story = Told();

        Assert.Equal("Story.ImageTooLarge", Assert.Throws<DomainException>(() => story.AddImage("image/png", StoryImage.MaxBytes + 1, "Le plan", Now)).Code);
        Assert.Equal("Story.ImageEmpty", Assert.Throws<DomainException>(() => story.AddImage("image/png", 0, "Le plan", Now)).Code);
        Assert.Equal("Story.ImageType", Assert.Throws<DomainException>(() => story.AddImage("image/svg+xml", 10, "Le plan", Now)).Code);
        Assert.Equal("Story.AltTextRequired", Assert.Throws<DomainException>(() => story.AddImage("image/png", 10, " ", Now)).Code);
        for (var i = 0; i < Story.MaxImages; i++)
        {
            story.AddImage("image/jpeg", 10, $"Photo {i}", Now);
        }
        Assert.Equal("Story.TooManyImages", Assert.Throws<DomainException>(() => story.AddImage("image/jpeg", 10, "Une de trop", Now)).Code);
        var first = story.Images[0];
        Assert.Same(first, story.RemoveImage(first.Id));
        Assert.Equal(Story.MaxImages - 1, story.Images.Count);
        Assert.Equal("Story.ImageNotFound", Assert.Throws<DomainException>(() => story.RemoveImage(first.Id)).Code);
    }

    [Fact]
    public void A_pictures_bytes_must_be_what_it_claims()
    {
        var story = Told();
        var image = story.AddImage("image/png", Png.Length, "Le plan du bâtiment", Now);

        Assert.Equal(image.Id, new StoryImageContent(image, Png).ImageId);
        Assert.Equal("Story.ImageLength", Assert.Throws<DomainException>(() => new StoryImageContent(image, [.. Png, 0])).Code);
        var jpegClaim = story.AddImage("image/jpeg", Png.Length, "Une photo", Now);
        Assert.Equal("Story.ImageType", Assert.Throws<DomainException>(() => new StoryImageContent(jpegClaim, Png)).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    [InlineData(new byte[] { (byte)'<', (byte)'s', (byte)'v', (byte)'g' }, null)]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8' }, null)]
    [InlineData(new byte[0], null)]
    public void A_pictures_type_is_read_from_its_bytes(byte[] head, string? type) => Assert.Equal(type, StoryImage.Sniff(head));
}

public sealed class InspirationTests
{
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_inspiration_shows_an_opportunity_or_a_risk()
    {
        var inspiration = new Inspiration(Lab, Now);
        inspiration.Describe("Un groupement d'employeurs", "France", "Prendre le temps d'expliquer les règles.", "https://example.org/ge");

        Assert.Equal("Inspiration.NothingShown", Assert.Throws<DomainException>(() => inspiration.Classify([], [], [Cycle.ToolConfiguration])).Code);
        inspiration.Classify([], [MutualisationRisk.Governance, MutualisationRisk.Governance], []);
        Assert.Equal([MutualisationRisk.Governance], inspiration.Risks);
        Assert.True(inspiration.Serves(Cycle.Impact));
        inspiration.Classify([MutualisationOpportunity.GrowSkills], [], [Cycle.ToolConfiguration]);
        Assert.False(inspiration.Serves(Cycle.Impact));
        Assert.True(inspiration.Serves(Cycle.ToolConfiguration));
        Assert.Empty(inspiration.Risks);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org")]
    [InlineData("www.tiess.ca")]
    [InlineData("https://")]
    public void Its_link_is_a_web_address(string link)
    {
        var inspiration = new Inspiration(Lab, Now);

        Assert.Equal("Inspiration.LinkInvalid", Assert.Throws<DomainException>(() => inspiration.Describe("TIESS", "Québec", "Mutualiser les connaissances", link)).Code);
    }

    [Fact]
    public void It_has_a_name_and_a_lesson()
    {
        var inspiration = new Inspiration(Lab, Now);

        Assert.Equal("Inspiration.NameRequired", Assert.Throws<DomainException>(() => inspiration.Describe("", null, "x", null)).Code);
        Assert.Equal("Inspiration.LessonRequired", Assert.Throws<DomainException>(() => inspiration.Describe("Mundo-B", null, " ", null)).Code);
        inspiration.Describe("Mundo-B", null, "Un lieu mutualisé, et une communauté.", null);
        Assert.Equal(string.Empty, inspiration.Link);
    }
}

public sealed class NavigationCheckInTests
{
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static NavigationCheckIn CheckIn(NavigationWeather weather, FacilitationNeed facilitation)
    {
        var checkIn = new NavigationCheckIn(Lab, new DateOnly(2026, 3, 1), Cycle.Impact, null, "Karim", Now);
        checkIn.Record("Nous cherchons nos indicateurs.", "Le temps", weather, facilitation);
        return checkIn;
    }

    [Fact]
    public void A_check_in_says_where_the_group_stands()
    {
        var checkIn = new NavigationCheckIn(Lab, new DateOnly(2026, 3, 1), null, null, "Karim", Now);

        Assert.Equal("CheckIn.WhereRequired", Assert.Throws<DomainException>(() => checkIn.Record(" ", null, NavigationWeather.Clear, FacilitationNeed.No)).Code);
        Assert.Equal("CheckIn.Unknown", Assert.Throws<DomainException>(() => checkIn.Record("Ici", null, (NavigationWeather)9, FacilitationNeed.No)).Code);
        checkIn.Record("Ici", null, NavigationWeather.Cloudy, FacilitationNeed.Perhaps);
        Assert.Equal(string.Empty, checkIn.Worries);
    }

    [Fact]
    public void Outside_help_is_called_for_when_asked_or_after_two_storms()
    {
        Assert.False(NavigationCheckIn.CallForOutsideHelp([]));
        Assert.True(NavigationCheckIn.CallForOutsideHelp([CheckIn(NavigationWeather.Clear, FacilitationNeed.Yes)]));
        Assert.False(NavigationCheckIn.CallForOutsideHelp([CheckIn(NavigationWeather.Stormy, FacilitationNeed.Perhaps)]));
        Assert.True(NavigationCheckIn.CallForOutsideHelp([CheckIn(NavigationWeather.Stormy, FacilitationNeed.No), CheckIn(NavigationWeather.Stormy, FacilitationNeed.No)]));
        Assert.False(NavigationCheckIn.CallForOutsideHelp([CheckIn(NavigationWeather.Cloudy, FacilitationNeed.No), CheckIn(NavigationWeather.Stormy, FacilitationNeed.Yes)]));
    }
}
