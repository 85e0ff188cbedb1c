using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Notebook;

/// <summary>
/// A case from elsewhere the lab learns from (a shared building, a knowledge network, a cooperative, an
/// employers' group, or one of the lab's own earlier experiments): what it is, the opportunities and the risks
/// it shows, and the cycles where it helps. It is a source of ideas, not a model to copy.
/// </summary>
public sealed class Inspiration : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Inspiration;

    private readonly List<Cycle> _cycles = [];
    private readonly List<MutualisationOpportunity> _opportunities = [];
    private readonly List<MutualisationRisk> _risks = [];

    private Inspiration()
    {
        Name = string.Empty;
        Where = string.Empty;
        Lesson = string.Empty;
        Link = string.Empty;
    }

    public Inspiration(Guid labId, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Where and who: a city, a country, an organisation.</summary>
    public string Where { get; private set; }

    /// <summary>What the case teaches the lab, in Markdown.</summary>
    public string Lesson { get; private set; }

    /// <summary>A page to read more (http or https), or empty.</summary>
    public string Link { get; private set; }

    /// <summary>The lab's own earlier experiment this case is, if it is one.</summary>
    public Guid? ExperimentId { get; private set; }

    public IReadOnlyList<Cycle> Cycles => _cycles;

    public IReadOnlyList<MutualisationOpportunity> Opportunities => _opportunities;

    public IReadOnlyList<MutualisationRisk> Risks => _risks;

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Describe(string name, string? where, string lesson, string? link)
    {
        Name = Guard.RequiredText(name, Limits.Name, "Inspiration.NameRequired", "The name");
        Where = Guard.OptionalText(where, Limits.ShortText, "Inspiration.TextTooLong", "The place");
        Lesson = Guard.RequiredText(lesson, Limits.LongText, "Inspiration.LessonRequired", "What it teaches");
        var url = Guard.OptionalText(link, Limits.Url, "Inspiration.TextTooLong", "The link");
        if (url.Length > 0 && !IsWebAddress(url))
        {
            throw new DomainException("Inspiration.LinkInvalid", "The link is a web address starting with http:// or https://.");
        }
        Link = url;
    }

    /// <summary>What the case shows: at least one opportunity or one risk, and the cycles it helps (any number, none for "all").</summary>
    public void Classify(IEnumerable<MutualisationOpportunity> opportunities, IEnumerable<MutualisationRisk> risks, IEnumerable<Cycle> cycles)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(cycles);
        var shown = opportunities.Distinct().Select(o => Guard.Defined(o, "Inspiration.Unknown")).Order().ToList();
        var warned = risks.Distinct().Select(r => Guard.Defined(r, "Inspiration.Unknown")).Order().ToList();
        if (shown.Count == 0 && warned.Count == 0)
        {
            throw new DomainException("Inspiration.NothingShown", "Say at least one opportunity or one risk the case shows.");
        }
        _opportunities.Clear();
        _opportunities.AddRange(shown);
        _risks.Clear();
        _risks.AddRange(warned);
        _cycles.Clear();
        _cycles.AddRange(cycles.Distinct().Select(c => Guard.Defined(c, "Inspiration.Unknown")).Order());
    }

    /// <summary>Marks the case as one of the lab's own experiments (or not); the caller checks it is the lab's.</summary>
    public void DrawnFrom(Guid? experimentId) => ExperimentId = experimentId;

    /// <summary>Whether it helps in <paramref name="cycle"/>: a case tied to no cycle helps in all.</summary>
    public bool Serves(Cycle cycle) => _cycles.Count == 0 || _cycles.Contains(cycle);

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);
}
