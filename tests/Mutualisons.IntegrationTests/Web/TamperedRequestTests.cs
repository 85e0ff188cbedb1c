using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Web;

/// <summary>Hand-edited addresses and forms get a readable page with the right status, never a 500 nor a developer's sentence.</summary>
public sealed class TamperedRequestTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private async Task<(Guid Lab, Guid Questionnaire)> HeadquartersQuestionnaireAsync()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
        var questionnaire = await db.Questionnaires.Where(q => q.LabId == lab).Select(q => q.Id).FirstAsync();
        return (lab, questionnaire);
    }

    private static async Task<string> ReadableAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}, expected {expected}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        return html;
    }

    [Theory]
    [InlineData("export.csv?kind=Bogus")]
    [InlineData("export.xlsx?kind=Bogus")]
    [InlineData("export.csv?version=notaguid")]
    [InlineData("export.xlsx?version=notaguid")]
    public async Task An_export_address_with_a_value_that_means_nothing_is_a_readable_bad_request(string tail)
    {
        var (lab, questionnaire) = await HeadquartersQuestionnaireAsync();
        using var client = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);

        var html = await ReadableAsync(await client.GetAsync(new Uri($"/labs/{lab}/questionnaires/{questionnaire}/{tail}", UriKind.Relative)), HttpStatusCode.BadRequest);

        Assert.Contains("Cette demande n'a pas pu être comprise", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publics/matrix.csv")]
    [InlineData("publics/history.csv")]
    [InlineData("questionnaires/{q}/export.csv")]
    [InlineData("questionnaires/{q}/export.xlsx")]
    public async Task Another_labs_export_is_the_friendly_not_found_page(string tail)
    {
        var (lab, questionnaire) = await HeadquartersQuestionnaireAsync();
        using var outsider = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Facilitator, AppFixture.DemoPassword);

        var response = await outsider.GetAsync(new Uri($"/labs/{lab}/{tail.Replace("{q}", questionnaire.ToString(), StringComparison.Ordinal)}", UriKind.Relative));
        var html = await ReadableAsync(response, HttpStatusCode.NotFound);

        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
        Assert.False(response.Content.Headers.Contains("Content-Disposition"));
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/ /evil.example")]
    public async Task A_sign_out_return_address_with_a_control_character_goes_home(string returnUrl)
    {
        using var client = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Observer, AppFixture.DemoPassword);
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        var response = await Forms.PostAsync(client, "/account/sign-out", page, [new("returnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_posted_under_a_name_no_form_has_is_a_readable_bad_request()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));

        var response = await Forms.PostAsync(client, "/account/sign-in", page, [new("_handler", "no-such-form"), new("Input.Email", "a@example.org"), new("Input.Password", "x")], "sign-in");
        var html = await ReadableAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains("Cette demande n'a pas pu être comprise", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot submit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_a_readable_bad_request()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.Email"] = "a@example.org", ["Input.Password"] = "x" });

        var html = await ReadableAsync(await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form), HttpStatusCode.BadRequest);

        Assert.Contains("Cette demande n'a pas pu être comprise", html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", html, StringComparison.OrdinalIgnoreCase);
    }
}
