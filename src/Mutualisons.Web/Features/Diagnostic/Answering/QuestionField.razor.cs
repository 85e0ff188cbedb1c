using Microsoft.AspNetCore.Components;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Answering;

public partial class QuestionField
{
    [Parameter, EditorRequired]
    public QuestionnaireContent Content { get; set; } = default!;

    [Parameter, EditorRequired]
    public QuestionDefinition Question { get; set; } = default!;

    [Parameter]
    public SubmittedAnswer Answer { get; set; } = SubmittedAnswer.None;

    /// <summary>The code of the problem with this answer, if any.</summary>
    [Parameter]
    public string? Error { get; set; }

    /// <summary>The language the questionnaire's texts are read in.</summary>
    [Parameter]
    public string Language { get; set; } = ProductLocalization.French;

    /// <summary>That language, when it differs from the page's (a questionnaire not translated into the respondent's): marks the texts for screen readers.</summary>
    [Parameter]
    public string? ContentLang { get; set; }

    private bool IsGroup => Question.Type is not (QuestionType.Number or QuestionType.ShortText or QuestionType.LongText);

    private string Value => Answer.Values.Count > 0 ? Answer.Values[0] : string.Empty;

    private bool Picked(string value) => Answer.Values.Contains(value);

    /// <summary>The ids of the help and the error, for aria-describedby; null when there is neither.</summary>
    private string? Described(string id) =>
        string.Join(' ', new[] { Question.Help.In(Language).Length > 0 ? $"help-{id}" : null, Error is not null ? $"error-{id}" : null }.Where(x => x is not null)) is { Length: > 0 } ids ? ids : null;
}
