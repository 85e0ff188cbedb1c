using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Resources;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Sources;

/// <summary>
/// Computes the proposed measurements of a lab's sourced indicators on demand. Questionnaire figures come from
/// one SQL statement over the submitted answers of every indicator asked for (PostgreSQL counts, averages and
/// sums; nothing is loaded row by row); platform figures from one count per figure in use.
/// </summary>
internal static class ProposalQueries
{
    /// <summary>The proposals of <paramref name="indicators"/>, all of lab <paramref name="labId"/>, by indicator.</summary>
    public static async Task<Dictionary<Guid, ProposedMeasurement>> ProposalsAsync(MutualisonsDbContext db, Guid labId, IReadOnlyCollection<Indicator> indicators, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var proposals = new Dictionary<Guid, ProposedMeasurement>();
        var asked = indicators.Where(i => i.Source == IndicatorSource.Questionnaire && i.QuestionnaireId is not null).ToDictionary(i => i.Id);
        if (asked.Count > 0)
        {
            var ids = asked.Keys.ToArray();
            // One statement for every indicator: each joins its own question's answers, in a questionnaire of this
            // lab, from submitted responses only. A share counts respondents, not ticks of a multiple choice.
            var tallies = await db.Database.SqlQuery<TallyRow>($"""
                SELECT i.id AS indicator_id,
                       count(DISTINCT a.response_id)::int AS answered,
                       avg(a.number) AS mean,
                       sum(a.number) AS sum,
                       (count(DISTINCT a.response_id) FILTER (WHERE a.choice = i.choice))::int AS choosing,
                       max(r.submitted_at) AS latest_submitted_at
                FROM impact_indicators i
                JOIN impact_hypotheses h ON h.id = i.hypothesis_id AND h.lab_id = {labId}
                JOIN questionnaires q ON q.id = i.questionnaire_id AND q.lab_id = h.lab_id
                JOIN questionnaire_responses r ON r.questionnaire_id = q.id AND r.submitted_at IS NOT NULL
                JOIN questionnaire_answers a ON a.response_id = r.id AND a.question_id = i.question_id
                WHERE i.id = ANY({ids})
                GROUP BY i.id
                """).ToListAsync(cancellationToken);
            foreach (var tally in tallies)
            {
                if (asked[tally.IndicatorId].Propose(new AnswerTally(tally.Answered, tally.Mean, tally.Sum, tally.Choosing, tally.LatestSubmittedAt)) is { } proposal)
                {
                    proposals[tally.IndicatorId] = proposal;
                }
            }
        }

        var followed = indicators.Where(i => i.Source == IndicatorSource.PlatformFigure && i.Figure is not null).ToList();
        if (followed.Count > 0)
        {
            var followedIds = followed.Select(i => i.Id).ToList();
            var latest = await db.Measurements.AsNoTracking()
                .Where(m => followedIds.Contains(m.IndicatorId)
                    && !db.Measurements.Any(o => o.IndicatorId == m.IndicatorId && (o.MeasuredOn > m.MeasuredOn || (o.MeasuredOn == m.MeasuredOn && o.RecordedAt > m.RecordedAt))))
                .Select(m => new { m.IndicatorId, m.Value })
                .ToDictionaryAsync(m => m.IndicatorId, m => (decimal?)m.Value, cancellationToken);
            var figures = new Dictionary<(PlatformFigure, Domain.Labs.Cycle?, ParticipationLevel?), decimal>();
            // Agreements count on the day it is in Brussels, where the labs work.
            var today = DateOnly.FromDateTime(Formats.BrusselsDay(now));
            foreach (var indicator in followed)
            {
                var key = (indicator.Figure!.Value, indicator.FigureCycle, indicator.FigureLevel);
                if (!figures.TryGetValue(key, out var figure))
                {
                    figure = figures[key] = await FigureAsync(db, labId, key.Item1, key.Item2, key.Item3, today, cancellationToken);
                }
                if (indicator.Propose(figure, latest.GetValueOrDefault(indicator.Id), now) is { } proposal)
                {
                    proposals[indicator.Id] = proposal;
                }
            }
        }
        return proposals;
    }

    /// <summary>A figure the platform holds about the lab, counted by PostgreSQL.</summary>
    public static async Task<decimal> FigureAsync(MutualisonsDbContext db, Guid labId, PlatformFigure figure, Domain.Labs.Cycle? cycle, ParticipationLevel? level, DateOnly today, CancellationToken cancellationToken)
    {
        switch (figure)
        {
            case PlatformFigure.SquareMetresShared or PlatformFigure.HoursPooledPerMonth or PlatformFigure.DataSetsShared or PlatformFigure.YearlyCostsSaved:
                var totals = await AgreementQueries.TotalsAsync(db, labId, today, cancellationToken);
                return figure switch
                {
                    PlatformFigure.SquareMetresShared => totals.SquareMetres,
                    PlatformFigure.HoursPooledPerMonth => totals.HoursPerMonth,
                    PlatformFigure.DataSetsShared => totals.DataSets,
                    _ => totals.YearlyCostsSaved,
                };
            case PlatformFigure.NeedsRecorded:
                return await db.DiagnosticNeeds.CountAsync(n => n.LabId == labId, cancellationToken);
            case PlatformFigure.ResourcesRecorded:
                return await db.CandidateResources.CountAsync(r => r.LabId == labId, cancellationToken);
            default:
                // "Reached" is the shared rule (adjusted, else derived), stated once in ParticipationLevels.
                var reached = await db.Stakeholders.Where(s => s.LabId == labId).SelectMany(ParticipationLevels.Of)
                    .CountAsync(l => l.Cycle == cycle && l.Reached != null && l.Reached >= level, cancellationToken);
                if (figure == PlatformFigure.StakeholdersAtOrAboveLevel)
                {
                    return reached;
                }
                var all = await db.Stakeholders.CountAsync(s => s.LabId == labId, cancellationToken);
                return all == 0 ? 0 : 100m * reached / all;
        }
    }

    /// <summary>One row of the tally statement; EF maps its columns by these names, in snake case like every column.</summary>
    internal sealed class TallyRow
    {
        public Guid IndicatorId { get; set; }

        public int Answered { get; set; }

        public decimal? Mean { get; set; }

        public decimal? Sum { get; set; }

        public int Choosing { get; set; }

        public DateTimeOffset LatestSubmittedAt { get; set; }
    }
}
