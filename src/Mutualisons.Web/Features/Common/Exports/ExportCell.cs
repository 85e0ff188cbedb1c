using System.Globalization;

namespace Mutualisons.Web.Features.Common.Exports;

/// <summary>One cell of an export (CSV or XLSX): text, a number, or nothing.</summary>
public readonly record struct ExportCell
{
    private ExportCell(string? text, double? number, string numberFormat = "0.####")
    {
        Text = text;
        Number = number;
        NumberFormat = numberFormat;
    }

    public static readonly ExportCell Empty;

    /// <summary>The text, or null for a number or an empty cell.</summary>
    public string? Text { get; }

    /// <summary>The number, or null for text or an empty cell.</summary>
    public double? Number { get; }

    /// <summary>How the number is written: four decimals at most, unless made with <see cref="Coordinate"/>.</summary>
    private string NumberFormat { get; }

    public bool IsEmpty => Text is null && Number is null;

    public bool IsNumber => Number is not null;

    /// <summary>Plain text, never read as a formula; null or empty text is an empty cell.</summary>
    public static ExportCell Of(string? value) => string.IsNullOrEmpty(value) ? Empty : new ExportCell(value, null);

    /// <summary>A number; NaN and infinities, which a sheet cannot hold, give an empty cell.</summary>
    public static ExportCell Of(double value) => double.IsFinite(value) ? new ExportCell(null, value) : Empty;

    /// <summary>A number; spreadsheets keep every number as a double, so that is what is written.</summary>
    public static ExportCell Of(decimal value) => Of((double)value);

    /// <summary>A whole number; also makes <c>Of(someInt)</c> unambiguous between double and decimal.</summary>
    public static ExportCell Of(long value) => Of((double)value);

    /// <summary>A latitude or longitude, to seven decimals (about a centimetre), so that a map reads it back where it was.</summary>
    public static ExportCell Coordinate(double value) => double.IsFinite(value) ? new ExportCell(null, value, "0.#######") : Empty;

    public static implicit operator ExportCell(string? value) => Of(value);

    /// <summary>The number as text in a culture's notation (its decimal separator), at most four decimals (seven for a coordinate).</summary>
    public string? NumberText(CultureInfo culture) => Number?.ToString(NumberFormat ?? "0.####", culture);
}

/// <summary>
/// Text that a spreadsheet would run as a formula when it starts with one of these characters (CSV injection):
/// the one rule both writers share. CSV, which has no cell types, prefixes such text with an apostrophe; XLSX
/// writes every text as a string cell, which is never evaluated, so no apostrophe shows there.
/// </summary>
public static class FormulaNeutralisation
{
    public static bool LooksLikeFormula(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
