using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Resources;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Resources;

/// <summary>
/// What the lab's organisations offer and need, the offers that could meet each need, and the pooling
/// agreements made from them. An organisation's offers and needs are written by whoever may edit that
/// organisation in the lab (its representative, the pilot group, facilitators); agreements by those who
/// configure the lab's tools. Everyone in the lab reads.
/// </summary>
public sealed class ResourceService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    TimeProvider time,
    IValidator<DeclarationInput> declarationValidator,
    IValidator<AgreementInput> agreementValidator)
{
    /// <summary>Today in Brussels, where the labs work.</summary>
    private DateOnly Today => DateOnly.FromDateTime(Formats.BrusselsDay(time.GetUtcNow()));

    public async Task<ResourcesView?> GetResourcesAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var organisations = await OrganisationsAsync(db, labId, cancellationToken);
        var declarations = await db.ResourceDeclarations.AsNoTracking().Where(d => d.LabId == labId).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var agreements = await db.PoolingAgreements.AsNoTracking().Where(a => a.LabId == labId).OrderByDescending(a => a.StartsOn).ThenBy(a => a.Title).ToListAsync(cancellationToken);
        var uses = agreements.SelectMany(a => new[] { a.OfferId, a.NeedId }).Where(id => id is not null).GroupBy(id => id!.Value).ToDictionary(g => g.Key, g => g.Count());
        var today = Today;
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var byOrganisation = organisations.Select(o =>
        {
            var own = declarations.Where(d => d.OrganisationId == o.Id).Select(d => DeclarationRow.Of(d, uses.GetValueOrDefault(d.Id))).ToList();
            return new OrganisationResources(o.Id, o.Name, place.Role.MayEditOrganisation(o.Id, true, place.Represents),
                [.. own.Where(d => d.Side == ResourceSide.Offer)], [.. own.Where(d => d.Side == ResourceSide.Need)]);
        }).ToList();
        var rows = agreements.Select(a => new AgreementRow(a.Id, a.Version, a.Title, a.Kind, names.GetValueOrDefault(a.ProviderId, string.Empty), names.GetValueOrDefault(a.RecipientId, string.Empty),
            a.Terms, a.StartsOn, a.EndsOn, a.YearlyCostSaved, a.AreaSquareMetres, a.HoursPerMonth, a.IsInForce(today))).ToList();
        return new ResourcesView(labName, place.Role.Allows(LabRight.ConfigureTools), byOrganisation, rows, await AgreementQueries.TotalsAsync(db, labId, today, cancellationToken));
    }

    /// <summary>The offers of the lab's other organisations that could meet need <paramref name="needId"/>, best first.</summary>
    public async Task<MatchesView?> GetMatchesAsync(Guid labId, Guid needId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var need = await db.ResourceDeclarations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == needId && d.LabId == labId && d.Side == ResourceSide.Need, cancellationToken);
        if (need is null)
        {
            return null;
        }
        // Only offers of the same kind from other organisations can match: the database narrows, the domain decides.
        var offers = await db.ResourceDeclarations.AsNoTracking()
            .Where(d => d.LabId == labId && d.Side == ResourceSide.Offer && d.Kind == need.Kind && d.OrganisationId != need.OrganisationId)
            .ToListAsync(cancellationToken);
        var names = (await OrganisationsAsync(db, labId, cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        var byId = offers.ToDictionary(o => o.Id);
        // Where the lab's organisations are, for those whose address is located.
        var located = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => new { o.Id, o.Address.Latitude, o.Address.Longitude })
            .Where(o => o.Latitude != null && o.Longitude != null).ToListAsync(cancellationToken);
        var points = located.ToDictionary(o => o.Id, o => new GeoPoint(o.Latitude!.Value, o.Longitude!.Value));
        var matches = ResourceMatching.OffersFor(need, offers, id => points.TryGetValue(id, out var point) ? point : null)
            .Select(m => new MatchRow(DeclarationRow.Of(byId[m.OfferId], 0), names.GetValueOrDefault(byId[m.OfferId].OrganisationId, string.Empty), m))
            .ToList();
        return new MatchesView(DeclarationRow.Of(need, 0), names.GetValueOrDefault(need.OrganisationId, string.Empty), role.Allows(LabRight.ConfigureTools), matches, ResourceMatching.MaxDistanceKm(need));
    }

    /// <summary>
    /// Declares an offer or a need for a member organisation (<paramref name="declarationId"/> null), or changes
    /// one at the version seen. The organisation must be one of the lab's; its kind and side stay.
    /// </summary>
    public async Task<SaveResult> SaveDeclarationAsync(Guid labId, Guid? declarationId, DeclarationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (declarationId is not { } id)
        {
            var organisationId = input.OrganisationId ?? Guid.Empty;
            return await ForOrganisation(labId, organisationId).Validating(input, declarationValidator).CreateAsync<ResourceDeclaration>(async write =>
            {
                var name = await MemberNameAsync(write, organisationId);
                var declaration = new ResourceDeclaration(labId, organisationId, input.Side, input.Kind, input.ToDetails(), write.Actor.UserId, write.Now);
                return (declaration, Summary(name, declaration));
            }, cancellationToken);
        }
        if (await OwnerOfAsync(labId, id, cancellationToken) is not { } owner)
        {
            return SaveResult.NotFound;
        }
        return await ForOrganisation(labId, owner).Validating(input, declarationValidator).ChangeAsync<ResourceDeclaration>(id, input.Version, async (declaration, write) =>
        {
            declaration.Describe(input.ToDetails());
            return Summary(await MemberNameAsync(write, declaration.OrganisationId), declaration);
        }, cancellationToken);
    }

    /// <summary>Removes an offer or a need; agreements made from it stay as agreed.</summary>
    public async Task<SaveResult> RemoveDeclarationAsync(Guid labId, Guid declarationId, uint version, CancellationToken cancellationToken = default)
    {
        if (await OwnerOfAsync(labId, declarationId, cancellationToken) is not { } owner)
        {
            return SaveResult.NotFound;
        }
        return await ForOrganisation(labId, owner).DeleteAsync<ResourceDeclaration>(declarationId, version,
            async (declaration, write) => Summary(await MemberNameAsync(write, declaration.OrganisationId), declaration), cancellationToken);
    }

    /// <summary>Turns a match into an agreement: the offer must still meet the need (the domain checks it again).</summary>
    public Task<SaveResult> MakeAgreementAsync(Guid labId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, agreementValidator).CreateAsync<PoolingAgreement>(async write =>
        {
            var both = await write.Db.ResourceDeclarations.AsNoTracking()
                .Where(d => d.LabId == labId && (d.Id == input.OfferId || d.Id == input.NeedId)).ToListAsync(write.CancellationToken);
            var offer = both.SingleOrDefault(d => d.Id == input.OfferId && d.Side == ResourceSide.Offer) ?? throw LabWrite.NotFound();
            var need = both.SingleOrDefault(d => d.Id == input.NeedId && d.Side == ResourceSide.Need) ?? throw LabWrite.NotFound();
            var agreement = new PoolingAgreement(offer, need, input.Terms, DayText.Parse(input.StartsOn)!.Value, DayText.Parse(input.EndsOn), input.YearlyCostSaved, write.Actor.UserId, write.Now);
            var provider = await MemberNameAsync(write, offer.OrganisationId);
            var recipient = await MemberNameAsync(write, need.OrganisationId);
            return (agreement, $"{agreement.Title} : {provider} → {recipient}");
        }, cancellationToken);
    }

    /// <summary>Ends an agreement today: it no longer counts from tomorrow.</summary>
    public Task<SaveResult> EndAgreementAsync(Guid labId, Guid agreementId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<PoolingAgreement>(agreementId, version, (agreement, _) =>
        {
            agreement.End(Today);
            return $"{agreement.Title} — {AuditText.Key("Resources.AgreementEnded")}";
        }, cancellationToken);

    /// <summary>Removes an agreement recorded by mistake.</summary>
    public Task<SaveResult> RemoveAgreementAsync(Guid labId, Guid agreementId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).DeleteAsync<PoolingAgreement>(agreementId, version, (agreement, _) => agreement.Title, cancellationToken);

    /// <summary>Writes about <paramref name="organisationId"/>'s resources: for those who may edit that organisation in the lab.</summary>
    private LabWrites.LabWriteScope ForOrganisation(Guid labId, Guid organisationId) =>
        writes.In(labId, (role, represents) => role.MayEditOrganisation(organisationId, true, represents));

    /// <summary>The organisation a declaration of this lab belongs to; it never changes, so it can decide the right before the write.</summary>
    private async Task<Guid?> OwnerOfAsync(Guid labId, Guid declarationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ResourceDeclarations.Where(d => d.Id == declarationId && d.LabId == labId).Select(d => (Guid?)d.OrganisationId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The name of a member organisation of the write's lab; any other is "not found".</summary>
    private static async Task<string> MemberNameAsync(LabWrite write, Guid organisationId)
    {
        var labId = write.LabId;
        var name = await write.Db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships).Where(ms => ms.OrganisationId == organisationId)
            .Join(write.Db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => o.Name).SingleOrDefaultAsync(write.CancellationToken);
        return name ?? throw LabWrite.NotFound();
    }

    private static string Summary(string organisation, ResourceDeclaration declaration) =>
        $"{organisation} — {AuditText.Of(declaration.Side)} {AuditText.Of(declaration.Kind)} : {declaration.Title}";

    private static async Task<List<OrganisationOption>> OrganisationsAsync(MutualisonsDbContext db, Guid labId, CancellationToken cancellationToken)
    {
        var organisations = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (_, o) => new OrganisationOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
        return [.. organisations.OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }

    private sealed record OrganisationOption(Guid Id, string Name);
}
