using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;
using Npgsql;

namespace Mutualisons.IntegrationTests.Publics;

/// <summary>An export that cannot be made says so: it never passes for an empty file.</summary>
public sealed class ExportFailureTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    /// <summary>Closes the test database to every connection (administrators included) and cuts those open.</summary>
    private async Task SetDatabaseReachableAsync(bool reachable)
    {
        var target = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = reachable
            ? $"alter database \"{target.Database}\" allow_connections true"
            : $"alter database \"{target.Database}\" allow_connections false; select pg_terminate_backend(pid) from pg_stat_activity where datname = '{target.Database}' and pid <> pg_backend_pid()";
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task With_the_database_down_every_export_is_a_readable_error_page()
    {
        Guid lab, questionnaire;
        await using (var db = app.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
            questionnaire = await db.Questionnaires.Where(q => q.LabId == lab).Select(q => q.Id).FirstAsync();
        }
        using var client = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword);

        await SetDatabaseReachableAsync(false);
        try
        {
            foreach (var path in new[] { "publics/matrix.csv", "publics/history.csv", $"questionnaires/{questionnaire}/export.csv", $"questionnaires/{questionnaire}/export.xlsx" })
            {
                var response = await client.GetAsync(new Uri($"/labs/{lab}/{path}", UriKind.Relative));
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

                Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{path}: {response.StatusCode}");
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.False(response.Content.Headers.Contains("Content-Disposition"), path);
                Assert.Contains("Quelque chose s'est mal passé", html, StringComparison.Ordinal);
            }
        }
        finally
        {
            await SetDatabaseReachableAsync(true);
        }
    }
}
