namespace Mutualisons.Domain.Labs;

/// <summary>
/// One move of the lab's focus between cycles. The journal shows where the lab has been and why it moved,
/// which is how a non-linear process stays legible.
/// </summary>
public sealed class JournalEntry
{
    private JournalEntry()
    {
        MovedBy = string.Empty;
        Reason = string.Empty;
    }

    internal JournalEntry(Cycle? from, Cycle to, DateTimeOffset movedAt, Guid? movedById, string movedBy, string reason)
    {
        Id = Guid.CreateVersion7();
        From = from;
        To = to;
        MovedAt = movedAt;
        MovedById = movedById;
        MovedBy = movedBy;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Cycle? From { get; private set; }

    public Cycle To { get; private set; }

    public DateTimeOffset MovedAt { get; private set; }

    /// <summary>The account that moved the focus, when it was moved by a signed-in person.</summary>
    public Guid? MovedById { get; private set; }

    /// <summary>The mover's name as shown; empty once their account is deleted.</summary>
    public string MovedBy { get; private set; }

    public string Reason { get; private set; }

    internal void Anonymise()
    {
        MovedById = null;
        MovedBy = string.Empty;
    }
}
