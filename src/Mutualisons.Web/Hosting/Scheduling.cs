using Npgsql;
using Quartz;

namespace Mutualisons.Web.Hosting;

/// <summary>A job waiting in the scheduler: its name in its group, when it runs, and the strings it was given.</summary>
public sealed record ScheduledJob(string Group, string Name, DateTimeOffset At, IReadOnlyDictionary<string, string> Data);

/// <summary>
/// The one way the platform runs something later: Quartz.NET with its job store in PostgreSQL, clustered, so a
/// schedule survives restarts and runs once however many instances share the database. Features name a group of
/// their own (e.g. a questionnaire's reminders) and pass strings only, which read back whatever the code version.
/// </summary>
public sealed class Scheduling(ISchedulerFactory schedulers)
{
    public async Task ScheduleAsync<TJob>(string group, string name, DateTimeOffset at, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(data);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var map = new JobDataMap();
        foreach (var (key, value) in data)
        {
            map[key] = value;
        }
        var job = JobBuilder.Create<TJob>().WithIdentity(name, group).UsingJobData(map).RequestRecovery().Build();
        // A reminder due while every instance was down is sent as soon as one is back, not dropped.
        var trigger = TriggerBuilder.Create().WithIdentity(name, group).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
    }

    /// <summary>The group's jobs that are still to run, soonest first.</summary>
    public async Task<IReadOnlyList<ScheduledJob>> ListAsync(string group, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new List<ScheduledJob>();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken))
        {
            var detail = await scheduler.GetJobDetail(key, cancellationToken);
            var next = (await scheduler.GetTriggersOfJob(key, cancellationToken)).Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            if (detail is not null && next is { } at)
            {
                jobs.Add(new ScheduledJob(group, key.Name, at, detail.JobDataMap.ToDictionary(e => e.Key, e => e.Value?.ToString() ?? string.Empty)));
            }
        }
        return [.. jobs.OrderBy(j => j.At)];
    }

    /// <summary>Removes a job that has not run yet; false when there is none by that name (already run or cancelled).</summary>
    public async Task<bool> CancelAsync(string group, string name, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.DeleteJob(new JobKey(name, group), cancellationToken);
    }
}

public static class SchedulingSetup
{
    public const string Section = "Scheduling";
    private const string DataSourceKey = "scheduling";

    /// <summary>
    /// Quartz on the platform's database (tables qrtz_*, created by a migration), clustered. The connection string
    /// is read when the scheduler starts, so test hosts and the local cluster give theirs.
    /// `Scheduling:Enabled=false` leaves the scheduler unstarted (e.g. the `migrate` command).
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        // The scheduler's connections come from one data source the container owns, so its pool is closed when
        // the host stops instead of outliving it (and keeping the database busy).
        services.AddKeyedSingleton(DataSourceKey, (provider, _) =>
            NpgsqlDataSource.Create(provider.GetRequiredService<IConfiguration>().GetMutualisonsConnectionString()));
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = "Mutualisons");
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(source => source.DataSourceFactory = provider =>
                    provider.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey));
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
                store.UseSystemTextJsonSerializer();
            });
        });
        services.Configure<Quartz.AdoJobStoreOptions>(o => o.StoreJobDataAsStrings = true);
        if (configuration.GetValue($"{Section}:Enabled", true))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }
        services.AddSingleton<Scheduling>();
        return services;
    }
}
