using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Web;

public sealed partial class SecurityHeadersTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name));

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/forgot-password")]
    [InlineData("/not-found")]
    public async Task Pages_allow_only_the_sites_own_scripts_and_the_import_map_carries_the_nonce(string path)
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var policy = Header(response, "Content-Security-Policy");

        var scripts = Directive(policy, "script-src");
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.Equal("default-src 'self'", Directive(policy, "default-src"));
        Assert.Equal("connect-src 'self'", Directive(policy, "connect-src"));
        Assert.Equal("object-src 'none'", Directive(policy, "object-src"));
        Assert.Equal("frame-ancestors 'self'", Directive(policy, "frame-ancestors"));
        Assert.Equal("base-uri 'self'", Directive(policy, "base-uri"));
        var nonce = NonceSource().Match(scripts).Groups[1].Value;
        Assert.NotEmpty(nonce);

        var html = await response.Content.ReadAsStringAsync();
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, m => Assert.Contains($"nonce=\"{nonce}\"", m.Value, StringComparison.Ordinal));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Each_response_has_its_own_nonce()
    {
        using var client = app.Factory.CreateClient();
        var first = Header(await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative)), "Content-Security-Policy");
        var second = Header(await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative)), "Content-Security-Policy");

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("/r/not-a-real-token")]
    [InlineData("/p/not-a-real-token")]
    [InlineData("/r/not-a-real-token/more")]
    public async Task Answering_pages_send_no_referrer_their_address_is_a_secret(string path)
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Personal_data_pages_and_exports_are_never_cached()
    {
        using var client = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();

        foreach (var path in new[] { "/", $"/labs/{lab}", $"/labs/{lab}/publics/matrix.csv", $"/labs/{lab}/publics/history.csv", "/account/personal-data" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} may be cached: {response.Headers.CacheControl}");
        }
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
