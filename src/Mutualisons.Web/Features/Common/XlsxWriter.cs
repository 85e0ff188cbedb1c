using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Mutualisons.Web.Features.Common;

/// <summary>
/// Writes a one-sheet XLSX workbook straight to a stream, row by row, in constant memory: nothing but the row
/// being written is held. The stream may be forward-only and async-only, like an HTTP response body.
/// The first row written is the header and is shown in bold. Not thread-safe.
/// </summary>
public sealed class XlsxWriter : IAsyncDisposable
{
    // Excel's own limits: a bigger sheet would be refused or silently cut when opened.
    private const int MaxColumns = 16_384;
    private const int MaxRows = 1_048_576;
    internal const int MaxCellLength = 32_767;
    private const int MaxSheetNameLength = 31;

    // A row longer than this is handed to the compressor cell by cell, so one wide row cannot hold much memory.
    private const int RowFlushThreshold = 64 * 1024;
    private const int WriterBufferSize = 16 * 1024;

    private const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private const string ContentTypesXml = XmlDeclaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "</Types>";

    private const string PackageRelsXml = XmlDeclaration
        + "<Relationships xmlns=\"" + RelationshipsNs + "\">"
        + "<Relationship Id=\"rId1\" Type=\"" + OfficeRelNs + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>";

    private const string WorkbookRelsXml = XmlDeclaration
        + "<Relationships xmlns=\"" + RelationshipsNs + "\">"
        + "<Relationship Id=\"rId1\" Type=\"" + OfficeRelNs + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"" + OfficeRelNs + "/styles\" Target=\"styles.xml\"/>"
        + "</Relationships>";

    // Style 0 is plain, style 1 bold (the header). Excel expects the two reserved fills "none" and "gray125".
    private const string StylesXml = XmlDeclaration
        + "<styleSheet xmlns=\"" + SpreadsheetNs + "\">"
        + "<fonts count=\"2\">"
        + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "</fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>";

    private const string SheetStartXml = XmlDeclaration
        + "<worksheet xmlns=\"" + SpreadsheetNs + "\"><sheetData>";

    private const string SheetEndXml = "</sheetData></worksheet>";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly AsyncOutputStream _output;
    private readonly ZipArchive _archive;
    private readonly Stream _sheetEntry;
    private readonly StreamWriter _sheet;
    private readonly StringBuilder _row = new();
    private int _rowCount;
    private bool _disposed;
    private bool _faulted;

    private XlsxWriter(AsyncOutputStream output, ZipArchive archive, Stream sheetEntry, StreamWriter sheet)
    {
        _output = output;
        _archive = archive;
        _sheetEntry = sheetEntry;
        _sheet = sheet;
    }

    /// <summary>Writes the fixed parts of the workbook and opens its sheet for rows.</summary>
    public static async Task<XlsxWriter> CreateAsync(Stream output, string sheetName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream must be writable.", nameof(output));
        }

