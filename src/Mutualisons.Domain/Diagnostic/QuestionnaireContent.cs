using System.Text.Json;
using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Diagnostic;

/// <summary>
/// What a questionnaire asks: its sections and questions, each text in three languages. A draft is edited
/// freely; a published version keeps its own frozen copy, stored as one JSON document.
/// </summary>
public sealed class QuestionnaireContent
{
    public const int MaxSections = 40;
    public const int MaxQuestions = 200;
    public const int MaxOptions = 40;
    public const int TitleLength = 200;
    public const int QuestionLength = 1000;
    public const int OptionLength = 300;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Introduction { get; set; } = new();

    public List<SectionDefinition> Sections { get; set; } = [];

    public IEnumerable<QuestionDefinition> Questions => Sections.SelectMany(s => s.Questions);

    public QuestionDefinition? FindQuestion(Guid id) => Questions.FirstOrDefault(q => q.Id == id);

    public SectionDefinition? SectionOf(Guid questionId) => Sections.FirstOrDefault(s => s.Questions.Any(q => q.Id == questionId));

    /// <summary>The number shown before a question ("Q3"), counted over the whole questionnaire.</summary>
    public int NumberOf(Guid questionId) => Questions.Select((q, i) => (q.Id, Number: i + 1)).FirstOrDefault(x => x.Id == questionId).Number;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static QuestionnaireContent FromJson(string json) =>
        JsonSerializer.Deserialize<QuestionnaireContent>(json, JsonOptions) ?? new QuestionnaireContent();

    /// <summary>A deep copy: drafts and versions never share mutable parts.</summary>
    public QuestionnaireContent Copy() => FromJson(ToJson());

    /// <summary>Every text that has one language but lacks another, in reading order, for the editor's translation list.</summary>
    public IEnumerable<MissingTranslation> MissingTranslations()
    {
        IEnumerable<(TextPlace Place, LocalizedText Text)> Texts()
        {
            yield return (new TextPlace(TextPart.Title), Title);
            yield return (new TextPlace(TextPart.Introduction), Introduction);
            foreach (var (section, s) in Sections.Select((s, i) => (s, i + 1)))
            {
                yield return (new TextPlace(TextPart.SectionTitle, s), section.Title);
                yield return (new TextPlace(TextPart.SectionDescription, s), section.Description);
                foreach (var question in section.Questions)
                {
                    var number = NumberOf(question.Id);
                    yield return (new TextPlace(TextPart.QuestionText, s, number), question.Text);
                    yield return (new TextPlace(TextPart.Help, s, number), question.Help);
                    yield return (new TextPlace(TextPart.ScaleMinLabel, s, number), question.ScaleMinLabel);
                    yield return (new TextPlace(TextPart.ScaleMaxLabel, s, number), question.ScaleMaxLabel);
                    foreach (var (option, o) in question.Options.Select((o, i) => (o, i + 1)))
                    {
                        yield return (new TextPlace(TextPart.Option, s, number, o), option.Text);
                    }
                }
            }
        }
        return Texts().SelectMany(t => t.Text.MissingLanguages().Select(l => new MissingTranslation(t.Place, l)));
    }

    /// <summary>Whether every text that exists in some language exists in this one: a respondent can read it all in it.</summary>
    public bool IsCompleteIn(string language) => LocalizedText.Languages.Contains(language) && MissingTranslations().All(m => m.Language != language);

    /// <summary>
    /// The one language a respondent reads this questionnaire in: theirs when it is complete, else French when
    /// it is, else the most complete language (French, English, Dutch on a tie). Never a mix of languages on one
    /// page: a Dutch heading above a French question reads as a mistake, a French questionnaire with a word of
    /// explanation does not.
    /// </summary>
    public string LanguageFor(string wanted)
    {
        var missing = MissingTranslations().GroupBy(m => m.Language).ToDictionary(g => g.Key, g => g.Count());
        if (LocalizedText.Languages.Contains(wanted) && !missing.ContainsKey(wanted))
        {
            return wanted;
        }
        return LocalizedText.FallbackOrder.OrderBy(l => missing.GetValueOrDefault(l)).First();
    }

