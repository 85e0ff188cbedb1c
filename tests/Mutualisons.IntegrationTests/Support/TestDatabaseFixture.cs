using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>A migrated database for one test class, emptied before each test, dropped afterwards.</summary>
public sealed class TestDatabaseFixture : IAsyncLifetime, IResettableDatabase
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() => ConnectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await TestDatabaseServer.DropDatabaseAsync(ConnectionString);

    public Task ResetAsync() => TestDatabaseServer.RestoreAsync(ConnectionString, TestDatabaseServer.MigratedTemplate);

    public MutualisonsDbContext CreateDbContext() => TestDatabaseServer.CreateDbContext(ConnectionString);
}
