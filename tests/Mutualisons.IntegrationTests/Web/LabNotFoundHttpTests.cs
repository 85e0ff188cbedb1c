using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Web;

/// <summary>
/// A lab page whose lab, questionnaire, response or stakeholder does not exist, or belongs to a lab the person has
/// no role in, answers HTTP 404 with the readable not-found page on the first (prerendered) request.
/// </summary>
public sealed class LabNotFoundHttpTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private async Task<Guid> LabIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.AsNoTracking().Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<HttpClient> FacilitatorAsync() =>
        await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Facilitator, AppFixture.DemoPassword);

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string path, string? culture = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (culture is not null)
        {
            request.Headers.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_lab_and_its_pages_answer_404_with_the_not_found_page()
    {
        using var client = await FacilitatorAsync();
        var lab = Guid.NewGuid();

        foreach (var path in new[]
        {
            $"/labs/{lab}", $"/labs/{lab}/cycles/Diagnostic", $"/labs/{lab}/questionnaires", $"/labs/{lab}/publics",
            $"/labs/{lab}/publics/activities", $"/labs/{lab}/publics/pilot-group", $"/labs/{lab}/directory",
            $"/labs/{lab}/people", $"/labs/{lab}/audit",
        })
        {
            var (status, html) = await GetAsync(client, path);
            Assert.True(status == HttpStatusCode.NotFound, $"{path} answered {status}.");
            Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_things_under_a_lab_of_ones_own_answer_404()
    {
        using var client = await FacilitatorAsync();
        var bota = await LabIdAsync("Bota 75");

        foreach (var path in new[]
        {
            $"/labs/{bota}/cycles/NoSuchCycle", $"/labs/{bota}/questionnaires/{Guid.NewGuid()}",
            $"/labs/{bota}/questionnaires/{Guid.NewGuid()}/sending", $"/labs/{bota}/questionnaires/{Guid.NewGuid()}/results",
            $"/labs/{bota}/questionnaires/{Guid.NewGuid()}/responses/{Guid.NewGuid()}",
            $"/labs/{bota}/publics/stakeholders/{Guid.NewGuid()}",
        })
        {
            var (status, html) = await GetAsync(client, path);
            Assert.True(status == HttpStatusCode.NotFound, $"{path} answered {status}.");
            Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
        }

        var (found, page) = await GetAsync(client, $"/labs/{bota}");
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Contains("Bota 75", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lab_the_person_has_no_role_in_answers_404_and_shows_none_of_it()
    {
        using var client = await FacilitatorAsync();
        var headquarters = await LabIdAsync("Headquarters for Change");

        foreach (var path in new[] { $"/labs/{headquarters}", $"/labs/{headquarters}/questionnaires", $"/labs/{headquarters}/publics" })
        {
            var (status, html) = await GetAsync(client, path);
            Assert.True(status == HttpStatusCode.NotFound, $"{path} answered {status}.");
            Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Headquarters for Change", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_not_found_page_speaks_the_persons_language()
    {
        using var client = await FacilitatorAsync();

        var (status, html) = await GetAsync(client, $"/labs/{Guid.NewGuid()}", "nl");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
        Assert.Contains("De gevraagde pagina bestaat niet of werd verplaatst.", html, StringComparison.Ordinal);
    }
}
