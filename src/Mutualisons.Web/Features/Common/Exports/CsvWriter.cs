using System.Globalization;
using System.Text;

namespace Mutualisons.Web.Features.Common.Exports;

/// <summary>
/// How a CSV export is laid out for the spreadsheet that opens it: French and Dutch Excel split lines on ';'
/// (their decimal separator is ','), English Excel on ','. Every export in a language uses its format.
/// </summary>
public sealed record CsvFormat(char Separator, CultureInfo NumberCulture)
{
    public static CsvFormat For(string language) => language switch
    {
        "fr" or "nl" => new CsvFormat(';', CultureInfo.GetCultureInfo(language)),
        _ => new CsvFormat(',', CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The one CSV writer of the platform: RFC 4180 quoting, CRLF at the end of every record whatever the
/// writer's own NewLine, numbers in the format's notation, and text that looks like a formula made plain
/// with a leading apostrophe (<see cref="FormulaNeutralisation"/>).
/// </summary>
public sealed class CsvWriter(TextWriter output, CsvFormat format)
{
    private const string LineEnd = "\r\n";

    private readonly StringBuilder _line = new();

    public CsvFormat Format => format;

    /// <summary>The encoding CSV exports are sent in: UTF-8 with a byte order mark, so spreadsheets read accents right.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken = default) =>
        WriteRowAsync([.. cells.Select(ExportCell.Of)], cancellationToken);

    public async Task WriteRowAsync(IReadOnlyList<ExportCell> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                _line.Append(format.Separator);
            }
            var cell = cells[i];
            // Numbers are written as numbers: only text can smuggle a formula (a negative number is not one).
            AppendText(cell.Number is not null ? cell.NumberText(format.NumberCulture) : cell.Text, neutralise: cell.Number is null);
        }
        _line.Append(LineEnd);
        await output.WriteAsync(_line, cancellationToken);
    }

    private void AppendText(string? value, bool neutralise)
    {
        var text = value ?? string.Empty;
        if (neutralise && FormulaNeutralisation.LooksLikeFormula(text))
        {
            text = "'" + text;
        }
        if (text.AsSpan().IndexOfAny([format.Separator, '"', '\n', '\r']) < 0)
        {
            _line.Append(text);
            return;
        }
        _line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
