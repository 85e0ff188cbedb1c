using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Domain.Tests.Diagnostic;

/// <summary>
/// A small questionnaire used across the diagnostic tests:
/// section 0 "Votre organisation" (kind of organisation with "other", shares a place yes/no, and place details
/// shown only when it does), section 1 "Vos lieux" shown only when the organisation shares a place (surface,
/// satisfaction), section 2 "Vos besoins" (resource kinds, ranking of priorities, comment).
/// </summary>
internal sealed class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Lab = new("0195a1b2-0000-7000-8000-000000000001");
    public static readonly Guid Facilitator = new("0195a1b2-0000-7000-8000-000000000002");

    public Sample()
    {
        Asbl = Option("ASBL");
        Cooperative = Option("Coopérative");
        PublicBody = Option("Organisme public");
        Kind = new QuestionDefinition
        {
            Type = QuestionType.SingleChoice,
            Text = T("Quelle est la forme de votre organisation ?"),
            Required = true,
            AllowOther = true,
            Options = [Asbl, Cooperative, PublicBody],
        };
        SharesPlace = new QuestionDefinition { Type = QuestionType.YesNo, Text = T("Partagez-vous un lieu ?"), Required = true };
        PlaceDetails = new QuestionDefinition
        {
            Type = QuestionType.ShortText,
            Text = T("Lequel ?"),
            Required = true,
            Condition = new DisplayCondition { QuestionId = SharesPlace.Id, Values = [QuestionDefinition.Yes] },
        };
        Organisation = new SectionDefinition { Title = T("Votre organisation"), Questions = [Kind, SharesPlace, PlaceDetails] };

        Surface = new QuestionDefinition { Type = QuestionType.Number, Text = T("Surface (m²)"), Required = true, Minimum = 0, Maximum = 10_000 };
        Satisfaction = new QuestionDefinition
        {
            Type = QuestionType.Scale,
            Text = T("Êtes-vous satisfaits du lieu ?"),
            ScaleMinLabel = T("Pas du tout"),
            ScaleMaxLabel = T("Tout à fait"),
        };
        Places = new SectionDefinition
        {
            Title = T("Vos lieux"),
            Condition = new DisplayCondition { QuestionId = SharesPlace.Id, Values = [QuestionDefinition.Yes] },
            Questions = [Surface, Satisfaction],
        };

        Needs = new QuestionDefinition { Type = QuestionType.ResourceKind, Text = T("De quoi avez-vous besoin ?"), Required = true };
        Money = Option("Financement");
        Time = Option("Temps");
        Skills = Option("Compétences");
        Priorities = new QuestionDefinition { Type = QuestionType.Ranking, Text = T("Classez vos priorités"), Options = [Money, Time, Skills] };
        Comment = new QuestionDefinition { Type = QuestionType.LongText, Text = T("Un commentaire ?") };
        NeedsSection = new SectionDefinition { Title = T("Vos besoins"), Questions = [Needs, Priorities, Comment] };

        Content = new QuestionnaireContent
        {
            Title = T("Diagnostic des besoins"),
            Introduction = T("Merci de prendre dix minutes."),
            Sections = [Organisation, Places, NeedsSection],
        };
    }

    public QuestionnaireContent Content { get; }

    public SectionDefinition Organisation { get; }

    public OptionDefinition Asbl { get; }

    public OptionDefinition Cooperative { get; }

    public OptionDefinition PublicBody { get; }

    public QuestionDefinition Kind { get; }

    public QuestionDefinition SharesPlace { get; }

    /// <summary>Required, shown only when <see cref="SharesPlace"/> is "yes".</summary>
    public QuestionDefinition PlaceDetails { get; }

    /// <summary>Shown only when <see cref="SharesPlace"/> is "yes".</summary>
    public SectionDefinition Places { get; }

    public QuestionDefinition Surface { get; }

    public QuestionDefinition Satisfaction { get; }

    public SectionDefinition NeedsSection { get; }

    public QuestionDefinition Needs { get; }

    public OptionDefinition Money { get; }

    public OptionDefinition Time { get; }

    public OptionDefinition Skills { get; }

    public QuestionDefinition Priorities { get; }

    public QuestionDefinition Comment { get; }

    /// <summary>A text in all three languages.</summary>
    public static LocalizedText T(string fr) => new(fr, $"{fr} (nl)", $"{fr} (en)");

    public static OptionDefinition Option(string fr) => new() { Text = T(fr) };

    public static SubmittedAnswer A(params string[] values) => new(values);

    public static Dictionary<Guid, SubmittedAnswer> Page(params (QuestionDefinition Question, SubmittedAnswer Answer)[] answers) =>
        answers.ToDictionary(a => a.Question.Id, a => a.Answer);

    public static QuestionDefinition Question(QuestionType type, params OptionDefinition[] options) =>
        new() { Type = type, Text = T("Question"), Options = [.. options] };

    /// <summary>A valid content with one section holding the given questions.</summary>
    public static QuestionnaireContent Single(params QuestionDefinition[] questions) => new()
    {
        Title = T("Questionnaire"),
        Sections = [new SectionDefinition { Title = T("Section"), Questions = [.. questions] }],
    };

    public Questionnaire NewQuestionnaire() => new(Lab, Content, Facilitator, Now);

    public static QuestionnaireResponse NewResponse(string language = "fr") =>
        QuestionnaireResponse.Start(Guid.NewGuid(), Guid.NewGuid(), null, null, null, language, Now);
}
