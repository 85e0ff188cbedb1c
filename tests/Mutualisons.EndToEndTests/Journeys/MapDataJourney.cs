using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// In Common's collaborative map: Mycélium's representative proposes an entry, which stays off the map and off
/// the public embed until the lab's moderator approves it; then it shows in the list, as a marker (the tiles
/// cannot load here, the markers still do) and in the embed, and the GeoJSON export reads back with it. The
/// moderator imports a file with a bad row. axe checks every page; a 360-px phone reads the map page.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class MapDataJourney(BrowserFixture browser)
{
    private const string Password = "a long enough journey password";

    /// <summary>A resource key shown as such (MapData.Title, Rule.MapEntry.X): the page forgot a translation.</summary>
    [GeneratedRegex(@"\b(?:[A-Z][A-Za-z]+\.){1,2}[A-Z][A-Za-z]+\b")]
    private static partial Regex ResourceKey();

    /// <summary>Lets a clicked button's ripple fade before axe measures contrast.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForTimeoutAsync(1200);
    }

    private readonly List<string> _violations = [];

    /// <summary>axe on the page as it stands; every page's violations are reported together at the end.</summary>
    private async Task AxeAsync(IPage page) => _violations.AddRange(await page.SeriousViolationsAsync());

    private static async Task AssertNoRawKeyAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var keys = ResourceKey().Matches(text).Select(m => m.Value).ToList();
        Assert.True(keys.Count == 0, $"{page.Url}: {string.Join(", ", keys)}");
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{page.Url} is wider than the screen");

    /// <summary>
    /// An In Common style data set, published: Mycélium, Dewey and Agroecology in Action contribute, two
    /// approvals validate, a small taxonomy, one repair café already on the map; Mycélium gets a representative.
    /// </summary>
    private async Task<(Guid Lab, Guid Set, string Email)> ArrangeAsync(string suffix)
    {
        var email = $"mira.{suffix}@example.org";
        Guid person;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var account = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Mira (Mycélium)", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(account, Password)).Succeeded);
            person = account.Id;
        }
        await using var db = browser.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "In Common");
        var organisations = await db.Organisations.Where(o => o.Name == "Mycélium" || o.Name == "Dewey" || o.Name == "Agroecology in Action").ToDictionaryAsync(o => o.Name, o => o.Id);
        var now = DateTimeOffset.UtcNow;
        lab.GrantRole(person, LabRole.Participant, organisations["Mycélium"], now);
        var set = new MapDataSet(lab.Id, $"Alternatives de Bruxelles {suffix}", "Les initiatives solidaires, tenues ensemble.", null, MapDataVisibility.Everyone, 2, now);
        foreach (var organisation in organisations.Values)
        {
            set.AddContributor(organisation, now);
        }
        var food = set.AddCategory(null, "Alimentation", "Voeding", "Food");
        set.AddCategory(food.Id, "Épiceries", "Kruideniers", "Grocery shops");
        var reuse = set.AddCategory(null, "Réemploi", "Hergebruik", "Reuse");
        db.MapDataSets.Add(set);
        var repair = MapEntry.Propose(set, MapEntryContent.Of("Repair café de la Tulipe", [reuse.Id], "Rue de la Tulipe, 1050 Ixelles", 50.8340, 4.3700,
            "On répare ensemble.", null, null, null, null, null, organisations["Dewey"], null), null, organisations["Dewey"], now);
        repair.Approve(set, repair.Pending!.Id, MapReviewer.Moderator(null), now);
        db.MapEntries.Add(repair);
        await db.SaveChangesAsync();
        return (lab.Id, set.Id, email);
    }

    [Fact]
    public async Task Across_the_date_line_a_marker_on_the_other_side_is_drawn_on_screen()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        // Fiji seen from 179.9° east: Taveuni's entry at 179.95° west is 0.15° away, not 359.85°.
        var inside = await page.EvaluateAsync<bool>("""
            async () => {
                const element = document.createElement('div');
                element.style.width = '400px';
                element.style.height = '300px';
                document.body.prepend(element);
                const module = await import('/js/mapdata.js');
                const handle = await module.create(element, '/nowhere/{z}/{x}/{y}.png', '', () => {});
                handle.show(-16.8, 179.9, 9);
                handle.setPoints([{ name: 'Taveuni', latitude: -16.85, longitude: -179.95 }]);
                const marker = element.querySelector('.leaflet-marker-icon').getBoundingClientRect();
                const box = element.getBoundingClientRect();
                return marker.left >= box.left && marker.right <= box.right && marker.top >= box.top && marker.bottom <= box.bottom;
            }
            """);

        Assert.True(inside, "The marker beyond the date line is drawn off the map.");
    }

    [Fact]
    public async Task A_proposed_entry_stays_pending_until_the_moderator_approves_it_then_shows_on_the_map_in_the_embed_and_in_the_export()
    {
        var suffix = Guid.NewGuid().ToString()[..6];
        var (lab, set, email) = await ArrangeAsync(suffix);
        var setName = $"Alternatives de Bruxelles {suffix}";
        var entry = $"Épicerie solidaire {suffix}";

        // Mycélium's representative finds the data set and proposes an entry.
        var mira = await browser.NewPageAsync();
        await mira.SignInAsync(email, Password);
        await mira.OpenAsync($"/labs/{lab}/map-data");
        await Expect(mira.GetByRole(AriaRole.Heading, new() { Name = "Données cartographiques", Level = 1 })).ToBeVisibleAsync();
        await AxeAsync(mira);
        await AssertNoRawKeyAsync(mira);
        await mira.GetByRole(AriaRole.Link, new() { Name = setName }).ClickAsync();
        await Expect(mira.GetByRole(AriaRole.Heading, new() { Name = setName, Level = 1 })).ToBeVisibleAsync();
        await mira.WaitForInteractiveAsync();
        var map = mira.Locator(".map-view[data-map]");
        // No tile server answers here: the background fails, the marker is drawn all the same.
        await Expect(map).ToHaveAttributeAsync("data-markers", "1");
        await Expect(map.Locator(".leaflet-marker-icon[title='Repair café de la Tulipe']")).ToBeVisibleAsync();
        // The map's own buttons speak the reader's language too.
        await Expect(map.GetByRole(AriaRole.Button, new() { Name = "Zoomer", Exact = true })).ToBeVisibleAsync();
        await Expect(map.GetByRole(AriaRole.Button, new() { Name = "Dézoomer", Exact = true })).ToBeVisibleAsync();
        await AxeAsync(mira);
        await AssertNoRawKeyAsync(mira);

        await mira.GetByRole(AriaRole.Button, new() { Name = "Proposer une fiche" }).ClickAsync();
        var dialog = mira.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("#entry-name")).ToBeVisibleAsync();
        await dialog.Locator("#entry-name").FillAsync(entry);
        await dialog.Locator("#entry-address").FillAsync("Rue du Progrès 12, 1210 Saint-Josse");
        await dialog.Locator("#entry-latitude").FillAsync("50.858");
        await dialog.Locator("#entry-longitude").FillAsync("4.361");
        await dialog.Locator("#entry-description-fr").FillAsync("Des produits locaux à prix solidaires.");
        await dialog.Locator("#entry-website").FillAsync("https://example.org/epicerie");
        await AxeAsync(mira);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Proposer", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(mira.GetByText("Proposition envoyée : elle sera visible une fois approuvée.")).ToBeVisibleAsync();

        // Pending: neither in the list nor on the map, nor in the public embed.
        await Expect(mira.Locator($"li[data-entry='{entry}']")).ToHaveCountAsync(0);
        await Expect(map).ToHaveAttributeAsync("data-markers", "1");
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/embed/map/{set}");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = setName, Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.Locator("#public-map")).ToHaveAttributeAsync("data-markers", "1");
        await Expect(visitor.Locator($"li[data-entry='{entry}']")).ToHaveCountAsync(0);

        // The moderator approves it.
        var camille = await browser.NewPageAsync();
        await camille.SignInAsync(DemoAppFixture.Coordination);
        await camille.OpenAsync($"/labs/{lab}/map-data/{set}/moderation");
        await Expect(camille.GetByRole(AriaRole.Heading, new() { Name = "Contributions en attente", Level = 1 })).ToBeVisibleAsync();
        var contribution = camille.Locator($"li[data-contribution='{entry}']");
        await Expect(contribution).ToContainTextAsync("Nouvelle fiche · Mycélium · Mira (Mycélium)");
        await Expect(contribution).ToContainTextAsync("0 approbation(s) sur 2");
        await AxeAsync(camille);
        await AssertNoRawKeyAsync(camille);
        await contribution.GetByRole(AriaRole.Button, new() { Name = $"Approuver {entry}" }).ClickAsync();
        await Expect(camille.GetByText("Rien n'attend d'approbation.")).ToBeVisibleAsync();
        await SettleAsync(camille);
        await AxeAsync(camille);

        // Now it shows: in the list, as a marker reached by keyboard, in the embed's list and map.
        await mira.ReloadInteractiveAsync();
        await Expect(mira.Locator($"li[data-entry='{entry}']")).ToContainTextAsync("Rue du Progrès 12, 1210 Saint-Josse");
        await Expect(map).ToHaveAttributeAsync("data-markers", "2");
        await Expect(map).ToHaveAttributeAsync("data-tiles-failed", "true");
        var marker = map.Locator($".leaflet-marker-icon[title='{entry}']");
        await Expect(marker).ToBeVisibleAsync();
        await marker.FocusAsync();
        await mira.Keyboard.PressAsync("Enter");
        await Expect(map.Locator(".leaflet-popup-content")).ToHaveTextAsync(entry);
        await AxeAsync(mira);
        await AssertNoRawKeyAsync(mira);

        await visitor.ReloadAsync();
        await Expect(visitor.Locator($"li[data-entry='{entry}']")).ToContainTextAsync("Rue du Progrès 12");
        await Expect(visitor.Locator("#public-map")).ToHaveAttributeAsync("data-markers", "2");
        await Expect(visitor.Locator($"#public-map .leaflet-marker-icon[title='{entry}']")).ToBeVisibleAsync();
        await AxeAsync(visitor);
        await AssertNoRawKeyAsync(visitor);
        // The embed's category filter narrows the map as well as the list.
        await visitor.Locator("#embed-category").SelectOptionAsync(new SelectOptionValue { Label = "Réemploi" });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(visitor.Locator($"li[data-entry='{entry}']")).ToHaveCountAsync(0);
        await Expect(visitor.Locator("li[data-entry='Repair café de la Tulipe']")).ToBeVisibleAsync();
        await Expect(visitor.Locator("#public-map")).ToHaveAttributeAsync("data-markers", "1");
        await Expect(visitor.Locator("#public-map .leaflet-marker-icon[title='Repair café de la Tulipe']")).ToBeVisibleAsync();

        // The GeoJSON export downloads and reads back with the entry and the licence.
        var download = await mira.RunAndWaitForDownloadAsync(() => mira.GetByRole(AriaRole.Link, new() { Name = "Exporter en GeoJSON" }).ClickAsync());
        var path = await download.PathAsync();
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(path!)))
        {
            var root = json.RootElement;
            Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
            Assert.Equal(MapDataSet.DefaultLicence, root.GetProperty("licence").GetString());
            var feature = Assert.Single(root.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == entry);
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal((4.361, 50.858), (coordinates[0].GetDouble(), coordinates[1].GetDouble()));
            Assert.Equal("Mycélium", feature.GetProperty("properties").GetProperty("source").GetString());
            Assert.Equal(2, root.GetProperty("features").GetArrayLength());
        }

        // The moderator imports a file: the bad row is named, and the good one goes in once the bad is skipped.
        await camille.OpenAsync($"/labs/{lab}/map-data/{set}");
        await Expect(camille.GetByRole(AriaRole.Heading, new() { Name = setName, Level = 1 })).ToBeVisibleAsync();
        await camille.GetByRole(AriaRole.Button, new() { Name = "Importer des fiches" }).ClickAsync();
        var import = camille.GetByRole(AriaRole.Dialog);
        await Expect(import.GetByLabel("Choisir un fichier")).ToBeVisibleAsync();
        await SettleAsync(camille);
        await AxeAsync(camille);
        await AssertNoRawKeyAsync(camille);
        var csv = "name;latitude;longitude;source;categories\n"
            + $"Donnerie {suffix};50.852;4.370;Dewey;Réemploi\n"
            + $"Hors du monde {suffix};91;4.370;Dewey;\n";
        await import.GetByLabel("Choisir un fichier").SetInputFilesAsync(new FilePayload { Name = "fiches.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await Expect(import.Locator("[data-import-summary]")).ToHaveTextAsync("1 ligne(s) correcte(s), 1 incorrecte(s).");
        await Expect(import.Locator("[data-import-errors]")).ToContainTextAsync("Ligne 3");
        await Expect(import.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true })).ToBeDisabledAsync();
        await AxeAsync(camille);
        await AssertNoRawKeyAsync(camille);
        await import.GetByLabel("Ignorer les lignes incorrectes").CheckAsync();
        await import.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        await Expect(import).ToHaveCountAsync(0);
        await Expect(camille.Locator($"li[data-entry='Donnerie {suffix}']")).ToBeVisibleAsync();
        await Expect(camille.Locator($"li[data-entry='Hors du monde {suffix}']")).ToHaveCountAsync(0);
        await Expect(camille.Locator(".map-view[data-map]")).ToHaveAttributeAsync("data-markers", "3");

        // On a 360-px phone the map page stays within the screen, map and list included.
        var phone = await browser.NewPageAsync(phone: true);
        await phone.SignInAsync(email, Password);
        await phone.OpenAsync($"/labs/{lab}/map-data/{set}");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = setName, Level = 1 })).ToBeVisibleAsync();
        await Expect(phone.Locator(".map-view[data-map]")).ToHaveAttributeAsync("data-markers", "3");
        await Expect(phone.Locator($"li[data-entry='{entry}']")).ToBeVisibleAsync();
        await AssertFitsAsync(phone);
        await AxeAsync(phone);
        await AssertNoRawKeyAsync(phone);
        var embedOnPhone = await browser.NewPageAsync(phone: true);
        await embedOnPhone.GotoAsync($"/embed/map/{set}");
        await Expect(embedOnPhone.Locator("#public-map")).ToHaveAttributeAsync("data-markers", "3");
        await AssertFitsAsync(embedOnPhone);
        await AxeAsync(embedOnPhone);
        Assert.True(_violations.Count == 0, string.Join("\n", _violations));
    }
}
