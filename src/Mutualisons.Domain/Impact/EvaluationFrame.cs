using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Impact;

/// <summary>Why a team evaluates its impact; several reasons often hold at once.</summary>
public enum EvaluationPurpose
{
    /// <summary>Check that the impacts the mission promises are reached.</summary>
    VerifyMission,

    /// <summary>Understand what the activities actually cause.</summary>
    UnderstandEffects,

    /// <summary>Find where to do better.</summary>
    FindImprovements,

    /// <summary>Show funders and partners that the action is worth supporting.</summary>
    ConvinceFunders,
}

/// <summary>Who the results of an evaluation are for: it shapes the methods, the indicators and the means.</summary>
public enum EvaluationAudience
{
    InternalStakeholders,
    Funders,
    PublicAuthorities,
    Public,
}

/// <summary>How impact is evaluated.</summary>
public enum EvaluationMethod
{
    Indicators,
    LogicModel,

    /// <summary>Putting a money value on the changes.</summary>
    Monetisation,

    /// <summary>Comparing with people or places the action did not reach.</summary>
    ComparisonGroup,
}

/// <summary>When the evaluation happens.</summary>
public enum EvaluationTiming
{
    /// <summary>Before the project: a forecast of the impacts expected.</summary>
    Before,

    /// <summary>After: were the objectives reached?</summary>
    After,

    /// <summary>All along, to steer the action.</summary>
    Continuous,
}

/// <summary>The four reasons impact is hard to grasp (Stievenart &amp; Pache, 2014); each is a prompt for the team's notes.</summary>
public enum ImpactComplexity
{
    Computational,
    Systemic,
    Epistemic,
    Axiological,
}

/// <summary>What a team writes in its evaluation frame; each text is optional but none too long.</summary>
public sealed record FrameText(
    IEnumerable<EvaluationPurpose> Purposes,
    IEnumerable<EvaluationAudience> Audiences,
    string? WhoCarriesIt,
    string? TimeAndMeans,
    IEnumerable<EvaluationMethod> Methods,
    IEnumerable<EvaluationTiming> Timings,
    IReadOnlyDictionary<ImpactComplexity, string?> ComplexityNotes);

/// <summary>
/// What a lab agrees on before evaluating impact — why, for whom, how and when — with its notes on the four
/// complexities. A lab has one; a member organisation that evaluates on its own may have its own too
/// (<see cref="OrganisationId"/> set).
/// </summary>
public sealed class EvaluationFrame : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.EvaluationFrame;

    private readonly List<EvaluationPurpose> _purposes = [];
    private readonly List<EvaluationAudience> _audiences = [];
    private readonly List<EvaluationMethod> _methods = [];
    private readonly List<EvaluationTiming> _timings = [];

    private EvaluationFrame()
    {
        WhoCarriesIt = string.Empty;
        TimeAndMeans = string.Empty;
        ComputationalNotes = string.Empty;
        SystemicNotes = string.Empty;
        EpistemicNotes = string.Empty;
        AxiologicalNotes = string.Empty;
    }

    /// <param name="organisationId">The member organisation whose own frame this is; null for the lab's.</param>
    public EvaluationFrame(Guid labId, Guid? organisationId, FrameText text, DateTimeOffset now) : this()
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Lab.OrganisationRequired", "Choose an organisation.");
        }
        Id = Guid.CreateVersion7();
        LabId = labId;
        OrganisationId = organisationId;
        Revise(text, now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    /// <summary>Null for the lab's frame; else the member organisation that evaluates on its own.</summary>
    public Guid? OrganisationId { get; private set; }

    public IReadOnlyList<EvaluationPurpose> Purposes => _purposes;

    public IReadOnlyList<EvaluationAudience> Audiences => _audiences;

    public string WhoCarriesIt { get; private set; }

    public string TimeAndMeans { get; private set; }

    public IReadOnlyList<EvaluationMethod> Methods => _methods;

    public IReadOnlyList<EvaluationTiming> Timings => _timings;

    public string ComputationalNotes { get; private set; }

    public string SystemicNotes { get; private set; }

    public string EpistemicNotes { get; private set; }

    public string AxiologicalNotes { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The team's note on one complexity.</summary>
    public string NotesOn(ImpactComplexity complexity) => complexity switch
    {
        ImpactComplexity.Computational => ComputationalNotes,
        ImpactComplexity.Systemic => SystemicNotes,
        ImpactComplexity.Epistemic => EpistemicNotes,
        ImpactComplexity.Axiological => AxiologicalNotes,
        _ => throw new DomainException("Impact.ComplexityInvalid", $"{complexity} is not a complexity of impact."),
    };

    /// <summary>Replaces the frame's answers. False when nothing changed (no audit line, no new version).</summary>
    public bool Revise(FrameText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(text.ComplexityNotes);
        var purposes = Set(text.Purposes, "Impact.PurposeInvalid");
        var audiences = Set(text.Audiences, "Impact.AudienceInvalid");
        var methods = Set(text.Methods, "Impact.MethodInvalid");
        var timings = Set(text.Timings, "Impact.TimingInvalid");
        if (text.ComplexityNotes.Keys.Any(k => !Enum.IsDefined(k)))
        {
            throw new DomainException("Impact.ComplexityInvalid", "A note is about a complexity that does not exist.");
        }
        var who = Guard.OptionalText(text.WhoCarriesIt, Limits.ShortText, "Impact.TextTooLong", "Who carries it");
        var means = Guard.OptionalText(text.TimeAndMeans, Limits.LongText, "Impact.TextTooLong", "The time and means");
        string Note(ImpactComplexity c) => Guard.OptionalText(text.ComplexityNotes.GetValueOrDefault(c), Limits.LongText, "Impact.TextTooLong", "A note");
        var computational = Note(ImpactComplexity.Computational);
        var systemic = Note(ImpactComplexity.Systemic);
        var epistemic = Note(ImpactComplexity.Epistemic);
        var axiological = Note(ImpactComplexity.Axiological);

        var same = purposes.SequenceEqual(_purposes) && audiences.SequenceEqual(_audiences) && methods.SequenceEqual(_methods) && timings.SequenceEqual(_timings)
            && who == WhoCarriesIt && means == TimeAndMeans
            && computational == ComputationalNotes && systemic == SystemicNotes && epistemic == EpistemicNotes && axiological == AxiologicalNotes;
        if (same && UpdatedAt != default)
        {
            return false;
        }
        Replace(_purposes, purposes);
        Replace(_audiences, audiences);
        Replace(_methods, methods);
        Replace(_timings, timings);
        WhoCarriesIt = who;
        TimeAndMeans = means;
        ComputationalNotes = computational;
        SystemicNotes = systemic;
        EpistemicNotes = epistemic;
        AxiologicalNotes = axiological;
        UpdatedAt = Guard.Utc(now);
        return true;
    }

    /// <summary>Whether anything is written yet: an empty frame is worth a prompt, not a summary.</summary>
    public bool IsEmpty => _purposes.Count + _audiences.Count + _methods.Count + _timings.Count == 0
        && WhoCarriesIt.Length + TimeAndMeans.Length + ComputationalNotes.Length + SystemicNotes.Length + EpistemicNotes.Length + AxiologicalNotes.Length == 0;

    private static List<T> Set<T>(IEnumerable<T> values, string code) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(v => Guard.Defined(v, code)).Distinct().Order()];
    }

    private static void Replace<T>(List<T> list, List<T> values)
    {
        list.Clear();
        list.AddRange(values);
    }
}
