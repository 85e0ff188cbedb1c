using System.Net;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Diagnostic;

/// <summary>A respondent reads a questionnaire in one language: theirs when it is complete, else the fallback, said so.</summary>
public sealed class AnswerLanguageHttpTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private HttpClient Dutch()
    {
        var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_Dutch_respondent_reads_a_complete_questionnaire_in_Dutch()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Volledig vertaald");
        using var client = Dutch();

        var page = await PageAsync(client, (await scenario.InviteAsync("BRAL"))["BRAL"]);

        Assert.Contains("Uw organisatie", page, StringComparison.Ordinal);
        Assert.Contains("Zou u deelnemen aan een workshop?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Votre organisation", page, StringComparison.Ordinal);
        Assert.DoesNotContain("niet volledig in het Nederlands vertaald", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Dutch_respondent_reads_an_incomplete_questionnaire_wholly_in_French_and_is_told_so_in_Dutch()
    {
        var scenario = new DiagnosticScenario(app);
        // One question of page 2 was never translated into Dutch.
        scenario.Comment.Text.Nl = string.Empty;
        await scenario.PublishAsync("Deels vertaald");
        using var client = Dutch();

        var page = await PageAsync(client, (await scenario.InviteAsync("BRAL"))["BRAL"]);

        // Page 1 is complete in Dutch, but the questionnaire is not: no Dutch heading above a French question anywhere.
        Assert.Contains("Votre organisation", page, StringComparison.Ordinal);
        Assert.Contains("Participeriez-vous à un atelier ?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Uw organisatie", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Zou u deelnemen", page, StringComparison.Ordinal);
        Assert.Contains("Deze vragenlijst is niet volledig in het Nederlands vertaald: u leest hem daarom volledig in het Frans", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", page, StringComparison.Ordinal);
        // The page's own words stay in the respondent's language.
        Assert.Contains("Pagina 1 van 2", page, StringComparison.Ordinal);
    }
}
