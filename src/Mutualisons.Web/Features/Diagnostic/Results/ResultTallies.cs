using Microsoft.EntityFrameworkCore;
using Mutualisons.Infrastructure.Diagnostic;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Web.Features.Diagnostic.Results;

/// <summary>What the answers to one question and choice add up to: the rows the results page is drawn from.</summary>
public sealed record AnswerTotals(Guid QuestionId, string? Choice, int Answers, int Respondents, int Texts, decimal? Mean, decimal? Min, decimal? Max);

/// <summary>
/// The unfiltered results of a version, read from running totals (<see cref="ResultTally"/>) plus the submitted
/// responses not yet in them, so reading 10,000 responses costs about what reading the newest few does. Each
/// read first folds the responses submitted since into the totals, exactly once even when two servers read
/// at the same moment. Filtered results (by organisation kind or sector) are counted from the answers.
/// </summary>
internal static class ResultTallies
{
    public static async Task<List<AnswerTotals>> ReadAsync(MutualisonsDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        await FoldAsync(db, versionId, cancellationToken);
        // One statement, so one snapshot: a fold committed by another server between two reads could not count
        // a response twice or not at all.
        var rows = await db.Database.SqlQuery<TotalsRow>($"""
            SELECT question_id, choice, sum(answers)::int AS answers, sum(respondents)::int AS respondents,
                   sum(texts)::int AS texts, sum(number_count)::int AS number_count, sum(number_sum) AS number_sum,
                   min(number_min) AS number_min, max(number_max) AS number_max
            FROM (
                SELECT question_id, choice, answers, respondents, texts, number_count, number_sum, number_min, number_max
                FROM questionnaire_result_tallies WHERE version_id = {versionId}
                UNION ALL
                SELECT a.question_id, coalesce(a.choice, ''), count(*), count(*) FILTER (WHERE a.position = 0), count(a.text),
                       count(a.number), coalesce(sum(a.number), 0), min(a.number), max(a.number)
                FROM questionnaire_responses r
                -- Answers fetched per response through their index (OFFSET 0 keeps the planner from turning this
                -- into a scan of every answer when its statistics still count the responses as not folded).
                CROSS JOIN LATERAL (SELECT * FROM questionnaire_answers x WHERE x.response_id = r.id OFFSET 0) a
                WHERE r.version_id = {versionId} AND r.submitted_at IS NOT NULL AND NOT r.tallied
                GROUP BY a.question_id, coalesce(a.choice, '')
            ) totals
            GROUP BY question_id, choice
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AnswerTotals(r.QuestionId, r.Choice == ResultTally.NoChoice ? null : r.Choice, r.Answers, r.Respondents, r.Texts,
            r.NumberCount == 0 ? null : r.NumberSum / r.NumberCount, r.NumberMin, r.NumberMax))];
    }

    /// <summary>
    /// Adds the version's submitted responses not yet counted to its totals and marks them counted, in one
    /// transaction. The advisory lock lets one server fold a version at a time; one that finds it taken reads
    /// the newest responses from the answers instead. A response that commits during a fold is not seen by it
    /// and is folded next time.
    /// </summary>
    public static async Task FoldAsync(MutualisonsDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({versionId.ToString()}, 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync($"""
            WITH taken AS (
                UPDATE questionnaire_responses SET tallied = TRUE
                WHERE version_id = {versionId} AND submitted_at IS NOT NULL AND NOT tallied
                RETURNING id
            )
            INSERT INTO questionnaire_result_tallies AS t
                (version_id, question_id, choice, answers, respondents, texts, number_count, number_sum, number_min, number_max)
            SELECT {versionId}, a.question_id, coalesce(a.choice, ''), count(*), count(*) FILTER (WHERE a.position = 0), count(a.text),
                   count(a.number), coalesce(sum(a.number), 0), min(a.number), max(a.number)
            FROM taken JOIN questionnaire_answers a ON a.response_id = taken.id
            GROUP BY a.question_id, coalesce(a.choice, '')
            ON CONFLICT (version_id, question_id, choice) DO UPDATE SET
                answers = t.answers + excluded.answers, respondents = t.respondents + excluded.respondents,
                texts = t.texts + excluded.texts, number_count = t.number_count + excluded.number_count,
                number_sum = t.number_sum + excluded.number_sum,
                number_min = least(t.number_min, excluded.number_min), number_max = greatest(t.number_max, excluded.number_max)
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal sealed class TotalsRow
    {
        public Guid QuestionId { get; set; }

        public string Choice { get; set; } = ResultTally.NoChoice;

        public int Answers { get; set; }

        public int Respondents { get; set; }

        public int Texts { get; set; }

        public int NumberCount { get; set; }

        public decimal NumberSum { get; set; }

        public decimal? NumberMin { get; set; }

        public decimal? NumberMax { get; set; }
    }
}
