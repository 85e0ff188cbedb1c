using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Labs;

/// <summary>
/// What a bilateral meeting settles with one organisation: who takes the final decision, who can give time to
/// working groups, the margins they have (budget, staff, domains), and whether they gave the green light.
/// </summary>
public sealed record Mandate
{
    public Mandate(string? decisionMaker, string? timeGivers, string? budgetMargin, string? staffMargin, string? domains, DateTimeOffset? greenLightOn, Guid? decisionMakerId = null)
    {
        DecisionMakerId = decisionMakerId == Guid.Empty ? null : decisionMakerId;
        DecisionMaker = Guard.OptionalText(decisionMaker, Limits.ShortText, "Mandate.TooLong", "The decision maker");
        TimeGivers = Guard.OptionalText(timeGivers, Limits.ShortText, "Mandate.TooLong", "Who gives time");
        BudgetMargin = Guard.OptionalText(budgetMargin, Limits.ShortText, "Mandate.TooLong", "The budget margin");
        StaffMargin = Guard.OptionalText(staffMargin, Limits.ShortText, "Mandate.TooLong", "The staff margin");
        Domains = Guard.OptionalText(domains, Limits.ShortText, "Mandate.TooLong", "The domains");
        GreenLightOn = greenLightOn?.ToUniversalTime();
    }

    public string DecisionMaker { get; private init; }

    /// <summary>The person of the lab who decides for the organisation (its representative there), if they use the app.</summary>
    public Guid? DecisionMakerId { get; private init; }

    public string TimeGivers { get; private init; }

    public string BudgetMargin { get; private init; }

    public string StaffMargin { get; private init; }

    public string Domains { get; private init; }

    public DateTimeOffset? GreenLightOn { get; private init; }

    public bool GreenLight => GreenLightOn is not null;

    /// <summary>The same mandate once the person named no longer speaks for the organisation in the lab.</summary>
    internal Mandate WithoutDecisionMakerAccount() => this with { DecisionMakerId = null };
}
