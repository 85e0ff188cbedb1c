using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Methods;

/// <summary>Why a method is suggested, or what holds it back.</summary>
public enum ChoiceReason
{
    /// <summary>One session holds everyone to reach.</summary>
    SuitsGroupSize,

    /// <summary>More people than one session holds: it must be run several times.</summary>
    MustBeRepeated,

    /// <summary>Fewer people than the method needs to work.</summary>
    GroupTooSmall,

    /// <summary>It can be prepared and run in the time available.</summary>
    FitsTime,

    /// <summary>It needs more weeks than are available.</summary>
    NeedsMoreTime,

    /// <summary>It asks little time and energy.</summary>
    Light,

    /// <summary>It asks much time and energy of organisers and participants.</summary>
    Demanding,
}

/// <summary>A reason with the figure it speaks of (runs needed, weeks needed), if any.</summary>
public sealed record ChoiceNote(ChoiceReason Reason, int Figure = 0)
{
    public bool Favours => Reason is ChoiceReason.SuitsGroupSize or ChoiceReason.FitsTime or ChoiceReason.Light;
}

/// <summary>A method that serves the cycle and offers the level sought, with its score (higher fits better) and why.</summary>
public sealed record MethodSuggestion(MethodDefinition Method, int Score, IReadOnlyList<ChoiceNote> Notes);

/// <summary>What a lab is looking for: a method for this cycle, at this participation level, for this many people, within so many weeks.</summary>
public sealed record MethodNeed(Cycle Cycle, ParticipationLevel Level, int People, int Weeks);

/// <summary>
/// Ranks the methods that serve a cycle at the participation level sought. No method is ruled out for its
/// size or cost, since a lab may well repeat workshops on purpose; each gets a score and the reasons behind it,
/// so the lab can weigh them.
/// </summary>
public static class MethodChooser
{
    public const int MostPeople = 100_000;
    public const int MostWeeks = 520;

    public static IReadOnlyList<MethodSuggestion> Suggest(MethodNeed need, IEnumerable<MethodDefinition>? methods = null)
    {
        ArgumentNullException.ThrowIfNull(need);
        return [.. (methods ?? MethodLibrary.All)
            .Where(m => m.Serves(need.Cycle) && m.Offers(need.Level))
            .Select(m => Weigh(m, need))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => (int)s.Method.Time + (int)s.Method.Energy)
            .ThenBy(s => s.Method.Key, StringComparer.Ordinal)];
    }

    private static MethodSuggestion Weigh(MethodDefinition method, MethodNeed need)
    {
        var notes = new List<ChoiceNote>();
        var score = 100;

        var runs = method.RunsToReach(need.People);
        if (need.People < method.SmallestGroup)
        {
            notes.Add(new ChoiceNote(ChoiceReason.GroupTooSmall, method.SmallestGroup));
            score -= 25;
        }
        else if (runs > 1)
        {
            // Each extra run costs what the method costs: repeating a heavy method weighs more than a light one.
            notes.Add(new ChoiceNote(ChoiceReason.MustBeRepeated, runs));
            score -= Math.Min(60, (runs - 1) * 4 * ((int)method.Time + (int)method.Energy));
        }
        else
        {
            notes.Add(new ChoiceNote(ChoiceReason.SuitsGroupSize));
        }

        if (need.Weeks < method.WeeksNeeded)
        {
            notes.Add(new ChoiceNote(ChoiceReason.NeedsMoreTime, method.WeeksNeeded));
            score -= 30;
        }
        else
        {
            notes.Add(new ChoiceNote(ChoiceReason.FitsTime, method.WeeksNeeded));
        }

        var cost = (int)method.Time + (int)method.Energy;
        score -= 5 * cost;
        if (cost <= 3)
        {
            notes.Add(new ChoiceNote(ChoiceReason.Light));
        }
        else if (cost >= 5)
        {
            notes.Add(new ChoiceNote(ChoiceReason.Demanding));
        }
        return new MethodSuggestion(method, score, notes);
    }
}
