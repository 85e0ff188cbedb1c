using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact.Logics;

/// <summary>A hypothesis of a member that a logic can serve.</summary>
public sealed record HypothesisOption(Guid Id, string Statement, string OrganisationName);

/// <summary>A logic the lab pursues, with what it is linked to.</summary>
public sealed record ChosenLogic(Guid Id, uint Version, string Expectation, IReadOnlyList<ImpactObjective> Objectives, IReadOnlyList<ScalingStrategy> Strategies, IReadOnlyList<Guid> HypothesisIds);

/// <summary>One of the five logics, pursued by the lab (<see cref="Chosen"/>) or not.</summary>
public sealed record LogicCard(MutualisationLogic Logic, ChosenLogic? Chosen);

public sealed record LogicsView(string LabName, bool MayEdit, IReadOnlyList<LogicCard> Logics, IReadOnlyList<HypothesisOption> Hypotheses);

/// <summary>The mutualisation logics a lab pursues, and the hypotheses, objectives and strategies each should serve.</summary>
public sealed class MutualisationLogicService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<LogicInput> validator)
{
    public async Task<LogicsView?> GetLogicsAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var logics = await db.PursuedLogics.AsNoTracking().Where(l => l.LabId == labId)
            .Select(l => new { l.Logic, Chosen = new ChosenLogic(l.Id, l.Version, l.Expectation, l.Objectives, l.Strategies, l.Hypotheses.Select(h => h.HypothesisId).ToList()) })
            .ToDictionaryAsync(l => l.Logic, l => l.Chosen, cancellationToken);
        var hypotheses = await db.ImpactHypotheses.AsNoTracking().IgnoreAutoIncludes().Where(h => h.LabId == labId)
            .Join(db.Organisations, h => h.OrganisationId, o => o.Id, (h, o) => new { h.Id, h.Statement, Organisation = o.Name, h.CreatedAt })
            .OrderBy(h => h.Organisation).ThenBy(h => h.CreatedAt)
            .Select(h => new HypothesisOption(h.Id, h.Statement, h.Organisation))
            .ToListAsync(cancellationToken);
        return new LogicsView(labName, role.Allows(LabRight.MeasureImpact),
            [.. Enum.GetValues<MutualisationLogic>().Select(l => new LogicCard(l, logics.GetValueOrDefault(l)))], hypotheses);
    }

    /// <summary>
    /// Starts pursuing a logic (<see cref="LogicInput.Version"/> null) or changes one at the version seen. Every
    /// hypothesis must be one of this lab's: another lab's answers "not found" and nothing is saved.
    /// </summary>
    public Task<SaveResult> SaveLogicAsync(Guid labId, LogicInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.MeasureImpact).Validating(input, validator);
        if (input.Version is not { } version)
        {
            return scope.CreateAsync<PursuedLogic>(async write =>
            {
                if (await write.Db.PursuedLogics.AnyAsync(l => l.LabId == labId && l.Logic == input.Logic, write.CancellationToken))
                {
                    throw new DomainException("Impact.LogicAlreadyPursued", "The lab already pursues this logic: reload to see it.");
                }
                var logic = new PursuedLogic(labId, input.Logic, input.ToAims(), write.Now);
                logic.LinkOnly(await HypothesesAsync(write, labId, input.HypothesisIds));
                return (logic, Summary(logic));
            }, cancellationToken);
        }
        return scope.ChangeAsync<PursuedLogic>(
            write => write.Db.PursuedLogics.SingleOrDefaultAsync(l => l.LabId == labId && l.Logic == input.Logic, write.CancellationToken),
            version, PursuedLogic.AuditSubject, Domain.Audit.AuditAction.Changed,
            async (logic, write) =>
            {
                logic.Aim(input.ToAims());
                logic.LinkOnly(await HypothesesAsync(write, labId, input.HypothesisIds));
                return Summary(logic);
            }, cancellationToken);
    }

    /// <summary>The lab stops pursuing a logic; its links go with it, the hypotheses stay.</summary>
    public Task<SaveResult> DropLogicAsync(Guid labId, Guid logicId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.MeasureImpact).DeleteAsync<PursuedLogic>(logicId, version, (logic, _) => AuditText.Of(logic.Logic), cancellationToken);

    /// <summary>The hypotheses of this lab with these ids; one that is not this lab's makes the write "not found".</summary>
    private static async Task<List<ImpactHypothesis>> HypothesesAsync(LabWrite write, Guid labId, HashSet<Guid> ids)
    {
        var found = await write.Db.ImpactHypotheses.AsNoTracking().IgnoreAutoIncludes().Where(h => h.LabId == labId && ids.Contains(h.Id)).ToListAsync(write.CancellationToken);
        return found.Count == ids.Count ? found : throw LabWrite.NotFound();
    }

    private static string Summary(PursuedLogic logic) =>
        $"{AuditText.Of(logic.Logic)} — {string.Join(", ", logic.Objectives.Select(AuditText.Of).Concat(logic.Strategies.Select(AuditText.Of)))} ({logic.Hypotheses.Count})";
}
