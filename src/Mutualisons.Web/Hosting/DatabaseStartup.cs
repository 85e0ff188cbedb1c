using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mutualisons.Infrastructure.LocalPostgres;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Infrastructure.Persistence.DemoData;

namespace Mutualisons.Web.Hosting;

public static class DatabaseStartup
{
    public const string ConnectionStringName = "Mutualisons";

    public static string GetMutualisonsConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}) or enable LocalPostgres.");

    /// <summary>
    /// Starts (or reuses) the local cluster when LocalPostgres:Enabled, creates the database and points the
    /// connection string at it.
    /// </summary>
    public static async Task<LocalPostgresCluster?> StartLocalPostgresIfEnabledAsync(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LocalPostgresOptions.Section).Get<LocalPostgresOptions>() ?? new();
        if (!options.Enabled)
        {
            return null;
        }

        var root = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.DataDirectory));
        var cluster = new LocalPostgresCluster(root, options.Port, options.BinDirectory, options.Durable);
        await cluster.StartAsync();
        var connectionString = cluster.ConnectionString(options.Database);
        await DatabaseSetup.EnsureDatabaseExistsAsync(connectionString);
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = connectionString;
        Console.WriteLine($"Local PostgreSQL cluster in {cluster.DataDirectory} on 127.0.0.1:{cluster.Port} ({(cluster.StartedHere ? "started" : "reused")}).");
        return cluster;
    }

    public static void StopWhenApplicationStops(this LocalPostgresCluster cluster, IHostApplicationLifetime lifetime) =>
        lifetime.ApplicationStopped.Register(() =>
        {
            if (cluster.StartedHere)
            {
                cluster.StopAsync().GetAwaiter().GetResult();
            }
        });

    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        var options = new DbContextOptionsBuilder<MutualisonsDbContext>();
        options.UseMutualisonsDatabase(services.GetRequiredService<IConfiguration>().GetMutualisonsConnectionString())
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            // On a new database EF Core first reads the missing history table and logs that as an error
            // (dotnet/efcore #37328); a migration that really fails still throws.
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug)));
        await using var db = new MutualisonsDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart)
        {
            await services.MigrateDatabaseAsync();
        }
        if (options.SeedDemoData)
        {
            var factory = services.GetRequiredService<IDbContextFactory<MutualisonsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var links = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Features.Diagnostic.Sending.QuestionnaireLinks.Protection);
            await DemoDataSeeder.SeedIfEmptyAsync(db, services.GetRequiredService<TimeProvider>(), token => links.Protect(token));
            await DemoAccounts.SeedIfNoAccountsAsync(services, options.DemoPassword
                ?? throw new InvalidOperationException("Database:DemoPassword is required to create the demo accounts."));
        }
    }

    /// <summary>Health endpoint that says whether the database answers, as JSON.</summary>
    public static IEndpointConventionBuilder MapDatabaseHealth(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapHealthChecks(pattern, new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                });
            },
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
}
