using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Mutualisons.Web.Features.Notebook.Synthesis;

/// <summary>
/// Writes the cahier as a Word document that boards and funders can rewrite: real headings (the navigation
/// pane and a table of contents find them), tables with a repeated header row, pictures with their
/// descriptions, the document's language set so spelling checks in it.
/// </summary>
public static class SynthesisDocx
{
    /// <summary>A picture is at most this wide on an A4 page with 2.5 cm margins (16 cm, in EMU).</summary>
    private const long MaxPictureWidth = 16L * 360_000;
    private const long EmuPerPixel = 9_525;

    public static void Write(SynthesisDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        word.PackageProperties.Title = $"{document.Title} — {document.LabName}";
        word.PackageProperties.Language = document.Language;
        var main = word.AddMainDocumentPart();
        AddStyles(main, document.Language);
        var body = new Body();

        body.Append(Paragraph(document.Title, "Title"));
        body.Append(Paragraph(document.LabName, "Subtitle"));
        if (!string.IsNullOrWhiteSpace(document.Subtitle))
        {
            body.Append(Paragraph(document.Subtitle, null));
        }
        body.Append(Paragraph(document.Period, null));
        body.Append(Paragraph(document.GeneratedOn, "Note"));
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

        var pictureNumber = 0u;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    body.Append(Paragraph(heading.Text, $"Heading{Math.Clamp(heading.Level, 1, 3)}"));
                    break;
                case ParagraphBlock paragraph:
                    body.Append(Paragraph(paragraph.Text, null));
                    break;
                case NoteBlock note:
                    body.Append(Paragraph(note.Text, "Note"));
                    break;
                case BulletsBlock bullets:
                    foreach (var item in bullets.Items)
                    {
                        body.Append(Paragraph($"•\t{item}", "Bullet"));
                    }
                    break;
                case TableBlock table:
                    body.Append(Paragraph(table.Caption, "Caption"));
                    body.Append(Table(table));
                    body.Append(Paragraph(string.Empty, null));
                    break;
                case PictureBlock picture:
                    body.Append(Picture(main, picture, ++pictureNumber));
                    body.Append(Paragraph(picture.AltText, "Caption"));
                    break;
            }
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        // Line breaks inside a text become Word line breaks, not lost characters.
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(TableBlock block)
    {
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "999999" },
            () => new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "999999" },
            () => new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "999999" },
            () => new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "999999" },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "999999" },
            () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "999999" },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border.Select(b => b())),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        // The header row repeats on every page a long table runs over.
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var title in block.Headers)
        {
            header.Append(Cell(title, bold: true));
        }
        table.Append(header);
        foreach (var row in block.Rows)
        {
            var line = new TableRow(new TableRowProperties(new CantSplit()));
            foreach (var value in row)
            {
                line.Append(Cell(value, bold: false));
            }
            table.Append(line);
        }
        return table;
    }

    private static TableCell Cell(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }
        return new TableCell(
            new TableCellProperties(bold ? new Shading { Val = ShadingPatternValues.Clear, Fill = "E8EEF4" } : new Shading { Val = ShadingPatternValues.Nil }),
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }), run));
    }

    private static Paragraph Picture(MainDocumentPart main, PictureBlock picture, uint number)
    {
        var size = PixelSize(picture.Bytes, picture.ContentType);
        if (picture.ContentType is not ("image/png" or "image/jpeg") || size is null)
        {
            // A format Word may not show (WebP): the description stands in for it.
            return Paragraph($"[{picture.AltText}]", "Note");
        }
        var part = main.AddImagePart(picture.ContentType == "image/png" ? ImagePartType.Png : ImagePartType.Jpeg);
        using (var bytes = new MemoryStream(picture.Bytes))
        {
            part.FeedData(bytes);
        }
        var (width, height) = size.Value;
        long cx = width * EmuPerPixel, cy = height * EmuPerPixel;
        if (cx > MaxPictureWidth)
        {
            cy = cy * MaxPictureWidth / cx;
            cx = MaxPictureWidth;
        }
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = number, Name = $"Picture {number}", Description = picture.AltText },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"picture-{number}", Description = picture.AltText }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        return new Paragraph(new Run(drawing));
    }

    /// <summary>Width and height in pixels read from a PNG's header or a JPEG's frame marker; null when unreadable.</summary>
    internal static (long Width, long Height)? PixelSize(byte[] bytes, string contentType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (contentType == "image/png" && bytes.Length >= 24)
        {
            return (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20)));
        }
        if (contentType != "image/jpeg")
        {
            return null;
        }
        var at = 2;
        while (at + 9 < bytes.Length && bytes[at] == 0xFF)
        {
            var marker = bytes[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 2));
            // Start-of-frame markers carry the size; C4, C8 and CC are other tables.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 5)));
            }
            at += 2 + length;
        }
        return null;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var locale = language switch { "nl" => "nl-BE", "en" => "en-GB", _ => "fr-BE" };
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = locale })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, null, isDefault: true),
            ParagraphStyle("Title", "Title", new RunProperties(new Bold(), new FontSize { Val = "56" }, new Color { Val = "1F4E79" }), new ParagraphProperties(new SpacingBetweenLines { Before = "2400", After = "240" })),
            ParagraphStyle("Subtitle", "Subtitle", new RunProperties(new FontSize { Val = "36" }, new Color { Val = "1F4E79" }), null),
            ParagraphStyle("Heading1", "heading 1", new RunProperties(new Bold(), new FontSize { Val = "36" }, new Color { Val = "1F4E79" }), new ParagraphProperties(new KeepNext(), new PageBreakBefore(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 0 })),
            ParagraphStyle("Heading2", "heading 2", new RunProperties(new Bold(), new FontSize { Val = "28" }, new Color { Val = "2E75B6" }), new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 })),
            ParagraphStyle("Heading3", "heading 3", new RunProperties(new Bold(), new FontSize { Val = "24" }), new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "160", After = "40" }, new OutlineLevel { Val = 2 })),
            ParagraphStyle("Note", "Note", new RunProperties(new Italic(), new FontSize { Val = "18" }, new Color { Val = "595959" }), null),
            ParagraphStyle("Caption", "caption", new RunProperties(new Bold(), new FontSize { Val = "18" }, new Color { Val = "404040" }), new ParagraphProperties(new KeepNext())),
            ParagraphStyle("Bullet", "List Bullet", null, new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Left, Position = 360 }), new Indentation { Left = "360", Hanging = "360" }, new SpacingBetweenLines { After = "40" })),
            ParagraphStyle("TableText", "Table Text", new RunProperties(new FontSize { Val = "18" }), new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, RunProperties? run, ParagraphProperties? paragraph, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new PrimaryStyle());
        }
        if (paragraph is not null)
        {
            style.Append(new StyleParagraphProperties(paragraph.ChildElements.Select(c => c.CloneNode(true))));
        }
        if (run is not null)
        {
            style.Append(new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))));
        }
        return style;
    }
}
