using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Impact;

/// <summary>How the submitted answers to one question become one figure.</summary>
public enum AnswerComputation
{
    /// <summary>The mean of a 1-to-5 scale over the respondents who answered it.</summary>
    MeanOfScale,

    /// <summary>The mean of a number over the respondents who answered it.</summary>
    MeanOfNumber,

    /// <summary>The sum of a number over the respondents (m² shared by all members, people reached by all).</summary>
    SumOfNumber,

    /// <summary>The percentage of the respondents who answered the question and chose one given answer.</summary>
    ShareChoosing,
}

/// <summary>A figure the platform already holds about a lab, which an indicator can follow.</summary>
public enum PlatformFigure
{
    /// <summary>How many stakeholders reached a participation level, or a higher one, in a cycle.</summary>
    StakeholdersAtOrAboveLevel,

    /// <summary>The percentage of the lab's stakeholders who reached a level, or a higher one, in a cycle.</summary>
    ShareOfStakeholdersAtOrAboveLevel,

    /// <summary>How many needs the diagnosis recorded.</summary>
    NeedsRecorded,

    /// <summary>How many candidate resources the diagnosis recorded.</summary>
    ResourcesRecorded,

    /// <summary>The m² of places shared by the lab's pooling agreements in force.</summary>
    SquareMetresShared,

    /// <summary>The hours of workforce and services pooled each month by the agreements in force.</summary>
    HoursPooledPerMonth,

    /// <summary>How many data sets the agreements in force share.</summary>
    DataSetsShared,

    /// <summary>The yearly costs the agreements in force save, where the parties stated them.</summary>
    YearlyCostsSaved,
}

/// <summary>The rules that tie a source to an indicator: which computation fits which question, and which unit fits which figure.</summary>
public static class IndicatorSourcing
{
    /// <summary>The computations a question of this type can give; empty for texts and rankings, which give no figure.</summary>
    public static IReadOnlyList<AnswerComputation> ComputationsFor(QuestionType type) => type switch
    {
        QuestionType.Scale => [AnswerComputation.MeanOfScale],
        QuestionType.Number => [AnswerComputation.MeanOfNumber, AnswerComputation.SumOfNumber],
        QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.YesNo or QuestionType.ResourceKind => [AnswerComputation.ShareChoosing],
        _ => [],
    };

    /// <summary>Whether a figure computed this way can be expressed in <paramref name="unit"/> (a share is a percentage, a mean of a scale a score).</summary>
    public static bool Fits(this AnswerComputation computation, IndicatorUnit unit) => computation switch
    {
        AnswerComputation.MeanOfScale => unit is IndicatorUnit.Scale1To5 or IndicatorUnit.Number,
        // A mean of whole numbers is rarely whole: not a count.
        AnswerComputation.MeanOfNumber => unit is IndicatorUnit.Number or IndicatorUnit.Euros or IndicatorUnit.Hours or IndicatorUnit.SquareMetres,
        AnswerComputation.SumOfNumber => unit is IndicatorUnit.Number or IndicatorUnit.Euros or IndicatorUnit.Hours or IndicatorUnit.SquareMetres or IndicatorUnit.Count,
        AnswerComputation.ShareChoosing => unit == IndicatorUnit.Percentage,
        _ => false,
    };

    public static bool Fits(this PlatformFigure figure, IndicatorUnit unit) => figure switch
    {
        PlatformFigure.ShareOfStakeholdersAtOrAboveLevel => unit == IndicatorUnit.Percentage,
        PlatformFigure.StakeholdersAtOrAboveLevel or PlatformFigure.NeedsRecorded or PlatformFigure.ResourcesRecorded or PlatformFigure.DataSetsShared => unit is IndicatorUnit.Count or IndicatorUnit.Number,
        PlatformFigure.SquareMetresShared => unit is IndicatorUnit.SquareMetres or IndicatorUnit.Number,
        PlatformFigure.HoursPooledPerMonth => unit is IndicatorUnit.Hours or IndicatorUnit.Number,
        PlatformFigure.YearlyCostsSaved => unit is IndicatorUnit.Euros or IndicatorUnit.Number,
        _ => false,
    };

    /// <summary>Whether the figure is about participation, and so needs a cycle and a level.</summary>
    public static bool NeedsLevel(this PlatformFigure figure) =>
        figure is PlatformFigure.StakeholdersAtOrAboveLevel or PlatformFigure.ShareOfStakeholdersAtOrAboveLevel;

    /// <summary>
    /// Checks that <paramref name="question"/> can feed an indicator of <paramref name="unit"/> by
    /// <paramref name="computation"/>; a share names the answer it counts, which the question must offer.
    /// Returns the choice kept (null unless a share).
    /// </summary>
    public static string? CheckQuestion(QuestionDefinition question, AnswerComputation computation, string? choice, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(question);
        Guard.Defined(computation, "Impact.ComputationInvalid");
        var possible = ComputationsFor(question.Type);
        if (possible.Count == 0)
        {
            throw new DomainException("Impact.QuestionNotMeasurable", "A text or a ranking gives no figure.");
        }
        if (!possible.Contains(computation))
        {
            throw new DomainException("Impact.ComputationDoesNotFitQuestion", $"{computation} cannot be computed from a {question.Type} question.");
        }
        if (!computation.Fits(unit))
        {
            throw new DomainException("Impact.UnitDoesNotFitSource", $"{computation} does not give a value in {unit}.");
        }
        if (computation != AnswerComputation.ShareChoosing)
        {
            return null;
        }
        var chosen = choice?.Trim() ?? string.Empty;
        if (chosen.Length == 0 || !question.AcceptsChoice(chosen))
        {
            throw new DomainException("Impact.ChoiceRequired", "Say which answer the share counts.");
        }
        return chosen;
    }

    public static void CheckFigure(PlatformFigure figure, Cycle? cycle, ParticipationLevel? level, IndicatorUnit unit)
    {
        Guard.Defined(figure, "Impact.FigureInvalid");
        if (figure.NeedsLevel() && (cycle is not { } c || !Enum.IsDefined(c) || level is not { } l || !Enum.IsDefined(l)))
        {
            throw new DomainException("Impact.FigureNeedsLevel", "Say which cycle and which participation level are counted.");
        }
        if (!figure.Fits(unit))
        {
            throw new DomainException("Impact.UnitDoesNotFitSource", $"{figure} does not give a value in {unit}.");
        }
    }
}

/// <summary>
/// What PostgreSQL counted of the submitted answers to an indicator's question: how many respondents answered,
/// the mean and sum of the numbers, how many chose the counted answer, and when the latest of them was submitted.
/// </summary>
public sealed record AnswerTally(int Answered, decimal? Mean, decimal? Sum, int Choosing, DateTimeOffset LatestSubmittedAt);

/// <summary>
/// A measurement computed by the platform and waiting for a person to confirm or dismiss it. <see cref="Through"/>
/// is the moment the figure covers (the latest response counted): a later response makes a new proposal.
/// </summary>
public sealed record ProposedMeasurement(Guid IndicatorId, decimal Value, int Respondents, DateTimeOffset Through, bool FitsUnit);
