using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Tests.Exports;

// Not run alongside other tests: the memory test reads the process-wide managed heap size.
[CollectionDefinition(nameof(XlsxWriterTests), DisableParallelization = true)]
[Collection(nameof(XlsxWriterTests))]
public sealed class XlsxWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task A_workbook_reads_back_with_its_texts_numbers_and_cell_references()
    {
        var header = Enumerable.Range(1, 30).Select(i => XlsxCell.Text($"Question {i}")).ToArray();
        var first = new XlsxCell[30];
        Array.Fill(first, XlsxCell.Number(7));
        first[0] = "Café <&> \"déjà\" Ørsted";
        first[1] = XlsxCell.Number(12.5m);
        first[2] = XlsxCell.Empty;
        first[3] = "=SUM(A1)";
        first[4] = "-2";
        first[5] = XlsxCell.Number(-0.125);
        first[6] = "line one\r\nline two\ttab";
        first[25] = "Z column";
        first[26] = "AA column";
        first[29] = XlsxCell.Number(1234567.891m);
        var second = new XlsxCell[] { XlsxCell.Number(-2), "+33 1 23", "@home", "\tindented", "_x0041_ stays" };

        var sink = new MemoryStream();
        var output = new AsyncOnlyStream(sink);
        await using (var writer = await XlsxWriter.CreateAsync(output, "Réponses"))
        {
            await writer.WriteRowAsync(header);
            await writer.WriteRowAsync(first);
            await writer.WriteRowAsync(second);
        }

        Assert.False(output.IsDisposed);
        var package = ReadPackage(sink.ToArray());
        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
            package.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Réponses", package["xl/workbook.xml"].Descendants(Main + "sheet").Single().Attribute("name")?.Value);

        var cells = Cells(package["xl/worksheets/sheet1.xml"]);
        Assert.Equal(("inlineStr", "Question 1"), cells["A1"]);
        Assert.Equal(("inlineStr", "Question 26"), cells["Z1"]);
        Assert.Equal(("inlineStr", "Question 27"), cells["AA1"]);
        Assert.Equal(("inlineStr", "Question 30"), cells["AD1"]);
        Assert.Equal(("inlineStr", "Café <&> \"déjà\" Ørsted"), cells["A2"]);
        Assert.Equal(("n", "12.5"), cells["B2"]);
        Assert.False(cells.ContainsKey("C2"));
        Assert.Equal(("n", "-0.125"), cells["F2"]);
        Assert.Equal(("inlineStr", "line one\r\nline two\ttab"), cells["G2"]);
        Assert.Equal(("inlineStr", "Z column"), cells["Z2"]);
        Assert.Equal(("inlineStr", "AA column"), cells["AA2"]);
        Assert.Equal(("n", "1234567.891"), cells["AD2"]);
        Assert.Equal(("n", "-2"), cells["A3"]);
        // Excel would read "_x0041_" as an escaped "A": the underscore itself is escaped so the text shows as typed.
        Assert.Equal(("inlineStr", "_x005F_x0041_ stays"), cells["E3"]);
        Assert.Equal(30 + 29 + 5, cells.Count);

        // Only the header row is bold (style 1).
        var styled = package["xl/worksheets/sheet1.xml"].Descendants(Main + "c").Where(c => c.Attribute("s")?.Value == "1");
        Assert.Equal(30, styled.Count());
        Assert.All(styled, c => Assert.EndsWith("1", c.Attribute("r")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Formula_like_text_is_neutralised_and_numbers_are_not()
    {
        var sink = new MemoryStream();
        await using (var writer = await XlsxWriter.CreateAsync(new AsyncOnlyStream(sink), "Sheet"))
        {
            await writer.WriteRowAsync(["=SUM(A1)", "-2", "+33 1 23", "@home", "\tindented", "\rreturn", "\u0001=HIDDEN()", "a=b"]);
            await writer.WriteRowAsync([XlsxCell.Number(-2), XlsxCell.Number(-3.5m)]);
        }

        var cells = Cells(ReadPackage(sink.ToArray())["xl/worksheets/sheet1.xml"]);
        Assert.Equal("'=SUM(A1)", cells["A1"].Value);
        Assert.Equal("'-2", cells["B1"].Value);
        Assert.Equal("'+33 1 23", cells["C1"].Value);
        Assert.Equal("'@home", cells["D1"].Value);
        Assert.Equal("'\tindented", cells["E1"].Value);
        Assert.Equal("'\rreturn", cells["F1"].Value);
        // The control character is dropped, so the "=" it hid would lead: it is neutralised too.
        Assert.Equal("'=HIDDEN()", cells["G1"].Value);
        Assert.Equal("a=b", cells["H1"].Value);
        Assert.Equal(("n", "-2"), cells["A2"]);
        Assert.Equal(("n", "-3.5"), cells["B2"]);
    }

    [Fact]
    public async Task Text_is_cut_to_the_excel_limit_and_stripped_of_characters_xml_forbids()
    {
        var emoji = char.ConvertFromUtf32(0x1F600);
        var sink = new MemoryStream();
        await using (var writer = await XlsxWriter.CreateAsync(new AsyncOnlyStream(sink), "Sheet"))
        {
            await writer.WriteRowAsync([
                new string('x', 40_000),
                "=" + new string('y', 40_000),
                new string('z', 32_766) + emoji,
                "a\u0000b\u0008c\u001Fd\uFFFEe\uD800f" + emoji,
            ]);
        }

        var cells = Cells(ReadPackage(sink.ToArray())["xl/worksheets/sheet1.xml"]);
        Assert.Equal(new string('x', 32_767), cells["A1"].Value);
        Assert.Equal("'=" + new string('y', 32_765), cells["B1"].Value);
        // The emoji would not fit whole, and half of it would be invalid text.
        Assert.Equal(new string('z', 32_766), cells["C1"].Value);
        Assert.Equal("abcdef" + emoji, cells["D1"].Value);
    }

    [Theory]
    [InlineData("Réponses", "Réponses")]
    [InlineData("Lab [2025]: a/b*c?d\\e", "Lab _2025__ a_b_c_d_e")]
    [InlineData("A questionnaire name far longer than Excel allows", "A questionnaire name far longer")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("  ", "Sheet1")]
    [InlineData(null, "Sheet1")]
    [InlineData("Tom & Jerry <\"x\">", "Tom & Jerry <\"x\">")]
    public async Task Sheet_names_are_made_acceptable_to_excel(string? name, string expected)
    {
        var sink = new MemoryStream();
        await using (var writer = await XlsxWriter.CreateAsync(new AsyncOnlyStream(sink), name!))
        {
            await writer.WriteRowAsync(["x"]);
        }

        var workbook = ReadPackage(sink.ToArray())["xl/workbook.xml"];
        Assert.Equal(expected, workbook.Descendants(Main + "sheet").Single().Attribute("name")?.Value);
    }

    [Fact]
    public async Task Column_letters_are_right_up_to_the_last_excel_column_and_no_further()
    {
        var row = Enumerable.Range(0, 16_384).Select(i => XlsxCell.Number(i)).ToArray();
        var sink = new MemoryStream();
        await using (var writer = await XlsxWriter.CreateAsync(new AsyncOnlyStream(sink), "Wide"))
        {
            await writer.WriteRowAsync(row);
            await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteRowAsync([.. row, XlsxCell.Number(1)]));
        }

        var references = Cells(ReadPackage(sink.ToArray())["xl/worksheets/sheet1.xml"]).ToDictionary(c => c.Value.Value, c => c.Key);
        Assert.Equal("A1", references["0"]);
        Assert.Equal("Z1", references["25"]);
        Assert.Equal("AA1", references["26"]);
        Assert.Equal("AZ1", references["51"]);
        Assert.Equal("BA1", references["52"]);
        Assert.Equal("ZZ1", references["701"]);
        Assert.Equal("AAA1", references["702"]);
        Assert.Equal("XFD1", references["16383"]);
    }

    [Fact]
    public async Task After_a_cancelled_row_disposing_writes_nothing_more_and_does_not_throw()
    {
        var sink = new MemoryStream();
        var output = new AsyncOnlyStream(sink);
        var writer = await XlsxWriter.CreateAsync(output, "Sheet");
        await writer.WriteRowAsync(["header"]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteRowAsync(["row"], cancelled.Token));
        var written = output.BytesWritten;
        await writer.DisposeAsync();

        Assert.Equal(written, output.BytesWritten);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteRowAsync(["late"]));
    }

    [Fact]
    public void Cells_compare_by_value_and_blank_values_are_empty()
    {
        Assert.Equal(XlsxCell.Empty, XlsxCell.Text(null));
        Assert.Equal(XlsxCell.Empty, (XlsxCell)"");
        Assert.Equal(XlsxCell.Empty, default);
        Assert.Equal(XlsxCell.Empty, XlsxCell.Number(double.NaN));
        Assert.Equal(XlsxCell.Number(2.5), XlsxCell.Number(2.5m));
        Assert.Equal(XlsxCell.Text("a"), (XlsxCell)"a");
        Assert.False(XlsxCell.Text("1").IsEmpty);
    }

    [Fact]
    public async Task Twenty_thousand_rows_stream_to_an_async_only_body_in_constant_memory()
    {
        const int Rows = 20_000;
        const int Columns = 30;
        var path = Path.Combine(Path.GetTempPath(), $"xlsx-{Guid.NewGuid():N}.xlsx");
        try
        {
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = baseline;
            long retainedEarly = 0;
            long retainedLate = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                var output = new AsyncOnlyStream(file);
                await using (var writer = await XlsxWriter.CreateAsync(output, "Réponses"))
                {
                    await writer.WriteRowAsync(Enumerable.Range(1, Columns).Select(c => XlsxCell.Text($"Q{c}")).ToArray());
                    for (var r = 1; r <= Rows; r++)
                    {
                        var cells = new XlsxCell[Columns];
                        for (var c = 0; c < Columns; c++)
                        {
                            cells[c] = (c % 3) switch
                            {
                                0 => XlsxCell.Text($"Réponse n°{r} à la question {c} <ok> & \"fin\""),
                                1 => XlsxCell.Number(r * 0.25m + c),
                                _ => XlsxCell.Number(r * c),
                            };
                        }
                        await writer.WriteRowAsync(cells);
                        if (r % 1_000 == 0)
                        {
                            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                        }
                        // What survives a full collection must not grow from row 2,000 to row 20,000.
                        if (r == 2_000)
                        {
                            retainedEarly = GC.GetTotalMemory(forceFullCollection: true);
                        }
                        else if (r == Rows)
                        {
                            retainedLate = GC.GetTotalMemory(forceFullCollection: true);
                        }
                    }
                }
                Assert.False(output.IsDisposed);
                Assert.True(output.BytesWritten > 0);
            }

            Assert.True(peak - baseline < 30 * 1024 * 1024, $"Managed memory peaked {(peak - baseline) / 1024} KB above the start.");
            Assert.True(retainedLate - retainedEarly < 2 * 1024 * 1024, $"Retained memory grew {(retainedLate - retainedEarly) / 1024} KB over 18,000 rows.");

            // Read back the sheet as a stream too: every row is there and the last cell is AD20001.
            await using var archive = await ZipArchive.CreateAsync(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
            await using var sheet = await archive.GetEntry("xl/worksheets/sheet1.xml")!.OpenAsync();
            using var reader = XmlReader.Create(sheet, new XmlReaderSettings { Async = true });
            var rowCount = 0;
            string? lastReference = null;
            while (await reader.ReadAsync())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
                {
                    rowCount++;
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                {
                    lastReference = reader.GetAttribute("r");
                }
            }
            Assert.Equal(Rows + 1, rowCount);
            Assert.Equal("AD20001", lastReference);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dictionary<string, XDocument> ReadPackage(byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return XDocument.Load(stream);
        });
    }

    /// <summary>Cell reference → (type, shown value): "n" for numbers, "inlineStr" for text.</summary>
    private static Dictionary<string, (string Type, string Value)> Cells(XDocument sheet) =>
        sheet.Descendants(Main + "c").ToDictionary(
            c => c.Attribute("r")!.Value,
            c =>
            {
                var type = c.Attribute("t")?.Value ?? "n";
                var value = type == "inlineStr" ? c.Element(Main + "is")!.Element(Main + "t")!.Value : c.Element(Main + "v")!.Value;
                return (type, value);
            });

    /// <summary>Like an ASP.NET Core response body: forward-only, and synchronous I/O is refused.</summary>
    private sealed class AsyncOnlyStream(Stream inner) : Stream
    {
        public long BytesWritten { get; private set; }

        public bool IsDisposed { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => !IsDisposed;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => throw SyncRefused();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw SyncRefused();

        public override void Write(ReadOnlySpan<byte> buffer) => throw SyncRefused();

        public override void WriteByte(byte value) => throw SyncRefused();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            // Complete asynchronously, as a network write would.
            await Task.Yield();
            await inner.WriteAsync(buffer, cancellationToken);
            BytesWritten += buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }

        private static InvalidOperationException SyncRefused() =>
            new("Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");
    }
}
