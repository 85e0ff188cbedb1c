using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources.MapData;

namespace Mutualisons.Domain.Tests.Resources.MapData;

public sealed class MapDataRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Dewey = Guid.NewGuid();
    private static readonly Guid Financite = Guid.NewGuid();
    private static readonly Guid Sawb = Guid.NewGuid();
    private static readonly Guid Mdm = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    private static MapDataSet DataSet(int approvals = 2)
    {
        var set = new MapDataSet(Guid.NewGuid(), "Carte des alternatives", "Les lieux d'In Common", null, MapDataVisibility.Lab, approvals, Now);
        foreach (var organisation in new[] { Dewey, Financite, Sawb, Mdm })
        {
            set.AddContributor(organisation, Now);
        }
        return set;
    }

    private static MapEntryContent Content(string name = "Épicerie solidaire", double latitude = 50.85, double longitude = 4.35, Guid? source = null, IEnumerable<Guid>? categories = null, string? website = "https://example.org") =>
        MapEntryContent.Of(name, categories, "Rue Haute 1, 1000 Bruxelles", latitude, longitude, "Une épicerie", "Een kruidenier", "A grocery", "info@example.org", "Lu–ve 9h–18h", website, source ?? Dewey, new DateOnly(2026, 11, 30));

    private static string Refusal(Action action) => Assert.Throws<DomainException>(action).Code;

    [Theory]
    [InlineData(91, 4)]
    [InlineData(-90.0001, 4)]
    [InlineData(50, 180.5)]
    [InlineData(50, -181)]
    [InlineData(double.NaN, 4)]
    [InlineData(50, double.PositiveInfinity)]
    public void Coordinates_off_the_globe_are_refused(double latitude, double longitude) =>
        Assert.Equal("MapEntry.CoordinatesInvalid", Refusal(() => Content(latitude: latitude, longitude: longitude)));

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 0)]
    public void Coordinates_on_the_edges_of_the_globe_are_accepted(double latitude, double longitude) =>
        Assert.Equal(latitude, Content(latitude: latitude, longitude: longitude).Latitude);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org")]
    [InlineData("example.org")]
    public void A_website_that_is_not_http_or_https_is_refused(string website) =>
        Assert.Equal("MapEntry.WebsiteInvalid", Refusal(() => Content(website: website)));

    [Fact]
    public void A_name_is_required_and_the_licence_defaults_to_odbl()
    {
        Assert.Equal("MapEntry.NameRequired", Refusal(() => Content(name: "  ")));
        Assert.Equal(MapDataSet.DefaultLicence, DataSet().Licence);
        Assert.Equal("MapData.ApprovalsInvalid", Refusal(() => DataSet(approvals: 0)));
    }

    [Fact]
    public void A_new_entry_stays_hidden_until_the_set_number_of_other_organisations_approve_it()
    {
        var set = DataSet(approvals: 2);
        var entry = MapEntry.Propose(set, Content(), Alice, Dewey, Now);
        var contribution = entry.Pending!;
        Assert.False(entry.IsShownIn(set));

        Assert.Equal("MapEntry.OwnContribution", Refusal(() => entry.Approve(set, contribution.Id, MapReviewer.For(Alice, Dewey), Now)));
        entry.Approve(set, contribution.Id, MapReviewer.For(Bob, Financite), Now);
        Assert.False(entry.IsShownIn(set));
        Assert.Equal("MapEntry.AlreadyApproved", Refusal(() => entry.Approve(set, contribution.Id, MapReviewer.For(Bob, Financite), Now)));
        Assert.Equal("MapEntry.NotAReviewer", Refusal(() => entry.Approve(set, contribution.Id, MapReviewer.For(Bob, Guid.NewGuid()), Now)));

        entry.Approve(set, contribution.Id, MapReviewer.For(Bob, Sawb), Now);
        Assert.True(entry.IsShownIn(set));
        Assert.Equal(ContributionStatus.Accepted, contribution.Status);
        Assert.Equal("Épicerie solidaire", entry.Name);
        Assert.Equal("MapEntry.NotPending", Refusal(() => entry.Approve(set, contribution.Id, MapReviewer.For(Bob, Mdm), Now)));
    }

    [Fact]
    public void A_moderators_approval_alone_accepts_and_a_refusal_needs_a_reason()
    {
        var set = DataSet(approvals: 3);
        var entry = MapEntry.Propose(set, Content(), Alice, Dewey, Now);
        entry.Approve(set, entry.Pending!.Id, MapReviewer.Moderator(Bob), Now);
        Assert.True(entry.IsShownIn(set));

        var refused = MapEntry.Propose(set, Content("Doublon"), Alice, Dewey, Now);
        var contribution = refused.Pending!;
        Assert.Equal("MapEntry.ReasonRequired", Refusal(() => refused.Refuse(set, contribution.Id, MapReviewer.Moderator(Bob), " ", Now)));
        refused.Refuse(set, contribution.Id, MapReviewer.For(Bob, Sawb), "Déjà sur la carte", Now);
        Assert.Equal((ContributionStatus.Refused, "Déjà sur la carte"), (contribution.Status, contribution.RefusalReason));
        Assert.False(refused.IsShownIn(set));
    }

    [Fact]
    public void An_edit_waits_while_the_entry_keeps_showing_what_was_accepted_and_the_history_tells_who_did_what()
    {
        var set = DataSet(approvals: 1);
        var entry = MapEntry.Propose(set, Content(), Alice, Dewey, Now);
        entry.Approve(set, entry.Pending!.Id, MapReviewer.For(Bob, Financite), Now.AddHours(1));

        Assert.Equal("MapEntry.NothingChanged", Refusal(() => entry.ProposeEdit(set, Content(), Alice, Dewey, Now)));
        var edit = entry.ProposeEdit(set, Content("Épicerie solidaire du Marolles", latitude: 50.84), Alice, Dewey, Now.AddDays(1));
        Assert.Equal("MapEntry.ContributionPending", Refusal(() => entry.ProposeEdit(set, Content("Autre"), Alice, Dewey, Now)));
        Assert.Equal("Épicerie solidaire", entry.Name);
        entry.Approve(set, edit.Id, MapReviewer.For(Bob, Sawb), Now.AddDays(2));
        Assert.Equal(("Épicerie solidaire du Marolles", 50.84), (entry.Name, entry.Latitude!.Value));

        Assert.Equal(
            [MapEntryEventKind.Proposed, MapEntryEventKind.Approved, MapEntryEventKind.Accepted, MapEntryEventKind.Proposed, MapEntryEventKind.Approved, MapEntryEventKind.Accepted],
            entry.History.Select(h => h.Kind));
        var editProposal = entry.History[3];
        Assert.Equal((Alice, Dewey, "Name, Coordinates"), (editProposal.UserId!.Value, editProposal.OrganisationId!.Value, editProposal.Changes));
        Assert.Equal((Bob, Sawb), (entry.History[4].UserId!.Value, entry.History[4].OrganisationId!.Value));
        Assert.Equal(Now.AddDays(2), entry.History[5].At);
    }

    [Fact]
    public void Withdrawing_consent_hides_that_organisations_entries_and_stops_its_reviews_until_given_again()
    {
        var set = DataSet(approvals: 1);
        var fromDewey = MapEntry.Propose(set, Content(), Alice, Dewey, Now);
        fromDewey.Approve(set, fromDewey.Pending!.Id, MapReviewer.Moderator(Bob), Now);
        var fromSawb = MapEntry.Propose(set, Content("Repair café", source: Sawb), Alice, Sawb, Now);
        fromSawb.Approve(set, fromSawb.Pending!.Id, MapReviewer.Moderator(Bob), Now);

        set.SetConsent(Dewey, false, Now);
        Assert.False(fromDewey.IsShownIn(set));
        Assert.True(fromSawb.IsShownIn(set));
        Assert.DoesNotContain(Dewey, set.ConsentingOrganisations);
        Assert.Equal("MapData.NotAContributor", Refusal(() => MapEntry.Propose(set, Content("Nouveau"), Alice, Dewey, Now)));
        var pending = MapEntry.Propose(set, Content("Nouveau", source: Sawb), Alice, Sawb, Now);
        Assert.Equal("MapEntry.NotAReviewer", Refusal(() => pending.Approve(set, pending.Pending!.Id, MapReviewer.For(Bob, Dewey), Now)));

        set.SetConsent(Dewey, true, Now);
        Assert.True(fromDewey.IsShownIn(set));
    }

    [Fact]
    public void The_taxonomy_nests_three_levels_at_most_and_entries_only_take_its_categories()
    {
        var set = DataSet();
        var food = set.AddCategory(null, "Alimentation", "Voeding", "Food");
        var markets = set.AddCategory(food.Id, "Marchés", "Markten", "Markets");
        var organic = set.AddCategory(markets.Id, "Bio", null, null);
        Assert.Equal("MapData.CategoryTooDeep", Refusal(() => set.AddCategory(organic.Id, "Trop profond", null, null)));
        Assert.Equal("MapData.CategoryDuplicate", Refusal(() => set.AddCategory(null, "alimentation", null, null)));
        Assert.Equal("MapData.CategoryHasChildren", Refusal(() => set.RemoveCategory(food.Id)));
        Assert.Equal([food.Id, markets.Id, organic.Id], set.WithDescendants(food.Id));
        Assert.Equal(("Voeding", "Bio"), (food.NameIn(Cultures.Dutch), organic.NameIn(Cultures.English)));

        Assert.Equal("MapData.UnknownCategory", Refusal(() => MapEntry.Propose(set, Content(categories: [Guid.NewGuid()]), Alice, Dewey, Now)));
        var entry = MapEntry.Propose(set, Content(categories: [markets.Id]), Alice, Dewey, Now);
        entry.Approve(set, entry.Pending!.Id, MapReviewer.Moderator(Bob), Now);
        Assert.Equal([markets.Id], entry.CategoryIds);
    }
}
