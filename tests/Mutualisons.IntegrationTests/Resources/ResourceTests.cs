using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Resources;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Sources;
using Mutualisons.Web.Features.Resources;

namespace Mutualisons.IntegrationTests.Resources;

/// <summary>Offers, needs, matches and pooling agreements through the service, on a real database: rights, cross-lab refusals, totals feeding cycle 3.</summary>
public sealed class ResourceTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Facilitator = DemoAppFixture.Facilitator;

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

    private Task<SaveResult> DeclareAsync(string who, Guid lab, DeclarationInput input) =>
        app.AsAsync<ResourceService, SaveResult>(who, s => s.SaveDeclarationAsync(lab, null, input));

    private Task<ResourcesView?> ViewAsync(string who, Guid lab) => app.AsAsync<ResourceService, ResourcesView?>(who, s => s.GetResourcesAsync(lab));

    private static DeclarationInput Room(Guid organisation, string title, decimal area, string from = "14:00", string until = "18:00") => new()
    {
        OrganisationId = organisation,
        Side = ResourceSide.Offer,
        Kind = PooledResourceKind.Place,
        Title = title,
        AreaSquareMetres = area,
        Capacity = 12,
        Days = Weekdays.Tuesday,
        From = from,
        Until = until,
    };

    private static DeclarationInput RoomNeed(Guid organisation, string title, decimal area) => new()
    {
        OrganisationId = organisation,
        Side = ResourceSide.Need,
        Kind = PooledResourceKind.Place,
        Title = title,
        AreaSquareMetres = area,
        Days = Weekdays.Tuesday,
        From = "15:00",
        Until = "17:00",
    };

    [Fact]
    public async Task Bota_75_shows_Financites_room_on_Tuesdays_agreed_with_SAW_B_and_the_totals()
    {
        var lab = await LabAsync();

        var view = (await ViewAsync(DemoAppFixture.Observer, lab))!;

        Assert.False(view.MayAgree);
        Assert.False(view.MayDeclare);
        var financite = view.Organisations.Single(o => o.Name == "Réseau Financité");
        var room = Assert.Single(financite.Offers);
        Assert.Equal((40m, Weekdays.Tuesday, 1), (room.AreaSquareMetres!.Value, room.Days, room.Agreements));
        var agreement = Assert.Single(view.Agreements);
        Assert.Equal(("Réseau Financité", "SAW-B", true), (agreement.Provider, agreement.Recipient, agreement.InForce));
        Assert.Equal(new AgreementTotals(1, 40, 0, 0, 1200), view.Totals);
        // Vluchtelingenwerk's GDPR need is met by Médecins du Monde's expertise, not yet agreed.
        var gdprNeed = view.Organisations.Single(o => o.Name == "Vluchtelingenwerk Vlaanderen").Needs.Single();
        var matches = (await app.AsAsync<ResourceService, MatchesView?>(DemoAppFixture.Observer, s => s.GetMatchesAsync(lab, gdprNeed.Id)))!;
        var match = Assert.Single(matches.Matches);
        Assert.Equal("Médecins du Monde", match.OrganisationName);
        Assert.Equal([MatchReason.SameKind, MatchReason.SameSkill, MatchReason.EnoughHours], match.Match.Reasons);
    }

    [Fact]
    public async Task A_participant_declares_for_the_organisation_they_represent_only_and_an_observer_not_at_all()
    {
        var lab = await LabAsync();
        var mdm = await OrganisationAsync("Médecins du Monde");
        var sawb = await OrganisationAsync("SAW-B");

        var own = await DeclareAsync(DemoAppFixture.Participant, lab, Room(mdm, "Salle d'attente le mardi", 25));
        var other = await DeclareAsync(DemoAppFixture.Participant, lab, Room(sawb, "Salle de SAW-B", 25));
        var observer = await DeclareAsync(DemoAppFixture.Observer, lab, Room(mdm, "Salle", 25));

        Assert.True(own.Succeeded, own.MessageKey);
        Assert.Equal(SaveStatus.Forbidden, other.Status);
        Assert.Equal(SaveStatus.Forbidden, observer.Status);
        var view = (await ViewAsync(DemoAppFixture.Participant, lab))!;
        Assert.True(view.Organisations.Single(o => o.Id == mdm).MayEdit);
        Assert.False(view.Organisations.Single(o => o.Id == sawb).MayEdit);
        Assert.False(view.MayAgree);
        var declared = view.Organisations.Single(o => o.Id == mdm).Offers.Single(d => d.Title == "Salle d'attente le mardi");
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<ResourceService, SaveResult>(DemoAppFixture.Observer, s => s.RemoveDeclarationAsync(lab, declared.Id, declared.Version))).Status);
        Assert.True((await app.AsAsync<ResourceService, SaveResult>(DemoAppFixture.Participant, s => s.RemoveDeclarationAsync(lab, declared.Id, declared.Version))).Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.LabId == lab && a.Subject == AuditSubject.ResourceDeclaration && a.SubjectId == declared.Id));
    }

    [Fact]
    public async Task Bad_input_says_why_and_saves_nothing()
    {
        var lab = await LabAsync();
        var mdm = await OrganisationAsync("Médecins du Monde");

        var inverted = await DeclareAsync(Facilitator, lab, Room(mdm, "Salle de nuit", 40, from: "22:00", until: "02:00"));
        var noSize = await DeclareAsync(Facilitator, lab, new DeclarationInput { OrganisationId = mdm, Side = ResourceSide.Offer, Kind = PooledResourceKind.Place, Title = "Salle sans taille" });

        Assert.Equal(SaveStatus.Invalid, inverted.Status);
        Assert.Contains(nameof(DeclarationInput.Until), inverted.Errors!.Keys);
        Assert.Equal(SaveStatus.Invalid, noSize.Status);
        Assert.Contains(nameof(DeclarationInput.AreaSquareMetres), noSize.Errors!.Keys);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ResourceDeclarations.AnyAsync(d => d.Title == "Salle de nuit" || d.Title == "Salle sans taille"));
    }

    [Fact]
    public async Task Another_labs_people_organisations_and_declarations_answer_not_found()
    {
        var bota = await LabAsync();
        var inCommon = await LabAsync("In Common");
        var mdm = await OrganisationAsync("Médecins du Monde");
        var dewey = await OrganisationAsync("Dewey");
        var coordination = DemoAppFixture.Coordination;
        var botaNeed = (await ViewAsync(Facilitator, bota))!.Organisations.SelectMany(o => o.Needs).First();
        var botaOffer = (await ViewAsync(Facilitator, bota))!.Organisations.SelectMany(o => o.Offers).First();

        Assert.Null(await ViewAsync(coordination, bota));
        Assert.Null(await app.AsAsync<ResourceService, MatchesView?>(coordination, s => s.GetMatchesAsync(inCommon, botaNeed.Id)));
        Assert.Equal(SaveStatus.NotFound, (await DeclareAsync(coordination, bota, Room(mdm, "Intrus", 40))).Status);
        // In their own lab, an organisation of Bota 75 only, or Bota 75's declarations, are not found either.
        Assert.Equal(SaveStatus.NotFound, (await DeclareAsync(coordination, inCommon, Room(mdm, "Intrus", 40))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ResourceService, SaveResult>(coordination, s => s.SaveDeclarationAsync(inCommon, botaOffer.Id, Room(dewey, "Volée", 40)))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ResourceService, SaveResult>(coordination, s => s.RemoveDeclarationAsync(inCommon, botaOffer.Id, botaOffer.Version))).Status);
        var agreement = new AgreementInput { OfferId = botaOffer.Id, NeedId = botaNeed.Id, Terms = "Volé", StartsOn = "2026-01-01" };
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ResourceService, SaveResult>(coordination, s => s.MakeAgreementAsync(inCommon, agreement))).Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ResourceDeclarations.AnyAsync(d => d.LabId == inCommon));
        Assert.False(await db.PoolingAgreements.AnyAsync(a => a.LabId == inCommon));
    }

    [Fact]
    public async Task A_new_agreement_moves_the_platform_figure_a_means_indicator_follows()
    {
        var lab = await LabAsync();
        var vwv = await OrganisationAsync("Vluchtelingenwerk Vlaanderen");
        var mdm = await OrganisationAsync("Médecins du Monde");
        Guid hypothesis;
        await using (var db = app.CreateDbContext())
        {
            hypothesis = await db.ImpactHypotheses.Where(h => h.LabId == lab).Select(h => h.Id).SingleAsync();
        }
        var version = (await app.AsAsync<ImpactHypothesisService, HypothesisView?>(DemoAppFixture.Pilot, s => s.GetHypothesisAsync(lab, hypothesis)))!.Version;
        Assert.True((await app.AsAsync<ImpactHypothesisService, SaveResult>(DemoAppFixture.Pilot, s => s.AddIndicatorAsync(lab, hypothesis,
            new IndicatorInput { Name = "m² partagés", Unit = IndicatorUnit.SquareMetres, BaselineValue = 0, BaselineDate = "2019-01-31" }, version))).Succeeded);
        var indicator = (await app.AsAsync<ImpactHypothesisService, HypothesisView?>(DemoAppFixture.Pilot, s => s.GetHypothesisAsync(lab, hypothesis)))!.Indicators.Single(i => i.Name == "m² partagés").Id;
        var wrongUnit = await app.AsAsync<IndicatorSourceService, SaveResult>(DemoAppFixture.Pilot, s => s.SourceFromFigureAsync(lab, hypothesis, indicator,
            new FigureSourceInput { Figure = PlatformFigure.HoursPooledPerMonth, Unit = IndicatorUnit.SquareMetres }));
        var sourced = await app.AsAsync<IndicatorSourceService, SaveResult>(DemoAppFixture.Pilot, s => s.SourceFromFigureAsync(lab, hypothesis, indicator,
            new FigureSourceInput { Figure = PlatformFigure.SquareMetresShared, Unit = IndicatorUnit.SquareMetres }));
        Assert.NotEqual(SaveStatus.Saved, wrongUnit.Status);
        Assert.True(sourced.Succeeded, sourced.MessageKey);
        async Task<decimal?> ProposedAsync() => (await app.AsAsync<IndicatorSourceService, HypothesisSourcing?>(DemoAppFixture.Pilot, s => s.GetSourcingAsync(lab, hypothesis)))!.Indicators[indicator].Proposal?.Value;
        Assert.Equal(40m, await ProposedAsync());

        Assert.True((await DeclareAsync(Facilitator, lab, Room(vwv, "Salle du 1er", 25))).Succeeded);
        Assert.True((await DeclareAsync(Facilitator, lab, RoomNeed(mdm, "Un lieu de consultation le mardi", 20))).Succeeded);
        var view = (await ViewAsync(Facilitator, lab))!;
        var need = view.Organisations.Single(o => o.Id == mdm).Needs.Single(n => n.Title == "Un lieu de consultation le mardi");
        var matches = (await app.AsAsync<ResourceService, MatchesView?>(Facilitator, s => s.GetMatchesAsync(lab, need.Id)))!;
        var room = matches.Matches.Single(m => m.Offer.Title == "Salle du 1er");
        Assert.Contains(MatchReason.AvailabilityOverlaps, room.Match.Reasons);
        var input = new AgreementInput { OfferId = room.Offer.Id, NeedId = need.Id, Terms = "Le mardi après-midi", StartsOn = "2020-01-07", YearlyCostSaved = 800 };
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<ResourceService, SaveResult>(DemoAppFixture.Participant, s => s.MakeAgreementAsync(lab, input))).Status);
        var made = await app.AsAsync<ResourceService, SaveResult>(Facilitator, s => s.MakeAgreementAsync(lab, input));

        Assert.True(made.Succeeded, made.MessageKey);
        Assert.Equal(new AgreementTotals(2, 65, 0, 0, 2000), (await ViewAsync(Facilitator, lab))!.Totals);
        Assert.Equal(65m, await ProposedAsync());
        // Removed (recorded by mistake), it no longer counts.
        var agreement = (await ViewAsync(Facilitator, lab))!.Agreements.Single(a => a.Id == made.Id);
        Assert.True((await app.AsAsync<ResourceService, SaveResult>(Facilitator, s => s.RemoveAgreementAsync(lab, agreement.Id, agreement.Version))).Succeeded);
        Assert.Equal(40m, await ProposedAsync());
    }

    [Fact]
    public async Task An_offer_that_no_longer_meets_the_need_is_refused_as_an_agreement()
    {
        var lab = await LabAsync();
        var vwv = await OrganisationAsync("Vluchtelingenwerk Vlaanderen");
        var mdm = await OrganisationAsync("Médecins du Monde");
        var offerId = (await DeclareAsync(Facilitator, lab, Room(vwv, "Petit bureau", 10))).Id!.Value;
        var needId = (await DeclareAsync(Facilitator, lab, RoomNeed(mdm, "Une grande salle", 50))).Id!.Value;

        var refused = await app.AsAsync<ResourceService, SaveResult>(Facilitator, s => s.MakeAgreementAsync(lab, new AgreementInput { OfferId = offerId, NeedId = needId, Terms = "Essai", StartsOn = "2026-01-05" }));
        var swapped = await app.AsAsync<ResourceService, SaveResult>(Facilitator, s => s.MakeAgreementAsync(lab, new AgreementInput { OfferId = needId, NeedId = offerId, Terms = "Essai", StartsOn = "2026-01-05" }));

        Assert.Equal("Rule.Resources.OfferDoesNotMeetNeed", refused.MessageKey);
        Assert.Equal(SaveStatus.NotFound, swapped.Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.PoolingAgreements.CountAsync(a => a.LabId == lab));
    }

    [Fact]
    public async Task Offers_of_located_organisations_are_ranked_by_distance_and_those_beyond_the_needs_limit_are_left_out()
    {
        var lab = await LabAsync();
        var vwv = await OrganisationAsync("Vluchtelingenwerk Vlaanderen");
        var mdm = await OrganisationAsync("Médecins du Monde");
        await using (var db = app.CreateDbContext())
        {
            // Vluchtelingenwerk moves to Ghent, about 50 km from the Botanique.
            await db.Database.ExecuteSqlAsync($"UPDATE organisations SET address_latitude = 51.0543, address_longitude = 3.7174 WHERE id = {vwv}");
        }
        Assert.True((await DeclareAsync(Facilitator, lab, Room(vwv, "Salle à Gand", 60))).Succeeded);
        var input = RoomNeed(mdm, "Une salle de consultation", 20);
        Assert.True((await DeclareAsync(Facilitator, lab, input)).Succeeded);
        var need = (await ViewAsync(Facilitator, lab))!.Organisations.Single(o => o.Id == mdm).Needs.Single(n => n.Title == "Une salle de consultation");

        var near = (await app.AsAsync<ResourceService, MatchesView?>(Facilitator, s => s.GetMatchesAsync(lab, need.Id)))!;

        Assert.Equal(ResourceMatching.DefaultPlaceDistanceKm, near.MaxDistanceKm);
        var financite = Assert.Single(near.Matches);
        Assert.Equal("Salle de réunion du 3e étage", financite.Offer.Title);
        Assert.Contains(MatchReason.CloseEnough, financite.Match.Reasons);
        Assert.Equal(0, financite.Match.DistanceKm!.Value, 3);

        input.MaxDistanceKm = 100;
        input.Version = need.Version;
        Assert.True((await app.AsAsync<ResourceService, SaveResult>(Facilitator, s => s.SaveDeclarationAsync(lab, need.Id, input))).Succeeded);
        var far = (await app.AsAsync<ResourceService, MatchesView?>(Facilitator, s => s.GetMatchesAsync(lab, need.Id)))!;
        Assert.Equal(["Salle de réunion du 3e étage", "Salle à Gand"], far.Matches.Select(m => m.Offer.Title));
        Assert.InRange(far.Matches[1].Match.DistanceKm!.Value, 40, 60);

        input.MaxDistanceKm = 1000;
        var invalid = await app.AsAsync<ResourceService, SaveResult>(Facilitator, s => s.SaveDeclarationAsync(lab, need.Id, input));
        Assert.Equal(SaveStatus.Invalid, invalid.Status);
        Assert.Contains(nameof(DeclarationInput.MaxDistanceKm), invalid.Errors!.Keys);
    }
}
