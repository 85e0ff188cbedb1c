using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Publics.PilotGroup;

public sealed class MandateInput
{
    public string? DecisionMaker { get; set; }

    /// <summary>The person of the lab, representing the organisation, who gives its positions in the app.</summary>
    public Guid? DecisionMakerId { get; set; }

    public string? TimeGivers { get; set; }

    public string? BudgetMargin { get; set; }

    public string? StaffMargin { get; set; }

    public string? Domains { get; set; }

    public bool GreenLight { get; set; }

    /// <summary>yyyy-MM-dd, from a date input.</summary>
    public string? GreenLightOn { get; set; }

    public static MandateInput From(Mandate? mandate) => mandate is null ? new() : new()
    {
        DecisionMaker = mandate.DecisionMaker,
        DecisionMakerId = mandate.DecisionMakerId,
        TimeGivers = mandate.TimeGivers,
        BudgetMargin = mandate.BudgetMargin,
        StaffMargin = mandate.StaffMargin,
        Domains = mandate.Domains,
        GreenLight = mandate.GreenLight,
        GreenLightOn = mandate.GreenLightOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public DateTimeOffset? GreenLightDate() =>
        GreenLight && DateTime.TryParseExact(GreenLightOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc))
            : null;

    public Mandate ToMandate() => new(DecisionMaker, TimeGivers, BudgetMargin, StaffMargin, Domains, GreenLightDate(), DecisionMakerId);
}

public sealed class MandateInputValidator : AbstractValidator<MandateInput>
{
    public MandateInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        foreach (var field in new System.Linq.Expressions.Expression<Func<MandateInput, string?>>[] { m => m.DecisionMaker, m => m.TimeGivers, m => m.BudgetMargin, m => m.StaffMargin, m => m.Domains })
        {
            RuleFor(field).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        }
        RuleFor(m => m.GreenLightOn)
            .Must((input, _) => input.GreenLightDate() is not null).When(m => m.GreenLight)
            .WithMessage(_ => l["Validation.Mandate.GreenLightDate"]);
    }
}

public sealed record PilotMember(Guid PersonId, string Name, LabRole Role, string Responsibilities);

/// <summary>A person of the lab who represents an organisation there.</summary>
public sealed record Representative(Guid PersonId, string Name);

public sealed record OrganisationMandate(Guid OrganisationId, string Name, MembershipRole Role, Mandate? Mandate, IReadOnlyList<Representative> Representatives)
{
    public string? DecisionMakerName => Representatives.FirstOrDefault(r => r.PersonId == Mandate?.DecisionMakerId)?.Name;
}

public sealed record PilotGroupView(string LabName, bool CanTrack, uint Version, IReadOnlyList<PilotMember> Members, IReadOnlyList<OrganisationMandate> Organisations);