        // A failure here leaves a broken download either way: nothing more is written to the output, and the
        // half-built archive holds no unmanaged resource (the output is left open), so it is not disposed.
        var asyncOutput = new AsyncOutputStream(output);
        var archive = await ZipArchive.CreateAsync(asyncOutput, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await WriteEntryAsync(asyncOutput, archive, "[Content_Types].xml", ContentTypesXml, cancellationToken);
        await WriteEntryAsync(asyncOutput, archive, "_rels/.rels", PackageRelsXml, cancellationToken);
        await WriteEntryAsync(asyncOutput, archive, "xl/workbook.xml", WorkbookXml(SanitizeSheetName(sheetName)), cancellationToken);
        await WriteEntryAsync(asyncOutput, archive, "xl/_rels/workbook.xml.rels", WorkbookRelsXml, cancellationToken);
        await WriteEntryAsync(asyncOutput, archive, "xl/styles.xml", StylesXml, cancellationToken);

        // Fastest: sheet XML is repetitive and compresses well anyway, and the CPU is spent per request.
        var sheetEntry = await archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).OpenAsync(cancellationToken);
        // leaveOpen: a StreamWriter closes its stream with a synchronous Close; the entry gets DisposeAsync instead.
        var sheet = new StreamWriter(sheetEntry, Utf8, WriterBufferSize, leaveOpen: true);
        await sheet.WriteAsync(SheetStartXml.AsMemory(), cancellationToken);
        return new XlsxWriter(asyncOutput, archive, sheetEntry, sheet);
    }

    /// <summary>Appends one row; empty cells are left out, and the row is compressed and written as it goes.</summary>
    public async Task WriteRowAsync(IReadOnlyList<XlsxCell> cells, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count > MaxColumns)
        {
            throw new ArgumentException($"A sheet holds at most {MaxColumns} columns.", nameof(cells));
        }
        if (_rowCount == MaxRows)
        {
            throw new InvalidOperationException($"A sheet holds at most {MaxRows} rows.");
        }

        if (_faulted)
        {
            throw new InvalidOperationException("An earlier row could not be written; the workbook is incomplete.");
        }

        var rowNumber = ++_rowCount;
        var isHeader = rowNumber == 1;
        _row.Clear();
        _row.Append("<row r=\"");
        AppendInvariant(_row, rowNumber);
        _row.Append("\">");
        try
        {
            for (var column = 0; column < cells.Count; column++)
            {
                var cell = cells[column];
                if (cell.Kind == XlsxCellKind.Empty)
                {
                    continue;
                }
                AppendCell(_row, cell, column, rowNumber, isHeader);
                if (_row.Length >= RowFlushThreshold)
                {
                    await _sheet.WriteAsync(_row, cancellationToken);
                    _row.Clear();
                }
            }
            _row.Append("</row>");
            await _sheet.WriteAsync(_row, cancellationToken);
        }
        catch
        {
            // Half a row may be out (a cancelled or broken download): finishing the file would only fail again.
            _faulted = true;
            throw;
        }
        finally
        {
            _row.Clear();
        }
    }

    /// <summary>Closes the sheet and writes the zip central directory. The output stream is left open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // After a failed write nothing more is sent, so `await using` does not hide the first error behind a second.
        if (_faulted)
        {
            return;
        }
        await _sheet.WriteAsync(SheetEndXml.AsMemory());
        await _sheet.FlushAsync();
        await _sheet.DisposeAsync();
        await _sheetEntry.DisposeAsync();
        await _archive.DisposeAsync();
        await _output.DrainAsync(CancellationToken.None);
    }

    private static async Task WriteEntryAsync(AsyncOutputStream output, ZipArchive archive, string name, string content, CancellationToken cancellationToken)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        var stream = await entry.OpenAsync(cancellationToken);
        await using (stream)
        {
            await stream.WriteAsync(Utf8.GetBytes(content), cancellationToken);
        }
        await output.DrainAsync(cancellationToken);
    }

    private static string WorkbookXml(string sheetName)
    {
        var name = new StringBuilder();
        AppendEscaped(name, sheetName, attribute: true);
        return XmlDeclaration
            + "<workbook xmlns=\"" + SpreadsheetNs + "\" xmlns:r=\"" + OfficeRelNs + "\">"
            + "<sheets><sheet name=\"" + name + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
            + "</workbook>";
    }

    /// <summary>Makes a name Excel accepts: at most 31 characters, none of []:*?/\, not blank, no quote at either end.</summary>
    internal static string SanitizeSheetName(string? sheetName)
    {
        var name = new StringBuilder();
        var text = sheetName ?? string.Empty;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsValidPair(text, i))
            {
                if (name.Length + 2 > MaxSheetNameLength)
                {
                    break;
                }
                name.Append(c).Append(text[++i]);
                continue;
            }
            if (!XmlConvert.IsXmlChar(c) || char.IsControl(c))
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

    private static void AppendCell(StringBuilder row, XlsxCell cell, int column, int rowNumber, bool isHeader)
    {
        row.Append("<c r=\"");
        AppendColumnName(row, column);
        AppendInvariant(row, rowNumber);
        row.Append('"');
        if (isHeader)
        {
            row.Append(" s=\"1\"");
        }
        if (cell.Kind == XlsxCellKind.Number)
        {
            row.Append("><v>");
            AppendInvariant(row, cell.NumberValue);
            row.Append("</v></c>");
        }
        else
        {
            row.Append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
            AppendCellText(row, cell.TextValue ?? string.Empty);
            row.Append("</t></is></c>");
        }
    }

    /// <summary>Zero-based column index to its letters: 0 → A, 25 → Z, 26 → AA, 16383 → XFD.</summary>
    internal static void AppendColumnName(StringBuilder builder, int column)
    {
        Span<char> letters = stackalloc char[3];
        var start = letters.Length;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--start] = (char)('A' + ((n - 1) % 26));
        }
        builder.Append(letters[start..]);
    }

    private static void AppendInvariant(StringBuilder builder, int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        builder.Append(digits[..written]);
    }

    private static void AppendInvariant(StringBuilder builder, double value)
    {
        // Shortest text that reads back as the same double, e.g. 0.1, 1234.5, 1E+21.
        Span<char> digits = stackalloc char[32];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        builder.Append(digits[..written]);
    }

    /// <summary>
    /// Cell text as Excel should show it: characters XML 1.0 forbids dropped, formula-like text made plain
    /// (same rule as <see cref="Csv"/>), and cut to Excel's 32,767-character limit.
    /// </summary>
    private static void AppendCellText(StringBuilder builder, string text)
    {
        var room = MaxCellLength;
        // Decided on the first character kept, so a dropped control character cannot hide a leading "=".
        if (FirstKeptCharacter(text) is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            builder.Append('\'');
            room--;
        }
        AppendEscaped(builder, text, attribute: false, room);
    }

    private static char FirstKeptCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]) || IsValidPair(text, i))
            {
                return text[i];
            }
        }
        return '\0';
    }

    private static void AppendEscaped(StringBuilder builder, string text, bool attribute, int room = int.MaxValue)
    {
        for (var i = 0; i < text.Length && room > 0; i++)
        {
            var c = text[i];
            if (IsValidPair(text, i))
            {
                // Never split a surrogate pair at the length limit.
                if (room < 2)
                {
                    break;
                }
                builder.Append(c).Append(text[++i]);
                room -= 2;
                continue;
            }
            if (!XmlConvert.IsXmlChar(c))
            {
                continue;
            }
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"' when attribute:
                    builder.Append("&quot;");
                    break;
                // Escaped, or XML parsing would turn it into a line feed.
                case '\r':
                    builder.Append("&#xD;");
                    break;
                case '\n' or '\t' when attribute:
                    builder.Append(c == '\n' ? "&#xA;" : "&#x9;");
                    break;
                // Excel reads "_x0041_" in cell text as an escaped "A"; escaping the underscore keeps the text as typed.
                case '_' when !attribute && LooksLikeExcelEscape(text, i):
                    builder.Append("_x005F_");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
            room--;
        }
    }

    private static bool IsValidPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    private static bool LooksLikeExcelEscape(string text, int i) =>
        i + 6 < text.Length
        && text[i + 1] == 'x'
        && char.IsAsciiHexDigit(text[i + 2])
        && char.IsAsciiHexDigit(text[i + 3])
        && char.IsAsciiHexDigit(text[i + 4])
        && char.IsAsciiHexDigit(text[i + 5])
        && text[i + 6] == '_';
}

