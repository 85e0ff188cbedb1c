using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Notebook;

namespace Mutualisons.Web.Features.ToolConfiguration.Swot;

/// <summary>
/// The SWOT boards of the lab's action plan, one per theme: reading a board with the experiments its items link,
/// and adding, changing and removing items through the one write path. Everyone in the lab reads; those who
/// configure the lab's tools write.
/// </summary>
public sealed class SwotService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<SwotItemInput> validator)
{
    /// <summary>The board of <paramref name="theme"/>, with how many items every theme holds; null when the lab is not the person's.</summary>
    public async Task<SwotBoardView?> GetBoardAsync(Guid labId, ResourceKind theme, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        // PostgreSQL counts the items of every theme: the theme menu shows them.
        var counts = await db.SwotItems.Where(i => i.LabId == labId).GroupBy(i => i.Theme)
            .Select(g => new { Theme = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Theme, g => g.Count, cancellationToken);
        var items = await db.SwotItems.AsNoTracking().Where(i => i.LabId == labId && i.Theme == theme).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var experiments = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => e.LabId == labId).OrderBy(e => e.Title)
            .Select(e => new LinkOption(e.Id, e.Title)).ToListAsync(cancellationToken);
        var titles = experiments.ToDictionary(e => e.Id);
        return new SwotBoardView(labName, theme, role.Allows(LabRight.ConfigureTools),
            [.. Enum.GetValues<ResourceKind>().Select(t => new SwotThemeCount(t, counts.GetValueOrDefault(t)))],
            [.. items.Select(i => new SwotItemRow(i.Id, i.Version, i.Quadrant, i.Text, i.Opportunity, i.Risk,
                [.. i.Experiments.Select(l => titles.GetValueOrDefault(l.ExperimentId)).OfType<LinkOption>().OrderBy(e => e.Title, StringComparer.CurrentCulture)]))],
            experiments);
    }

    /// <summary>The SWOT items linked to one of the lab's experiments, for its page.</summary>
    public async Task<IReadOnlyList<SwotLinkRow>> GetItemsOfExperimentAsync(Guid labId, Guid experimentId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return [];
        }
        var items = await db.SwotItemExperiments.Where(l => l.ExperimentId == experimentId)
            .Join(db.SwotItems.IgnoreAutoIncludes().Where(i => i.LabId == labId), l => l.ItemId, i => i.Id, (l, i) => i)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new SwotLinkRow(i.Id, i.Theme, i.Quadrant, i.Text))
            .ToListAsync(cancellationToken);
        // Enums are stored by name: the themes' and squares' own order is applied here, on a handful of rows.
        return [.. items.OrderBy(i => i.Theme).ThenBy(i => i.Quadrant)];
    }

    /// <summary>
    /// Adds an item (<see cref="SwotItemInput.Version"/> null) or changes one at the version seen. The experiments it
    /// links must be this lab's: another lab's answer "not found" and nothing is saved.
    /// </summary>
    public Task<SaveResult> SaveAsync(Guid labId, Guid? itemId, SwotItemInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.ConfigureTools).Validating(input, validator);
        if (itemId is not { } id)
        {
            return scope.CreateAsync<SwotItem>(async write =>
            {
                var item = new SwotItem(labId, input.Theme, write.Actor.UserId, write.Now);
                await ApplyAsync(item, input, write);
                return (item, Summary(item));
            }, cancellationToken);
        }
        return scope.ChangeAsync<SwotItem>(id, input.Version, async (item, write) =>
        {
            await ApplyAsync(item, input, write);
            return Summary(item);
        }, cancellationToken);
    }

    public Task<SaveResult> DeleteAsync(Guid labId, Guid itemId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).DeleteAsync<SwotItem>(itemId, version, (item, _) => Summary(item), cancellationToken);

    private static string Summary(SwotItem item) => $"{AuditText.Of(item.Theme)} — {AuditText.Of(item.Quadrant)} : {item.Text}";

    private static async Task ApplyAsync(SwotItem item, SwotItemInput input, LabWrite write)
    {
        // Another lab's experiment is "not found", as a missing one is.
        var experiments = await write.Db.Experiments.IgnoreAutoIncludes().Where(e => input.ExperimentIds.Contains(e.Id)).ToListAsync(write.CancellationToken);
        if (experiments.Count != input.ExperimentIds.Count || experiments.Any(e => e.LabId != item.LabId))
        {
            throw LabWrite.NotFound();
        }
        item.Describe(input.Quadrant, input.Text, input.Opportunity, input.Risk);
        item.LinkTo(experiments);
    }
}

public sealed record SwotBoardView(string LabName, ResourceKind Theme, bool MayEdit, IReadOnlyList<SwotThemeCount> Themes, IReadOnlyList<SwotItemRow> Items, IReadOnlyList<LinkOption> Experiments);

public sealed record SwotThemeCount(ResourceKind Theme, int Items);

public sealed record SwotItemRow(Guid Id, uint Version, SwotQuadrant Quadrant, string Text, MutualisationOpportunity? Opportunity, MutualisationRisk? Risk, IReadOnlyList<LinkOption> Experiments)
{
    public Enum? Prompt => (Enum?)Opportunity ?? Risk;
}

public sealed record SwotLinkRow(Guid Id, ResourceKind Theme, SwotQuadrant Quadrant, string Text);
