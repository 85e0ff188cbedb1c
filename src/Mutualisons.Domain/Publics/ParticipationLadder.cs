using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Publics;

/// <summary>The rule that turns taking part (attending a held activity, answering a questionnaire) into a reached level.</summary>
public static class ParticipationLadder
{
    /// <summary>A submitted questionnaire response is participation in the diagnosis: its people were consulted.</summary>
    public const Cycle AnsweringCycle = Cycle.Diagnostic;

    /// <summary>The level a submitted questionnaire response gives in <see cref="AnsweringCycle"/>.</summary>
    public const ParticipationLevel AnsweringLevel = ParticipationLevel.Consultation;

    /// <summary>
    /// The level a stakeholder reached in a cycle: the highest level offered by a held activity of that cycle
    /// they attended, and at least <see cref="AnsweringLevel"/> in the diagnosis once their organisation
    /// answered a questionnaire; none when they took part in nothing.
    /// </summary>
    public static ParticipationLevel? Derive(IEnumerable<Activity> activities, Guid stakeholderId, Cycle cycle, bool answeredQuestionnaire = false)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var attended = activities.Where(a => a.Offers(cycle, stakeholderId)).Select(a => (ParticipationLevel?)a.LevelOffered).Max();
        return answeredQuestionnaire && cycle == AnsweringCycle && (attended is null || attended < AnsweringLevel) ? AnsweringLevel : attended;
    }

    /// <summary>
    /// Derives again, after <paramref name="changed"/> was held or its attendance corrected, the reached level
    /// of a stakeholder in each cycle it serves, from the held activities of the lab they attended (the changed
    /// one included) and whether their organisation answered a questionnaire. Each move goes in their history,
    /// dated when the activity took place. <paramref name="servedBefore"/>: the cycles a revised activity served.
    /// </summary>
    public static void Rederive(Stakeholder stakeholder, Activity changed, IEnumerable<Activity> held, bool answeredQuestionnaire, DateTimeOffset now, IEnumerable<Cycle>? servedBefore = null)
    {
        ArgumentNullException.ThrowIfNull(stakeholder);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(held);
        var activities = held.Where(a => a.Id != changed.Id).Append(changed).ToList();
        // A revised activity may no longer serve a cycle it served: that level is derived again too.
        foreach (var cycle in changed.Cycles.Union(servedBefore ?? []))
        {
            stakeholder.RecordDerived(cycle, Derive(activities, stakeholder.Id, cycle, answeredQuestionnaire), changed.Title, now, changed.ScheduledAt);
        }
    }

    /// <summary>
    /// The organisation a stakeholder stands for submitted a questionnaire response: their level in the
    /// diagnosis rises to <see cref="AnsweringLevel"/> if it was lower, dated when they answered.
    /// </summary>
    public static void RecordAnswer(Stakeholder stakeholder, string questionnaireTitle, DateTimeOffset answeredAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stakeholder);
        var derived = stakeholder.In(AnsweringCycle).Derived;
        if (derived is null || derived < AnsweringLevel)
        {
            stakeholder.RecordDerived(AnsweringCycle, AnsweringLevel, questionnaireTitle, now, answeredAt);
        }
    }
}
