using System.Globalization;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// Plausible, valid answers to any question, from a seeded random source: demo responses, load tests and
/// benchmarks all answer the way a respondent's form would.
/// </summary>
public static class SampleAnswers
{
    private static readonly string[] Words =
        ["un local partagé", "des salles de réunion", "une cuisine collective", "une cartographie commune", "du temps de coordination",
         "un appui juridique", "une communication commune", "des outils libres", "un plaidoyer partagé", "des formations croisées"];

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0005:Weak random number generator",
        Justification = "Made-up demo and benchmark answers, from a seeded source on purpose so runs repeat; no secret comes from it.")]
    public static SubmittedAnswer For(QuestionDefinition question, Random random)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(random);
        var options = question.Options;
        return question.Type switch
        {
            QuestionType.SingleChoice => new SubmittedAnswer([options[random.Next(options.Count)].Key]),
            QuestionType.MultipleChoice => new SubmittedAnswer([.. options.Where(_ => random.Next(3) == 0).Select(o => o.Key).DefaultIfEmpty(options[0].Key)]),
            QuestionType.Scale => new SubmittedAnswer([random.Next(1, 6).ToString(CultureInfo.InvariantCulture)]),
            QuestionType.Number => new SubmittedAnswer([((int)Math.Max(question.Minimum ?? 0, Math.Min(question.Maximum ?? 40, random.Next(0, 40)))).ToString(CultureInfo.InvariantCulture)]),
            QuestionType.ShortText => new SubmittedAnswer([Words[random.Next(Words.Length)]]),
            QuestionType.LongText => new SubmittedAnswer([$"Nous aurions besoin de {Words[random.Next(Words.Length)]} et de {Words[random.Next(Words.Length)]}."]),
            QuestionType.Ranking => new SubmittedAnswer([.. options.Select(o => o.Key).OrderBy(_ => random.Next()).Select((key, i) => $"{key}:{i + 1}")]),
            QuestionType.ResourceKind => new SubmittedAnswer([.. Enum.GetValues<ResourceKind>().Where(_ => random.Next(2) == 0).Select(k => k.ToString()).DefaultIfEmpty(nameof(ResourceKind.Place))]),
            QuestionType.YesNo => new SubmittedAnswer([random.Next(3) == 0 ? QuestionDefinition.No : QuestionDefinition.Yes]),
            _ => SubmittedAnswer.None,
        };
    }

    /// <summary>Fills and submits a response section by section, as a respondent would, skipping what ends up hidden.</summary>
    public static void Complete(QuestionnaireResponse response, QuestionnaireContent content, Random random, DateTimeOffset now, bool submit = true)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(content);
        int? section = content.Sections.Count > 0 ? 0 : null;
        while (section is { } index)
        {
            var answers = content.Sections[index].Questions.ToDictionary(q => q.Id, q => For(q, random));
            response.SaveSection(content, index, answers, response.Language, now);
            section = response.NextShownSection(content, index);
            if (section is { } next)
            {
                response.MoveTo(content, next, now);
            }
        }
        if (submit && response.Submit(content, now) is not null)
        {
            throw new InvalidOperationException("A sample response left a required question unanswered.");
        }
    }
}
