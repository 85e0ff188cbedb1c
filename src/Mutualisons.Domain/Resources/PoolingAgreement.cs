using System.Linq.Expressions;
using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Resources;

/// <summary>
/// A need met by an offer, agreed between the two organisations: who gives, who receives, the terms, from when
/// to when, and the yearly cost it saves if the parties say so. What is pooled (the m² of a place, the hours of
/// a skill, a data set) is kept as agreed, so the totals do not move when a declaration is edited afterwards.
/// </summary>
public sealed class PoolingAgreement : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.PoolingAgreement;

    /// <summary>
    /// An agreement counts on a day from its start to its end, both included. Stated once: the database runs it
    /// for the totals, the domain compiles it.
    /// </summary>
    public static readonly Expression<Func<PoolingAgreement, DateOnly, bool>> InForce = (a, day) => a.StartsOn <= day && (a.EndsOn == null || a.EndsOn >= day);

    private static readonly Func<PoolingAgreement, DateOnly, bool> InForceRule = InForce.Compile();

    /// <summary><see cref="InForce"/> on a given day, for a query's Where.</summary>
    public static Expression<Func<PoolingAgreement, bool>> InForceOn(DateOnly day)
    {
        var agreement = InForce.Parameters[0];
        // A captured value, as a closure would give: the database gets it as a parameter, not a literal.
        var value = Expression.Property(Expression.Constant(new Day(day)), nameof(Day.Value));
        var body = new Substitute(InForce.Parameters[1], value).Visit(InForce.Body);
        return Expression.Lambda<Func<PoolingAgreement, bool>>(body, agreement);
    }

    private PoolingAgreement()
    {
        Title = string.Empty;
        Terms = string.Empty;
    }

    /// <summary>Agrees that <paramref name="offer"/> meets <paramref name="need"/>; refused unless the matching says it could.</summary>
    public PoolingAgreement(ResourceDeclaration offer, ResourceDeclaration need, string terms, DateOnly startsOn, DateOnly? endsOn, decimal? yearlyCostSaved, Guid? createdBy, DateTimeOffset now) : this()
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(need);
        if (offer.LabId != need.LabId)
        {
            throw new DomainException("Resources.OtherLab", "An agreement is between organisations of one lab.");
        }
        if (ResourceMatching.Match(need, offer) is null)
        {
            throw new DomainException("Resources.OfferDoesNotMeetNeed", "This offer cannot meet this need.");
        }
        Id = Guid.CreateVersion7();
        LabId = need.LabId;
        OfferId = offer.Id;
        NeedId = need.Id;
        ProviderId = offer.OrganisationId;
        RecipientId = need.OrganisationId;
        Kind = offer.Kind;
        Title = offer.Title;
        // A whole room is shared whatever the need's size; hours, as many as the need asks, within what is offered.
        AreaSquareMetres = offer.Kind == PooledResourceKind.Place ? offer.AreaSquareMetres : null;
        HoursPerMonth = offer.HoursPerMonth is { } given ? Math.Min(given, need.HoursPerMonth ?? given) : null;
        CreatedBy = createdBy;
        CreatedAt = Guard.Utc(now);
        Amend(terms, startsOn, endsOn, yearlyCostSaved);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    /// <summary>The offer it came from; null once that offer is removed (the agreement stays as agreed).</summary>
    public Guid? OfferId { get; private set; }

    public Guid? NeedId { get; private set; }

    /// <summary>The organisation that gives.</summary>
    public Guid ProviderId { get; private set; }

    /// <summary>The organisation that receives.</summary>
    public Guid RecipientId { get; private set; }

    public PooledResourceKind Kind { get; private set; }

    /// <summary>The offer's title when agreed.</summary>
    public string Title { get; private set; }

    public string Terms { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public decimal? YearlyCostSaved { get; private set; }

    /// <summary>The m² shared, for a place.</summary>
    public decimal? AreaSquareMetres { get; private set; }

    /// <summary>The hours pooled each month, for workforce and services.</summary>
    public decimal? HoursPerMonth { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsInForce(DateOnly day) => InForceRule(this, day);

    public void Amend(string terms, DateOnly startsOn, DateOnly? endsOn, decimal? yearlyCostSaved)
    {
        var text = Guard.RequiredText(terms, Limits.LongText, "Resources.TermsRequired", "The terms");
        if (endsOn is { } end && end < startsOn)
        {
            throw new DomainException("Resources.EndsBeforeStart", "An agreement cannot end before it starts.");
        }
        if (yearlyCostSaved is < 0)
        {
            throw new DomainException("Resources.CostSavedInvalid", "A cost saved is not negative.");
        }
        Terms = text;
        StartsOn = startsOn;
        EndsOn = endsOn;
        YearlyCostSaved = yearlyCostSaved;
    }

    /// <summary>Ends the agreement on <paramref name="day"/> (included), not before it started.</summary>
    public void End(DateOnly day)
    {
        if (day < StartsOn)
        {
            throw new DomainException("Resources.EndsBeforeStart", "An agreement cannot end before it starts.");
        }
        EndsOn = day;
    }

    private sealed record Day(DateOnly Value);

    private sealed class Substitute(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : base.VisitParameter(node);
    }
}

/// <summary>What a lab's agreements in force pool: the "means" logic's figures.</summary>
public sealed record AgreementTotals(int Agreements, decimal SquareMetres, decimal HoursPerMonth, int DataSets, decimal YearlyCostsSaved)
{
    public static readonly AgreementTotals None = new(0, 0, 0, 0, 0);

    /// <summary>The totals of <paramref name="agreements"/> in force on <paramref name="day"/>.</summary>
    public static AgreementTotals Of(IEnumerable<PoolingAgreement> agreements, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        var inForce = agreements.Where(a => a.IsInForce(day)).ToList();
        return new(inForce.Count, inForce.Sum(a => a.AreaSquareMetres ?? 0), inForce.Sum(a => a.HoursPerMonth ?? 0),
            inForce.Count(a => a.Kind == PooledResourceKind.DataSet), inForce.Sum(a => a.YearlyCostSaved ?? 0));
    }
}
