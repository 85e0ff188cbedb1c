using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Domain.Tests.Resources;

public sealed class DistanceMatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid SawB = Guid.NewGuid();
    private static readonly Guid Bota = Guid.NewGuid();
    private static readonly Guid Ixelles = Guid.NewGuid();
    private static readonly Guid Liege = Guid.NewGuid();
    private static readonly Guid Unlocated = Guid.NewGuid();

    /// <summary>Rue Botanique 75 (Saint-Josse), Ixelles, Liège.</summary>
    private static readonly Dictionary<Guid, GeoPoint> Where = new()
    {
        [SawB] = new(50.8466, 4.3528),
        [Bota] = new(50.8553, 4.3667),
        [Ixelles] = new(50.8275, 4.3720),
        [Liege] = new(50.6326, 5.5797),
    };

    private static GeoPoint? Locate(Guid organisation) => Where.TryGetValue(organisation, out var point) ? point : null;

    private static ResourceDeclaration Room(Guid organisation, string title) =>
        new(Lab, organisation, ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails(title, Capacity: 20), null, Now);

    private static ResourceDeclaration RoomNeed(int? maxKm = null) =>
        new(Lab, SawB, ResourceSide.Need, PooledResourceKind.Place, new ResourceDetails("Une salle", Capacity: 15, MaxDistanceKm: maxKm), null, Now);

    [Fact]
    public void The_distance_between_two_places_is_the_great_circle_one()
    {
        Assert.InRange(new GeoPoint(50.8466, 4.3528).KilometresTo(new GeoPoint(50.6326, 5.5797)), 88, 92);
        Assert.Equal(0, new GeoPoint(50.85, 4.35).KilometresTo(new GeoPoint(50.85, 4.35)), 6);
    }

    [Fact]
    public void Closer_offers_come_first_with_their_distance_those_too_far_are_left_out_and_unlocated_ones_come_last()
    {
        ResourceDeclaration[] offers = [Room(Ixelles, "A Ixelles"), Room(Liege, "A Liège"), Room(Unlocated, "Quelque part"), Room(Bota, "Au Bota")];

        var matches = ResourceMatching.OffersFor(RoomNeed(), offers, Locate);

        Assert.Equal(["Au Bota", "A Ixelles", "Quelque part"], matches.Select(m => offers.Single(o => o.Id == m.OfferId).Title));
        Assert.InRange(matches[0].DistanceKm!.Value, 1, 2);
        Assert.Contains(MatchReason.CloseEnough, matches[0].Reasons);
        Assert.Null(matches[2].DistanceKm);
        Assert.DoesNotContain(MatchReason.CloseEnough, matches[2].Reasons);
    }

    [Fact]
    public void A_need_sets_its_own_limit_and_without_locations_distance_plays_no_part()
    {
        ResourceDeclaration[] offers = [Room(Ixelles, "A Ixelles"), Room(Liege, "A Liège"), Room(Bota, "Au Bota")];

        Assert.Equal(["Au Bota"], ResourceMatching.OffersFor(RoomNeed(maxKm: 2), offers, Locate).Select(m => offers.Single(o => o.Id == m.OfferId).Title));
        Assert.Equal(3, ResourceMatching.OffersFor(RoomNeed(maxKm: 100), offers, Locate).Count);
        Assert.Equal(3, ResourceMatching.OffersFor(RoomNeed(), offers).Count);
    }

    [Fact]
    public void Expertise_has_no_default_limit_data_sets_no_distance_and_an_offer_keeps_no_limit()
    {
        var gdpr = new ResourceDeclaration(Lab, Liege, ResourceSide.Offer, PooledResourceKind.Workforce, new ResourceDetails("RGPD", Skill: Skill.Gdpr, HoursPerMonth: 8), null, Now);
        var need = new ResourceDeclaration(Lab, SawB, ResourceSide.Need, PooledResourceKind.Workforce, new ResourceDetails("RGPD", Skill: Skill.Gdpr, HoursPerMonth: 4), null, Now);
        var offerWithLimit = new ResourceDeclaration(Lab, Liege, ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Salle", Capacity: 5, MaxDistanceKm: 3), null, Now);

        var match = Assert.Single(ResourceMatching.OffersFor(need, [gdpr], Locate));
        Assert.InRange(match.DistanceKm!.Value, 88, 92);
        Assert.Null(ResourceMatching.MaxDistanceKm(need));
        Assert.Null(offerWithLimit.MaxDistanceKm);
        Assert.Equal("Resources.DistanceInvalid", Assert.Throws<DomainException>(() => RoomNeed(maxKm: 0)).Code);
        Assert.Equal("Resources.DistanceInvalid", Assert.Throws<DomainException>(() => RoomNeed(maxKm: ResourceDeclaration.MaxDistanceKmLimit + 1)).Code);
    }
}
