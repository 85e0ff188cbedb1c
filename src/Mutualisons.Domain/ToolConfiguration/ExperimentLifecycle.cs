namespace Mutualisons.Domain.ToolConfiguration;

/// <summary>
/// Where an experiment stands. The Bota 75 path: a workshop proposes it, a working group investigates it, each
/// organisation validates it before it is really tested, it is evaluated, then adopted or dropped. It can be
/// postponed on the way, and a dropped one can come back.
/// </summary>
public enum ExperimentStatus
{
    Proposed,
    Investigating,
    AwaitingValidation,
    Validated,
    BeingTested,
    Evaluated,
    Adopted,
    Dropped,
    Postponed,
}

/// <summary>The moves an experiment may make, stated once for the domain and the pages that offer them.</summary>
public static class ExperimentLifecycle
{
    private static readonly Dictionary<ExperimentStatus, ExperimentStatus[]> Forward = new()
    {
        // Forward first, then a step back where the method allows one (the organisations ask for more
        // investigation; an evaluation calls for testing again).
        [ExperimentStatus.Proposed] = [ExperimentStatus.Investigating],
        [ExperimentStatus.Investigating] = [ExperimentStatus.AwaitingValidation, ExperimentStatus.Proposed],
        [ExperimentStatus.AwaitingValidation] = [ExperimentStatus.Validated, ExperimentStatus.Investigating],
        [ExperimentStatus.Validated] = [ExperimentStatus.BeingTested],
        [ExperimentStatus.BeingTested] = [ExperimentStatus.Evaluated],
        [ExperimentStatus.Evaluated] = [ExperimentStatus.Adopted, ExperimentStatus.BeingTested],
        [ExperimentStatus.Adopted] = [],
        // A dropped experiment comes back as a proposal: the situation changed, so it is looked at from the start
        // (and the organisations validate it again).
        [ExperimentStatus.Dropped] = [ExperimentStatus.Proposed],
        // A postponed one resumes where it stood: see Moves.
        [ExperimentStatus.Postponed] = [],
    };

    /// <summary>Whether the experiment is still on its way: it can be postponed or dropped.</summary>
    public static bool IsUnderWay(ExperimentStatus status) =>
        status is not (ExperimentStatus.Adopted or ExperimentStatus.Dropped or ExperimentStatus.Postponed);

    /// <summary>
    /// The statuses an experiment in <paramref name="status"/> may move to. <paramref name="postponedFrom"/> is
    /// where a postponed experiment stood, where it resumes.
    /// </summary>
    public static IReadOnlyList<ExperimentStatus> Moves(ExperimentStatus status, ExperimentStatus? postponedFrom = null)
    {
        var moves = new List<ExperimentStatus>(Forward.TryGetValue(status, out var forward) ? forward : []);
        if (status == ExperimentStatus.Postponed && postponedFrom is { } resumeTo)
        {
            moves.Add(resumeTo);
        }
        if (IsUnderWay(status))
        {
            moves.Add(ExperimentStatus.Postponed);
        }
        if (status != ExperimentStatus.Adopted && status != ExperimentStatus.Dropped)
        {
            moves.Add(ExperimentStatus.Dropped);
        }
        return moves;
    }
}

/// <summary>The four quadrants of the portfolio, by feasibility and expected impact.</summary>
public enum PortfolioQuadrant
{
    /// <summary>Feasible and impactful: start first.</summary>
    StartFirst,

    /// <summary>Impactful but hard: an ambitious project that needs preparation.</summary>
    Ambitious,

    /// <summary>Feasible, little impact: easy small steps.</summary>
    EasySteps,

    /// <summary>Hard and of little impact: to reconsider.</summary>
    Reconsider,
}

public static class PortfolioQuadrants
{
    /// <summary>A score of 4 or 5 is high: the quadrant lines run between 3 and 4.</summary>
    public const int HighFrom = 4;

    public static PortfolioQuadrant Of(int feasibility, int impact) => (feasibility >= HighFrom, impact >= HighFrom) switch
    {
        (true, true) => PortfolioQuadrant.StartFirst,
        (false, true) => PortfolioQuadrant.Ambitious,
        (true, false) => PortfolioQuadrant.EasySteps,
        _ => PortfolioQuadrant.Reconsider,
    };
}
