namespace Mutualisons.Web.Features.Common;

/// <summary>CSV cells as spreadsheets expect them, and safe from formula injection.</summary>
public static class Csv
{
    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        // A cell starting like a formula would run in a spreadsheet: make it plain text.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([';', ',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));
}
