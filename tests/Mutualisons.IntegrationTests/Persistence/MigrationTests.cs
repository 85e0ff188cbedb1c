using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;
using Npgsql;

namespace Mutualisons.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    private static readonly string[] Tables = ["organisations", "organisation_contacts", "mutualisations", "lab_memberships", "lab_cycles", "navigation_journal"];

    [Fact]
    public async Task Migrations_apply_on_an_empty_database_and_match_the_model()
    {
        var connectionString = await TestDatabaseServer.CreateEmptyDatabaseAsync();
        try
        {
            await using var db = TestDatabaseServer.CreateDbContext(connectionString);
            await db.Database.MigrateAsync();

            // Compares the model with the last migration's snapshot (what a "no pending migration" check after
            // migrating could never catch: a model change nobody captured in a migration).
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select count(*) from information_schema.tables where table_schema = 'public' and table_name = any(@names)", connection);
            command.Parameters.AddWithValue("names", Tables);
            Assert.Equal(6L, await command.ExecuteScalarAsync());
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }
}
