using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Hosting;
using Npgsql;

namespace Mutualisons.Web.Features.Workshops;

/// <summary>What changed in a workshop; readers re-read the state, the signal carries no data.</summary>
public enum WorkshopChange
{
    /// <summary>The room itself: the step it is on, submissions opened or closed, results revealed, the end.</summary>
    Room,

    /// <summary>Someone joined or was taken out.</summary>
    Participants,

    /// <summary>Notes, clusters, dots, placements or answers.</summary>
    Answers,
}

/// <summary>
/// Carries workshop changes between every app instance through PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c>: a write
/// notifies the channel (inside its transaction when it has one, so the signal leaves only if the write
/// commits), and each instance keeps one listening connection that hands the signal to the pages of that
/// workshop it serves. After a lost connection, every page is told to re-read, since signals may have passed.
/// </summary>
public sealed class WorkshopSignals(IConfiguration configuration, ILogger<WorkshopSignals> logger) : BackgroundService
{
    public const string Channel = "mutualisons_workshops";

    private readonly ConcurrentDictionary<Guid, ImmutableArray<Action<WorkshopChange>>> _subscribers = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance listens: signals sent before are not seen (tests wait on it).</summary>
    public Task Listening => _listening.Task;

    /// <summary>
    /// Calls <paramref name="onChange"/> for each change of <paramref name="workshopId"/> until disposed. It runs
    /// on the listener's thread: it must return at once (hand the work to a component or a channel).
    /// </summary>
    public IDisposable Subscribe(Guid workshopId, Action<WorkshopChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        _subscribers.AddOrUpdate(workshopId, _ => [onChange], (_, list) => list.Add(onChange));
        return new Subscription(this, workshopId, onChange);
    }

    /// <summary>Sends the signal on <paramref name="db"/>'s connection: within its transaction when one is open.</summary>
    public static async Task NotifyAsync(MutualisonsDbContext db, Guid workshopId, WorkshopChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var payload = Payload(workshopId, change);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", cancellationToken);
    }

    internal static string Payload(Guid workshopId, WorkshopChange change) =>
        workshopId.ToString("N") + ":" + ((int)change).ToString(CultureInfo.InvariantCulture);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(configuration.GetMutualisonsConnectionString())
                {
                    // A connection of its own, outside the pool, kept open as long as the instance runs.
                    Pooling = false,
                    KeepAlive = 30,
                };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) => Dispatch(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _listening.TrySetResult();
                if (!first)
                {
                    // Signals sent while we were away are lost: every page re-reads.
                    foreach (var workshopId in _subscribers.Keys)
                    {
                        Deliver(workshopId, WorkshopChange.Room);
                    }
                }
                first = false;
                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Whatever broke the connection, the listener listens again: a failed background service would stop the host.
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Workshop signals lost their connection; listening again in {Delay}", delay);
                first = false;
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    private void Dispatch(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var workshopId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && Enum.IsDefined((WorkshopChange)value))
        {
            Deliver(workshopId, (WorkshopChange)value);
        }
    }

    private void Deliver(Guid workshopId, WorkshopChange change)
    {
        if (!_subscribers.TryGetValue(workshopId, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
            {
                logger.LogDebug(exception, "A workshop page went away while being told of a change");
            }
        }
    }

    private void Unsubscribe(Guid workshopId, Action<WorkshopChange> onChange)
    {
        while (_subscribers.TryGetValue(workshopId, out var list))
        {
            var smaller = list.Remove(onChange);
            var done = smaller.IsEmpty
                ? _subscribers.TryRemove(new KeyValuePair<Guid, ImmutableArray<Action<WorkshopChange>>>(workshopId, list))
                : _subscribers.TryUpdate(workshopId, smaller, list);
            if (done)
            {
                return;
            }
        }
    }

    private sealed class Subscription(WorkshopSignals signals, Guid workshopId, Action<WorkshopChange> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                signals.Unsubscribe(workshopId, onChange);
            }
        }
    }
}
