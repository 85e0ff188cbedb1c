using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Publics.Dashboard;

/// <summary>Cycle 2's dashboard: the pilot group's view of the matrix, the distribution per cycle, the alerts and the lab opening up, all computed by PostgreSQL.</summary>
public sealed class PublicsDashboardService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    TimeProvider time)
{
    public const int MatrixPageSize = 50;

    /// <summary>How far back the opening chart looks.</summary>
    public const int OpeningMonths = 12;
    private const int AlertListLength = 10;

    /// <summary>The pilot group's view: one page of the matrix, the distribution per cycle and the alerts, all computed by PostgreSQL.</summary>
    public async Task<PublicsDashboard?> GetDashboardAsync(Guid labId, int page = 0, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var lab = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId).Select(m => new { m.Name, m.CreatedAt }).SingleAsync(cancellationToken);
        var stakeholders = db.Stakeholders.AsNoTracking().Where(s => s.LabId == labId);
        // Every level below is read through the one rule "reached = adjusted, else derived".
        var levels = stakeholders.SelectMany(ParticipationLevels.Of);
        var count = await stakeholders.CountAsync(cancellationToken);

        // One round trip for the page of the matrix: its stakeholders, then their levels, in the register's order.
        var pageLevels = await stakeholders.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip(Math.Max(page, 0) * MatrixPageSize).Take(MatrixPageSize)
            .SelectMany(ParticipationLevels.Of)
            .OrderBy(l => l.Name).ThenBy(l => l.StakeholderId)
            .ToListAsync(cancellationToken);

        var counts = await levels
            .GroupBy(l => new { l.Cycle, l.Reached })
            .Select(g => new { g.Key.Cycle, g.Key.Reached, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var belowTarget = levels.Where(ParticipationLevels.BelowTarget);
        var belowTargetCount = await belowTarget.CountAsync(cancellationToken);
        var firstBelow = await belowTarget.OrderBy(x => x.Name).Take(AlertListLength).ToListAsync(cancellationToken);

        var lastHeld = await db.Activities.Where(a => a.LabId == labId && a.Status == ActivityStatus.Held)
            .MaxAsync(a => (DateTimeOffset?)a.ScheduledAt, cancellationToken);
        var now = time.GetUtcNow();
        // Like the participations below target: how many, and the first few (a large lab may have hundreds).
        var postponedTooOften = db.Activities.Where(a => a.LabId == labId).Where(ParticipationAlerts.PostponedTooOften);
        var postponedCount = await postponedTooOften.CountAsync(cancellationToken);
        var postponed = postponedCount == 0 ? [] : await postponedTooOften
            .OrderBy(a => a.ScheduledAt).ThenBy(a => a.Id)
            .Take(AlertListLength)
            .Select(a => new PostponedActivity(a.Id, a.Title, a.PostponementCount, a.ScheduledAt))
            .ToListAsync(cancellationToken);

        // Counted in the month the participation took place, not the month it was typed in.
        var since = now.AddMonths(-OpeningMonths);
        var raised = await stakeholders.SelectMany(s => s.History)
            .Where(h => h.Aspect == ParticipationAspect.Reached && h.To != null && (h.From == null || h.To > h.From) && h.EffectiveAt >= since)
            .GroupBy(h => new { h.EffectiveAt.Year, h.EffectiveAt.Month, h.To })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.To, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var opening = raised.GroupBy(r => (r.Year, r.Month)).OrderBy(g => g.Key)
            .Select(g => new OpeningMonth(g.Key.Year, g.Key.Month, g.ToDictionary(r => r.To!.Value, r => r.Count)))
            .ToList();

        var distribution = Enum.GetValues<Cycle>().Select(cycle => new CycleDistribution(
            cycle,
            counts.Where(c => c.Cycle == cycle && c.Reached is not null).ToDictionary(c => c.Reached!.Value, c => c.Count),
            counts.Where(c => c.Cycle == cycle && c.Reached is null).Sum(c => c.Count))).ToList();
        var onlyInformed = count == 0
            ? []
            : distribution.Where(d => !d.Counts.Any(c => c.Key > ParticipationLevel.Information && c.Value > 0)).Select(d => d.Cycle).ToList();

        return new PublicsDashboard(
            labId, lab.Name, role.Allows(LabRight.TrackParticipation), count, page,
            // GroupBy keeps the order in which each stakeholder first appears: the database's.
            [.. pageLevels.GroupBy(l => l.StakeholderId).Select(g => g.ToList())
                .Select(l => new MatrixRow(l[0].StakeholderId, l[0].Name, l[0].Kind, l.ToDictionary(x => x.Cycle, x => new LevelPair(x.Target, x.Reached))))],
            distribution,
            new PublicsAlerts(
                belowTargetCount,
                [.. firstBelow.Select(b => new BelowTargetAlert(b.StakeholderId, b.Name, b.Cycle, b.Target!.Value, b.Reached))],
                onlyInformed,
                ParticipationAlerts.WeeksWithoutActivity(lastHeld, lab.CreatedAt, now),
                postponedCount,
                postponed),
            opening);
    }
}
