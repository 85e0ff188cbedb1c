using System.Net;
using System.Text.Json;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Web;

public sealed class HttpEndpointTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Health_reports_the_database()
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Pages_ask_anonymous_visitors_to_sign_in_in_french_by_default()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/organisations", $"/labs/{Guid.NewGuid()}", "/this/does/not/exist", "/account/personal-data", "/admin/outbox" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var signIn = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Contains("<html lang=\"fr\"", signIn, StringComparison.Ordinal);
        Assert.Contains("Connexion", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_sets_a_cookie_and_returns_only_to_local_pages()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var toDutch = await client.GetAsync(new Uri("/culture?culture=nl&redirectUri=%2Forganisations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, toDutch.StatusCode);
        Assert.Equal("/organisations", toDutch.Headers.Location!.OriginalString);
        Assert.Contains(toDutch.Headers.GetValues("Set-Cookie"), c => c.Contains("uic%3Dnl", StringComparison.Ordinal));

        var offsite = await client.GetAsync(new Uri("/culture?culture=en&redirectUri=https%3A%2F%2Fevil.example%2F", UriKind.Relative));
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);

        var unknown = await client.GetAsync(new Uri("/culture?culture=xx&redirectUri=%2F", UriKind.Relative));
        Assert.False(unknown.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Pages_render_in_the_language_of_the_cookie()
    {
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dnl%7Cuic%3Dnl");
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.Contains("Wachtwoord vergeten", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_explains_without_showing_any_internals()
    {
        using var client = app.Factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/error", UriKind.Relative));

        Assert.Contains("Quelque chose s&#x27;est mal pass", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
