using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.ToolConfiguration.Experiments;

/// <summary>
/// The lab's experiments: the portfolio, one experiment with its links and history, proposing and describing
/// them, and moving them through their lifecycle.
/// </summary>
public sealed class ExperimentService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<ExperimentInput> validator,
    IValidator<MoveInput> moveValidator)
{
    public async Task<PortfolioView?> GetPortfolioAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var groups = await GroupsAsync(db, labId, cancellationToken);
        var names = groups.ToDictionary(g => g.Id, g => g.Name);
        var experiments = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => e.LabId == labId)
            .OrderBy(e => e.Title)
            .Select(e => new { e.Id, e.Title, e.Status, e.CooperationLevel, e.Logic, e.Feasibility, e.ImpactScore, e.WorkingGroupId })
            .ToListAsync(cancellationToken);
        return new PortfolioView(labName, role.Allows(LabRight.ConfigureTools),
            [.. experiments.Select(e => new PortfolioItem(e.Id, e.Title, e.Status, e.CooperationLevel, e.Logic, e.Feasibility, e.ImpactScore, e.WorkingGroupId,
                e.WorkingGroupId is { } g ? names.GetValueOrDefault(g) : null))],
            groups);
    }

    /// <summary>What a new or edited experiment can be linked to; null when the person may not configure the lab's tools.</summary>
    public async Task<ExperimentChoices?> GetChoicesAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await db.RoleInAsync(actor, labId, cancellationToken)).Allows(LabRight.ConfigureTools))
        {
            return null;
        }
        return await ChoicesAsync(db, labId, cancellationToken);
    }

    public async Task<ExperimentView?> GetExperimentAsync(Guid labId, Guid experimentId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var experiment = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == experimentId && e.LabId == labId, cancellationToken);
        if (experiment is null)
        {
            return null;
        }
        var choices = await ChoicesAsync(db, labId, cancellationToken);
        var history = await db.ExperimentMoves.AsNoTracking().Where(m => m.ExperimentId == experimentId)
            .OrderByDescending(m => m.At)
            .GroupJoin(db.Users, m => m.By, u => u.Id, (m, u) => new { m, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new MoveRow(x.m.From, x.m.To, x.m.At, u == null ? null : u.DisplayName, x.m.Reason))
            .ToListAsync(cancellationToken);
        var input = new ExperimentInput
        {
            Title = experiment.Title,
            Description = experiment.Description,
            Budget = experiment.Means.Budget,
            StaffTime = experiment.Means.StaffTime,
            Rooms = experiment.Means.Rooms,
            Data = experiment.Means.Data,
            CooperationLevel = experiment.CooperationLevel,
            Logic = experiment.Logic,
            ExpectedImpact = experiment.ExpectedImpact,
            Feasibility = experiment.Feasibility,
            ImpactScore = experiment.ImpactScore,
            WorkingGroupId = experiment.WorkingGroupId,
            NeedIds = [.. experiment.Needs.Select(n => n.NeedId)],
            HypothesisIds = [.. experiment.Hypotheses.Select(h => h.HypothesisId)],
            IndicatorIds = [.. experiment.Indicators.Select(i => i.IndicatorId)],
            Version = experiment.Version,
        };
        return new ExperimentView(
            experiment.Id, experiment.Version, choices.LabName, role.Allows(LabRight.ConfigureTools), input, experiment.Status, experiment.StatusSince,
            experiment.PostponedFrom, experiment.AllowedMoves, choices.WorkingGroups.SingleOrDefault(g => g.Id == experiment.WorkingGroupId),
            [.. choices.Needs.Where(n => input.NeedIds.Contains(n.Id))],
            [.. choices.Hypotheses.Where(h => input.HypothesisIds.Contains(h.Id))],
            [.. choices.Indicators.Where(i => input.IndicatorIds.Contains(i.Id))],
            history);
    }

    /// <summary>
    /// Proposes an experiment (<see cref="ExperimentInput.Version"/> null) or describes one again at the version
    /// seen. Its working group, needs, hypotheses and indicators must be this lab's: another lab's answer "not
    /// found" and nothing is saved.
    /// </summary>
    public Task<SaveResult> SaveAsync(Guid labId, Guid? experimentId, ExperimentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.ConfigureTools).Validating(input, validator);
        if (experimentId is not { } id)
        {
            return scope.CreateAsync<Experiment>(async write =>
            {
                var experiment = new Experiment(labId, input.ToDescription(), write.Actor.UserId, write.Now);
                await ApplyAsync(experiment, input, write);
                return (experiment, experiment.Title);
            }, cancellationToken);
        }
        return scope.ChangeAsync<Experiment>(id, input.Version, async (experiment, write) =>
        {
            experiment.Describe(input.ToDescription());
            await ApplyAsync(experiment, input, write);
            return experiment.Title;
        }, cancellationToken);
    }

    /// <summary>Moves an experiment in its lifecycle, at the version seen, with why; the move is kept with who made it.</summary>
    public Task<SaveResult> MoveAsync(Guid labId, Guid experimentId, MoveInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, moveValidator).ChangeAsync<Experiment>(experimentId, version, async (experiment, write) =>
        {
            // Asking for validation asks every organisation of the lab, as it stands now.
            IReadOnlyCollection<Guid>? concerned = input.To == ExperimentStatus.AwaitingValidation
                ? await write.Db.Mutualisations.AsNoTracking().Where(m => m.Id == labId).SelectMany(m => m.Memberships).Select(m => m.OrganisationId).ToListAsync(write.CancellationToken)
                : null;
            var move = experiment.MoveTo(input.To, write.Actor.UserId, input.Reason, write.Now, concerned);
            // The history is its own set: the move is added, the past is not loaded.
            write.Db.ExperimentMoves.Add(move);
            return $"{experiment.Title} — {AuditText.Of(move.From)} → {AuditText.Of(move.To)} : {move.Reason}";
        }, cancellationToken);
    }

    private static async Task ApplyAsync(Experiment experiment, ExperimentInput input, LabWrite write)
    {
        var labId = experiment.LabId;
        var ct = write.CancellationToken;
        experiment.Score(input.Feasibility, input.ImpactScore);
        var group = input.WorkingGroupId is { } groupId
            ? await write.Db.WorkingGroups.IgnoreAutoIncludes().SingleOrDefaultAsync(g => g.Id == groupId && g.LabId == labId, ct) ?? throw LabWrite.NotFound()
            : null;
        experiment.AssignTo(group);
        var needs = await write.Db.DiagnosticNeeds.AsNoTracking().Where(n => n.LabId == labId && input.NeedIds.Contains(n.Id)).ToListAsync(ct);
        var hypotheses = await write.Db.ImpactHypotheses.AsNoTracking().IgnoreAutoIncludes().Where(h => h.LabId == labId && input.HypothesisIds.Contains(h.Id)).ToListAsync(ct);
        var indicators = await write.Db.Indicators.AsNoTracking()
            .Where(i => input.IndicatorIds.Contains(i.Id) && write.Db.ImpactHypotheses.Any(h => h.Id == i.HypothesisId && h.LabId == labId))
            .Select(i => i.Id).ToListAsync(ct);
        if (needs.Count != input.NeedIds.Count || hypotheses.Count != input.HypothesisIds.Count || indicators.Count != input.IndicatorIds.Count)
        {
            throw LabWrite.NotFound();
        }
        experiment.Link(needs, hypotheses, indicators);
    }

    private static Task<List<WorkingGroupOption>> GroupsAsync(MutualisonsDbContext db, Guid labId, CancellationToken cancellationToken) =>
        db.WorkingGroups.AsNoTracking().IgnoreAutoIncludes().Where(g => g.LabId == labId).OrderBy(g => g.Name)
            .Select(g => new WorkingGroupOption(g.Id, g.Name)).ToListAsync(cancellationToken);

    private static async Task<ExperimentChoices> ChoicesAsync(MutualisonsDbContext db, Guid labId, CancellationToken cancellationToken)
    {
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var needs = await db.DiagnosticNeeds.AsNoTracking().Where(n => n.LabId == labId).OrderBy(n => n.CreatedAt)
            .Select(n => new NeedOption(n.Id, n.Text)).ToListAsync(cancellationToken);
        var hypotheses = await db.ImpactHypotheses.AsNoTracking().IgnoreAutoIncludes().Where(h => h.LabId == labId)
            .Join(db.Organisations, h => h.OrganisationId, o => o.Id, (h, o) => new { h.Id, h.Statement, Organisation = o.Name, h.CreatedAt })
            .OrderBy(h => h.Organisation).ThenBy(h => h.CreatedAt)
            .Select(h => new HypothesisOption(h.Id, h.Statement, h.Organisation)).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking()
            .Join(db.ImpactHypotheses.IgnoreAutoIncludes().Where(h => h.LabId == labId), i => i.HypothesisId, h => h.Id, (i, h) => new { i, h.OrganisationId })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x.i.Id, x.i.Name, x.i.HypothesisId, Organisation = o.Name })
            .OrderBy(i => i.Organisation).ThenBy(i => i.Name)
            .Select(i => new IndicatorOption(i.Id, i.Name, i.HypothesisId, i.Organisation))
            .ToListAsync(cancellationToken);
        return new ExperimentChoices(labName, needs, hypotheses, indicators, await GroupsAsync(db, labId, cancellationToken));
    }
}
