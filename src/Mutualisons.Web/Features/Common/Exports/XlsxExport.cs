using System.IO.Pipelines;
using System.Text;
using System.Xml;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Mutualisons.Web.Features.Common.Exports;

/// <summary>
/// A one-sheet XLSX workbook written row by row to a stream by SpreadCheetah, in constant memory. The first row
/// is the header, in bold. Text is always a string cell (never a formula, whatever it starts with, and without
/// an apostrophe); numbers are number cells. The stream may be async-only, like an HTTP response body.
/// </summary>
public sealed class XlsxExport : IAsyncDisposable
{
    // Excel's own limits: a longer cell or sheet name would be refused or cut when the file is opened.
    internal const int MaxCellLength = 32_767;
    private const int MaxSheetNameLength = 31;

    private readonly PipeWriter _pipe;
    private readonly Spreadsheet _sheet;
    private readonly StyleId _bold;
    private bool _finished;

    private XlsxExport(PipeWriter pipe, Spreadsheet sheet, StyleId bold)
    {
        _pipe = pipe;
        _sheet = sheet;
        _bold = bold;
    }

    public static async Task<XlsxExport> CreateAsync(Stream output, string sheetName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        // System.IO.Compression ends each zip entry with a few synchronous writes, which an ASP.NET Core response
        // body refuses. A pipe takes them into its buffer and sends them with the next asynchronous flush.
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        var sheet = await Spreadsheet.CreateNewAsync(pipe.AsStream(leaveOpen: true), new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Optimal }, cancellationToken);
        await sheet.StartWorksheetAsync(SanitizeSheetName(sheetName), token: cancellationToken);
        var bold = sheet.AddStyle(new Style { Font = { Bold = true } });
        return new XlsxExport(pipe, sheet, bold);
    }

    public async Task WriteHeaderAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var cells = new Cell[headers.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = new Cell(Clean(headers[i]), _bold);
        }
        await _sheet.AddRowAsync(cells, cancellationToken);
    }

    public async Task WriteRowAsync(IReadOnlyList<ExportCell> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var row = new DataCell[cells.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var cell = cells[i];
            row[i] = cell.Number is { } number ? new DataCell(number) : cell.Text is { } text ? new DataCell(Clean(text)) : default;
        }
        await _sheet.AddRowAsync(row, cancellationToken);
    }

    /// <summary>Closes the workbook and sends what is left; the output stream is left open.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken = default)
    {
        if (_finished)
        {
            return;
        }
        _finished = true;
        await _sheet.FinishAsync(cancellationToken);
        await _pipe.FlushAsync(cancellationToken);
        await _pipe.CompleteAsync();
    }

    /// <summary>Disposes the workbook without finishing it: a failed export is never made to look complete.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sheet.DisposeAsync();
        if (!_finished)
        {
            await _pipe.CompleteAsync();
        }
    }

    /// <summary>
    /// Text as a cell can hold it: characters XML 1.0 forbids dropped, line breaks as the line feeds Excel uses
    /// (a bare carriage return would be read back as one anyway), cut to Excel's limit without splitting a pair.
    /// </summary>
    internal static string Clean(string text)
    {
        if (text.Length <= MaxCellLength && !NeedsCleaning(text))
        {
            return text;
        }
        var kept = new StringBuilder(Math.Min(text.Length, MaxCellLength));
        for (var i = 0; i < text.Length && kept.Length < MaxCellLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (kept.Length + 2 > MaxCellLength)
                {
                    break;
                }
                kept.Append(c).Append(text[++i]);
            }
            else if (c == '\r')
            {
                kept.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c == '\r' || !XmlConvert.IsXmlChar(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Makes a name Excel accepts: at most 31 characters, none of []:*?/\, not blank, no quote at either end.</summary>
    internal static string SanitizeSheetName(string? sheetName)
    {
        var name = new StringBuilder();
        foreach (var c in Clean(sheetName ?? string.Empty))
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                continue;
            }
            if (name.Length == MaxSheetNameLength)
            {
                break;
            }
            name.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : c);
        }
        var result = name.ToString().Trim().Trim('\'').Trim();
        return result.Length == 0 ? "Sheet1" : result;
    }
}
