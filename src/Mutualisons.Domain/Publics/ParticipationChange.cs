using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

public enum ParticipationAspect
{
    Target,
    Reached,
}

/// <summary>One change of a target or reached level, kept so the pilot group sees how the lab opened up.</summary>
public sealed class ParticipationChange
{
    private ParticipationChange()
    {
        Reason = string.Empty;
    }

    internal ParticipationChange(Cycle cycle, ParticipationAspect aspect, ParticipationLevel? from, ParticipationLevel? to, Guid? by, string reason, DateTimeOffset at, DateTimeOffset effectiveAt) : this()
    {
        Id = Guid.CreateVersion7();
        Cycle = cycle;
        Aspect = aspect;
        From = from;
        To = to;
        By = by;
        Reason = reason;
        At = at;
        EffectiveAt = effectiveAt;
    }

    public Guid Id { get; private set; }

    public Cycle Cycle { get; private set; }

    public ParticipationAspect Aspect { get; private set; }

    public ParticipationLevel? From { get; private set; }

    public ParticipationLevel? To { get; private set; }

    /// <summary>Who made the change; null when an attended activity raised it, or once the account is deleted.</summary>
    public Guid? By { get; private set; }

    public string Reason { get; private set; }

    /// <summary>When the change was recorded.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>
    /// When what changed the level took place: the day of the activity attended or the questionnaire answered,
    /// typed in later perhaps; the moment of recording for a change made by hand. The opening chart counts by it.
    /// </summary>
    public DateTimeOffset EffectiveAt { get; private set; }
}
