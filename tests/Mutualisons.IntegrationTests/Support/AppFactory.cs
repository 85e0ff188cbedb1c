using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>The real app, its database replaced by a test database; demo data on request.</summary>
public sealed class AppFactory(string connectionString, bool seedDemoData = false) : WebApplicationFactory<Program>
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
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
