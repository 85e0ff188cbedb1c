using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Workshops;

namespace Mutualisons.Web.Features.Workshops.Preparation;

/// <summary>
/// The step sequences the platform offers to start from: a diagnostic workshop (needs gathered, grouped and
/// weighed), a constitutive workshop (cooperation measures found, placed on feasibility × impact and agreed
/// to by consent) and a prioritisation workshop. Their texts come in the facilitator's language when copied.
/// </summary>
public static class BuiltInTemplates
{
    public const string Prefix = "builtin:";

    public static readonly IReadOnlyList<string> Keys = ["diagnostic", "constitutive", "prioritisation"];

    public static string NameKey(string key) => $"Workshops.Template.{key}";

    public static IReadOnlyList<TemplateStep>? Steps(string key, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        string T(string name) => l[$"Workshops.Template.{key}.{name}"];
        return key switch
        {
            "diagnostic" =>
            [
                new(WorkshopStepKind.Information, new StepSettings(T("Welcome"))),
                new(WorkshopStepKind.Ideas, new StepSettings(T("Ideas"), IdeasPerPerson: 5)),
                new(WorkshopStepKind.Grouping, new StepSettings(T("Grouping")), SourceIndex: 1),
                new(WorkshopStepKind.DotVote, new StepSettings(T("Vote"), DotsPerPerson: 5, MaxDotsPerItem: 2), SourceIndex: 2),
                new(WorkshopStepKind.Poll, new StepSettings(T("Readiness"), PollKind: PollKind.Scale)),
            ],
            "constitutive" =>
            [
                new(WorkshopStepKind.Information, new StepSettings(T("Welcome"))),
                new(WorkshopStepKind.Ideas, new StepSettings(T("Ideas"), IdeasPerPerson: 3)),
                new(WorkshopStepKind.Grouping, new StepSettings(T("Grouping")), SourceIndex: 1),
                new(WorkshopStepKind.DotVote, new StepSettings(T("Vote"), DotsPerPerson: 3, MaxDotsPerItem: 2), SourceIndex: 2),
                new(WorkshopStepKind.Matrix, new StepSettings(T("Matrix")), SourceIndex: 2),
                new(WorkshopStepKind.ConsentRound, new StepSettings(T("Consent"))),
            ],
            "prioritisation" =>
            [
                new(WorkshopStepKind.Ideas, new StepSettings(T("Ideas"), IdeasPerPerson: 3)),
                new(WorkshopStepKind.DotVote, new StepSettings(T("Vote"), DotsPerPerson: 5, MaxDotsPerItem: 3), SourceIndex: 0),
                new(WorkshopStepKind.Matrix, new StepSettings(T("Matrix")), SourceIndex: 0),
                new(WorkshopStepKind.ConsentRound, new StepSettings(T("Consent"))),
            ],
            _ => null,
        };
    }
}
