using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>The app on a database of its own for one test class, put back as it started before each test.</summary>
public class AppFixture : IAsyncLifetime, IResettableDatabase
{
    public const string Password = "a long enough test password";
    public const string DemoPassword = "demo-password-for-tests";

    public string ConnectionString { get; private set; } = string.Empty;

    public AppFactory Factory { get; private set; } = default!;

    protected virtual bool SeedDemoData => false;

    /// <summary>Settings that replace the app's for this fixture (a mail server that does not answer, say).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    private string _template = TestDatabaseServer.MigratedTemplate;

    public async Task InitializeAsync()
    {
        // The demo data comes with the template (loaded once per run by the app's own seeding).
        _template = SeedDemoData ? await TestDatabaseServer.EnsureTemplateAsync("mutualisons_demo_template", LoadDemoDataAsync) : TestDatabaseServer.MigratedTemplate;
        ConnectionString = await TestDatabaseServer.CreateDatabaseAsync(_template);
        Factory = new AppFactory(ConnectionString, seedDemoData: false, DemoPassword, Settings);
        // Start the host now, so the first test does not pay for it in its own time.
        _ = Factory.Services;
    }

    /// <summary>
    /// Puts the database back as the template made it and empties the app's memory cache, which could remember
    /// rows of the previous test. The app keeps its Data Protection key ring in memory, so cookies and
    /// antiforgery tokens it issues after the reset still open.
    /// </summary>
    public async Task ResetAsync()
    {
        await TestDatabaseServer.RestoreAsync(ConnectionString, _template);
        if (Factory.Services.GetService<IMemoryCache>() is MemoryCache cache)
        {
            cache.Clear();
        }
    }

    /// <summary>
    /// The app seeds the demo template itself, as it does at start in Development; the Data Protection key it
    /// protects the demo questionnaire links with is stored there too, so every copy can open those links.
    /// </summary>
    private static async Task LoadDemoDataAsync(string connectionString)
    {
        // No scheduler here: nothing to run while seeding, and fewer connections to close before the copy.
        await using var app = new AppFactory(connectionString, seedDemoData: true, settings: new Dictionary<string, string> { ["Scheduling:Enabled"] = "false" });
        _ = app.Services;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestDatabaseServer.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>
    /// Runs <paramref name="use"/> with a service of the app, in a scope whose signed-in person is the account
    /// with <paramref name="email"/> (or nobody), as a page of that person would.
    /// </summary>
    public async Task<TResult> AsAsync<TService, TResult>(string? email, Func<TService, Task<TResult>> use) where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Factory.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (email is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(account);
        }
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Creates an account (once) and returns its id.</summary>
    public async Task<Guid> AccountAsync(string email, bool admin = false)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing.Id;
        }
        var account = new UserAccount { UserName = email, Email = email, DisplayName = email.Split('@')[0], IsPlatformAdmin = admin, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(account, Password);
        return result.Succeeded ? account.Id : throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    public Infrastructure.Persistence.MutualisonsDbContext CreateDbContext() => TestDatabaseServer.CreateDbContext(ConnectionString);
}

/// <summary>The app with the notebooks' demo labs and demo accounts loaded.</summary>
public sealed class DemoAppFixture : AppFixture
{
    public const string Admin = "admin@mutualisons.test";
    public const string Facilitator = "facilitatrice@mutualisons.test";
    public const string Pilot = "pilote@mutualisons.test";
    public const string Participant = "participante@mutualisons.test";
    public const string Observer = "observateur@mutualisons.test";
    public const string Coordination = "coordination@mutualisons.test";

    protected override bool SeedDemoData => true;
}