    /// <summary>
    /// Checks the structure a respondent relies on: unique ids, options where needed, a French text for every
    /// question, conditions that only look back at earlier answers. Throws with the first problem found.
    /// </summary>
    public void Validate(bool forPublishing)
    {
        RequireLength(Title, TitleLength, "Questionnaire.TitleRequired", required: true);
        RequireLength(Introduction, Limits.LongText, "Questionnaire.IntroductionTooLong", required: false);
        if (Sections.Count > MaxSections)
        {
            throw new DomainException("Questionnaire.TooManySections", $"A questionnaire has at most {MaxSections} sections.");
        }
        if (Questions.Count() > MaxQuestions)
        {
            throw new DomainException("Questionnaire.TooManyQuestions", $"A questionnaire has at most {MaxQuestions} questions.");
        }
        if (forPublishing && !Questions.Any())
        {
            throw new DomainException("Questionnaire.NoQuestion", "A questionnaire needs at least one question before it is published.");
        }
        var ids = new HashSet<Guid>();
        var earlier = new Dictionary<Guid, QuestionDefinition>();
        foreach (var section in Sections)
        {
            if (section.Id == Guid.Empty || !ids.Add(section.Id))
            {
                throw new DomainException("Questionnaire.DuplicateId", "Two parts of the questionnaire share an identifier.");
            }
            RequireLength(section.Title, TitleLength, "Questionnaire.SectionTitleRequired", required: forPublishing);
            RequireLength(section.Description, Limits.LongText, "Questionnaire.SectionDescriptionTooLong", required: false);
            CheckCondition(section.Condition, earlier);
            if (forPublishing && section.Questions.Count == 0)
            {
                throw new DomainException("Questionnaire.EmptySection", "Every section needs at least one question.");
            }
            foreach (var question in section.Questions)
            {
                if (question.Id == Guid.Empty || !ids.Add(question.Id))
                {
                    throw new DomainException("Questionnaire.DuplicateId", "Two parts of the questionnaire share an identifier.");
                }
                question.Validate();
                CheckCondition(question.Condition, earlier);
                foreach (var option in question.Options)
                {
                    if (option.Id == Guid.Empty || !ids.Add(option.Id))
                    {
                        throw new DomainException("Questionnaire.DuplicateId", "Two parts of the questionnaire share an identifier.");
                    }
                }
                earlier[question.Id] = question;
            }
        }
    }

    private static void CheckCondition(DisplayCondition? condition, Dictionary<Guid, QuestionDefinition> earlier)
    {
        if (condition is null)
        {
            return;
        }
        if (!earlier.TryGetValue(condition.QuestionId, out var source) || !source.Type.CanDriveConditions())
        {
            throw new DomainException("Questionnaire.ConditionInvalid", "A condition can only depend on an earlier choice, scale or yes/no question.");
        }
        if (condition.Values.Count == 0 || condition.Values.Any(v => !source.AcceptsChoice(v)))
        {
            throw new DomainException("Questionnaire.ConditionInvalid", "A condition must name answers the earlier question offers.");
        }
    }

    internal static void RequireLength(LocalizedText text, int max, string code, bool required)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (required && text.Fr.Trim().Length == 0)
        {
            throw new DomainException(code, "A French text is required.");
        }
        if (LocalizedText.Languages.Any(l => text[l].Length > max))
        {
            throw new DomainException(code, $"A text is longer than {max} characters.");
        }
    }

    /// <summary>Whether a section or question is shown, given the choices already made (question id → choices).</summary>
    public static bool IsShown(DisplayCondition? condition, IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> choices) =>
        condition is null
        || (choices.TryGetValue(condition.QuestionId, out var made) && made.Any(condition.Values.Contains));

    /// <summary>Whether a section is shown: its condition matches and the question it depends on is itself shown.</summary>
    public bool IsShown(SectionDefinition section, IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> choices)
    {
        ArgumentNullException.ThrowIfNull(section);
        return IsShown(section.Condition, choices) && IsSourceShown(section.Condition, choices, 0);
    }

    public bool IsShown(SectionDefinition section, QuestionDefinition question, IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> choices)
    {
        ArgumentNullException.ThrowIfNull(question);
        return IsShown(section, choices) && IsShown(question.Condition, choices) && IsSourceShown(question.Condition, choices, 0);
    }

    // Something that depends on a hidden question is hidden too, even if a stale answer to it remains.
    private bool IsSourceShown(DisplayCondition? condition, IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> choices, int depth)
    {
        if (condition is null || depth > MaxQuestions)
        {
            return true;
        }
        var source = FindQuestion(condition.QuestionId);
        var sourceSection = SectionOf(condition.QuestionId);
        return source is null || sourceSection is null
            || (IsShown(sourceSection.Condition, choices) && IsSourceShown(sourceSection.Condition, choices, depth + 1)
                && IsShown(source.Condition, choices) && IsSourceShown(source.Condition, choices, depth + 1));
    }
}

public sealed class SectionDefinition
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Description { get; set; } = new();

    public DisplayCondition? Condition { get; set; }

    public List<QuestionDefinition> Questions { get; set; } = [];
}

public sealed class QuestionDefinition
{
    public const string OtherChoice = "other";
    public const string Yes = "yes";
    public const string No = "no";
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;
    public const int MinOptions = 2;

