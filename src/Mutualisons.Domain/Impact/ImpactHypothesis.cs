using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Impact;

/// <summary>What an indicator is: its name, unit, which way is better, where it starts and where it aims.</summary>
public sealed record IndicatorDefinition(
    string Name,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    decimal BaselineValue,
    DateOnly BaselineDate,
    decimal? TargetValue,
    DateOnly? TargetDate,
    IndicatorSource Source = IndicatorSource.RecordedByHand);

/// <summary>
/// "Our activity has effects of this nature on these stakeholders": one organisation's impact hypothesis in a
/// lab, with the indicators that measure it, and its conclusion. Its status follows the notebook's four steps:
/// open when stated, being measured from the first measurement, concluded once impacts measured and impacts
/// not sought are written; a concluded hypothesis is reopened only with a reason, which is kept.
/// </summary>
public sealed class ImpactHypothesis : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.ImpactHypothesis;

    private readonly List<Indicator> _indicators = [];
    private readonly List<HypothesisReopening> _reopenings = [];

    private ImpactHypothesis()
    {
        Statement = string.Empty;
        Stakeholders = string.Empty;
        ImpactsMeasured = string.Empty;
        ImpactsNotSought = string.Empty;
        NextSteps = string.Empty;
    }

    public ImpactHypothesis(Guid labId, Guid organisationId, string statement, string? stakeholders, EffectSign sign, EffectNature nature, DateTimeOffset now) : this()
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainException("Lab.OrganisationRequired", "Choose an organisation.");
        }
        Id = Guid.CreateVersion7();
        LabId = labId;
        OrganisationId = organisationId;
        CreatedAt = Guard.Utc(now);
        Status = HypothesisStatus.Open;
        Revise(statement, stakeholders, sign, nature);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    /// <summary>The member organisation whose impact this is.</summary>
    public Guid OrganisationId { get; private set; }

    public string Statement { get; private set; }

    /// <summary>Who the effects fall on.</summary>
    public string Stakeholders { get; private set; }

    public EffectSign Sign { get; private set; }

    public EffectNature Nature { get; private set; }

    public HypothesisStatus Status { get; private set; }

    public string ImpactsMeasured { get; private set; }

    public string ImpactsNotSought { get; private set; }

    /// <summary>What the lab changes next, in the light of the conclusion.</summary>
    public string NextSteps { get; private set; }

    public DateTimeOffset? ConcludedAt { get; private set; }

    public Guid? ConcludedBy { get; private set; }

    /// <summary>Set when the conclusion was written while no indicator had a single measurement: allowed, but the page says so.</summary>
    public bool ConcludedUnmeasured { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<Indicator> Indicators => _indicators;

    /// <summary>The reopenings loaded with the hypothesis or made through it; the full list is read by queries.</summary>
    public IReadOnlyList<HypothesisReopening> Reopenings => _reopenings;

    /// <summary>Whether any of its indicators has a measurement.</summary>
    public bool HasMeasurements => _indicators.Any(i => i.MeasurementCount > 0);

    public void Revise(string statement, string? stakeholders, EffectSign sign, EffectNature nature)
    {
        Statement = Guard.RequiredText(statement, Limits.LongText, "Impact.HypothesisRequired", "The hypothesis");
        Stakeholders = Guard.OptionalText(stakeholders, Limits.ShortText, "Impact.TextTooLong", "The stakeholders");
        Sign = Guard.Defined(sign, "Impact.SignInvalid");
        Nature = Guard.Defined(nature, "Impact.NatureInvalid");
    }

    public Indicator AddIndicator(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var indicator = new Indicator(Id, definition);
        EnsureNameFree(indicator.Name, null);
        _indicators.Add(indicator);
        return indicator;
    }

    /// <summary>Changes an indicator; its unit can change only while no measurement would stop fitting it, so a unit change is refused once it is measured.</summary>
    public void ReviseIndicator(Guid indicatorId, IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var indicator = IndicatorOf(indicatorId);
        EnsureNameFree(definition.Name, indicatorId);
        indicator.Define(definition);
    }

    public void RemoveIndicator(Guid indicatorId) => _indicators.Remove(IndicatorOf(indicatorId));

    public Indicator IndicatorOf(Guid indicatorId) =>
        _indicators.SingleOrDefault(i => i.Id == indicatorId) ?? throw new DomainException("Impact.IndicatorNotFound", "This indicator is not one of this hypothesis.");

    /// <summary>
    /// Records a dated value of an indicator: it must fit the unit and not be dated before the baseline. An open
    /// hypothesis is being measured from then on; a concluded one must be reopened first.
    /// </summary>
    public Measurement RecordMeasurement(Guid indicatorId, DateOnly on, decimal value, string? note, Guid? by, DateTimeOffset now)
    {
        if (Status == HypothesisStatus.Concluded)
        {
            throw new DomainException("Impact.HypothesisConcluded", "Reopen the hypothesis before measuring again.");
        }
        var indicator = IndicatorOf(indicatorId);
        var measurement = indicator.Record(on, value, note, by, now);
        Status = HypothesisStatus.BeingMeasured;
        return measurement;
    }

    /// <summary>Forgets a measurement typed by mistake (the caller removes its row).</summary>
    public void ForgetMeasurement(Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        IndicatorOf(measurement.IndicatorId).Forget();
        if (Status == HypothesisStatus.BeingMeasured && !HasMeasurements)
        {
            Status = HypothesisStatus.Open;
        }
    }

    public Evidence AddEvidence(Guid? indicatorId, EvidenceKind kind, string text, string? source, DateOnly on, Guid? by, DateTimeOffset now)
    {
        if (indicatorId is { } id)
        {
            IndicatorOf(id);
        }
        return new Evidence(Id, indicatorId, kind, text, source, on, by, now);
    }

    /// <summary>
    /// Writes the conclusion: impacts measured, impacts not sought, what the lab changes next. Allowed on a
    /// hypothesis never measured, which is then flagged so the page can say so.
    /// </summary>
    public void Conclude(string? impactsMeasured, string? impactsNotSought, string? nextSteps, Guid? by, DateTimeOffset now)
    {
        var measured = Guard.OptionalText(impactsMeasured, Limits.LongText, "Impact.TextTooLong", "The impacts measured");
        var notSought = Guard.OptionalText(impactsNotSought, Limits.LongText, "Impact.TextTooLong", "The impacts not sought");
        var next = Guard.OptionalText(nextSteps, Limits.LongText, "Impact.TextTooLong", "The next steps");
        if (measured.Length == 0 && notSought.Length == 0)
        {
            throw new DomainException("Impact.ConclusionRequired", "Say which impacts were measured or which were not sought.");
        }
        ImpactsMeasured = measured;
        ImpactsNotSought = notSought;
        NextSteps = next;
        ConcludedAt = Guard.Utc(now);
        ConcludedBy = by;
        ConcludedUnmeasured = !HasMeasurements;
        Status = HypothesisStatus.Concluded;
    }

    /// <summary>Opens a concluded hypothesis again; the reason is kept, with the conclusion it set aside.</summary>
    public HypothesisReopening Reopen(string reason, Guid? by, DateTimeOffset now)
    {
        if (Status != HypothesisStatus.Concluded)
        {
            throw new DomainException("Impact.NotConcluded", "Only a concluded hypothesis can be reopened.");
        }
        var why = Guard.RequiredText(reason, Limits.Reason, "Impact.ReopenReasonRequired", "The reason");
        var reopening = new HypothesisReopening(Id, why, ImpactsMeasured, ImpactsNotSought, by, Guard.Utc(now));
        _reopenings.Add(reopening);
        Status = HasMeasurements ? HypothesisStatus.BeingMeasured : HypothesisStatus.Open;
        ConcludedUnmeasured = false;
        return reopening;
    }

    private void EnsureNameFree(string name, Guid? except)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (_indicators.Any(i => i.Id != except && string.Equals(i.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("Impact.IndicatorNameTaken", "Another indicator of this hypothesis has this name.");
        }
    }
}

/// <summary>What an indicator measures and between which figures: baseline, target, and the measurements recorded.</summary>
public sealed class Indicator
{
    private Indicator()
    {
        Name = string.Empty;
    }

    internal Indicator(Guid hypothesisId, IndicatorDefinition definition) : this()
    {
        Id = Guid.CreateVersion7();
        HypothesisId = hypothesisId;
        Define(definition);
    }

    public Guid Id { get; private set; }

    public Guid HypothesisId { get; private set; }

    public string Name { get; private set; }

    public IndicatorUnit Unit { get; private set; }

    public IndicatorDirection Direction { get; private set; }

    public decimal BaselineValue { get; private set; }

    public DateOnly BaselineDate { get; private set; }

    public decimal? TargetValue { get; private set; }

    public DateOnly? TargetDate { get; private set; }

    public IndicatorSource Source { get; private set; }

    /// <summary>How many measurements exist: the hypothesis knows whether it was ever measured without loading them.</summary>
    public int MeasurementCount { get; private set; }

    /// <summary>The earliest measurement's day, so a new baseline cannot be moved after it.</summary>
    public DateOnly? FirstMeasuredOn { get; private set; }

    internal void Define(IndicatorDefinition definition)
    {
        var unit = Guard.Defined(definition.Unit, "Impact.UnitInvalid");
        if (MeasurementCount > 0 && unit != Unit)
        {
            throw new DomainException("Impact.UnitLocked", "The unit of a measured indicator cannot change.");
        }
        if (FirstMeasuredOn is { } first && definition.BaselineDate > first)
        {
            throw new DomainException("Impact.MeasurementBeforeBaseline", "The baseline cannot be dated after a measurement.");
        }
        if (definition.TargetValue.HasValue != definition.TargetDate.HasValue)
        {
            throw new DomainException("Impact.TargetIncomplete", "A target needs both a value and a date.");
        }
        if (definition.TargetDate is { } targetDate && targetDate < definition.BaselineDate)
        {
            throw new DomainException("Impact.TargetBeforeBaseline", "The target cannot be dated before the baseline.");
        }
        Name = Guard.RequiredText(definition.Name, Limits.Name, "Impact.IndicatorNameRequired", "The indicator's name");
        Unit = unit;
        Direction = Guard.Defined(definition.Direction, "Impact.DirectionInvalid");
        Source = Guard.Defined(definition.Source, "Impact.SourceInvalid");
        BaselineValue = unit.Check(definition.BaselineValue);
        BaselineDate = definition.BaselineDate;
        TargetValue = definition.TargetValue is { } target ? unit.Check(target) : null;
        TargetDate = definition.TargetDate;
    }

    internal Measurement Record(DateOnly on, decimal value, string? note, Guid? by, DateTimeOffset now)
    {
        if (on < BaselineDate)
        {
            throw new DomainException("Impact.MeasurementBeforeBaseline", "A measurement cannot be dated before the baseline.");
        }
        var measurement = new Measurement(Id, on, Unit.Check(value), note, by, now);
        MeasurementCount++;
        FirstMeasuredOn = FirstMeasuredOn is { } first && first < on ? first : on;
        return measurement;
    }

    internal void Forget()
    {
        MeasurementCount = Math.Max(0, MeasurementCount - 1);
        if (MeasurementCount == 0)
        {
            FirstMeasuredOn = null;
        }
    }

    /// <summary>Whether <paramref name="value"/> reaches the target, in the indicator's direction; null without a target.</summary>
    public bool? Reaches(decimal value) => TargetValue is { } target
        ? Direction == IndicatorDirection.HigherIsBetter ? value >= target : value <= target
        : null;
}

/// <summary>A dated value of an indicator, with a note and who recorded it. Stored on its own: they only grow.</summary>
public sealed class Measurement
{
    private Measurement()
    {
        Note = string.Empty;
    }

    internal Measurement(Guid indicatorId, DateOnly on, decimal value, string? note, Guid? by, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        IndicatorId = indicatorId;
        MeasuredOn = on;
        Value = value;
        Note = Guard.OptionalText(note, Limits.Reason, "Impact.TextTooLong", "The note");
        RecordedBy = by;
        RecordedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid IndicatorId { get; private set; }

    public DateOnly MeasuredOn { get; private set; }

    public decimal Value { get; private set; }

    public string Note { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A quote or an observation that tells what figures do not, attached to a hypothesis or one of its indicators.</summary>
public sealed class Evidence
{
    private Evidence()
    {
        Text = string.Empty;
        Source = string.Empty;
    }

    internal Evidence(Guid hypothesisId, Guid? indicatorId, EvidenceKind kind, string text, string? source, DateOnly on, Guid? by, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        HypothesisId = hypothesisId;
        IndicatorId = indicatorId;
        Kind = Guard.Defined(kind, "Impact.EvidenceKindInvalid");
        Text = Guard.RequiredText(text, Limits.LongText, "Impact.EvidenceRequired", "The quote or observation");
        Source = Guard.OptionalText(source, Limits.ShortText, "Impact.TextTooLong", "The source");
        ObservedOn = on;
        RecordedBy = by;
        RecordedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid HypothesisId { get; private set; }

    public Guid? IndicatorId { get; private set; }

    public EvidenceKind Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>Who said it or who saw it.</summary>
    public string Source { get; private set; }

    public DateOnly ObservedOn { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>Why a concluded hypothesis was opened again, and the conclusion it set aside.</summary>
public sealed class HypothesisReopening
{
    private HypothesisReopening()
    {
        Reason = string.Empty;
        ImpactsMeasured = string.Empty;
        ImpactsNotSought = string.Empty;
    }

    internal HypothesisReopening(Guid hypothesisId, string reason, string impactsMeasured, string impactsNotSought, Guid? by, DateTimeOffset at) : this()
    {
        Id = Guid.CreateVersion7();
        HypothesisId = hypothesisId;
        Reason = reason;
        ImpactsMeasured = impactsMeasured;
        ImpactsNotSought = impactsNotSought;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid HypothesisId { get; private set; }

    public string Reason { get; private set; }

    public string ImpactsMeasured { get; private set; }

    public string ImpactsNotSought { get; private set; }

    public Guid? By { get; private set; }

    public DateTimeOffset At { get; private set; }
}
