using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Resources.MapData;

namespace Mutualisons.IntegrationTests.Resources;

/// <summary>Collaborative map data on a real database: the viewport's box query, moderation, consent, rights.</summary>
public sealed class MapDataTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string ForSawb = "sawb-map@example.org";
    private const string ForFinancite = "financite-map@example.org";

    private static readonly MapBox Brussels = new(50.76, 4.24, 50.92, 4.48);

    private async Task<Guid> LabAsync(string name = "Bota 75")
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A participant of <paramref name="lab"/> who represents <paramref name="organisation"/>.</summary>
    private async Task RepresentativeAsync(Guid lab, string email, Guid organisation)
    {
        var person = await app.AccountAsync(email);
        await using var db = app.CreateDbContext();
        var mutualisation = await db.Mutualisations.SingleAsync(m => m.Id == lab);
        mutualisation.GrantRole(person, LabRole.Participant, organisation, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private Task<TResult> AsAsync<TService, TResult>(string who, Func<TService, Task<TResult>> use) where TService : notnull => app.AsAsync(who, use);

    /// <summary>Bota 75's map: Médecins du Monde, SAW-B and Financité contribute, two approvals validate.</summary>
    private async Task<(Guid Lab, Guid Set, Guid Mdm, Guid Sawb, Guid Financite)> DataSetAsync(MapDataVisibility visibility = MapDataVisibility.Lab, int approvals = 2)
    {
        var lab = await LabAsync();
        var (mdm, sawb, financite) = (await OrganisationAsync("Médecins du Monde"), await OrganisationAsync("SAW-B"), await OrganisationAsync("Réseau Financité"));
        var created = await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Pilot, s => s.SaveAsync(lab, null,
            new DataSetInput { Name = "Carte du quartier", Description = "Les lieux utiles", Visibility = visibility, ApprovalsRequired = approvals }));
        Assert.True(created.Succeeded, created.MessageKey);
        var set = created.Id!.Value;
        foreach (var organisation in new[] { mdm, sawb, financite })
        {
            var added = await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Pilot, s => s.AddContributorAsync(lab, set, organisation));
            Assert.True(added.Succeeded, added.MessageKey);
        }
        await RepresentativeAsync(lab, ForSawb, sawb);
        await RepresentativeAsync(lab, ForFinancite, financite);
        return (lab, set, mdm, sawb, financite);
    }

    private static EntryInput Entry(string name, Guid source, double latitude = 50.8553, double longitude = 4.3667, params Guid[] categories) =>
        new() { Name = name, SourceOrganisationId = source, Latitude = latitude, Longitude = longitude, Address = "Rue Botanique 75", DescriptionFr = "Un lieu", Website = "https://example.org", CategoryIds = categories };

    private async Task<Guid> AcceptedAsync(Guid lab, Guid set, EntryInput input)
    {
        var proposed = await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Facilitator, s => s.ProposeAsync(lab, set, null, input));
        Assert.True(proposed.Succeeded, proposed.MessageKey);
        var pending = (await AsAsync<MapContributionService, IReadOnlyList<PendingRow>?>(DemoAppFixture.Facilitator, s => s.PendingAsync(lab, set)))!;
        var row = pending.Single(p => p.EntryId == proposed.Id);
        Assert.True((await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Facilitator, s => s.ApproveAsync(lab, row.EntryId, row.ContributionId))).Succeeded);
        return proposed.Id!.Value;
    }

    private Task<IReadOnlyList<MapPoint>?> ViewportAsync(string who, Guid lab, Guid set, MapBox box, MapFilter? filter = null) =>
        AsAsync<MapReadService, IReadOnlyList<MapPoint>?>(who, s => s.ViewportAsync(lab, set, box, filter ?? new MapFilter()));

    [Fact]
    public async Task An_entry_stays_off_the_map_until_two_other_organisations_approve_it_and_keeps_its_history()
    {
        var (lab, set, mdm, _, _) = await DataSetAsync(approvals: 2);
        var proposed = await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Participant, s => s.ProposeAsync(lab, set, null, Entry("Permanence santé", mdm)));
        Assert.True(proposed.Succeeded, proposed.MessageKey);
        Assert.Empty((await ViewportAsync(DemoAppFixture.Participant, lab, set, Brussels))!);

        var row = Assert.Single((await AsAsync<MapContributionService, IReadOnlyList<PendingRow>?>(ForSawb, s => s.PendingAsync(lab, set)))!);
        Assert.True(row.MayReview);
        Assert.Equal(("Permanence santé", "Médecins du Monde", 0, 2), (row.Name, row.Organisation, row.Approvals, row.ApprovalsRequired));
        Assert.Equal("Rule.MapEntry.OwnContribution", (await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Participant, s => s.ApproveAsync(lab, row.EntryId, row.ContributionId))).MessageKey);
        Assert.Equal(SaveStatus.Forbidden, (await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Observer, s => s.ApproveAsync(lab, row.EntryId, row.ContributionId))).Status);
        Assert.True((await AsAsync<MapContributionService, SaveResult>(ForSawb, s => s.ApproveAsync(lab, row.EntryId, row.ContributionId))).Succeeded);
        Assert.Empty((await ViewportAsync(DemoAppFixture.Participant, lab, set, Brussels))!);
        Assert.True((await AsAsync<MapContributionService, SaveResult>(ForFinancite, s => s.ApproveAsync(lab, row.EntryId, row.ContributionId))).Succeeded);

        var point = Assert.Single((await ViewportAsync(DemoAppFixture.Observer, lab, set, Brussels))!);
        Assert.Equal(("Permanence santé", 50.8553, 4.3667), (point.Name, point.Latitude, point.Longitude));
        var detail = (await AsAsync<MapReadService, EntryDetail?>(DemoAppFixture.Observer, s => s.EntryAsync(lab, row.EntryId)))!;
        Assert.True(detail.IsShown);
        Assert.Equal([MapEntryEventKind.Proposed, MapEntryEventKind.Approved, MapEntryEventKind.Approved, MapEntryEventKind.Accepted], detail.History.Select(h => h.Kind));
        Assert.Equal(["Médecins du Monde", "SAW-B", "Réseau Financité"], detail.History.Take(3).Select(h => h.Organisation));
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.CountAsync(a => a.SubjectId == row.EntryId) >= 3);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_an_edit_shows_only_once_a_moderator_approves_it()
    {
        var (lab, set, mdm, sawb, _) = await DataSetAsync(approvals: 2);
        var entry = await AcceptedAsync(lab, set, Entry("Repair café", sawb));

        var refused = await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Participant, s => s.ProposeAsync(lab, set, null, Entry("Doublon", mdm)));
        var pending = Assert.Single((await AsAsync<MapContributionService, IReadOnlyList<PendingRow>?>(DemoAppFixture.Facilitator, s => s.PendingAsync(lab, set)))!);
        Assert.Equal(SaveStatus.Invalid, (await AsAsync<MapContributionService, SaveResult>(ForSawb, s => s.RefuseAsync(lab, refused.Id!.Value, pending.ContributionId, new RefusalInput()))).Status);
        Assert.True((await AsAsync<MapContributionService, SaveResult>(ForSawb, s => s.RefuseAsync(lab, refused.Id!.Value, pending.ContributionId, new RefusalInput { Reason = "Déjà sur la carte" }))).Succeeded);
        var refusedDetail = (await AsAsync<MapReadService, EntryDetail?>(DemoAppFixture.Participant, s => s.EntryAsync(lab, refused.Id!.Value)))!;
        Assert.Equal("Déjà sur la carte", refusedDetail.History.Single(h => h.Kind == MapEntryEventKind.Refused).Reason);

        var edit = await AsAsync<MapContributionService, SaveResult>(ForSawb, s => s.ProposeAsync(lab, set, entry, Entry("Repair café du Botanique", sawb)));
        Assert.True(edit.Succeeded, edit.MessageKey);
        Assert.Equal("Repair café", Assert.Single((await AsAsync<MapReadService, IReadOnlyList<MapEntryRow>?>(DemoAppFixture.Observer, s => s.ListAsync(lab, set, new MapFilter())))!).Name);
        var waiting = Assert.Single((await AsAsync<MapContributionService, IReadOnlyList<PendingRow>?>(DemoAppFixture.Facilitator, s => s.PendingAsync(lab, set)))!);
        Assert.Equal(("Repair café du Botanique", "Repair café", false), (waiting.Name, waiting.CurrentName, waiting.IsNewEntry));
        Assert.True((await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Facilitator, s => s.ApproveAsync(lab, entry, waiting.ContributionId))).Succeeded);
        Assert.Equal("Repair café du Botanique", Assert.Single((await AsAsync<MapReadService, IReadOnlyList<MapEntryRow>?>(DemoAppFixture.Observer, s => s.ListAsync(lab, set, new MapFilter())))!).Name);
    }

    [Fact]
    public async Task Bad_coordinates_and_a_participant_proposing_for_another_organisation_are_refused()
    {
        var (lab, set, _, sawb, _) = await DataSetAsync();
        var offTheGlobe = await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Facilitator, s => s.ProposeAsync(lab, set, null, Entry("Pôle Nord+", sawb, latitude: 91)));
        Assert.Equal(SaveStatus.Invalid, offTheGlobe.Status);
        Assert.Contains(nameof(EntryInput.Latitude), offTheGlobe.Errors!.Keys);
        // A name is text: stored as typed, rendered as text wherever it shows.
        var scripted = await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Facilitator, s => s.ProposeAsync(lab, set, null, Entry("<script>alert(1)</script>", sawb)));
        Assert.True(scripted.Succeeded, scripted.MessageKey);
        var forAnother = await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Participant, s => s.ProposeAsync(lab, set, null, Entry("Pour SAW-B", sawb)));
        Assert.Equal("Rule.MapEntry.OnlyOwnOrganisation", forAnother.MessageKey);
        var javascript = Entry("Lien", sawb);
        javascript.Website = "javascript:alert(1)";
        Assert.Equal(SaveStatus.Invalid, (await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Facilitator, s => s.ProposeAsync(lab, set, null, javascript))).Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.MapEntries.CountAsync(e => e.DataSetId == set));
    }

    [Fact]
    public async Task The_viewport_returns_the_entries_in_the_box_by_category_and_name_and_postgresql_answers_it_from_the_gist_index()
    {
        var (lab, set, mdm, sawb, _) = await DataSetAsync();
        var food = await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Pilot, s => s.AddCategoryAsync(lab, set, new CategoryInput { NameFr = "Alimentation", NameNl = "Voeding", NameEn = "Food" }));
        var markets = await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Pilot, s => s.AddCategoryAsync(lab, set, new CategoryInput { ParentId = food.Id, NameFr = "Marchés" }));
        Assert.True(markets.Succeeded, markets.MessageKey);
        await AcceptedAsync(lab, set, Entry("Marché des Tanneurs", sawb, 50.8366, 4.3447, markets.Id!.Value));
        await AcceptedAsync(lab, set, Entry("Permanence santé", mdm, 50.8553, 4.3667));
        await AcceptedAsync(lab, set, Entry("Ferme de Liège", sawb, 50.6326, 5.5797, food.Id!.Value));

        Assert.Equal(["Marché des Tanneurs", "Permanence santé"], (await ViewportAsync(DemoAppFixture.Observer, lab, set, Brussels))!.Select(p => p.Name).Order());
        Assert.Equal(["Marché des Tanneurs"], (await ViewportAsync(DemoAppFixture.Observer, lab, set, Brussels, new MapFilter(food.Id)))!.Select(p => p.Name));
        Assert.Equal(["Ferme de Liège", "Marché des Tanneurs"], (await AsAsync<MapReadService, IReadOnlyList<MapEntryRow>?>(DemoAppFixture.Observer, s => s.ListAsync(lab, set, new MapFilter(food.Id))))!.Select(r => r.Name));
        Assert.Equal(["Permanence santé"], (await AsAsync<MapReadService, IReadOnlyList<MapEntryRow>?>(DemoAppFixture.Observer, s => s.ListAsync(lab, set, new MapFilter(Search: "SANTÉ"))))!.Select(r => r.Name));
        Assert.Equal(["Ferme de Liège"], (await ViewportAsync(DemoAppFixture.Observer, lab, set, new MapBox(50.5, 5.4, 50.7, 5.7)))!.Select(p => p.Name));

        await using var db = app.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        // A table this small is read whole by default; with sequential scans off the plan shows the box query can use the GiST index.
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        var plan = string.Join("\n", await db.Database.SqlQueryRaw<string>(
            "EXPLAIN SELECT id FROM map_entries WHERE location <@ box(point(4.24, 50.76), point(4.48, 50.92))").ToListAsync());
        Assert.Contains("ix_map_entries_location", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewport_across_the_antimeridian_returns_the_entries_on_both_sides_and_none_elsewhere()
    {
        var (lab, set, mdm, sawb, _) = await DataSetAsync();
        await AcceptedAsync(lab, set, Entry("Suva", mdm, -18.14, 178.44));
        await AcceptedAsync(lab, set, Entry("Apia", sawb, -13.83, -171.76));
        await AcceptedAsync(lab, set, Entry("Nouméa", sawb, -22.27, 166.45));
        await AcceptedAsync(lab, set, Entry("Permanence santé", mdm));

        // From 170° east to 170° west, seen across the date line: Fiji and Samoa, not New Caledonia nor Brussels.
        var pacific = new MapBox(-30, 170, 0, -170);
        Assert.Equal(["Apia", "Suva"], (await ViewportAsync(DemoAppFixture.Observer, lab, set, pacific))!.Select(p => p.Name).Order());
        Assert.Equal(["Apia"], (await AsAsync<MapReadService, IReadOnlyList<MapPoint>?>(DemoAppFixture.Observer,
            s => s.ViewportAsync(lab, set, pacific, new MapFilter(Search: "apia"))))!.Select(p => p.Name));
        // The same edges the other way round are the rest of the world.
        Assert.Equal(["Nouméa", "Permanence santé"], (await ViewportAsync(DemoAppFixture.Observer, lab, set, new MapBox(-90, -170, 90, 170)))!.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Withdrawing_consent_hides_the_organisations_entries_at_once_and_giving_it_back_shows_them()
    {
        var (lab, set, mdm, sawb, _) = await DataSetAsync();
        await AcceptedAsync(lab, set, Entry("Permanence santé", mdm));
        await AcceptedAsync(lab, set, Entry("Repair café", sawb));

        Assert.Equal(SaveStatus.Forbidden, (await AsAsync<MapDataSetService, SaveResult>(ForSawb, s => s.SetConsentAsync(lab, set, mdm, false))).Status);
        Assert.True((await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Participant, s => s.SetConsentAsync(lab, set, mdm, false))).Succeeded);
        Assert.Equal(["Repair café"], (await ViewportAsync(DemoAppFixture.Observer, lab, set, Brussels))!.Select(p => p.Name));
        Assert.Equal(["Repair café"], (await AsAsync<MapReadService, IReadOnlyList<MapEntryRow>?>(DemoAppFixture.Observer, s => s.ListAsync(lab, set, new MapFilter())))!.Select(r => r.Name));
        var detail = (await AsAsync<MapDataSetService, DataSetDetail?>(DemoAppFixture.Participant, s => s.GetAsync(lab, set)))!;
        Assert.False(detail.Contributors.Single(c => c.OrganisationId == mdm).Consents);

        Assert.True((await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Participant, s => s.SetConsentAsync(lab, set, mdm, true))).Succeeded);
        Assert.Equal(2, (await ViewportAsync(DemoAppFixture.Observer, lab, set, Brussels))!.Count);
    }

    [Fact]
    public async Task Another_labs_people_get_nothing_and_only_a_published_data_set_is_read_by_anyone()
    {
        var (lab, set, mdm, _, _) = await DataSetAsync();
        await AcceptedAsync(lab, set, Entry("Permanence santé", mdm));
        var inCommon = await LabAsync("In Common");

        Assert.Null(await ViewportAsync(DemoAppFixture.Coordination, lab, set, Brussels));
        Assert.Null(await ViewportAsync(DemoAppFixture.Coordination, inCommon, set, Brussels));
        Assert.Null(await AsAsync<MapDataSetService, DataSetDetail?>(DemoAppFixture.Coordination, s => s.GetAsync(inCommon, set)));
        Assert.Equal(SaveStatus.NotFound, (await AsAsync<MapContributionService, SaveResult>(DemoAppFixture.Coordination, s => s.ProposeAsync(inCommon, set, null, Entry("Intrus", mdm)))).Status);
        Assert.Equal(SaveStatus.NotFound, (await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Coordination, s => s.AddContributorAsync(inCommon, set, mdm))).Status);
        Assert.Null(await app.AsAsync<MapReadService, DataSetView?>(null, s => s.PublishedAsync(set)));
        Assert.Null(await app.AsAsync<MapReadService, IReadOnlyList<MapPoint>?>(null, s => s.PublishedViewportAsync(set, Brussels, new MapFilter())));

        var detail = (await AsAsync<MapDataSetService, DataSetDetail?>(DemoAppFixture.Pilot, s => s.GetAsync(lab, set)))!;
        Assert.True((await AsAsync<MapDataSetService, SaveResult>(DemoAppFixture.Pilot, s => s.SaveAsync(lab, set,
            new DataSetInput { Name = detail.Name, Description = detail.Description, Licence = detail.Licence, Visibility = MapDataVisibility.Everyone, ApprovalsRequired = 2, Version = detail.Version }))).Succeeded);
        Assert.Equal("ODbL-1.0", (await app.AsAsync<MapReadService, DataSetView?>(null, s => s.PublishedAsync(set)))!.Licence);
        Assert.Equal(["Permanence santé"], (await app.AsAsync<MapReadService, IReadOnlyList<MapPoint>?>(null, s => s.PublishedViewportAsync(set, Brussels, new MapFilter())))!.Select(p => p.Name));
    }
}
