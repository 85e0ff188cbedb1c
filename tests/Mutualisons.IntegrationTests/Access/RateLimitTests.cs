using System.Net;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Access;

public sealed class RateLimitTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;
    private AppFactory App { get; set; } = default!;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        App = new AppFactory(_connectionString, settings: new Dictionary<string, string> { ["RateLimiting:PermitLimit"] = "3", ["RateLimiting:WindowSeconds"] = "300" });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await TestDatabaseServer.DropDatabaseAsync(_connectionString);
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/reset-password")]
    public async Task Repeated_posts_to_account_pages_get_429_and_a_readable_page(string path)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "guess number " + i });
            var response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("Trop de tentatives", html, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);

        // Reading the page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Probing_invitation_tokens_is_limited()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync(new Uri($"/invitations/guess{i}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
