using System.Net;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Diagnostic;

/// <summary>A respondent's link that was cut, extended or emptied leads to their own explanation, never to the staff sign-in.</summary>
public sealed class AnsweringRoutesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/r/some-token/anything")]
    [InlineData("/r/some-token/a/b/c")]
    [InlineData("/r/")]
    [InlineData("/r")]
    [InlineData("/p/some-token/anything")]
    [InlineData("/p/")]
    [InlineData("/p")]
    public async Task A_mangled_answering_link_explains_itself_to_the_respondent(string path)
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Ce lien ne mène à aucun questionnaire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ReturnUrl", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        // The respondent's light page: not the staff layout and its component library.
        Assert.DoesNotContain("MudBlazor.min.css", html, StringComparison.Ordinal);
    }
}
