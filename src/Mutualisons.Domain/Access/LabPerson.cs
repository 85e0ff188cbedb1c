namespace Mutualisons.Domain.Access;

/// <summary>A person's role in one lab, and the organisation they speak for there, if any.</summary>
public sealed class LabPerson
{
    private LabPerson() { }

    internal LabPerson(Guid personId, LabRole role, Guid? organisationId, DateTimeOffset since)
    {
        PersonId = personId;
        Role = role;
        OrganisationId = organisationId;
        Since = since;
    }

    public Guid PersonId { get; private set; }

    public LabRole Role { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public DateTimeOffset Since { get; private set; }

    /// <summary>What this person takes on for the lab (keeps the process alive, runs a working group…).</summary>
    public string Responsibilities { get; private set; } = string.Empty;

    internal void Describe(string responsibilities) => Responsibilities = responsibilities;

    internal void Change(LabRole role, Guid? organisationId)
    {
        Role = role;
        OrganisationId = organisationId;
    }
}
