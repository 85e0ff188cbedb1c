using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Domain.Tests.Resources;

public sealed class ResourceMatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Financite = Guid.NewGuid();
    private static readonly Guid SawB = Guid.NewGuid();
    private static readonly Guid Mdm = Guid.NewGuid();

    private static ResourceDeclaration Offer(Guid organisation, PooledResourceKind kind, ResourceDetails details, Guid? lab = null) =>
        new(lab ?? Lab, organisation, ResourceSide.Offer, kind, details, null, Now);

    private static ResourceDeclaration Need(Guid organisation, PooledResourceKind kind, ResourceDetails details) =>
        new(Lab, organisation, ResourceSide.Need, kind, details, null, Now);

    private static ResourceDeclaration Room(string title, decimal area, int capacity, Weekdays days, int from, int until, Guid? organisation = null, Guid? lab = null) =>
        Offer(organisation ?? Financite, PooledResourceKind.Place, new ResourceDetails(title, Capacity: capacity, AreaSquareMetres: area, Days: days, From: new TimeOnly(from, 0), Until: new TimeOnly(until, 0)), lab);

    private static ResourceDeclaration RoomNeed(decimal area, Weekdays days, int from, int until) =>
        Need(SawB, PooledResourceKind.Place, new ResourceDetails("Une salle de formation", AreaSquareMetres: area, Days: days, From: new TimeOnly(from, 0), Until: new TimeOnly(until, 0)));

    [Fact]
    public void A_40_m2_room_on_Tuesdays_meets_a_need_for_30_m2_on_Tuesday_mornings_with_its_reasons()
    {
        var room = Room("Salle du 3e", 40, 20, Weekdays.Tuesday | Weekdays.Thursday, 9, 17);
        var need = RoomNeed(30, Weekdays.Tuesday, 8, 12);

        var match = Assert.Single(ResourceMatching.OffersFor(need, [room]));

        Assert.Equal(room.Id, match.OfferId);
        Assert.Equal([MatchReason.SameKind, MatchReason.AvailabilityOverlaps, MatchReason.EnoughArea], match.Reasons);
        Assert.Equal((Weekdays.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0)), (match.Days, match.From!.Value, match.Until!.Value));
        Assert.Equal(10m, match.Spare);
    }

    [Fact]
    public void Rooms_too_small_on_other_days_or_at_other_hours_do_not_match()
    {
        var need = RoomNeed(30, Weekdays.Tuesday, 9, 12);
        ResourceDeclaration[] offers =
        [
            Room("Trop petite", 20, 10, Weekdays.Tuesday, 9, 17),
            Room("Le mercredi", 40, 20, Weekdays.Wednesday, 9, 17),
            Room("L'après-midi", 40, 20, Weekdays.Tuesday, 13, 17),
            Room("Juste à la fin", 40, 20, Weekdays.Tuesday, 12, 17),
        ];

        Assert.Empty(ResourceMatching.OffersFor(need, offers));
    }

    [Fact]
    public void An_organisation_is_not_matched_with_itself_nor_with_another_labs_offers_nor_with_another_kind()
    {
        var need = RoomNeed(30, Weekdays.Tuesday, 9, 12);
        ResourceDeclaration[] offers =
        [
            Room("La nôtre", 40, 20, Weekdays.Tuesday, 9, 17, organisation: SawB),
            Room("Ailleurs", 40, 20, Weekdays.Tuesday, 9, 17, lab: Guid.NewGuid()),
            Offer(Financite, PooledResourceKind.Service, new ResourceDetails("Prêt de salle")),
        ];

        Assert.Empty(ResourceMatching.OffersFor(need, offers));
    }

    [Fact]
    public void Matches_are_ranked_by_reasons_then_by_the_tightest_fit()
    {
        var need = Need(SawB, PooledResourceKind.Place, new ResourceDetails("Une salle", Capacity: 12, AreaSquareMetres: 30, Days: Weekdays.Tuesday));
        var large = Room("Grande salle", 120, 80, Weekdays.Tuesday, 9, 17);
        var snug = Room("Petite salle", 35, 15, Weekdays.Tuesday, 9, 17);
        var anyDay = Offer(Mdm, PooledResourceKind.Place, new ResourceDetails("Salle sans horaire", Capacity: 12, AreaSquareMetres: 30));

        var ranked = ResourceMatching.OffersFor(need, [large, anyDay, snug]);

        Assert.Equal([snug.Id, large.Id, anyDay.Id], ranked.Select(m => m.OfferId));
        Assert.DoesNotContain(MatchReason.AvailabilityOverlaps, ranked[2].Reasons);
    }

    [Fact]
    public void Expertise_matches_on_the_same_skill_with_enough_hours()
    {
        var need = Need(SawB, PooledResourceKind.Workforce, new ResourceDetails("Conformité RGPD", Skill: Skill.Gdpr, HoursPerMonth: 4));
        var gdpr = Offer(Mdm, PooledResourceKind.Workforce, new ResourceDetails("DPO partagée", Skill: Skill.Gdpr, HoursPerMonth: 8));
        var few = Offer(Financite, PooledResourceKind.Workforce, new ResourceDetails("Un peu de RGPD", Skill: Skill.Gdpr, HoursPerMonth: 2));
        var it = Offer(Financite, PooledResourceKind.Workforce, new ResourceDetails("Informaticien", Skill: Skill.InformationTechnology, HoursPerMonth: 20));

        var match = Assert.Single(ResourceMatching.OffersFor(need, [gdpr, few, it]));

        Assert.Equal(gdpr.Id, match.OfferId);
        Assert.Equal([MatchReason.SameKind, MatchReason.SameSkill, MatchReason.EnoughHours], match.Reasons);
    }

    [Fact]
    public void A_data_set_matches_on_its_theme_whatever_the_case_and_says_when_the_format_is_the_one_wanted()
    {
        var need = Need(SawB, PooledResourceKind.DataSet, new ResourceDetails("Initiatives durables", Theme: "cartographie", Format: "GeoJSON"));
        var map = Offer(Mdm, PooledResourceKind.DataSet, new ResourceDetails("Carte", Theme: "Cartographie des initiatives", Format: "geojson", Licence: "ODbL"));
        var budget = Offer(Financite, PooledResourceKind.DataSet, new ResourceDetails("Budgets", Theme: "Finances"));

        var match = Assert.Single(ResourceMatching.OffersFor(need, [map, budget]));

        Assert.Equal([MatchReason.SameKind, MatchReason.SameTheme, MatchReason.SameFormat], match.Reasons);
    }

    [Fact]
    public void A_need_is_never_an_offer()
    {
        var need = RoomNeed(30, Weekdays.Tuesday, 9, 12);
        var otherNeed = Need(Financite, PooledResourceKind.Place, new ResourceDetails("Salle", AreaSquareMetres: 40, Days: Weekdays.Tuesday));

        Assert.Null(ResourceMatching.Match(need, otherNeed));
    }
}
