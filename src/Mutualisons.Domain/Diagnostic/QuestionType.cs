namespace Mutualisons.Domain.Diagnostic;

public enum QuestionType
{
    SingleChoice,

    /// <summary>Several options, optionally with "other, please specify".</summary>
    MultipleChoice,

    /// <summary>1 to 5, with a label at each end.</summary>
    Scale,

    Number,
    ShortText,
    LongText,

    /// <summary>The respondent orders the options, 1 being the most important.</summary>
    Ranking,

    /// <summary>Which kinds of resources (place, data, workforce…) the answer is about.</summary>
    ResourceKind,

    YesNo,
}

public static class QuestionTypes
{
    public static bool HasOptions(this QuestionType type) => type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking;

    /// <summary>Types whose answers are categories a later question or section can depend on.</summary>
    public static bool CanDriveConditions(this QuestionType type) =>
        type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Scale or QuestionType.ResourceKind or QuestionType.YesNo;

    public static bool IsText(this QuestionType type) => type is QuestionType.ShortText or QuestionType.LongText;
}
