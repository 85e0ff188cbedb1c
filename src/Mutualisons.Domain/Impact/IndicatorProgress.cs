namespace Mutualisons.Domain.Impact;

/// <summary>How far an indicator's latest value has come from its baseline towards its target.</summary>
public static class IndicatorProgress
{
    /// <summary>
    /// 0 at the baseline, 1 at the target (or beyond, capped), whichever way is better; null without a target
    /// or a value, or when the target is the baseline itself.
    /// </summary>
    public static decimal? Of(decimal baseline, decimal? target, decimal? latest)
    {
        if (target is not { } goal || latest is not { } value || goal == baseline)
        {
            return null;
        }
        // The ratio works for both directions: the distance covered over the distance to go.
        return Math.Clamp((value - baseline) / (goal - baseline), 0m, 1m);
    }
}
