using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Impact;

/// <summary>What an organisation writes in its impact statement; every text is optional but none too long.</summary>
public sealed record StatementText(
    string? Mission,
    string? ChangeSought,
    IEnumerable<Audience> Audiences,
    string? OtherAudiences,
    IEnumerable<EffectNature> Natures,
    string? Attribution,
    string? ChangeDescription,
    string? Significance);

/// <summary>The parts of a statement a revision can change, named in its history.</summary>
public enum StatementField
{
    Mission,
    ChangeSought,
    Audiences,
    OtherAudiences,
    Natures,
    Attribution,
    ChangeDescription,
    Significance,
}

/// <summary>
/// One member organisation's own social impact, as it defines it in a lab (the first of the notebook's two
/// levels): its mission, the change it wants to cause and for whom, the nature of the effects it seeks, and
/// its answers to the three guiding questions. Every save that changes something keeps a revision, so earlier
/// versions stay readable.
/// </summary>
public sealed class ImpactStatement : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.ImpactStatement;

    private readonly List<Audience> _audiences = [];
    private readonly List<EffectNature> _natures = [];
    private readonly List<ImpactStatementRevision> _revisions = [];

    private ImpactStatement()
    {
        Mission = string.Empty;
        ChangeSought = string.Empty;
        OtherAudiences = string.Empty;
        Attribution = string.Empty;
        ChangeDescription = string.Empty;
        Significance = string.Empty;
    }

    public ImpactStatement(Guid labId, Guid organisationId, StatementText text, Guid? by, DateTimeOffset now) : this()
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Lab.OrganisationRequired", "Choose an organisation.");
        }
        Id = Guid.CreateVersion7();
        LabId = labId;
        OrganisationId = organisationId;
        CreatedAt = Guard.Utc(now);
        if (!Revise(text, by, now))
        {
            // An empty first save still starts the history: the statement exists from then on.
            AddRevision([], by, now);
        }
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Mission { get; private set; }

    public string ChangeSought { get; private set; }

    public IReadOnlyList<Audience> Audiences => _audiences;

    public string OtherAudiences { get; private set; }

    public IReadOnlyList<EffectNature> Natures => _natures;

    /// <summary>What is ours once what would have happened anyway is taken away.</summary>
    public string Attribution { get; private set; }

    /// <summary>How we would describe the change we want to cause.</summary>
    public string ChangeDescription { get; private set; }

    /// <summary>Whether it makes a real difference compared with what exists.</summary>
    public string Significance { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>How many revisions exist, so a new one is numbered without loading the others.</summary>
    public int RevisionCount { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The revisions loaded with the statement or made through it; the full history is read by queries.</summary>
    public IReadOnlyList<ImpactStatementRevision> Revisions => _revisions;

    /// <summary>Replaces the statement's texts; keeps a revision naming what changed. False when nothing did.</summary>
    public bool Revise(StatementText text, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(text.Audiences);
        ArgumentNullException.ThrowIfNull(text.Natures);
        var mission = Guard.OptionalText(text.Mission, Limits.LongText, "Impact.TextTooLong", "The mission");
        var change = Guard.OptionalText(text.ChangeSought, Limits.LongText, "Impact.TextTooLong", "The change sought");
        var others = Guard.OptionalText(text.OtherAudiences, Limits.ShortText, "Impact.TextTooLong", "The other audiences");
        var attribution = Guard.OptionalText(text.Attribution, Limits.LongText, "Impact.TextTooLong", "The attribution");
        var description = Guard.OptionalText(text.ChangeDescription, Limits.LongText, "Impact.TextTooLong", "The change description");
        var significance = Guard.OptionalText(text.Significance, Limits.LongText, "Impact.TextTooLong", "The significance");
        var audiences = text.Audiences.Select(a => Guard.Defined(a, "Impact.AudienceInvalid")).Distinct().Order().ToList();
        var natures = text.Natures.Select(n => Guard.Defined(n, "Impact.NatureInvalid")).Distinct().Order().ToList();

        var changed = new List<StatementField>();
        void Compare(StatementField field, bool same)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }
        Compare(StatementField.Mission, mission == Mission);
        Compare(StatementField.ChangeSought, change == ChangeSought);
        Compare(StatementField.Audiences, audiences.SequenceEqual(_audiences));
        Compare(StatementField.OtherAudiences, others == OtherAudiences);
        Compare(StatementField.Natures, natures.SequenceEqual(_natures));
        Compare(StatementField.Attribution, attribution == Attribution);
        Compare(StatementField.ChangeDescription, description == ChangeDescription);
        Compare(StatementField.Significance, significance == Significance);
        if (changed.Count == 0)
        {
            return false;
        }

        Mission = mission;
        ChangeSought = change;
        OtherAudiences = others;
        Attribution = attribution;
        ChangeDescription = description;
        Significance = significance;
        _audiences.Clear();
        _audiences.AddRange(audiences);
        _natures.Clear();
        _natures.AddRange(natures);
        AddRevision(changed, by, now);
        return true;
    }

    private void AddRevision(IReadOnlyList<StatementField> changed, Guid? by, DateTimeOffset now)
    {
        RevisionCount++;
        UpdatedAt = Guard.Utc(now);
        _revisions.Add(new ImpactStatementRevision(RevisionCount, by, UpdatedAt, changed, this));
    }
}

/// <summary>The statement as one save left it: who, when, which parts changed, and every value then.</summary>
public sealed class ImpactStatementRevision
{
    private readonly List<StatementField> _changed = [];
    private readonly List<Audience> _audiences = [];
    private readonly List<EffectNature> _natures = [];

    private ImpactStatementRevision()
    {
        Mission = string.Empty;
        ChangeSought = string.Empty;
        OtherAudiences = string.Empty;
        Attribution = string.Empty;
        ChangeDescription = string.Empty;
        Significance = string.Empty;
    }

    internal ImpactStatementRevision(int number, Guid? by, DateTimeOffset at, IEnumerable<StatementField> changed, ImpactStatement statement) : this()
    {
        Id = Guid.CreateVersion7();
        Number = number;
        By = by;
        At = at;
        _changed.AddRange(changed);
        Mission = statement.Mission;
        ChangeSought = statement.ChangeSought;
        _audiences.AddRange(statement.Audiences);
        OtherAudiences = statement.OtherAudiences;
        _natures.AddRange(statement.Natures);
        Attribution = statement.Attribution;
        ChangeDescription = statement.ChangeDescription;
        Significance = statement.Significance;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first save, then one more for each save that changed something.</summary>
    public int Number { get; private set; }

    /// <summary>Who saved it; null once their account is deleted.</summary>
    public Guid? By { get; private set; }

    public DateTimeOffset At { get; private set; }

    public IReadOnlyList<StatementField> Changed => _changed;

    public string Mission { get; private set; }

    public string ChangeSought { get; private set; }

    public IReadOnlyList<Audience> Audiences => _audiences;

    public string OtherAudiences { get; private set; }

    public IReadOnlyList<EffectNature> Natures => _natures;

    public string Attribution { get; private set; }

    public string ChangeDescription { get; private set; }

    public string Significance { get; private set; }
}
