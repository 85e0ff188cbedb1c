using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Web;

/// <summary>What Kestrel itself answers, before or around the app.</summary>
public sealed class RealServerTests(KestrelAppFixture server) : IClassFixture<KestrelAppFixture>
{
    [Fact]
    public async Task The_server_does_not_name_itself()
    {
        var (status, headers, _) = await server.RawGetAsync("/account/sign-in");

        Assert.Equal(200, status);
        Assert.DoesNotContain("\r\nServer:", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("r")]
    [InlineData("p")]
    public async Task A_ten_kilobyte_token_leads_to_the_respondents_unknown_link_page(string kind)
    {
        var (status, headers, body) = await server.RawGetAsync($"/{kind}/{new string('a', 10_000)}");

        Assert.NotEqual(414, status);
        Assert.Contains("Ce lien ne m", body, StringComparison.Ordinal);
        Assert.Contains("Referrer-Policy: no-referrer", headers, StringComparison.OrdinalIgnoreCase);
    }
}
