using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Web.Features.Diagnostic.Questionnaires;

public sealed class NewQuestionnaireInputValidator : AbstractValidator<NewQuestionnaireInput>
{
    public NewQuestionnaireInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(l["Questionnaire.TitleRequired"])
            .MaximumLength(QuestionnaireContent.TitleLength).WithMessage(l["Validation.TooLong", QuestionnaireContent.TitleLength]);
        RuleFor(x => x.Template).Must(t => t.Length == 0 || QuestionnaireTemplates.Find(t) is not null).WithMessage(l["Questionnaire.TemplateUnknown"]);
    }
}

public sealed class ScheduleInputValidator : AbstractValidator<ScheduleInput>
{
    public ScheduleInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.ClosesOn).GreaterThan(x => x.OpensOn).When(x => x.OpensOn is not null && x.ClosesOn is not null)
            .WithMessage(l["Rule.Questionnaire.DatesInvalid"]);
    }
}

/// <summary>Checks a draft field by field, so the editor can show each problem beside its text.</summary>
public sealed class QuestionnaireContentValidator : AbstractValidator<QuestionnaireContent>
{
    public QuestionnaireContentValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title.Fr).NotEmpty().WithMessage(l["Questionnaire.TitleRequired"]);
        RuleFor(x => x.Title).Must(t => Fits(t, QuestionnaireContent.TitleLength)).WithMessage(l["Validation.TooLong", QuestionnaireContent.TitleLength]);
        RuleFor(x => x.Introduction).Must(t => Fits(t, Limits.LongText)).WithMessage(l["Validation.TooLong", Limits.LongText]);
        RuleFor(x => x.Sections.Count).LessThanOrEqualTo(QuestionnaireContent.MaxSections).WithMessage(l["Rule.Questionnaire.TooManySections"]);
        RuleForEach(x => x.Sections).ChildRules(section =>
        {
            section.RuleFor(s => s.Title).Must(t => Fits(t, QuestionnaireContent.TitleLength)).WithMessage(l["Validation.TooLong", QuestionnaireContent.TitleLength]);
            section.RuleForEach(s => s.Questions).ChildRules(question =>
            {
                question.RuleFor(q => q.Text.Fr).NotEmpty().WithMessage(l["Questionnaire.QuestionTextRequired"]);
                question.RuleFor(q => q.Text).Must(t => Fits(t, QuestionnaireContent.QuestionLength)).WithMessage(l["Validation.TooLong", QuestionnaireContent.QuestionLength]);
                question.RuleFor(q => q.Type).IsInEnum().WithMessage(l["Rule.Questionnaire.QuestionTypeInvalid"]);
                question.RuleFor(q => q.Options.Count).InclusiveBetween(2, QuestionnaireContent.MaxOptions).When(q => q.Type.HasOptions())
                    .WithMessage(l["Rule.Questionnaire.OptionsNeeded"]);
                question.RuleForEach(q => q.Options).ChildRules(option =>
                    option.RuleFor(o => o.Text.Fr).NotEmpty().WithMessage(l["Questionnaire.OptionTextRequired"])).When(q => q.Type.HasOptions());
                question.RuleFor(q => q.Maximum).GreaterThanOrEqualTo(q => q.Minimum).When(q => q.Minimum is not null && q.Maximum is not null)
                    .WithMessage(l["Rule.Questionnaire.RangeInvalid"]);
            });
        });
    }

    private static bool Fits(LocalizedText text, int max) => LocalizedText.Languages.All(language => text[language].Length <= max);
}
