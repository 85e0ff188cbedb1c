using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Notebook;

/// <summary>
/// What the team writes itself for the lab's cahier de synthèse: its introduction. Everything else in the
/// cahier comes from the lab's data when it is generated. One per lab.
/// </summary>
public sealed class SynthesisNotebook : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.SynthesisNotebook;

    private SynthesisNotebook()
    {
        Introduction = string.Empty;
    }

    public SynthesisNotebook(Guid labId, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        UpdatedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    /// <summary>The introduction in Markdown: why the lab exists, who wrote the cahier, for whom.</summary>
    public string Introduction { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Introduce(string? introduction, DateTimeOffset now)
    {
        Introduction = Guard.OptionalText(introduction, Limits.Story, "Synthesis.IntroductionTooLong", "The introduction");
        UpdatedAt = Guard.Utc(now);
    }
}
