using FluentValidation;
using FluentValidation.Results;
using Mutualisons.Domain.Diagnostic;

namespace Mutualisons.Web.Features.Diagnostic.Answering;

/// <summary>One page of answers as posted, with the section it belongs to.</summary>
public sealed record SectionAnswers(SectionDefinition Section, IReadOnlyDictionary<Guid, SubmittedAnswer> Answers);

/// <summary>
/// The boundary check of a posted page: every answer is read by the method's rules (known options, ranges,
/// lengths) and a problem is reported under its question's id, with a code the page translates.
/// </summary>
public sealed class SectionAnswersValidator : AbstractValidator<SectionAnswers>
{
    public SectionAnswersValidator()
    {
        RuleFor(x => x.Answers).Custom((answers, context) =>
        {
            var section = context.InstanceToValidate.Section;
            if (answers.Keys.Any(id => section.Questions.All(q => q.Id != id)))
            {
                context.AddFailure(new ValidationFailure(string.Empty, "An answer was sent for a question that is not on this page.") { ErrorCode = "UnknownOption" });
            }
            foreach (var question in section.Questions)
            {
                var (_, error) = AnswerRules.Parse(question, answers.GetValueOrDefault(question.Id) ?? SubmittedAnswer.None);
                if (error is not null)
                {
                    context.AddFailure(new ValidationFailure(question.Id.ToString("N"), error) { ErrorCode = error });
                }
            }
        });
    }

    /// <summary>Problems by question, as the page shows them.</summary>
    public static IReadOnlyDictionary<Guid, string> ByQuestion(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.Where(e => Guid.TryParse(e.PropertyName, out _))
            .GroupBy(e => Guid.Parse(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.First().ErrorCode);
    }
}
