using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Mutualisons.Web.Features.Common.Exports;

namespace Mutualisons.Web.Tests.Exports;

// Not run alongside other tests: the memory test reads the process-wide managed heap size.
[CollectionDefinition(nameof(XlsxExportTests), DisableParallelization = true)]
[Collection(nameof(XlsxExportTests))]
public sealed class XlsxExportTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task A_workbook_reads_back_with_its_texts_numbers_and_bold_header()
    {
        var sink = new MemoryStream();
        var output = new AsyncOnlyStream(sink);
        await using (var workbook = await XlsxExport.CreateAsync(output, "Réponses"))
        {
            await workbook.WriteHeaderAsync(["Organisation", "Score", "Vide", "Commentaire"]);
            await workbook.WriteRowAsync(["Café <&> \"déjà\" Ørsted", ExportCell.Of(12.5m), ExportCell.Empty, "line one\nline two"]);
            await workbook.WriteRowAsync([ExportCell.Of(-2), ExportCell.Of(-0.125), ExportCell.Of(3), "  padded  "]);
            await workbook.FinishAsync();
        }

        Assert.False(output.IsDisposed);
        var package = ReadPackage(sink.ToArray());
        Assert.Equal("Réponses", package["xl/workbook.xml"].Descendants(Main + "sheet").Single().Attribute("name")?.Value);
        var rows = Rows(package);
        Assert.Equal(3, rows.Count);
        Assert.Equal([Text("Organisation"), Text("Score"), Text("Vide"), Text("Commentaire")], rows[0].Select(c => (c.Type, c.Value)));
        Assert.Equal([Text("Café <&> \"déjà\" Ørsted"), ("n", "12.5"), Text("line one\nline two")], rows[1].Where(c => c.Value.Length > 0).Select(c => (c.Type, c.Value)));
        Assert.Equal([("n", "-2"), ("n", "-0.125"), ("n", "3"), Text("  padded  ")], rows[2].Select(c => (c.Type, c.Value)));

        // The header's cells carry a style whose font is bold; the other rows carry none.
        var boldStyles = BoldStyleIndexes(package["xl/styles.xml"]);
        Assert.All(rows[0], c => Assert.Contains(c.Style, boldStyles));
        Assert.All(rows.Skip(1).SelectMany(r => r), c => Assert.DoesNotContain(c.Style, boldStyles));
    }

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+33 1 23")]
    [InlineData("-2")]
    [InlineData("@home")]
    [InlineData("\tindented")]
    public async Task Formula_like_text_is_a_string_cell_shown_as_typed_without_an_apostrophe(string text)
    {
        var sink = new MemoryStream();
        await using (var workbook = await XlsxExport.CreateAsync(new AsyncOnlyStream(sink), "Sheet"))
        {
            await workbook.WriteRowAsync([text, ExportCell.Of(-2)]);
            await workbook.FinishAsync();
        }

        var package = ReadPackage(sink.ToArray());
        var cells = package["xl/worksheets/sheet1.xml"].Descendants(Main + "c").ToList();
        // No formula element anywhere, the text is a string cell holding exactly what was typed.
        Assert.Empty(package["xl/worksheets/sheet1.xml"].Descendants(Main + "f"));
        Assert.Equal(Text(text), (CellType(cells[0]), CellValue(cells[0])));
        // A negative number stays a number.
        Assert.Equal(("n", "-2"), (CellType(cells[1]), CellValue(cells[1])));
    }

    [Fact]
    public async Task Carriage_returns_become_the_line_feeds_excel_uses_and_a_leading_one_stays_text()
    {
        var sink = new MemoryStream();
        await using (var workbook = await XlsxExport.CreateAsync(new AsyncOnlyStream(sink), "Sheet"))
        {
            await workbook.WriteRowAsync(["\r=1+1", "one\r\ntwo\rthree"]);
            await workbook.FinishAsync();
        }

        var row = Rows(ReadPackage(sink.ToArray())).Single();
        Assert.Equal([Text("\n=1+1"), Text("one\ntwo\nthree")], row.Select(c => (c.Type, c.Value)));
    }

    [Fact]
    public async Task Text_is_cut_to_the_excel_limit_and_stripped_of_characters_xml_forbids()
    {
        var emoji = char.ConvertFromUtf32(0x1F600);
        var sink = new MemoryStream();
        await using (var workbook = await XlsxExport.CreateAsync(new AsyncOnlyStream(sink), "Sheet"))
        {
            await workbook.WriteRowAsync([new string('x', 40_000), new string('z', 32_766) + emoji, "a\u0000b\u0008c\u001Fd\uFFFEe\uD800f" + emoji]);
            await workbook.FinishAsync();
        }

        var row = Rows(ReadPackage(sink.ToArray())).Single();
        Assert.Equal(new string('x', 32_767), row[0].Value);
        // The emoji would not fit whole, and half of it would be invalid text.
        Assert.Equal(new string('z', 32_766), row[1].Value);
        Assert.Equal("abcdef" + emoji, row[2].Value);
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
        await using (var workbook = await XlsxExport.CreateAsync(new AsyncOnlyStream(sink), name!))
        {
            await workbook.WriteRowAsync(["x"]);
            await workbook.FinishAsync();
        }

        var package = ReadPackage(sink.ToArray());
        Assert.Equal(expected, package["xl/workbook.xml"].Descendants(Main + "sheet").Single().Attribute("name")?.Value);
    }

    [Fact]
    public async Task A_workbook_that_is_not_finished_is_not_a_readable_file()
    {
        var sink = new MemoryStream();
        await using (var workbook = await XlsxExport.CreateAsync(new AsyncOnlyStream(sink), "Sheet"))
        {
            await workbook.WriteRowAsync(["started"]);
        }

        // A failed export must never look complete: without FinishAsync the sheet is cut short and does not read.
        var error = Record.Exception(() => ReadPackage(sink.ToArray()));
        Assert.True(error is InvalidDataException or System.Xml.XmlException, $"The unfinished workbook read back ({error?.GetType().Name ?? "no error"}).");
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
                await using (var workbook = await XlsxExport.CreateAsync(output, "Réponses"))
                {
                    await workbook.WriteHeaderAsync([.. Enumerable.Range(1, Columns).Select(c => $"Q{c}")]);
                    for (var r = 1; r <= Rows; r++)
                    {
                        var cells = new ExportCell[Columns];
                        for (var c = 0; c < Columns; c++)
                        {
                            cells[c] = (c % 3) switch
                            {
                                0 => ExportCell.Of($"Réponse n°{r} à la question {c} <ok> & \"fin\""),
                                1 => ExportCell.Of(r * 0.25m + c),
                                _ => ExportCell.Of(r * c),
                            };
                        }
                        await workbook.WriteRowAsync(cells);
                        if (r % 1_000 == 0)
                        {
                            // Short-lived garbage goes first: how much the young generation holds before it is
                            // collected depends on the machine's cache, what the writer keeps does not.
                            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
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
                    await workbook.FinishAsync();
                }
                Assert.False(output.IsDisposed);
                Assert.True(output.BytesWritten > 100_000, $"Only {output.BytesWritten} bytes were written.");
            }

            Assert.True(peak - baseline < 30 * 1024 * 1024, $"Managed memory peaked {(peak - baseline) / 1024} KB above the start.");
            Assert.True(retainedLate - retainedEarly < 2 * 1024 * 1024, $"Retained memory grew {(retainedLate - retainedEarly) / 1024} KB over 18,000 rows.");

            // Read back the sheet as a stream: every row is there, each with all its cells.
            await using var archive = await ZipArchive.CreateAsync(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
            await using var sheet = await archive.GetEntry("xl/worksheets/sheet1.xml")!.OpenAsync();
            using var reader = XmlReader.Create(sheet, new XmlReaderSettings { Async = true });
            var rowCount = 0;
            var cellsInLastRow = 0;
            while (await reader.ReadAsync())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
                {
                    rowCount++;
                    cellsInLastRow = 0;
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
                {
                    cellsInLastRow++;
                }
            }
            Assert.Equal(Rows + 1, rowCount);
            Assert.Equal(Columns, cellsInLastRow);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (string, string) Text(string value) => ("s", value);

    private static Dictionary<string, XDocument> ReadPackage(byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return archive.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
            });
    }

    /// <summary>The sheet's rows in order, each cell as (type, shown value, style index).</summary>
    private static List<List<(string Type, string Value, int Style)>> Rows(Dictionary<string, XDocument> package) =>
        [.. package["xl/worksheets/sheet1.xml"].Descendants(Main + "row")
            .Select(r => r.Elements(Main + "c").Select(c => (CellType(c), CellValue(c), int.Parse(c.Attribute("s")?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture))).ToList())];

    /// <summary>"s" for any kind of string cell (inline, shared or plain string), "n" for numbers.</summary>
    private static string CellType(XElement cell) => cell.Attribute("t")?.Value switch
    {
        "inlineStr" or "s" or "str" => "s",
        null or "n" => "n",
        var other => other,
    };

    private static string CellValue(XElement cell) =>
        cell.Attribute("t")?.Value == "inlineStr"
            ? string.Concat(cell.Element(Main + "is")!.Descendants(Main + "t").Select(t => t.Value))
            : cell.Element(Main + "v")?.Value ?? string.Empty;

    private static HashSet<int> BoldStyleIndexes(XDocument styles)
    {
        var fonts = styles.Descendants(Main + "fonts").Single().Elements(Main + "font").ToList();
        var xfs = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        return [.. xfs.Select((xf, i) => (xf, i))
            .Where(x => fonts[int.Parse(x.xf.Attribute("fontId")?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture)].Element(Main + "b") is not null)
            .Select(x => x.i)];
    }
}
