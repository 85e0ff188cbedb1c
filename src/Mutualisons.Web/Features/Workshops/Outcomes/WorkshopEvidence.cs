using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

/// <summary>
/// What the room said about one note or cluster: its dots on the last dot vote that counted it, and its place
/// on the last 2×2 that placed it. <see cref="AxesRenamed"/>: that 2×2 did not ask feasibility × impact.
/// </summary>
public sealed record ItemEvidence(DotTally? Dots, MatrixPosition? Position, bool AxesRenamed)
{
    public static readonly ItemEvidence None = new(null, null, false);

    /// <summary>Feasibility (X) as a 1–5 score; none when not placed or the axes ask something else.</summary>
    public int? Feasibility => Position is { } p && !AxesRenamed ? MatrixPosition.Score(p.MedianX) : null;

    /// <summary>Expected impact (Y) as a 1–5 score; none when not placed or the axes ask something else.</summary>
    public int? Impact => Position is { } p && !AxesRenamed ? MatrixPosition.Score(p.MedianY) : null;
}

public static class WorkshopEvidence
{
    /// <summary>
    /// The evidence for <paramref name="item"/> (a note's or cluster's key) from the steps that work on
    /// <paramref name="sourceStepId"/>'s notes or clusters. Removed participants' answers do not count.
    /// </summary>
    public static async Task<ItemEvidence> ForAsync(MutualisonsDbContext db, Workshop workshop, Guid sourceStepId, string item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(workshop);
        var steps = workshop.Steps.Where(s => s.SourceStepId == sourceStepId && s.Kind is WorkshopStepKind.DotVote or WorkshopStepKind.Matrix).ToList();
        if (steps.Count == 0)
        {
            return ItemEvidence.None;
        }
        var stepIds = steps.Select(s => s.Id).ToList();
        var answers = await db.WorkshopAnswers.AsNoTracking()
            .Where(a => stepIds.Contains(a.StepId) && a.Item == item && db.WorkshopParticipants.Any(p => p.Id == a.ParticipantId && p.RemovedAt == null))
            .ToListAsync(cancellationToken);
        DotTally? dots = null;
        MatrixPosition? position = null;
        var renamed = false;
        // The later step speaks last: a second vote or placement after a discussion is the one kept.
        foreach (var step in steps.OrderBy(s => s.Position))
        {
            var own = answers.Where(a => a.StepId == step.Id).ToList();
            if (step.Kind == WorkshopStepKind.DotVote && WorkshopResults.Dots(own) is [var tally, ..])
            {
                dots = tally;
            }
            if (step.Kind == WorkshopStepKind.Matrix && WorkshopResults.Matrix(own) is [var placed, ..])
            {
                position = placed;
                renamed = step.AxisX.Length > 0 || step.AxisY.Length > 0;
            }
        }
        return new ItemEvidence(dots, position, renamed);
    }
}
