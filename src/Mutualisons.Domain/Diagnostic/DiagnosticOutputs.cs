using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Diagnostic;

/// <summary>A need the diagnosis found, with the resource it calls for, the impact it would improve and the responses it comes from.</summary>
public sealed class DiagnosticNeed : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Need;

    private readonly List<Guid> _sourceResponses = [];

    private DiagnosticNeed()
    {
        Text = string.Empty;
    }

    public DiagnosticNeed(Guid labId, string text, ResourceKind? resourceKind, ImpactObjective? impact, IEnumerable<Guid> sourceResponses, Guid? createdBy, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedBy = createdBy;
        CreatedAt = Guard.Utc(now);
        Describe(text, resourceKind, impact, sourceResponses);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Text { get; private set; }

    public ResourceKind? ResourceKind { get; private set; }

    public ImpactObjective? Impact { get; private set; }

    public IReadOnlyList<Guid> SourceResponses => _sourceResponses;

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Describe(string text, ResourceKind? resourceKind, ImpactObjective? impact, IEnumerable<Guid> sourceResponses)
    {
        ArgumentNullException.ThrowIfNull(sourceResponses);
        Text = Guard.RequiredText(text, Limits.LongText, "Need.TextRequired", "The need");
        ResourceKind = resourceKind is { } kind ? Guard.Defined(kind, "Need.ResourceKindInvalid") : null;
        Impact = impact is { } objective ? Guard.Defined(objective, "Need.ImpactInvalid") : null;
        _sourceResponses.Clear();
        _sourceResponses.AddRange(sourceResponses.Distinct());
    }
}

/// <summary>A resource the diagnosis suggests pooling (a room, a data set, a shared skill).</summary>
public sealed class CandidateResource : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Resource;

    private readonly List<Guid> _sourceResponses = [];

    private CandidateResource()
    {
        Name = string.Empty;
        Description = string.Empty;
    }

    public CandidateResource(Guid labId, string name, ResourceKind kind, string? description, IEnumerable<Guid> sourceResponses, Guid? createdBy, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        CreatedBy = createdBy;
        CreatedAt = Guard.Utc(now);
        Describe(name, kind, description, sourceResponses);
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Name { get; private set; }

    public ResourceKind Kind { get; private set; }

    public string Description { get; private set; }

    public IReadOnlyList<Guid> SourceResponses => _sourceResponses;

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public void Describe(string name, ResourceKind kind, string? description, IEnumerable<Guid> sourceResponses)
    {
        ArgumentNullException.ThrowIfNull(sourceResponses);
        Name = Guard.RequiredText(name, Limits.Name, "Resource.NameRequired", "The name");
        Kind = Guard.Defined(kind, "Resource.KindInvalid");
        Description = Guard.OptionalText(description, Limits.LongText, "Resource.DescriptionTooLong", "The description");
        _sourceResponses.Clear();
        _sourceResponses.AddRange(sourceResponses.Distinct());
    }
}
