using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Notebook;

/// <summary>How the pilot group feels about not knowing exactly where the process leads.</summary>
public enum NavigationWeather
{
    /// <summary>We know where we are going next.</summary>
    Clear,

    /// <summary>Some doubt, we carry on.</summary>
    Cloudy,

    /// <summary>We feel lost or stuck.</summary>
    Stormy,
}

/// <summary>Whether the pilot group wants someone from outside to facilitate for a while.</summary>
public enum FacilitationNeed
{
    No,
    Perhaps,
    Yes,
}

/// <summary>
/// The pilot group's periodic check-in on its navigation: where it stands, what worries it, how the
/// uncertainty feels and whether outside facilitation would help. Naming the discomfort together is part of
/// getting through it; the timeline shows it beside the journal of cycle moves.
/// </summary>
public sealed class NavigationCheckIn : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.NavigationCheckIn;

    private NavigationCheckIn()
    {
        WhereWeAre = string.Empty;
        Worries = string.Empty;
        RecordedBy = string.Empty;
    }

    public NavigationCheckIn(Guid labId, DateOnly heldOn, Cycle? focus, Guid? recorderId, string recordedBy, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        HeldOn = heldOn;
        Focus = focus is { } cycle ? Guard.Defined(cycle, "CheckIn.CycleUnknown") : null;
        RecordedById = recorderId;
        RecordedBy = recordedBy?.Trim() ?? string.Empty;
        RecordedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    /// <summary>The lab's focus when the check-in was held, so the timeline reads beside the journal.</summary>
    public Cycle? Focus { get; private set; }

    public string WhereWeAre { get; private set; }

    public string Worries { get; private set; }

    public NavigationWeather Weather { get; private set; }

    public FacilitationNeed Facilitation { get; private set; }

    public Guid? RecordedById { get; private set; }

    /// <summary>Who recorded it, as shown; empty once their account is deleted.</summary>
    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public void Record(string whereWeAre, string? worries, NavigationWeather weather, FacilitationNeed facilitation)
    {
        WhereWeAre = Guard.RequiredText(whereWeAre, Limits.LongText, "CheckIn.WhereRequired", "Where the group stands");
        Worries = Guard.OptionalText(worries, Limits.LongText, "CheckIn.TextTooLong", "What worries the group");
        Weather = Guard.Defined(weather, "CheckIn.Unknown");
        Facilitation = Guard.Defined(facilitation, "CheckIn.Unknown");
    }

    /// <summary>
    /// Whether the last check-ins call for outside help: the group asked for it, or it felt stormy twice in a
    /// row. Given newest first.
    /// </summary>
    public static bool CallForOutsideHelp(IReadOnlyList<NavigationCheckIn> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        if (newestFirst.Count == 0)
        {
            return false;
        }
        return newestFirst[0].Facilitation == FacilitationNeed.Yes
            || (newestFirst.Count >= 2 && newestFirst[0].Weather == NavigationWeather.Stormy && newestFirst[1].Weather == NavigationWeather.Stormy);
    }

}
