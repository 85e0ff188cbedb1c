using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Workshops;

/// <summary>
/// One step of a template: its kind, its settings, and which earlier step of the template it works on (by
/// position, since a template's steps have no ids until copied into a workshop).
/// </summary>
public sealed record TemplateStep(WorkshopStepKind Kind, StepSettings Settings, int? SourceIndex = null);

/// <summary>
/// A sequence of steps a lab saved to run again (its own diagnostic or prioritisation workshop). Copying it
/// into a workshop adds its steps; the template stays as it was.
/// </summary>
public sealed class WorkshopTemplate : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.WorkshopTemplate;

    private List<TemplateStep> _steps = [];

    private WorkshopTemplate()
    {
        Name = string.Empty;
    }

    public WorkshopTemplate(Guid labId, string name, IEnumerable<TemplateStep> steps, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        Name = Guard.RequiredText(name, Limits.Name, "WorkshopTemplate.NameRequired", "The name");
        _steps = Checked(steps);
        CreatedAt = Guard.Utc(now);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<TemplateStep> Steps => _steps;

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Rename(string name) => Name = Guard.RequiredText(name, Limits.Name, "WorkshopTemplate.NameRequired", "The name");

    /// <summary>A template's steps, checked as a workshop would check them: trying them on a scratch workshop.</summary>
    private static List<TemplateStep> Checked(IEnumerable<TemplateStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        if (list.Count == 0)
        {
            throw new DomainException("WorkshopTemplate.Empty", "A template holds at least one step.");
        }
        var scratch = new Workshop(Guid.Empty, Guid.Empty, "template", DateTimeOffset.UnixEpoch);
        scratch.CopySteps(list);
        return list;
    }
}
