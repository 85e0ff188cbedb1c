namespace Mutualisons.IntegrationTests.Support;

/// <summary>A test database that can be put back as it was before the first test of its class.</summary>
public interface IResettableDatabase
{
    Task ResetAsync();
}

/// <summary>
/// Base of the integration test classes: each test starts from its fixture's clean database, so no test reads
/// what another wrote and tests pass in any order. The app of the fixture stays up between tests.
/// </summary>
public abstract class CleanDatabaseTest(IResettableDatabase database) : IAsyncLifetime
{
    public virtual Task InitializeAsync() => database.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