/// <summary>
/// The output as System.IO.Compression sees it. In .NET 10 closing a zip entry still ends its deflate stream with
/// synchronous writes (even through DisposeAsync), which an ASP.NET Core response body refuses. Those few
/// bytes (the last compressed block and the entry's data descriptor) are held here and sent asynchronously
/// before the next write; everything else goes straight through, so the buffer stays a few kilobytes.
/// </summary>
internal sealed class AsyncOutputStream(Stream output) : Stream
{
    private readonly MemoryStream _pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override void WriteByte(byte value) => _pending.WriteByte(value);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Held bytes were written first, so they go first.
        await DrainAsync(cancellationToken);
        await output.WriteAsync(buffer, cancellationToken);
    }

    // A synchronous flush has nothing it may do: held bytes are sent by DrainAsync.
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
        {
            return;
        }
        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    // The real output belongs to the caller and is left open.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }
        base.Dispose(disposing);
    }
}

internal enum XlsxCellKind
{
    Empty,
    Text,
    Number,
}

/// <summary>One cell of <see cref="XlsxWriter"/>: text, a number, or nothing.</summary>
public readonly record struct XlsxCell
{
    private XlsxCell(XlsxCellKind kind, string? text, double number)
    {
        Kind = kind;
        TextValue = text;
        NumberValue = number;
    }

    public static readonly XlsxCell Empty;

    internal XlsxCellKind Kind { get; }

    internal string? TextValue { get; }

    internal double NumberValue { get; }

    public bool IsEmpty => Kind == XlsxCellKind.Empty;

    public bool IsNumber => Kind == XlsxCellKind.Number;

    /// <summary>Plain text, never read as a formula; null or empty text is an empty cell.</summary>
    public static XlsxCell Text(string? value) =>
        string.IsNullOrEmpty(value) ? Empty : new XlsxCell(XlsxCellKind.Text, value, 0);

    /// <summary>A number; NaN and infinities, which a sheet cannot hold, give an empty cell.</summary>
    public static XlsxCell Number(double value) =>
        double.IsFinite(value) ? new XlsxCell(XlsxCellKind.Number, null, value) : Empty;

    /// <summary>A number; Excel keeps every number as a double, so that is what is written.</summary>
    public static XlsxCell Number(decimal value) => Number((double)value);

    /// <summary>A whole number; also makes <c>Number(someInt)</c> unambiguous between double and decimal.</summary>
    public static XlsxCell Number(long value) => Number((double)value);

    public static implicit operator XlsxCell(string? value) => Text(value);

    /// <summary>The same value for a CSV cell: numbers in invariant form, text as is (the CSV writer neutralises formulas).</summary>
    public string? ToCsvText() => Kind switch
    {
        XlsxCellKind.Number => NumberValue.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        XlsxCellKind.Text => TextValue,
        _ => null,
    };
}
