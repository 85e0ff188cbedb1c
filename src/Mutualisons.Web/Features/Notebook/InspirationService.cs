using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Notebook;

/// <summary>Cases from elsewhere the lab learns from, with the opportunities and risks they show, by cycle.</summary>
public sealed class InspirationService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    UserMarkdown markdown,
    IValidator<InspirationInput> validator)
{
    public async Task<InspirationsView?> GetInspirationsAsync(Guid labId, Cycle? cycle = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var query = db.Inspirations.AsNoTracking().Where(i => i.LabId == labId);
        if (cycle is { } only)
        {
            // A case tied to no cycle helps in every one (Inspiration.Serves).
            query = query.Where(i => i.Cycles.Count == 0 || i.Cycles.Contains(only));
        }
        var inspirations = await query.OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var experimentIds = inspirations.Where(i => i.ExperimentId != null).Select(i => i.ExperimentId!.Value).ToList();
        var experiments = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => experimentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        return new InspirationsView(labName, role.Allows(LabRight.KeepNotebook),
            [.. inspirations.Select(i => new InspirationCard(i.Id, i.Version, i.Name, i.Where, markdown.Render(i.Lesson), i.Link.Length > 0 ? i.Link : null,
                i.Opportunities, i.Risks, i.Cycles,
                i.ExperimentId is { } e && experiments.TryGetValue(e, out var title) ? new LinkOption(e, title) : null,
                new InspirationInput
                {
                    Name = i.Name,
                    Where = i.Where,
                    Lesson = i.Lesson,
                    Link = i.Link,
                    Opportunities = [.. i.Opportunities],
                    Risks = [.. i.Risks],
                    Cycles = [.. i.Cycles],
                    ExperimentId = i.ExperimentId,
                    Version = i.Version,
                }))],
            await StoryService.LinksAsync(db, labId, cancellationToken));
    }

    public Task<SaveResult> SaveAsync(Guid labId, Guid? inspirationId, InspirationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.KeepNotebook).Validating(input, validator);
        if (inspirationId is not { } id)
        {
            return scope.CreateAsync<Inspiration>(async write =>
            {
                await RequireExperimentAsync(write, input.ExperimentId);
                var inspiration = new Inspiration(labId, write.Now);
                Apply(inspiration, input);
                return (inspiration, inspiration.Name);
            }, cancellationToken);
        }
        return scope.ChangeAsync<Inspiration>(id, input.Version, async (inspiration, write) =>
        {
            await RequireExperimentAsync(write, input.ExperimentId);
            Apply(inspiration, input);
            return inspiration.Name;
        }, cancellationToken);
    }

    public Task<SaveResult> DeleteAsync(Guid labId, Guid inspirationId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.KeepNotebook).DeleteAsync<Inspiration>(inspirationId, version, (inspiration, _) => inspiration.Name, cancellationToken);

    private static void Apply(Inspiration inspiration, InspirationInput input)
    {
        inspiration.Describe(input.Name, input.Where, input.Lesson, input.Link);
        inspiration.Classify(input.Opportunities, input.Risks, input.Cycles);
        inspiration.DrawnFrom(input.ExperimentId);
    }

    private static async Task RequireExperimentAsync(LabWrite write, Guid? experimentId)
    {
        if (experimentId is { } experiment && !await write.Db.Experiments.AnyAsync(e => e.Id == experiment && e.LabId == write.LabId, write.CancellationToken))
        {
            throw LabWrite.NotFound();
        }
    }
}

public sealed record InspirationsView(string LabName, bool MayEdit, IReadOnlyList<InspirationCard> Inspirations, NotebookLinks Links);

public sealed record InspirationCard(Guid Id, uint Version, string Name, string Where, MarkupString Lesson, string? Link,
    IReadOnlyList<MutualisationOpportunity> Opportunities, IReadOnlyList<MutualisationRisk> Risks, IReadOnlyList<Cycle> Cycles, LinkOption? Experiment, InspirationInput Input);
