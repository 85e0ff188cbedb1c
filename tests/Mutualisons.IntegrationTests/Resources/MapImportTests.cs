using System.Text;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Resources.MapData;

namespace Mutualisons.IntegrationTests.Resources;

/// <summary>Imports into In Common's map: a preview with an error per bad row, all or nothing, skipping bad rows on request, bad files refused whole.</summary>
public sealed class MapImportTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private async Task<(Guid Lab, Guid Set, int Entries)> InCommonMapAsync()
    {
        await using var db = app.CreateDbContext();
        var set = await db.MapDataSets.IgnoreAutoIncludes().Where(d => d.Name == "Carte des alternatives bruxelloises").Select(d => new { d.LabId, d.Id }).SingleAsync();
        return (set.LabId, set.Id, await db.MapEntries.CountAsync(e => e.DataSetId == set.Id));
    }

    private async Task<int> EntriesAsync(Guid set)
    {
        await using var db = app.CreateDbContext();
        return await db.MapEntries.CountAsync(e => e.DataSetId == set);
    }

    private static MemoryStream Utf8(string text, bool bom = false) => new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    private const string Mixed =
        "name;categories;latitude;longitude;source;website\r\n" +
        "Nouvelle épicerie;Épiceries;50,85;4,35;Dewey;https://example.org\r\n" +
        "Pôle Nord;;91;4.35;Dewey;\r\n" +
        ";Épiceries;50.8;4.3;Dewey;\r\n" +
        "Jardin inconnu;Vergers;50.8;4.3;Dewey;\r\n" +
        "Café des voisins;Lieux de rencontre;50.86;4.37;Mycélium;\r\n";

    private Task<ImportPreview?> PreviewAsync(Guid lab, Guid set, Stream file, string name) =>
        app.AsAsync<MapImportService, ImportPreview?>(DemoAppFixture.Coordination, s => s.PreviewAsync(lab, set, file, name, null));

    private Task<(SaveResult Result, ImportPreview? Preview)> ImportAsync(Guid lab, Guid set, Stream file, string name, bool skip) =>
        app.AsAsync<MapImportService, (SaveResult, ImportPreview?)>(DemoAppFixture.Coordination, s => s.ImportAsync(lab, set, file, name, null, skip));

    [Fact]
    public async Task The_preview_names_each_bad_row_and_nothing_is_imported_from_the_file_until_bad_rows_are_skipped()
    {
        var (lab, set, before) = await InCommonMapAsync();
        var preview = (await PreviewAsync(lab, set, Utf8(Mixed, bom: true), "carte.csv"))!;
        Assert.Null(preview.FileError);
        Assert.Equal((2, 3), (preview.Valid, preview.Invalid));
        Assert.Contains("Une latitude entre −90 et 90.", preview.Rows.Single(r => r.Name == "Pôle Nord").Errors);
        Assert.Contains("Donnez un nom à la fiche.", preview.Rows.Single(r => r.Line == 4).Errors);
        Assert.Contains(preview.Rows.Single(r => r.Name == "Jardin inconnu").Errors, e => e.Contains("Vergers", StringComparison.Ordinal));

        var refused = await ImportAsync(lab, set, Utf8(Mixed), "carte.csv", skip: false);
        Assert.Equal("Rule.MapImport.BadRows", refused.Result.MessageKey);
        Assert.Equal(before, await EntriesAsync(set));

        var skipped = await ImportAsync(lab, set, Utf8(Mixed), "carte.csv", skip: true);
        Assert.True(skipped.Result.Succeeded, skipped.Result.MessageKey);
        Assert.Equal(before + 2, await EntriesAsync(set));
        // A moderator imported them: they show at once.
        var shown = (await app.AsAsync<MapReadService, IReadOnlyList<MapEntryRow>?>(DemoAppFixture.Coordination, s => s.ListAsync(lab, set, new MapFilter(Search: "Nouvelle épicerie"))))!;
        Assert.Equal(50.85, Assert.Single(shown).Latitude);
    }

    [Fact]
    public async Task A_comma_separated_file_and_a_geojson_feature_collection_import_and_other_shapes_are_refused_whole()
    {
        var (lab, set, before) = await InCommonMapAsync();
        var comma = await ImportAsync(lab, set, Utf8("name,latitude,longitude,source\r\n\"Atelier, vélo\",50.84,4.34,Dewey\r\n"), "carte.csv", skip: false);
        Assert.True(comma.Result.Succeeded, comma.Result.MessageKey);

        const string features = """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[4.36,50.85]},"properties":{"name":"Point GeoJSON","source":"Dewey","categories":["Énergie"]}}]}""";
        Assert.True((await ImportAsync(lab, set, Utf8(features), "carte.geojson", skip: false)).Result.Succeeded);
        Assert.Equal(before + 2, await EntriesAsync(set));

        var single = await PreviewAsync(lab, set, Utf8("""{"type":"Feature","geometry":{"type":"Point","coordinates":[4.36,50.85]},"properties":{"name":"Seul"}}"""), "carte.geojson");
        Assert.Equal("Ce fichier GeoJSON n'est pas une FeatureCollection.", single!.FileError);
        var latin1 = await PreviewAsync(lab, set, new MemoryStream(Encoding.Latin1.GetBytes("name;latitude;longitude\r\nÉpicerie;50.8;4.3\r\n")), "carte.csv");
        Assert.Equal("Le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 puis réessayez.", latin1!.FileError);
        Assert.Equal("Rule.MapImport.BadFile", (await ImportAsync(lab, set, Utf8("""{"type":"Point","coordinates":[4,50]}"""), "carte.geojson", skip: true)).Result.MessageKey);
        Assert.Equal(before + 2, await EntriesAsync(set));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_a_clear_message_and_another_lab_gets_nothing()
    {
        var (lab, set, before) = await InCommonMapAsync();
        var huge = new MemoryStream(new byte[50 * 1024 * 1024]);
        var tooLarge = await PreviewAsync(lab, set, huge, "carte.csv");
        Assert.Equal("Le fichier dépasse 10 Mo.", tooLarge!.FileError);
        Assert.True(huge.Position <= 11 * 1024 * 1024);

        Assert.Null(await app.AsAsync<MapImportService, ImportPreview?>(DemoAppFixture.Observer, s => s.PreviewAsync(lab, set, Utf8(Mixed), "carte.csv", null)));
        var outsider = await app.AsAsync<MapImportService, (SaveResult, ImportPreview?)>(DemoAppFixture.Pilot, s => s.ImportAsync(lab, set, Utf8(Mixed), "carte.csv", null, true));
        Assert.Equal(SaveStatus.NotFound, outsider.Item1.Status);
        Assert.Equal(before, await EntriesAsync(set));
    }

    [Fact]
    public async Task Two_thousand_rows_go_in_at_once_each_with_its_history_and_one_audit_line_and_a_participants_rows_wait_for_approval()
    {
        var (lab, set, before) = await InCommonMapAsync();
        var rows = new StringBuilder("name;categories;latitude;longitude;source;description_fr\r\n");
        for (var i = 0; i < 2000; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"Lieu importé {i:D4};{(i % 2 == 0 ? "Épiceries" : "Repair cafés")};{50.80 + i * 0.00005:F5};{4.30 + i * 0.00005:F5};{(i % 3 == 0 ? "Dewey" : "Mycélium")};Ligne {i}\r\n");
        }
        var imported = await ImportAsync(lab, set, Utf8(rows.ToString()), "grand.csv", skip: false);
        Assert.True(imported.Result.Succeeded, imported.Result.MessageKey);
        Assert.Equal(before + 2000, await EntriesAsync(set));

        await using (var db = app.CreateDbContext())
        {
            var entries = db.MapEntries.Where(e => e.DataSetId == set && e.Name.StartsWith("Lieu importé"));
            // Written by COPY, read back by EF: the content, its columns, the computed point, the history of each.
            var one = await entries.Include(e => e.History).SingleAsync(e => e.Name == "Lieu importé 1000");
            Assert.Equal(("Ligne 1000", 50.85, 4.35), (one.Current!.DescriptionFr, Math.Round(one.Latitude!.Value, 5), Math.Round(one.Longitude!.Value, 5)));
            Assert.Equal([MapEntryEventKind.Proposed, MapEntryEventKind.Approved, MapEntryEventKind.Accepted], one.History.OrderBy(h => h.At).ThenBy(h => h.Kind).Select(h => h.Kind));
            Assert.Equal(ContributionStatus.Accepted, Assert.Single(one.Contributions).Status);
            Assert.Single(one.CategoryIds);
            Assert.Equal(6000, await entries.SelectMany(e => e.History).CountAsync());
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.SubjectId == set && a.Summary.Contains("grand.csv")));
        }
        var inView = (await app.AsAsync<MapReadService, IReadOnlyList<MapPoint>?>(DemoAppFixture.Coordination, s => s.ViewportAsync(lab, set, new MapBox(50.799, 4.299, 50.85002, 4.35002), new MapFilter(Search: "Lieu importé"))))!;
        Assert.Equal(1001, inView.Count);

        // Dewey's representative imports two rows: proposals, not shown until approved.
        const string ForDewey = "dewey-import@example.org";
        var person = await app.AccountAsync(ForDewey);
        await using (var db = app.CreateDbContext())
        {
            var dewey = await db.Organisations.Where(o => o.Name == "Dewey").Select(o => o.Id).SingleAsync();
            (await db.Mutualisations.SingleAsync(m => m.Id == lab)).GrantRole(person, Domain.Access.LabRole.Participant, dewey, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var proposed = await app.AsAsync<MapImportService, (SaveResult Result, ImportPreview? Preview)>(ForDewey,
            s => s.ImportAsync(lab, set, Utf8("name;latitude;longitude;source\r\nProposé A;50.85;4.35;Dewey\r\nProposé B;50.86;4.36;Dewey\r\n"), "dewey.csv", null, false));
        Assert.True(proposed.Result.Succeeded, proposed.Result.MessageKey);
        Assert.Empty((await app.AsAsync<MapReadService, IReadOnlyList<MapEntryRow>?>(DemoAppFixture.Coordination, s => s.ListAsync(lab, set, new MapFilter(Search: "Proposé"))))!);
        var pending = (await app.AsAsync<MapContributionService, IReadOnlyList<PendingRow>?>(DemoAppFixture.Coordination, s => s.PendingAsync(lab, set)))!;
        Assert.Equal(["Proposé A", "Proposé B"], pending.Where(p => p.Name.StartsWith("Proposé", StringComparison.Ordinal)).Select(p => p.Name).Order());
    }
}
