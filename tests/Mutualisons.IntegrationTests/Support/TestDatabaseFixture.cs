using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>A clean, migrated database for one test class, dropped afterwards.</summary>
public sealed class TestDatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() => ConnectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await TestDatabaseServer.DropDatabaseAsync(ConnectionString);

    public MutualisonsDbContext CreateDbContext() => TestDatabaseServer.CreateDbContext(ConnectionString);
}
