namespace Mutualisons.Domain.Common;

/// <summary>
/// An aggregate that belongs to one lab and guards itself against stale edits: the web layer's one write path
/// (check the right on <see cref="LabId"/>, compare <see cref="Version"/>, call a domain method, audit, save)
/// works for any type that says this much about itself, cycles to come included.
/// </summary>
public interface ILabOwned
{
    Guid Id { get; }

    Guid LabId { get; }

    /// <summary>Concurrency token: the version the user saw must still be the stored one.</summary>
    uint Version { get; }

    /// <summary>What the audit trail calls this kind of thing; one of <see cref="Audit.AuditSubject"/>.</summary>
    static abstract string AuditSubject { get; }
}
