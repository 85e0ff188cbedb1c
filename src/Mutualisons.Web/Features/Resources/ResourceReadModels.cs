using Mutualisons.Domain.Resources;

namespace Mutualisons.Web.Features.Resources;

/// <summary>An offer or a need as the resources page shows it, with how many agreements it is part of.</summary>
public sealed record DeclarationRow(
    Guid Id, uint Version, Guid OrganisationId, ResourceSide Side, PooledResourceKind Kind, string Title, string Description,
    int? Capacity, decimal? AreaSquareMetres, string? Equipment, Weekdays Days, TimeOnly? From, TimeOnly? Until,
    string? Theme, string? Format, string? Licence, UpdateFrequency? UpdateFrequency, Skill? Skill, decimal? HoursPerMonth, int Agreements, int? MaxDistanceKm = null)
{
    public static DeclarationRow Of(ResourceDeclaration d, int agreements)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Version, d.OrganisationId, d.Side, d.Kind, d.Title, d.Description, d.Capacity, d.AreaSquareMetres, d.Equipment, d.Days, d.From, d.Until,
            d.Theme, d.Format, d.Licence, d.UpdateFrequency, d.Skill, d.HoursPerMonth, agreements, d.MaxDistanceKm);
    }
}

/// <summary>One member organisation's offers and needs, and whether the person may change them.</summary>
public sealed record OrganisationResources(Guid Id, string Name, bool MayEdit, IReadOnlyList<DeclarationRow> Offers, IReadOnlyList<DeclarationRow> Needs);

public sealed record AgreementRow(
    Guid Id, uint Version, string Title, PooledResourceKind Kind, string Provider, string Recipient, string Terms,
    DateOnly StartsOn, DateOnly? EndsOn, decimal? YearlyCostSaved, decimal? AreaSquareMetres, decimal? HoursPerMonth, bool InForce);

/// <summary>The lab's resources page: every member organisation's offers and needs, the agreements and their totals.</summary>
public sealed record ResourcesView(
    string LabName, bool MayAgree, IReadOnlyList<OrganisationResources> Organisations, IReadOnlyList<AgreementRow> Agreements, AgreementTotals Totals)
{
    public bool MayDeclare => Organisations.Any(o => o.MayEdit);
}

/// <summary>An offer that could meet the need, from which organisation, and why.</summary>
public sealed record MatchRow(DeclarationRow Offer, string OrganisationName, ResourceMatch Match);

/// <summary>A need's matches; <see cref="MaxDistanceKm"/> is the farthest an offer may be (its own limit or the default), null when distance does not matter.</summary>
public sealed record MatchesView(DeclarationRow Need, string OrganisationName, bool MayAgree, IReadOnlyList<MatchRow> Matches, int? MaxDistanceKm = null);
