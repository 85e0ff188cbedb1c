using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Resources.MapData;

namespace Mutualisons.IntegrationTests.Resources;

/// <summary>A data set's exports over HTTP: GeoJSON and CSV read back, the public GeoJSON cacheable and only for published sets, the embed page's framing.</summary>
public sealed class MapDataExportTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    /// <summary>In Common's demo map: published, 26 entries shown, four pending.</summary>
    private async Task<(Guid Lab, Guid Set)> InCommonMapAsync()
    {
        await using var db = app.CreateDbContext();
        var set = await db.MapDataSets.IgnoreAutoIncludes().Where(d => d.Name == "Carte des alternatives bruxelloises").Select(d => new { d.LabId, d.Id }).SingleAsync();
        return (set.LabId, set.Id);
    }

    [Fact]
    public async Task The_labs_geojson_export_reads_back_with_its_licence_and_only_the_accepted_entries()
    {
        var (lab, set) = await InCommonMapAsync();
        using var member = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);
        using var response = await member.GetAsync(MapDataEndpoints.GeoJson(lab, set));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = json.RootElement;
        Assert.Equal(("FeatureCollection", "ODbL-1.0"), (root.GetProperty("type").GetString(), root.GetProperty("licence").GetString()));
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(26, features.Count);
        var flagey = features.Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Marché bio de la place Flagey");
        var coordinates = flagey.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.Equal([4.3722, 50.8275], coordinates);
        Assert.Equal(["Marchés et GASAP"], flagey.GetProperty("properties").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Agroecology in Action", flagey.GetProperty("properties").GetProperty("source").GetString());
        Assert.DoesNotContain(features, f => f.GetProperty("properties").GetProperty("name").GetString()!.StartsWith("Frigo solidaire", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_csv_export_states_the_licence_on_every_row_and_keeps_coordinates_exact()
    {
        var (lab, set) = await InCommonMapAsync();
        using var member = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);
        var text = await member.GetStringAsync(MapDataEndpoints.Csv(lab, set));
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", MapExportService.CsvColumns), lines[0]);
        Assert.Equal(27, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.EndsWith(",ODbL-1.0", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Marché bio de la place Flagey", StringComparison.Ordinal) && line.Contains(",50.8275,4.3722,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_geojson_is_cacheable_answers_304_when_unchanged_and_changes_when_consent_is_withdrawn()
    {
        var (lab, set) = await InCommonMapAsync();
        using var anyone = app.Factory.CreateClient();
        using var first = await anyone.GetAsync(MapDataEndpoints.PublicGeoJson(set));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag!;
        Assert.Contains("public", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, MapDataEndpoints.PublicGeoJson(set));
        again.Headers.IfNoneMatch.Add(tag);
        using var unchanged = await anyone.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var dewey = await db.Organisations.Where(o => o.Name == "Dewey").Select(o => o.Id).SingleAsync();
            var saved = await app.AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Coordination, s => s.SetConsentAsync(lab, set, dewey, false));
            Assert.True(saved.Succeeded, saved.MessageKey);
        }
        using var stale = new HttpRequestMessage(HttpMethod.Get, MapDataEndpoints.PublicGeoJson(set));
        stale.Headers.IfNoneMatch.Add(tag);
        using var changed = await anyone.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var json = JsonDocument.Parse(await changed.Content.ReadAsStreamAsync());
        // Dewey's five accepted entries are hidden.
        Assert.Equal(21, json.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task An_unpublished_data_set_has_no_public_geojson_nor_embed_and_another_labs_export_is_not_found()
    {
        var (lab, set) = await InCommonMapAsync();
        await using (var db = app.CreateDbContext())
        {
            var map = await db.MapDataSets.SingleAsync(d => d.Id == set);
            map.Describe(map.Name, map.Description, map.Licence, MapDataVisibility.Lab, map.ApprovalsRequired);
            await db.SaveChangesAsync();
        }
        using var anyone = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(MapDataEndpoints.PublicGeoJson(set))).StatusCode);
        var embed = await anyone.GetStringAsync($"/embed/map/{set}");
        Assert.DoesNotContain("Marché bio", embed, StringComparison.Ordinal);

        using var outsider = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Observer, AppFixture.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(MapDataEndpoints.GeoJson(lab, set))).StatusCode);
    }

    [Fact]
    public async Task The_embed_page_may_be_framed_anywhere_shows_names_as_text_and_other_pages_only_by_the_site()
    {
        var (_, set) = await InCommonMapAsync();
        using var anyone = app.Factory.CreateClient();
        using var embed = await anyone.GetAsync($"/embed/map/{set}");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        var policy = string.Join(" ", embed.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org", policy, StringComparison.Ordinal);
        var html = await embed.Content.ReadAsStringAsync();
        // The name is text: encoded in the page, never a tag of it.
        Assert.Contains("Tiers-lieu &lt;num", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<numérique>", html, StringComparison.Ordinal);
        Assert.Contains("Tiers-lieu <numérique> libre", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Marché bio de la place Flagey", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        using var home = await anyone.GetAsync("/");
        Assert.Contains("frame-ancestors 'self'", string.Join(" ", home.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embeds_markers_follow_its_category_and_name_filter_as_its_list_does_and_answer_304_while_nothing_changed()
    {
        var (_, set) = await InCommonMapAsync();
        Guid food, repair;
        await using (var db = app.CreateDbContext())
        {
            var categories = await db.MapDataSets.Where(d => d.Id == set).SelectMany(d => d.Categories).ToListAsync();
            (food, repair) = (categories.Single(c => c.NameFr == "Alimentation").Id, categories.Single(c => c.NameFr == "Repair cafés").Id);
        }
        using var anyone = app.Factory.CreateClient();
        async Task<List<string>> NamesAsync(string query)
        {
            using var json = JsonDocument.Parse(await anyone.GetStringAsync(MapDataEndpoints.PublicPoints(set) + query));
            return [.. json.RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order()];
        }

        Assert.Equal(26, (await NamesAsync(string.Empty)).Count);
        // A category takes its sub-categories (markets, groceries, gardens): 12 accepted, the pending fridge not among them.
        var foodNames = await NamesAsync($"?category={food}");
        Assert.Equal(12, foodNames.Count);
        Assert.DoesNotContain("Frigo solidaire de Koekelberg", foodNames);
        Assert.Equal(["Repair café d'Ixelles", "Repair café de Schaerbeek", "Repair café de Woluwe"], await NamesAsync($"?category={repair}&q=caf%C3%A9"));
        // The embed page asks for the markers of the filter its list shows.
        var embed = WebUtility.HtmlDecode(await anyone.GetStringAsync($"/embed/map/{set}?category={repair}&q=café"));
        Assert.Contains($"data-points=\"{MapDataEndpoints.PublicPoints(set)}?category={repair}&q=caf%C3%A9\"", embed, StringComparison.Ordinal);

        using var first = await anyone.GetAsync(MapDataEndpoints.PublicPoints(set));
        using var again = new HttpRequestMessage(HttpMethod.Get, MapDataEndpoints.PublicPoints(set));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var unchanged = await anyone.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(MapDataEndpoints.PublicPoints(Guid.NewGuid()))).StatusCode);
    }
}
