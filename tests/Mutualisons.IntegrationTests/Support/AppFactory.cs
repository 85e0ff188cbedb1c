using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>The real app, its database replaced by a test database; demo data on request; extra settings win.</summary>
public sealed class AppFactory(
    string connectionString,
    bool seedDemoData = false,
    string demoPassword = AppFixture.DemoPassword,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Development serves static assets from the build folders; the settings below replace its database ones.
        builder.UseEnvironment("Development");
        builder.UseSetting("LocalPostgres:Enabled", "false");
        builder.UseSetting("ConnectionStrings:Mutualisons", connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoData", seedDemoData ? "true" : "false");
        builder.UseSetting("Database:DemoPassword", demoPassword);
        builder.UseSetting("Email:Mode", "Outbox");
        // Tests sign in many times from one address; the rate-limit test sets its own figure.
        builder.UseSetting("RateLimiting:PermitLimit", "10000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
