using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Impact;

namespace Mutualisons.Web.Features.Impact.Chain;

/// <summary>How an indicator reads in the chain, in the diagram and in the list alike.</summary>
public static class ChainDisplay
{
    /// <summary>"1 150 € (30 juin 2019) · objectif 600 €", "pas encore mesuré · objectif 6", "… · objectif atteint".</summary>
    public static string Figures(IStringLocalizer localizer, IndicatorSummary indicator)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(indicator);
        var parts = new List<string>
        {
            indicator.LatestValue is { } latest && indicator.LatestOn is { } on
                ? $"{ImpactDisplay.Value(latest, indicator.Unit)} ({ImpactDisplay.Day(on)})"
                : localizer["Impact.NotMeasured"],
            indicator.TargetValue is { } target ? localizer["Impact.TargetIs", ImpactDisplay.Value(target, indicator.Unit)] : localizer["Impact.NoTarget"],
        };
        if (indicator.Reached == true)
        {
            parts.Add(localizer["Impact.TargetReached"]);
        }
        return string.Join(" · ", parts);
    }

    /// <summary>The share of the way from baseline to target, as a CSS width ("0%" without a target or a value).</summary>
    public static string ProgressWidth(IndicatorSummary indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var progress = IndicatorProgress.Of(indicator.BaselineValue, indicator.TargetValue, indicator.LatestValue) ?? 0m;
        return $"{(int)Math.Round(progress * 100)}%";
    }
}
