using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Diagnostic.Needs;

public sealed record SourceResponse(Guid ResponseId, Guid QuestionnaireId, string Label);

public sealed record NeedRow(Guid Id, string Text, ResourceKind? ResourceKind, ImpactObjective? Impact, IReadOnlyList<SourceResponse> Sources, uint Version);

public sealed record ResourceRow(Guid Id, string Name, ResourceKind Kind, string Description, IReadOnlyList<SourceResponse> Sources, uint Version);

/// <summary>What cycle 1 produced for a lab: the needs found and the resources worth pooling.</summary>
public sealed record DiagnosticOutputs(IReadOnlyList<NeedRow> Needs, IReadOnlyList<ResourceRow> Resources, bool CanEdit);

public sealed class NeedInput
{
    public string Text { get; set; } = string.Empty;

    public ResourceKind? ResourceKind { get; set; }

    public ImpactObjective? Impact { get; set; }

    public List<Guid> Sources { get; set; } = [];
}

public sealed class ResourceInput
{
    public string Name { get; set; } = string.Empty;

    public ResourceKind Kind { get; set; }

    public string Description { get; set; } = string.Empty;

    public List<Guid> Sources { get; set; } = [];
}

public sealed class NeedInputValidator : AbstractValidator<NeedInput>
{
    public NeedInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage(l["Need.TextRequired"]).MaximumLength(Limits.LongText).WithMessage(l["Validation.TooLong", Limits.LongText]);
        RuleFor(x => x.ResourceKind).IsInEnum().WithMessage(l["Validation.Invalid"]);
        RuleFor(x => x.Impact).IsInEnum().WithMessage(l["Validation.Invalid"]);
        RuleFor(x => x.Sources.Count).LessThanOrEqualTo(200).WithMessage(l["Validation.Invalid"]);
    }
}

public sealed class ResourceInputValidator : AbstractValidator<ResourceInput>
{
    public ResourceInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Resource.NameRequired"]).MaximumLength(Limits.Name).WithMessage(l["Validation.TooLong", Limits.Name]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.Invalid"]);
        RuleFor(x => x.Description).MaximumLength(Limits.LongText).WithMessage(l["Validation.TooLong", Limits.LongText]);
        RuleFor(x => x.Sources.Count).LessThanOrEqualTo(200).WithMessage(l["Validation.Invalid"]);
    }
}

public sealed class NeedsService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<NeedInput> needValidator,
    IValidator<ResourceInput> resourceValidator,
    IStringLocalizer<SharedResource> l)
{
    public async Task<DiagnosticOutputs?> GetAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var needs = await db.DiagnosticNeeds.AsNoTracking().Where(n => n.LabId == labId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var resources = await db.CandidateResources.AsNoTracking().Where(r => r.LabId == labId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var canRun = role.Allows(LabRight.RunQuestionnaires);
        // Only people who may read answers see which responses a need comes from.
        var sources = canRun
            ? await SourcesAsync(db, labId, [.. needs.SelectMany(n => n.SourceResponses), .. resources.SelectMany(r => r.SourceResponses)], cancellationToken)
            : [];
        IReadOnlyList<SourceResponse> Of(IEnumerable<Guid> ids) => [.. ids.Where(sources.ContainsKey).Select(id => sources[id])];
        return new DiagnosticOutputs(
            [.. needs.Select(n => new NeedRow(n.Id, n.Text, n.ResourceKind, n.Impact, Of(n.SourceResponses), n.Version))],
            [.. resources.Select(r => new ResourceRow(r.Id, r.Name, r.Kind, r.Description, Of(r.SourceResponses), r.Version))],
            canRun);
    }

    public Task<SaveResult> AddNeedAsync(Guid labId, NeedInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.RunQuestionnaires).Validating(input, needValidator).CreateAsync(async write =>
        {
            var need = new DiagnosticNeed(labId, input.Text, input.ResourceKind, input.Impact, await OwnResponsesAsync(write.Db, labId, input.Sources, write.CancellationToken), write.Actor.UserId, write.Now);
            return (need, need.Text);
        }, cancellationToken);
    }

    public Task<SaveResult> AddResourceAsync(Guid labId, ResourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.RunQuestionnaires).Validating(input, resourceValidator).CreateAsync(async write =>
        {
            var resource = new CandidateResource(labId, input.Name, input.Kind, input.Description, await OwnResponsesAsync(write.Db, labId, input.Sources, write.CancellationToken), write.Actor.UserId, write.Now);
            return (resource, resource.Name);
        }, cancellationToken);
    }

    public Task<SaveResult> DeleteNeedAsync(Guid labId, Guid needId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunQuestionnaires).DeleteAsync<DiagnosticNeed>(needId, version, (need, _) => need.Text, cancellationToken);

    public Task<SaveResult> DeleteResourceAsync(Guid labId, Guid resourceId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunQuestionnaires).DeleteAsync<CandidateResource>(resourceId, version, (resource, _) => resource.Name, cancellationToken);

    /// <summary>Keeps only responses to this lab's questionnaires: a need cannot cite another lab's answers.</summary>
    private static async Task<List<Guid>> OwnResponsesAsync(MutualisonsDbContext db, Guid labId, List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.QuestionnaireResponses.Where(r => ids.Contains(r.Id) && db.Questionnaires.Any(q => q.Id == r.QuestionnaireId && q.LabId == labId))
                .Select(r => r.Id).ToListAsync(cancellationToken);

    private async Task<Dictionary<Guid, SourceResponse>> SourcesAsync(MutualisonsDbContext db, Guid labId, List<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return [];
        }
        var rows = await db.QuestionnaireResponses.AsNoTracking()
            .Where(r => distinct.Contains(r.Id) && db.Questionnaires.Any(q => q.Id == r.QuestionnaireId && q.LabId == labId))
            .Select(r => new { r.Id, r.QuestionnaireId, Organisation = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SourceResponse(r.Id, r.QuestionnaireId, r.Organisation ?? l["Results.OpenLink"]));
    }
}
