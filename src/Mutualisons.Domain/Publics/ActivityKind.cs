namespace Mutualisons.Domain.Publics;

public enum ActivityKind
{
    Workshop,
    BilateralMeeting,
    CoCreationDay,
    Questionnaire,
    SiteVisit,
    WorkingGroupMeeting,
}

public enum ActivityStatus
{
    Planned,
    Held,
    Postponed,
    Cancelled,
}
