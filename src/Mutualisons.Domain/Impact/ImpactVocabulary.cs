namespace Mutualisons.Domain.Impact;

/// <summary>For whom an organisation wants to cause change: outside (beneficiaries, users, institutions) and inside (staff, volunteers).</summary>
public enum Audience
{
    Beneficiaries,
    Users,
    Institutions,
    Staff,
    Volunteers,
}

/// <summary>The nature of an effect, in the working definition of social impact.</summary>
public enum EffectNature
{
    Social,
    Economic,
    Environmental,
}

/// <summary>An impact is a change, positive or negative.</summary>
public enum EffectSign
{
    Positive,
    Negative,
}

/// <summary>Where a hypothesis stands in the chain hypothesis → indicators → data → conclusion.</summary>
public enum HypothesisStatus
{
    /// <summary>Stated, nothing measured yet.</summary>
    Open,

    /// <summary>At least one measurement recorded.</summary>
    BeingMeasured,

    /// <summary>Impacts measured and impacts not sought written down; can be reopened with a reason.</summary>
    Concluded,
}

/// <summary>Which way an indicator should move.</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// Where an indicator's figures come from: typed by hand, computed from the answers to a question of one of the
/// lab's cycle 1 questionnaires, or read from a figure the platform already holds. Computed figures are only
/// proposed: a person confirms them before they become measurements.
/// </summary>
public enum IndicatorSource
{
    RecordedByHand,
    Questionnaire,
    PlatformFigure,
}

/// <summary>What a piece of qualitative evidence is.</summary>
public enum EvidenceKind
{
    /// <summary>Someone's words, as they said them.</summary>
    Quote,

    /// <summary>Something seen by the team.</summary>
    Observation,
}
