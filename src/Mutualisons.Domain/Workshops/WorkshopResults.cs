using System.Globalization;

namespace Mutualisons.Domain.Workshops;

/// <summary>
/// The keys that name what a step votes on or places: another step's note or cluster, or one of the step's own
/// options. Answers store the key, so the item's text can change without losing the votes.
/// </summary>
public static class WorkshopItems
{
    public const int KeyLength = 40;

    public static string Note(Guid noteId) => "n:" + noteId.ToString("N");

    public static string Cluster(Guid clusterId) => "c:" + clusterId.ToString("N");

    public static string Option(int index) => "o:" + index.ToString(CultureInfo.InvariantCulture);

    public static Guid? NoteId(string key) => key.StartsWith("n:", StringComparison.Ordinal) && Guid.TryParseExact(key[2..], "N", out var id) ? id : null;

    public static Guid? ClusterId(string key) => key.StartsWith("c:", StringComparison.Ordinal) && Guid.TryParseExact(key[2..], "N", out var id) ? id : null;

    public static int? OptionIndex(string key) =>
        key.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(key[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
}

/// <summary>An item's dots: how many in all and from how many people.</summary>
public sealed record DotTally(string Item, int Dots, int Voters);

/// <summary>Where the room put an item on the 2×2: the median on each axis and the middle half's spread.</summary>
public sealed record MatrixPosition(string Item, int Placements, double MedianX, double MedianY, double LowX, double HighX, double LowY, double HighY)
{
    /// <summary>The median rounded to a 1–5 score (halves up), as an experiment's feasibility or impact.</summary>
    public static int Score(double median) => (int)Math.Round(median, MidpointRounding.AwayFromZero);
}

public enum ConsentOutcome
{
    /// <summary>Nobody has answered yet.</summary>
    NoAnswers,

    /// <summary>No objection and no concern.</summary>
    Consent,

    /// <summary>No objection, but concerns to hear.</summary>
    ConsentWithConcerns,

    /// <summary>At least one reasoned objection: the proposal is not good enough for now as it stands.</summary>
    Objection,
}

/// <summary>The step's rules for reading the room's answers: dot tallies, 2×2 medians, poll counts, consent outcome.</summary>
public static class WorkshopResults
{
    public static IReadOnlyList<DotTally> Dots(IEnumerable<WorkshopAnswer> answers) =>
        [.. answers.Where(a => a.Dots > 0).GroupBy(a => a.Item)
            .Select(g => new DotTally(g.Key, g.Sum(a => a.Dots), g.Select(a => a.ParticipantId).Distinct().Count()))
            .OrderByDescending(t => t.Dots).ThenByDescending(t => t.Voters).ThenBy(t => t.Item, StringComparer.Ordinal)];

    public static IReadOnlyList<MatrixPosition> Matrix(IEnumerable<WorkshopAnswer> answers) =>
        [.. answers.Where(a => a.X is not null && a.Y is not null).GroupBy(a => a.Item).Select(g =>
        {
            var xs = g.Select(a => (double)a.X!.Value).Order().ToList();
            var ys = g.Select(a => (double)a.Y!.Value).Order().ToList();
            return new MatrixPosition(g.Key, xs.Count, Quantile(xs, 0.5), Quantile(ys, 0.5), Quantile(xs, 0.25), Quantile(xs, 0.75), Quantile(ys, 0.25), Quantile(ys, 0.75));
        }).OrderBy(p => p.Item, StringComparer.Ordinal)];

    /// <summary>
    /// How many chose each option (single and multiple choice), each value (scale: 1 to 5), or, for a ranking,
    /// the points each option earned (first of n gets n points).
    /// </summary>
    public static IReadOnlyList<int> Poll(WorkshopStep step, IEnumerable<WorkshopAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(step);
        var size = step.PollKind == PollKind.Scale ? WorkshopStep.AxisMax : step.Options.Count;
        var counts = new int[size];
        foreach (var answer in answers)
        {
            var choices = answer.Choices;
            for (var rank = 0; rank < choices.Count; rank++)
            {
                var index = step.PollKind == PollKind.Scale ? choices[rank] - WorkshopStep.AxisMin : choices[rank];
                if (index >= 0 && index < size)
                {
                    counts[index] += step.PollKind == PollKind.Ranking ? size - rank : 1;
                }
            }
        }
        return counts;
    }

    public static ConsentOutcome Consent(IEnumerable<WorkshopAnswer> answers)
    {
        var positions = answers.Where(a => a.Consent is not null).Select(a => a.Consent!.Value).ToList();
        return positions.Count == 0 ? ConsentOutcome.NoAnswers
            : positions.Contains(ConsentPosition.Objection) ? ConsentOutcome.Objection
            : positions.Contains(ConsentPosition.Concern) ? ConsentOutcome.ConsentWithConcerns
            : ConsentOutcome.Consent;
    }

    /// <summary>The value below which a share <paramref name="q"/> of the sorted values lie, interpolated between neighbours.</summary>
    private static double Quantile(List<double> sorted, double q)
    {
        if (sorted.Count == 1)
        {
            return sorted[0];
        }
        var position = (sorted.Count - 1) * q;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
