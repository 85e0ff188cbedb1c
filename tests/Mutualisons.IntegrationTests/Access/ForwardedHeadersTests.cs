using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Access;

/// <summary>A reverse proxy at 10.0.0.1 is trusted; everything else that says "forwarded for" is not.</summary>
public sealed class ForwardedHeadersFixture : AppFixture
{
    private WebApplicationFactory<Program>? _peers;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["RateLimiting:PermitLimit"] = "3",
        ["RateLimiting:WindowSeconds"] = "300",
        ["ForwardedHeaders:KnownProxies"] = "10.0.0.1",
        ["ForwardedHeaders:KnownNetworks"] = "10.1.0.0/16",
    };

    public WebApplicationFactory<Program> Peers => _peers ??= Factory.WithPeerAddresses();
}

public sealed class ForwardedHeadersTests(ForwardedHeadersFixture app) : IClassFixture<ForwardedHeadersFixture>
{
    private static async Task<List<HttpStatusCode>> FourPostsAsync(HttpClient client, string forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.org" }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.1.2.3")]
    public async Task Clients_behind_a_known_proxy_each_get_their_own_budget(string proxy)
    {
        using var client = app.Peers.ClientFrom(proxy);
        var first = $"203.0.113.{(proxy == "10.0.0.1" ? 1 : 11)}";
        var second = $"203.0.113.{(proxy == "10.0.0.1" ? 2 : 12)}";

        var firstStatuses = await FourPostsAsync(client, first);
        var secondStatuses = await FourPostsAsync(client, second);

        Assert.Equal(HttpStatusCode.TooManyRequests, firstStatuses[3]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, firstStatuses.Take(3));
        Assert.Equal(firstStatuses, secondStatuses);
    }

    [Fact]
    public async Task An_unknown_proxy_cannot_choose_the_address_it_is_counted_under()
    {
        using var client = app.Peers.ClientFrom("192.0.2.50");

        var statuses = await FourPostsAsync(client, "203.0.113.21");
        var claimedElsewhere = await FourPostsAsync(client, "203.0.113.22");

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.All(claimedElsewhere, s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
