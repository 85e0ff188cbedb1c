using System.Linq.Expressions;

namespace Mutualisons.Domain.Publics;

/// <summary>
/// When the pilot group's dashboard raises an alert: an activity put off too often, a lab quiet for too long.
/// Stated once, as expressions the database runs and methods the domain uses.
/// </summary>
public static class ParticipationAlerts
{
    /// <summary>Weeks without a held activity after which the lab is said to be quiet.</summary>
    public const int InactivityWeeks = 6;

    /// <summary>Postponements after which an activity still to come calls for attention.</summary>
    public const int PostponementsForAlert = 2;

    /// <summary>An activity still to come that was put off at least <see cref="PostponementsForAlert"/> times.</summary>
    public static readonly Expression<Func<Activity, bool>> PostponedTooOften =
        a => a.PostponementCount >= PostponementsForAlert && a.Status != ActivityStatus.Held && a.Status != ActivityStatus.Cancelled;

    private static readonly Func<Activity, bool> IsPostponedTooOften = PostponedTooOften.Compile();

    public static bool IsPostponedTooOftenNow(Activity activity) => IsPostponedTooOften(activity);

    /// <summary>
    /// Whole weeks since the last held activity (or since the lab opened, when none was held yet) when they
    /// reach <see cref="InactivityWeeks"/>; null while the lab is active.
    /// </summary>
    public static int? WeeksWithoutActivity(DateTimeOffset? lastHeld, DateTimeOffset labOpenedAt, DateTimeOffset now)
    {
        var weeks = (int)((now - (lastHeld ?? labOpenedAt)).TotalDays / 7);
        return weeks >= InactivityWeeks ? weeks : null;
    }
}
