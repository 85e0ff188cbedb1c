namespace Mutualisons.Domain.Organisations;

/// <summary>
/// Roles people hold inside an organisation. Bilateral meetings ask who decides, who can give time,
/// and the occupants of a shared building want to know who the IT or HR lead is.
/// </summary>
public enum ContactRole
{
    DecisionMaker,
    Coordinator,
    ItLead,
    HrLead,
    CommunicationLead,
    FinanceLead,
    Other,
}
