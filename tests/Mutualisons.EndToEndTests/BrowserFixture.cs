using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.EndToEndTests;

/// <summary>
/// The app on a real port (Kestrel, in process) with the demo labs on a database of its own, and a
/// headless Chromium from the machine's packages. A missing browser fails the run: it is never skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string ChromiumVariable = "MUTUALISONS_CHROMIUM";

    private string _connectionString = string.Empty;
    private AppFactory? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The app's services, to arrange what a journey starts from (an expired invitation, say).</summary>
    public IServiceProvider Services => _app!.Services;

    public Infrastructure.Persistence.MutualisonsDbContext CreateDbContext() => TestDatabaseServer.CreateDbContext(_connectionString);

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        var port = FreePort();
        _app = new AppFactory(_connectionString, seedDemoData: true);
        _app.UseKestrel(port);
        _app.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        // Two cores run the app, PostgreSQL, Chromium and other test assemblies at once: be patient, not flaky.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // The machine's network is closed: keep Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await TestDatabaseServer.DropDatabaseAsync(_connectionString);
    }

    /// <summary>A fresh browser profile (no cookies) with a phone-sized or desktop viewport.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "fr-BE",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } given ? given : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium was not found at {path}. Install it (apt-get install chromium) or set {ChromiumVariable}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
