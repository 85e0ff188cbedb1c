using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.ToolConfiguration;

/// <summary>The four squares of a SWOT board: two looking inside the mutualisation, two looking at its context.</summary>
public enum SwotQuadrant
{
    Strength,
    Weakness,
    Opportunity,

    /// <summary>A threat, or in the 2018 notebook's words a risk.</summary>
    Threat,
}

/// <summary>
/// One line of a theme's SWOT board. The 2018 notebook suggests that each mutualisation's action plan analyse the
/// strengths, weaknesses, opportunities and risks of each theme (a place, workforce and expertise, information and
/// communication, an exchange system between alternatives, data): the themes are the pooled
/// <see cref="ResourceKind"/>s. An opportunity may name one of the notebook's opportunities it instances, a threat
/// one of its risks; an item may point at the experiments that build on it or answer it.
/// </summary>
public sealed class SwotItem : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.SwotItem;

    private readonly List<SwotItemExperiment> _experiments = [];

    private SwotItem()
    {
        Text = string.Empty;
    }

    public SwotItem(Guid labId, ResourceKind theme, Guid? by, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        Theme = Guard.Defined(theme, "Swot.Unknown");
        CreatedBy = by;
        CreatedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    /// <summary>The theme of the action plan whose board holds it.</summary>
    public ResourceKind Theme { get; private set; }

    public SwotQuadrant Quadrant { get; private set; }

    public string Text { get; private set; }

    /// <summary>The notebook's opportunity this opportunity instances; only in the opportunities square.</summary>
    public MutualisationOpportunity? Opportunity { get; private set; }

    /// <summary>The notebook's risk this threat instances; only in the threats square.</summary>
    public MutualisationRisk? Risk { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The experiments it is linked to, each once.</summary>
    public IReadOnlyList<SwotItemExperiment> Experiments => _experiments;

    /// <summary>
    /// Says what the item is. A prompt of the notebook belongs to its square: an opportunity to the opportunities,
    /// a risk to the threats.
    /// </summary>
    public void Describe(SwotQuadrant quadrant, string text, MutualisationOpportunity? opportunity, MutualisationRisk? risk)
    {
        Guard.Defined(quadrant, "Swot.Unknown");
        if (opportunity is { } o)
        {
            Guard.Defined(o, "Swot.Unknown");
        }
        if (risk is { } r)
        {
            Guard.Defined(r, "Swot.Unknown");
        }
        if (opportunity is not null && quadrant != SwotQuadrant.Opportunity)
        {
            throw new DomainException("Swot.OpportunityOutsideOpportunities", "A notebook opportunity is noted in the opportunities square.");
        }
        if (risk is not null && quadrant != SwotQuadrant.Threat)
        {
            throw new DomainException("Swot.RiskOutsideThreats", "A notebook risk is noted in the threats square.");
        }
        Text = Guard.RequiredText(text, Limits.Reason, "Swot.TextRequired", "The item");
        Quadrant = quadrant;
        Opportunity = opportunity;
        Risk = risk;
    }

    /// <summary>Links exactly these experiments, which must be the lab's own.</summary>
    public void LinkTo(IEnumerable<Experiment> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var wanted = experiments.ToList();
        if (wanted.Any(e => e.LabId != LabId))
        {
            throw new DomainException("Swot.ExperimentOfAnotherLab", "Only an experiment of this lab can be linked to its SWOT boards.");
        }
        var ids = wanted.Select(e => e.Id).ToHashSet();
        _experiments.RemoveAll(l => !ids.Contains(l.ExperimentId));
        _experiments.AddRange(ids.Where(id => _experiments.All(l => l.ExperimentId != id)).Select(id => new SwotItemExperiment(Id, id)));
    }

    /// <summary>The prompts of the notebook a square offers: its opportunities for the opportunities, its risks for the threats.</summary>
    public static IReadOnlyList<Enum> PromptsFor(SwotQuadrant quadrant) => quadrant switch
    {
        SwotQuadrant.Opportunity => [.. Enum.GetValues<MutualisationOpportunity>().Cast<Enum>()],
        SwotQuadrant.Threat => [.. Enum.GetValues<MutualisationRisk>().Cast<Enum>()],
        _ => [],
    };

    /// <summary>The notebook's prompt this item instances, if any.</summary>
    public Enum? Prompt => (Enum?)Opportunity ?? Risk;

    /// <summary>
    /// The prompts a square still offers once <paramref name="used"/> (the prompts its items instance) are taken
    /// away, in the notebook's order.
    /// </summary>
    public static IReadOnlyList<Enum> PromptsLeft(SwotQuadrant quadrant, IEnumerable<Enum?> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var taken = used.OfType<Enum>().ToHashSet();
        return [.. PromptsFor(quadrant).Where(p => !taken.Contains(p))];
    }
}

/// <summary>That a SWOT item bears on an experiment.</summary>
public sealed class SwotItemExperiment
{
    private SwotItemExperiment() { }

    internal SwotItemExperiment(Guid itemId, Guid experimentId)
    {
        ItemId = itemId;
        ExperimentId = experimentId;
    }

    public Guid ItemId { get; private set; }

    public Guid ExperimentId { get; private set; }
}
