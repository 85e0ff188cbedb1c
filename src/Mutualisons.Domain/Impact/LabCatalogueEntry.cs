using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Impact;

/// <summary>What a lab writes about an indicator of its own catalogue.</summary>
public sealed record LabEntryText(
    MutualisationLogic Logic,
    ImpactObjective Objective,
    string Name,
    string? Definition,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    string? Collection,
    string? Question);

/// <summary>
/// An indicator a lab adds to its own catalogue, from a blank page or as a copy of a built-in entry (named in the
/// language of the person who copies it). The lab edits its copy; the built-in catalogue never changes. Like a
/// built-in entry, it is copied into hypotheses, and its question is what "collect by questionnaire" asks.
/// </summary>
public sealed class LabCatalogueEntry : ILabOwned
{
    /// <summary>How an indicator copied from a lab's entry names it in <see cref="Indicator.CatalogueKey"/>.</summary>
    public const string KeyPrefix = "lab:";

    public static string AuditSubject => Audit.AuditSubject.LabCatalogueEntry;

    private LabCatalogueEntry()
    {
        Name = string.Empty;
        Definition = string.Empty;
        Collection = string.Empty;
        Question = string.Empty;
    }

    public LabCatalogueEntry(Guid labId, LabEntryText text, string? copiedFrom, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CopiedFrom = copiedFrom is { } key && IndicatorCatalogue.Find(key) is not null ? key
            : copiedFrom is null ? null : throw new DomainException("Impact.EntryUnknown", "No such catalogue entry.");
        CreatedAt = Guard.Utc(now);
        Revise(text);
    }

    /// <summary>A lab's own copy of a built-in entry, in <paramref name="language"/>, to adapt.</summary>
    public static LabCatalogueEntry CopyOf(Guid labId, CatalogueEntry entry, string language, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new LabCatalogueEntry(labId, new LabEntryText(entry.Logic, entry.Objective, entry.Name.In(language), entry.Definition.In(language), entry.Unit, entry.Direction,
            entry.Collection.In(language), entry.Question.Text.In(language)), entry.Key, now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public MutualisationLogic Logic { get; private set; }

    public ImpactObjective Objective { get; private set; }

    public string Name { get; private set; }

    public string Definition { get; private set; }

    public IndicatorUnit Unit { get; private set; }

    public IndicatorDirection Direction { get; private set; }

    /// <summary>How to collect it.</summary>
    public string Collection { get; private set; }

    /// <summary>The question to ask the members; the indicator's name when none is written.</summary>
    public string Question { get; private set; }

    /// <summary>The built-in entry this one was copied from, if any.</summary>
    public string? CopiedFrom { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The key an indicator copied from this entry keeps.</summary>
    public string Key => KeyOf(Id);

    public static string KeyOf(Guid id) => $"{KeyPrefix}{id}";

    /// <summary>The lab entry a catalogue key names, or null for a built-in key (or none).</summary>
    public static Guid? IdOf(string? key) =>
        key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(KeyPrefix.Length), out var id) ? id : null;

    public void Revise(LabEntryText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Logic = Guard.Defined(text.Logic, "Impact.LogicInvalid");
        Objective = Guard.Defined(text.Objective, "Impact.ObjectiveInvalid");
        Name = Guard.RequiredText(text.Name, Limits.Name, "Impact.IndicatorNameRequired", "The indicator's name");
        Definition = Guard.OptionalText(text.Definition, Limits.LongText, "Impact.TextTooLong", "The definition");
        Unit = Guard.Defined(text.Unit, "Impact.UnitInvalid");
        Direction = Guard.Defined(text.Direction, "Impact.DirectionInvalid");
        Collection = Guard.OptionalText(text.Collection, Limits.LongText, "Impact.TextTooLong", "How to collect it");
        Question = Guard.OptionalText(text.Question, Limits.ShortText, "Impact.TextTooLong", "The question");
    }

    /// <summary>
    /// The question "collect by questionnaire" adds for an indicator copied from this entry: the lab's words, in
    /// the language they were written in (the questionnaire editor then asks for the translations), of the type
    /// the unit calls for.
    /// </summary>
    public ReadyQuestion ReadyQuestion(string language) =>
        IndicatorCatalogue.PlainQuestion(Question.Length > 0 ? Question : Name, language, Unit);
}
