using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Domain.Tests.Resources;

public sealed class PoolingAgreementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Financite = Guid.NewGuid();
    private static readonly Guid SawB = Guid.NewGuid();
    private static readonly DateOnly September = new(2026, 9, 1);

    private static ResourceDeclaration Room(Guid? lab = null) => new(lab ?? Lab, Financite, ResourceSide.Offer, PooledResourceKind.Place,
        new ResourceDetails("Salle du 3e", Capacity: 20, AreaSquareMetres: 40, Days: Weekdays.Tuesday, From: new TimeOnly(9, 0), Until: new TimeOnly(17, 0)), null, Now);

    private static ResourceDeclaration RoomNeed() => new(Lab, SawB, ResourceSide.Need, PooledResourceKind.Place,
        new ResourceDetails("Salle de formation", AreaSquareMetres: 30, Days: Weekdays.Tuesday, From: new TimeOnly(9, 0), Until: new TimeOnly(12, 0)), null, Now);

    [Fact]
    public void A_match_becomes_an_agreement_between_the_two_organisations_sharing_the_whole_room()
    {
        var room = Room();
        var need = RoomNeed();

        var agreement = new PoolingAgreement(room, need, "Le mardi matin", September, null, 1200, null, Now);

        Assert.Equal((Financite, SawB, room.Id, need.Id, 40m), (agreement.ProviderId, agreement.RecipientId, agreement.OfferId!.Value, agreement.NeedId!.Value, agreement.AreaSquareMetres!.Value));
        Assert.Null(agreement.HoursPerMonth);
        Assert.Equal(Lab, agreement.LabId);
    }

    [Fact]
    public void An_offer_that_cannot_meet_the_need_or_belongs_to_another_lab_makes_no_agreement()
    {
        var small = new ResourceDeclaration(Lab, Financite, ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Bureau", AreaSquareMetres: 12, Days: Weekdays.Tuesday), null, Now);

        Assert.Equal("Resources.OfferDoesNotMeetNeed", Assert.Throws<DomainException>(() => new PoolingAgreement(small, RoomNeed(), "Conditions", September, null, null, null, Now)).Code);
        Assert.Equal("Resources.OtherLab", Assert.Throws<DomainException>(() => new PoolingAgreement(Room(Guid.NewGuid()), RoomNeed(), "Conditions", September, null, null, null, Now)).Code);
    }

    [Fact]
    public void An_agreement_has_terms_ends_after_it_starts_and_saves_no_negative_cost()
    {
        Assert.Equal("Resources.TermsRequired", Assert.Throws<DomainException>(() => new PoolingAgreement(Room(), RoomNeed(), " ", September, null, null, null, Now)).Code);
        Assert.Equal("Resources.EndsBeforeStart", Assert.Throws<DomainException>(() => new PoolingAgreement(Room(), RoomNeed(), "Conditions", September, September.AddDays(-1), null, null, Now)).Code);
        Assert.Equal("Resources.CostSavedInvalid", Assert.Throws<DomainException>(() => new PoolingAgreement(Room(), RoomNeed(), "Conditions", September, null, -1, null, Now)).Code);
        var agreement = new PoolingAgreement(Room(), RoomNeed(), "Conditions", September, null, null, null, Now);
        Assert.Equal("Resources.EndsBeforeStart", Assert.Throws<DomainException>(() => agreement.End(September.AddDays(-1))).Code);
    }

    [Fact]
    public void Hours_pooled_are_those_the_need_asks_within_what_is_offered()
    {
        var offer = new ResourceDeclaration(Lab, Financite, ResourceSide.Offer, PooledResourceKind.Workforce, new ResourceDetails("DPO", Skill: Skill.Gdpr, HoursPerMonth: 8), null, Now);
        var need = new ResourceDeclaration(Lab, SawB, ResourceSide.Need, PooledResourceKind.Workforce, new ResourceDetails("RGPD", Skill: Skill.Gdpr, HoursPerMonth: 3), null, Now);

        Assert.Equal(3m, new PoolingAgreement(offer, need, "Trois heures", September, null, null, null, Now).HoursPerMonth);
    }

    [Fact]
    public void Totals_count_only_the_agreements_in_force_on_the_day()
    {
        var current = new PoolingAgreement(Room(), RoomNeed(), "En cours", September, null, 1200, null, Now);
        var ended = new PoolingAgreement(Room(), RoomNeed(), "Fini", September, September.AddDays(10), 500, null, Now);
        var future = new PoolingAgreement(Room(), RoomNeed(), "À venir", September.AddMonths(6), null, 300, null, Now);

        var totals = AgreementTotals.Of([current, ended, future], September.AddMonths(1));

        Assert.Equal(new AgreementTotals(1, 40, 0, 0, 1200), totals);
        Assert.True(ended.IsInForce(September.AddDays(10)));
        Assert.False(ended.IsInForce(September.AddDays(11)));
    }
}
