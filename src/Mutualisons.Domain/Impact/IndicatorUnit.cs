using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Impact;

/// <summary>What an indicator's values count; each unit says which values fit it.</summary>
public enum IndicatorUnit
{
    /// <summary>Any number, negative included (a balance, a difference).</summary>
    Number,

    /// <summary>From 0 to 100.</summary>
    Percentage,

    /// <summary>An amount in euros, 0 or more.</summary>
    Euros,

    /// <summary>A duration in hours, 0 or more.</summary>
    Hours,

    /// <summary>An area in square metres, 0 or more.</summary>
    SquareMetres,

    /// <summary>A whole number of things or people, 0 or more.</summary>
    Count,

    /// <summary>A score on a scale from 1 to 5 (a mean may fall between two steps).</summary>
    Scale1To5,
}

public static class IndicatorUnits
{
    /// <summary>Whether <paramref name="value"/> is a value <paramref name="unit"/> can take.</summary>
    public static bool Fits(this IndicatorUnit unit, decimal value) => unit switch
    {
        IndicatorUnit.Number => true,
        IndicatorUnit.Percentage => value is >= 0 and <= 100,
        IndicatorUnit.Count => value >= 0 && decimal.Truncate(value) == value,
        IndicatorUnit.Scale1To5 => value is >= 1 and <= 5,
        IndicatorUnit.Euros or IndicatorUnit.Hours or IndicatorUnit.SquareMetres => value >= 0,
        _ => false,
    };

    /// <summary>The value itself, or a refusal coded <c>Impact.ValueOutOfUnit</c> when the unit cannot take it.</summary>
    public static decimal Check(this IndicatorUnit unit, decimal value) =>
        unit.Fits(value) ? value : throw new DomainException("Impact.ValueOutOfUnit", $"{value} is not a value of {unit}.");
}
