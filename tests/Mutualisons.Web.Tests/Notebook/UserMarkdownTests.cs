using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Tests.Notebook;

public sealed class UserMarkdownTests
{
    private readonly UserMarkdown _markdown = new();

    [Fact]
    public void Formatting_lists_and_web_links_are_kept_and_links_never_pass_on_the_page()
    {
        var html = _markdown.ToSafeHtml("**Tous** les occupants :\n\n- un éco-label\n- un annuaire\n\n[TIESS](https://tiess.ca)");

        Assert.Contains("<strong>Tous</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>un éco-label</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tiess.ca\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[clic](javascript:alert(1))", "javascript:")]
    [InlineData("[clic](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("![pixel](https://tracker.example/p.png)", "tracker.example")]
    [InlineData("![pixel](//tracker.example/p.png)", "tracker.example")]
    public void Scripts_foreign_pictures_and_unsafe_links_never_reach_the_page(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, _markdown.ToSafeHtml(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void A_picture_of_the_app_stays_and_a_top_heading_keeps_only_its_text()
    {
        var html = _markdown.ToSafeHtml("# Grand titre\n\n![Le plan](/labs/1/stories/2/images/3)");

        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Grand titre", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/labs/1/stories/2/images/3\"", html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _markdown.ToSafeHtml("  "));
        Assert.Equal("Tous les occupants", _markdown.ToPlainText("**Tous** les *occupants*"));
    }
}
