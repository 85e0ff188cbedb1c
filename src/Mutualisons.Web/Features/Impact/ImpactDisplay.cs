using System.Globalization;
using MudBlazor;
using Mutualisons.Domain.Impact;

namespace Mutualisons.Web.Features.Impact;

/// <summary>How impact figures read on screen, in the reader's language.</summary>
public static class ImpactDisplay
{
    /// <summary>A value with its unit: "42 %", "1 200 €", "35 h", "120 m²", "4,2 / 5".</summary>
    public static string Value(decimal value, IndicatorUnit unit)
    {
        var number = value.ToString(unit == IndicatorUnit.Count ? "#,0" : "#,0.##", CultureInfo.CurrentCulture);
        return unit switch
        {
            IndicatorUnit.Percentage => $"{number} %",
            IndicatorUnit.Euros => $"{number} €",
            IndicatorUnit.Hours => $"{number} h",
            IndicatorUnit.SquareMetres => $"{number} m²",
            IndicatorUnit.Scale1To5 => $"{number} / 5",
            _ => number,
        };
    }

    /// <summary>The value without the trailing zeros PostgreSQL's scale gives it (42.0000 is shown to edit as 42).</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static Color StatusColor(HypothesisStatus status) => status switch
    {
        HypothesisStatus.BeingMeasured => Color.Info,
        HypothesisStatus.Concluded => Color.Success,
        _ => Color.Default,
    };
}