    public Guid Id { get; set; } = Guid.NewGuid();

    public QuestionType Type { get; set; }

    public LocalizedText Text { get; set; } = new();

    public LocalizedText Help { get; set; } = new();

    public bool Required { get; set; }

    public List<OptionDefinition> Options { get; set; } = [];

    /// <summary>Multiple and single choice: the respondent may add "other, please specify".</summary>
    public bool AllowOther { get; set; }

    public LocalizedText ScaleMinLabel { get; set; } = new();

    public LocalizedText ScaleMaxLabel { get; set; } = new();

    /// <summary>Number questions: the accepted range, when there is one.</summary>
    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public DisplayCondition? Condition { get; set; }

    /// <summary>
    /// Turns the question into another type. Options only belong to choice and ranking questions: a type without
    /// them drops them (they would travel unseen into the published version), a type with them gets the two
    /// blank options it needs at least, and a ranking has no "other, please specify".
    /// </summary>
    public void ChangeType(QuestionType type)
    {
        Guard.Defined(type, "Questionnaire.QuestionTypeInvalid");
        Type = type;
        if (!type.HasOptions())
        {
            Options.Clear();
        }
        while (type.HasOptions() && Options.Count < MinOptions)
        {
            Options.Add(new OptionDefinition());
        }
        if (!type.HasOptions() || type == QuestionType.Ranking)
        {
            AllowOther = false;
        }
    }

    /// <summary>Whether a choice value ("yes", an option id, "3", "Data") is one this question can give.</summary>
    public bool AcceptsChoice(string value) => Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice =>
            (AllowOther && value == OtherChoice) || Options.Any(o => o.Key == value),
        // Exactly "1" to "5": a stored step must match conditions and counts written the same way.
        QuestionType.Scale => value.Length == 1 && value[0] >= '0' + ScaleMin && value[0] <= '0' + ScaleMax,
        QuestionType.YesNo => value is Yes or No,
        QuestionType.ResourceKind => Enum.TryParse<Labs.ResourceKind>(value, out var kind) && Enum.IsDefined(kind) && kind.ToString() == value,
        _ => false,
    };

    internal void Validate()
    {
        Guard.Defined(Type, "Questionnaire.QuestionTypeInvalid");
        QuestionnaireContent.RequireLength(Text, QuestionnaireContent.QuestionLength, "Questionnaire.QuestionTextRequired", required: true);
        QuestionnaireContent.RequireLength(Help, QuestionnaireContent.QuestionLength, "Questionnaire.HelpTooLong", required: false);
        QuestionnaireContent.RequireLength(ScaleMinLabel, QuestionnaireContent.OptionLength, "Questionnaire.OptionTooLong", required: false);
        QuestionnaireContent.RequireLength(ScaleMaxLabel, QuestionnaireContent.OptionLength, "Questionnaire.OptionTooLong", required: false);
        if (Type.HasOptions())
        {
            if (Options.Count < MinOptions || Options.Count > QuestionnaireContent.MaxOptions)
            {
                throw new DomainException("Questionnaire.OptionsNeeded", $"A choice or ranking question needs between 2 and {QuestionnaireContent.MaxOptions} options.");
            }
            foreach (var option in Options)
            {
                QuestionnaireContent.RequireLength(option.Text, QuestionnaireContent.OptionLength, "Questionnaire.OptionTextRequired", required: true);
            }
        }
        if (Type == QuestionType.Number && Minimum is { } min && Maximum is { } max && min > max)
        {
            throw new DomainException("Questionnaire.RangeInvalid", "The minimum is above the maximum.");
        }
    }
}

public sealed class OptionDefinition
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public LocalizedText Text { get; set; } = new();

    /// <summary>How answers name this option: its id without dashes.</summary>
    public string Key => Id.ToString("N");
}

/// <summary>Show a section or question only when an earlier question was answered with one of these choices.</summary>
public sealed class DisplayCondition
{
    public Guid QuestionId { get; set; }

    public List<string> Values { get; set; } = [];
}

/// <summary>Which text of a questionnaire: the part, and where it is (section and question numbers as the editor shows them, option position).</summary>
public enum TextPart
{
    Title,
    Introduction,
    SectionTitle,
    SectionDescription,
    QuestionText,
    Help,
    ScaleMinLabel,
    ScaleMaxLabel,
    Option,
}

/// <summary>Where a text sits: section 1-based, question numbered over the whole questionnaire ("Q3"), option 1-based.</summary>
public sealed record TextPlace(TextPart Part, int? Section = null, int? Question = null, int? Option = null);

/// <summary>A text that exists in some language but not in <see cref="Language"/>.</summary>
public sealed record MissingTranslation(TextPlace Place, string Language);
