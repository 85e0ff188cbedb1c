using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

[Collection(SharedBrowser.Name)]
public sealed class MangledLinkJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData("/r/a-token-with-a-tail/that-a-mail-client-added")]
    [InlineData("/r/")]
    [InlineData("/p/a-token/x")]
    public async Task A_respondent_with_a_mangled_link_reads_that_it_leads_nowhere_on_their_own_light_page(string path)
    {
        var page = await browser.NewPageAsync(phone: true);
        var refused = await page.WatchAsync();

        var response = await page.GotoAsync(path);

        Assert.DoesNotContain("/account/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Equal("no-referrer", await response!.HeaderValueAsync("referrer-policy"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ce lien ne mène à aucun questionnaire", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        Assert.Empty(refused);
    }
}
