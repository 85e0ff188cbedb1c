using Microsoft.Extensions.DependencyInjection;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>The app on a clean database of its own, for one test class.</summary>
public class AppFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public AppFactory Factory { get; private set; } = default!;

    protected virtual bool SeedDemoData => false;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        Factory = new AppFactory(ConnectionString, SeedDemoData);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestDatabaseServer.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>Runs <paramref name="use"/> with a service of the app, resolved in a scope as a page would.</summary>
    public async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Infrastructure.Persistence.MutualisonsDbContext CreateDbContext() => TestDatabaseServer.CreateDbContext(ConnectionString);
}

/// <summary>The app with the notebooks' demo labs loaded.</summary>
public sealed class DemoAppFixture : AppFixture
{
    protected override bool SeedDemoData => true;
}
