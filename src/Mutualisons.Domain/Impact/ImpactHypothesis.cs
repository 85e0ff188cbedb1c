using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Impact;

/// <summary>What an indicator is: its name, unit, which way is better, where it starts and where it aims.</summary>
public sealed record IndicatorDefinition(
    string Name,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    decimal BaselineValue,
    DateOnly BaselineDate,
    decimal? TargetValue,
    DateOnly? TargetDate);

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

    /// <summary>
    /// Corrects a measurement typed wrong: the same rules as recording it (the value fits the unit, the day is not
    /// before the baseline, the hypothesis is not concluded). <paramref name="earliestOther"/> is the day of the
    /// indicator's earliest other measurement, so the baseline's limit follows the corrected day.
    /// </summary>
    public void ReviseMeasurement(Measurement measurement, DateOnly on, decimal value, string? note, DateOnly? earliestOther)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (Status == HypothesisStatus.Concluded)
        {
            throw new DomainException("Impact.HypothesisConcluded", "Reopen the hypothesis before measuring again.");
        }
        IndicatorOf(measurement.IndicatorId).Revise(measurement, on, value, note, earliestOther);
    }

    /// <summary>Removes a quote or an observation of this hypothesis (the caller removes its row).</summary>
    public void RemoveEvidence(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.HypothesisId != Id)
        {
            throw new DomainException("Impact.EvidenceNotFound", "This quote or observation is not one of this hypothesis.");
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

    /// <summary>
    /// Copies a catalogue entry into this hypothesis as a new indicator, named in <paramref name="language"/>:
    /// the copy is the lab's own, the catalogue never changes.
    /// </summary>
    public Indicator AddFromCatalogue(CatalogueEntry entry, string language, decimal baselineValue, DateOnly baselineDate, decimal? targetValue, DateOnly? targetDate)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var indicator = AddIndicator(new IndicatorDefinition(entry.Name.In(language), entry.Unit, entry.Direction, baselineValue, baselineDate, targetValue, targetDate));
        indicator.FromCatalogue(entry.Key);
        return indicator;
    }

    /// <summary>Copies one of this lab's own catalogue entries into this hypothesis; another lab's entry is refused.</summary>
    public Indicator AddFromLabCatalogue(LabCatalogueEntry entry, decimal baselineValue, DateOnly baselineDate, decimal? targetValue, DateOnly? targetDate)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.LabId != LabId)
        {
            throw new DomainException("Impact.EntryOfAnotherLab", "Only this lab's own catalogue entries can be copied into its hypotheses.");
        }
        var indicator = AddIndicator(new IndicatorDefinition(entry.Name, entry.Unit, entry.Direction, baselineValue, baselineDate, targetValue, targetDate));
        indicator.FromCatalogue(entry.Key);
        return indicator;
    }

    /// <summary>
    /// Sources an indicator from a question of one of this lab's questionnaires: a question of another lab's
    /// questionnaire is refused, and the computation must fit both the question and the indicator's unit.
    /// </summary>
    public void SourceFromQuestion(Guid indicatorId, Questionnaire questionnaire, Guid questionId, AnswerComputation computation, string? choice)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        EnsureOfThisLab(questionnaire);
        var question = questionnaire.Draft.FindQuestion(questionId)
            ?? throw new DomainException("Impact.QuestionNotFound", "This question is not in the questionnaire.");
        IndicatorOf(indicatorId).SourceFromQuestion(questionnaire.Id, question, computation, choice);
    }

    /// <summary>
    /// "Collect by questionnaire": adds the indicator's ready question to a questionnaire of this lab that was
    /// never published (through the questionnaire's own draft rules) and sources the indicator from it.
    /// </summary>
    /// <param name="ready">The question of the lab's catalogue entry the indicator was copied from; null for the built-in catalogue's (or one named after the indicator).</param>
    public QuestionDefinition CollectByQuestionnaire(Guid indicatorId, Questionnaire questionnaire, DateTimeOffset now, ReadyQuestion? ready = null)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        EnsureOfThisLab(questionnaire);
        if (questionnaire.CurrentVersionId is not null)
        {
            throw new DomainException("Impact.QuestionnairePublished", "A published questionnaire is not changed from here: choose a draft or a new one.");
        }
        var indicator = IndicatorOf(indicatorId);
        ready = ready is not null && ready.Computation.Fits(indicator.Unit) ? ready : IndicatorCatalogue.ReadyQuestionFor(indicator);
        var question = ready.Create();
        var content = questionnaire.Draft.Copy();
        var section = content.Sections.LastOrDefault();
        if (section is null)
        {
            section = new SectionDefinition { Title = IndicatorCatalogue.SectionTitle.Copy() };
            content.Sections.Add(section);
        }
        section.Questions.Add(question.Question);
        questionnaire.ReviseDraft(content, now);
        indicator.SourceFromQuestion(questionnaire.Id, question.Question, ready.Computation, question.Choice);
        return question.Question;
    }

    public void SourceFromFigure(Guid indicatorId, PlatformFigure figure, Cycle? cycle, ParticipationLevel? level) =>
        IndicatorOf(indicatorId).SourceFromFigure(figure, cycle, level);

    /// <summary>Back to figures typed by hand; measurements already recorded stay.</summary>
    public void SourceByHand(Guid indicatorId) => IndicatorOf(indicatorId).SourceByHand();

    /// <summary>
    /// Turns a proposal into an ordinary measurement, dated <paramref name="on"/> and recorded by the person who
    /// confirms it; the responses it counted make no new proposal.
    /// </summary>
    public Measurement ConfirmProposal(ProposedMeasurement proposal, DateOnly on, string? note, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var indicator = IndicatorOf(proposal.IndicatorId);
        indicator.Settle(proposal, dismissed: false);
        return RecordMeasurement(indicator.Id, on, proposal.Value, note, by, now);
    }

    /// <summary>Sets a proposal aside: the responses it counted make no new proposal.</summary>
    public void DismissProposal(ProposedMeasurement proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        IndicatorOf(proposal.IndicatorId).Settle(proposal, dismissed: true);
    }

    private void EnsureOfThisLab(Questionnaire questionnaire)
    {
        if (questionnaire.LabId != LabId)
        {
            throw new DomainException("Impact.QuestionnaireOfAnotherLab", "Only a questionnaire of this lab can feed its indicators.");
        }
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
        Source = IndicatorSource.RecordedByHand;
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

    /// <summary>The catalogue entry this indicator was copied from, if any: its ready question can be asked.</summary>
    public string? CatalogueKey { get; private set; }

    /// <summary>Questionnaire source: the lab's questionnaire and the question whose answers are computed.</summary>
    public Guid? QuestionnaireId { get; private set; }

    public Guid? QuestionId { get; private set; }

    public AnswerComputation? Computation { get; private set; }

    /// <summary>For a share: the answer counted (an option key, "yes", a resource kind).</summary>
    public string? Choice { get; private set; }

    /// <summary>Platform source: the figure followed, and for participation the cycle and the lowest level counted.</summary>
    public PlatformFigure? Figure { get; private set; }

    public Cycle? FigureCycle { get; private set; }

    public ParticipationLevel? FigureLevel { get; private set; }

    /// <summary>
    /// The moment up to which computed proposals were confirmed or dismissed: only responses submitted later
    /// make a new proposal, so a dismissed figure does not come back.
    /// </summary>
    public DateTimeOffset? ProposalsSettledThrough { get; private set; }

    /// <summary>
    /// A platform figure's value the pilot group set aside: it is not proposed again until the figure moves.
    /// </summary>
    public decimal? DismissedFigure { get; private set; }

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
        // A computed source decides the unit: a share stays a percentage, whatever the form sends.
        if (!SourceFits(unit))
        {
            throw new DomainException("Impact.UnitDoesNotFitSource", "This unit does not fit the indicator's source.");
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
        BaselineValue = unit.Check(definition.BaselineValue);
        BaselineDate = definition.BaselineDate;
        TargetValue = definition.TargetValue is { } target ? unit.Check(target) : null;
        TargetDate = definition.TargetDate;
    }

    internal void FromCatalogue(string key) => CatalogueKey = key;

    internal void SourceFromQuestion(Guid questionnaireId, QuestionDefinition question, AnswerComputation computation, string? choice)
    {
        var kept = IndicatorSourcing.CheckQuestion(question, computation, choice, Unit);
        ClearSource();
        Source = IndicatorSource.Questionnaire;
        QuestionnaireId = questionnaireId;
        QuestionId = question.Id;
        Computation = computation;
        Choice = kept;
    }

    internal void SourceFromFigure(PlatformFigure figure, Cycle? cycle, ParticipationLevel? level)
    {
        IndicatorSourcing.CheckFigure(figure, cycle, level, Unit);
        ClearSource();
        Source = IndicatorSource.PlatformFigure;
        Figure = figure;
        FigureCycle = figure.NeedsLevel() ? cycle : null;
        FigureLevel = figure.NeedsLevel() ? level : null;
    }

    internal void SourceByHand() => ClearSource();

    private void ClearSource()
    {
        Source = IndicatorSource.RecordedByHand;
        QuestionnaireId = null;
        QuestionId = null;
        Computation = null;
        Choice = null;
        Figure = null;
        FigureCycle = null;
        FigureLevel = null;
        ProposalsSettledThrough = null;
        DismissedFigure = null;
    }

    private bool SourceFits(IndicatorUnit unit) => Source switch
    {
        IndicatorSource.Questionnaire => Computation is not { } c || c.Fits(unit),
        IndicatorSource.PlatformFigure => Figure is not { } f || f.Fits(unit),
        _ => true,
    };

    /// <summary>
    /// The measurement the answers counted by PostgreSQL propose, or null when there is nothing new: no
    /// respondent answered, or every response counted was already confirmed or dismissed.
    /// </summary>
    public ProposedMeasurement? Propose(AnswerTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (Source != IndicatorSource.Questionnaire || Computation is not { } computation || tally.Answered == 0
            || (ProposalsSettledThrough is { } settled && tally.LatestSubmittedAt <= settled))
        {
            return null;
        }
        decimal? value = computation switch
        {
            AnswerComputation.MeanOfScale or AnswerComputation.MeanOfNumber => tally.Mean,
            AnswerComputation.SumOfNumber => tally.Sum,
            AnswerComputation.ShareChoosing => 100m * tally.Choosing / tally.Answered,
            _ => null,
        };
        if (value is not { } figure)
        {
            return null;
        }
        // Stored with four decimals; a share or a mean reads better with two.
        var rounded = Math.Round(figure, computation == AnswerComputation.SumOfNumber ? 4 : 2, MidpointRounding.AwayFromZero);
        return new ProposedMeasurement(Id, rounded, tally.Answered, Guard.Utc(tally.LatestSubmittedAt), Unit.Fits(rounded));
    }

    /// <summary>
    /// The platform's current figure proposed as a measurement, unless the latest measurement already says the same.
    /// </summary>
    public ProposedMeasurement? Propose(decimal currentFigure, decimal? latestMeasured, DateTimeOffset now)
    {
        var rounded = Math.Round(currentFigure, 2, MidpointRounding.AwayFromZero);
        if (Source != IndicatorSource.PlatformFigure || latestMeasured == rounded || DismissedFigure == rounded)
        {
            return null;
        }
        return new ProposedMeasurement(Id, rounded, 0, Guard.Utc(now), Unit.Fits(rounded));
    }

    internal void Settle(ProposedMeasurement proposal, bool dismissed)
    {
        if (Source == IndicatorSource.RecordedByHand)
        {
            throw new DomainException("Impact.NothingProposed", "Figures recorded by hand are not proposed.");
        }
        if (Source == IndicatorSource.Questionnaire && ProposalsSettledThrough is { } settled && proposal.Through <= settled)
        {
            throw new DomainException("Impact.ProposalSettled", "This proposal was already confirmed or dismissed.");
        }
        if (Source == IndicatorSource.Questionnaire)
        {
            ProposalsSettledThrough = proposal.Through;
        }
        else
        {
            // A figure has no "responses counted": the value itself is what was set aside.
            DismissedFigure = dismissed ? proposal.Value : null;
        }
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

    internal void Revise(Measurement measurement, DateOnly on, decimal value, string? note, DateOnly? earliestOther)
    {
        if (measurement.IndicatorId != Id)
        {
            throw new DomainException("Impact.IndicatorNotFound", "This measurement is not one of this indicator.");
        }
        if (on < BaselineDate)
        {
            throw new DomainException("Impact.MeasurementBeforeBaseline", "A measurement cannot be dated before the baseline.");
        }
        measurement.Correct(on, Unit.Check(value), note);
        FirstMeasuredOn = earliestOther is { } other && other < on ? other : on;
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

    internal void Correct(DateOnly on, decimal value, string? note)
    {
        Note = Guard.OptionalText(note, Limits.Reason, "Impact.TextTooLong", "The note");
        MeasuredOn = on;
        Value = value;
    }
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
