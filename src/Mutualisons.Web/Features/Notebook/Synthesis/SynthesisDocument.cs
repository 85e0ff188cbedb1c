namespace Mutualisons.Web.Features.Notebook.Synthesis;

/// <summary>The parts of the cahier de synthèse a team can choose; the cover always comes first.</summary>
public enum SynthesisSection
{
    Introduction,
    CycleMap,
    Diagnostic,
    Publics,
    Impact,
    ToolConfiguration,
    Methods,
    Annex,
}

/// <summary>
/// The cahier as the builder makes it from the lab's data, in one language, before any format: the preview
/// draws it as HTML and the download writes it as a Word document, so both say exactly the same.
/// </summary>
public sealed record SynthesisDocument(string LabName, string Title, string Subtitle, string Period, string GeneratedOn, string Language, IReadOnlyList<SynthesisBlock> Blocks);

public abstract record SynthesisBlock;

/// <summary>A heading: 1 for a chapter (a cycle), 2 for a part of it.</summary>
public sealed record HeadingBlock(int Level, string Text) : SynthesisBlock;

public sealed record ParagraphBlock(string Text) : SynthesisBlock;

/// <summary>A line in small print under a heading: who, when, which cycles.</summary>
public sealed record NoteBlock(string Text) : SynthesisBlock;

public sealed record BulletsBlock(IReadOnlyList<string> Items) : SynthesisBlock;

/// <summary>Figures as a table: a caption, column headers, rows of text already formatted in the document's language.</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : SynthesisBlock;

/// <summary>A picture of a story, with its description.</summary>
public sealed record PictureBlock(Guid ImageId, string ContentType, string AltText, byte[] Bytes, string Url) : SynthesisBlock;
