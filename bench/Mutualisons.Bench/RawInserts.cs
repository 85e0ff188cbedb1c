using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Mutualisons.Bench;

internal sealed record RawAnswer(Guid QuestionId, int Position, string? Choice, decimal? Number, string? Text);

internal sealed record RawResponse(Guid? OrganisationId, string Language, int CurrentSection, DateTime StartedAt, DateTime UpdatedAt, DateTime SubmittedAt, IReadOnlyList<RawAnswer> Answers);

/// <summary>
/// The floor the HTTP path is compared with: the rows a submission leaves (one response, its answers) written
/// straight with Npgsql, one transaction per response, by as many connections as there are HTTP clients.
/// </summary>
internal static class RawInserts
{
    /// <summary>
    /// The submitted responses of a questionnaire, as rows for another questionnaire built the same way:
    /// question ids and option keys are translated position by position, everything else is kept.
    /// </summary>
    public static async Task<List<RawResponse>> CopyOfAsync(string connectionString, SeededQuestionnaire from, SeededQuestionnaire to)
    {
        var questions = from.Content.Questions.Zip(to.Content.Questions).ToDictionary(p => p.First.Id, p => p.Second.Id);
        var options = from.Content.Questions.Zip(to.Content.Questions)
            .SelectMany(p => p.First.Options.Zip(p.Second.Options))
            .ToDictionary(p => p.First.Key, p => p.Second.Key);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var answers = new Dictionary<Guid, List<RawAnswer>>();
        await using (var command = new NpgsqlCommand(
            "select a.response_id, a.question_id, a.position, a.choice, a.number, a.text from questionnaire_answers a join questionnaire_responses r on r.id = a.response_id where r.questionnaire_id = $1 and r.submitted_at is not null",
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = from.Id });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var choice = reader.IsDBNull(3) ? null : reader.GetString(3);
                var answer = new RawAnswer(questions[reader.GetGuid(1)], reader.GetInt32(2), choice is not null && options.TryGetValue(choice, out var key) ? key : choice,
                    reader.IsDBNull(4) ? null : reader.GetDecimal(4), reader.IsDBNull(5) ? null : reader.GetString(5));
                var responseId = reader.GetGuid(0);
                if (!answers.TryGetValue(responseId, out var list))
                {
                    answers[responseId] = list = [];
                }
                list.Add(answer);
            }
        }

        var responses = new List<RawResponse>();
        await using (var command = new NpgsqlCommand(
            "select id, organisation_id, language, current_section, started_at, updated_at, submitted_at from questionnaire_responses where questionnaire_id = $1 and submitted_at is not null order by submitted_at",
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = from.Id });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                responses.Add(new RawResponse(reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3),
                    reader.GetDateTime(4), reader.GetDateTime(5), reader.GetDateTime(6), answers.GetValueOrDefault(reader.GetGuid(0)) ?? []));
            }
        }
        return responses;
    }

    /// <summary>Inserts every response in its own transaction (one round trip for the batch, one for the commit); returns the seconds taken.</summary>
    public static async Task<double> InsertAsync(string connectionString, SeededQuestionnaire into, IReadOnlyList<RawResponse> responses, int concurrency)
    {
        // Connections are opened before the clock starts, as the app's pool already holds its own.
        var connections = new List<NpgsqlConnection>();
        for (var i = 0; i < concurrency; i++)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            connections.Add(connection);
        }
        try
        {
            var next = -1;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(connections.Select(connection => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < responses.Count)
                {
                    await InsertOneAsync(connection, into, responses[i]);
                }
            })));
            watch.Stop();
            return watch.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task InsertOneAsync(NpgsqlConnection connection, SeededQuestionnaire into, RawResponse response)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var responseId = Guid.CreateVersion7();
        var insertResponse = new NpgsqlBatchCommand(
            "insert into questionnaire_responses (id, questionnaire_id, version_id, invitation_id, organisation_id, browser_key_hash, language, current_section, started_at, updated_at, submitted_at) "
            + "values ($1, $2, $3, null, $4, null, $5, $6, $7, $8, $9)");
        insertResponse.Parameters.Add(Parameter(responseId, NpgsqlDbType.Uuid));
        insertResponse.Parameters.Add(Parameter(into.Id, NpgsqlDbType.Uuid));
        insertResponse.Parameters.Add(Parameter(into.VersionId, NpgsqlDbType.Uuid));
        insertResponse.Parameters.Add(Parameter(response.OrganisationId, NpgsqlDbType.Uuid));
        insertResponse.Parameters.Add(Parameter(response.Language, NpgsqlDbType.Varchar));
        insertResponse.Parameters.Add(Parameter(response.CurrentSection, NpgsqlDbType.Integer));
        insertResponse.Parameters.Add(Parameter(response.StartedAt, NpgsqlDbType.TimestampTz));
        insertResponse.Parameters.Add(Parameter(response.UpdatedAt, NpgsqlDbType.TimestampTz));
        insertResponse.Parameters.Add(Parameter(response.SubmittedAt, NpgsqlDbType.TimestampTz));
        batch.BatchCommands.Add(insertResponse);
        foreach (var answer in response.Answers)
        {
            var insertAnswer = new NpgsqlBatchCommand("insert into questionnaire_answers (id, response_id, question_id, position, choice, number, text) values ($1, $2, $3, $4, $5, $6, $7)");
            insertAnswer.Parameters.Add(Parameter(Guid.CreateVersion7(), NpgsqlDbType.Uuid));
            insertAnswer.Parameters.Add(Parameter(responseId, NpgsqlDbType.Uuid));
            insertAnswer.Parameters.Add(Parameter(answer.QuestionId, NpgsqlDbType.Uuid));
            insertAnswer.Parameters.Add(Parameter(answer.Position, NpgsqlDbType.Integer));
            insertAnswer.Parameters.Add(Parameter(answer.Choice, NpgsqlDbType.Varchar));
            insertAnswer.Parameters.Add(Parameter(answer.Number, NpgsqlDbType.Numeric));
            insertAnswer.Parameters.Add(Parameter(answer.Text, NpgsqlDbType.Varchar));
            batch.BatchCommands.Add(insertAnswer);
        }
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlParameter Parameter(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    /// <summary>How many submitted responses, and answer rows, a questionnaire holds.</summary>
    public static async Task<(long Responses, long Submitted, long Answers, long InvitationsSubmitted)> CountAsync(string connectionString, Guid questionnaireId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select count(*) from questionnaire_responses where questionnaire_id = $1), "
            + "(select count(*) from questionnaire_responses where questionnaire_id = $1 and submitted_at is not null), "
            + "(select count(*) from questionnaire_answers a join questionnaire_responses r on r.id = a.response_id where r.questionnaire_id = $1), "
            + "(select count(*) from questionnaire_invitations where questionnaire_id = $1 and submitted_at is not null)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = questionnaireId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
