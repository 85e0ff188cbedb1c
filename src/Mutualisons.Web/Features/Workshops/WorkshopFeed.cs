using System.Diagnostics;

namespace Mutualisons.Web.Features.Workshops;

/// <summary>
/// Keeps one reader of a workshop up to date: each signal of the workshop leads to a re-read, but never two at
/// once, and signals that arrive during a read lead to a single read after it. A paced feed also lets a least
/// time pass between the starts of two reads. Fifty votes a second thus cost a screen at most ten reads a second,
/// each showing every vote committed before it began. The big screen, the console and the benchmark read through it.
/// </summary>
public sealed class WorkshopFeed : IAsyncDisposable
{
    private readonly Func<WorkshopChange, CancellationToken, Task> _read;
    /// <summary>
    /// The pace of the screens that follow a room: ten pictures a second is more than the eye takes from a projected
    /// chart, and a busy room's votes then cost each screen at most ten reads a second, not one per vote.
    /// </summary>
    public static readonly TimeSpan ScreenPace = TimeSpan.FromMilliseconds(100);

    private readonly Func<WorkshopChange, bool> _wanted;
    private readonly TimeSpan _pace;
    private long _lastStart;
    private readonly ILogger? _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly IDisposable _subscription;
    private Task _loop = Task.CompletedTask;
    private bool _running;
    private WorkshopChange? _pending;

    /// <param name="signals">The instance's listener.</param>
    /// <param name="workshopId">The workshop followed.</param>
    /// <param name="read">Re-reads and shows the state; the change says what moved (the widest one when several came).</param>
    /// <param name="wanted">Which changes matter to this reader; all by default.</param>
    /// <param name="logger">Where a failed read is logged; the next signal reads again.</param>
    /// <param name="pace">The least time between the starts of two reads; none by default.</param>
    public WorkshopFeed(WorkshopSignals signals, Guid workshopId, Func<WorkshopChange, CancellationToken, Task> read, Func<WorkshopChange, bool>? wanted = null, ILogger? logger = null,
        TimeSpan pace = default)
    {
        _pace = pace;
        ArgumentNullException.ThrowIfNull(signals);
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _wanted = wanted ?? (_ => true);
        _logger = logger;
        _subscription = signals.Subscribe(workshopId, OnSignal);
    }

    /// <summary>Completes when the reads asked for so far have run (tests and the benchmark wait on it).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _loop;
            }
        }
    }

    private void OnSignal(WorkshopChange change)
    {
        if (!_wanted(change) || _stop.IsCancellationRequested)
        {
            return;
        }
        lock (_gate)
        {
            // Room outranks Participants outranks Answers: a reader told "Room" re-reads everything.
            _pending = _pending is { } already ? (WorkshopChange)Math.Min((int)already, (int)change) : change;
            if (_running)
            {
                return;
            }
            _running = true;
            _loop = Task.Run(LoopAsync);
        }
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            if (_pace > TimeSpan.Zero && _lastStart != 0 && _pace - Stopwatch.GetElapsedTime(_lastStart) is var wait && wait > TimeSpan.Zero)
            {
                // Signals that come meanwhile join the pending change: one read covers them all.
                await Task.Delay(wait, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            WorkshopChange change;
            lock (_gate)
            {
                if (_pending is not { } next || _stop.IsCancellationRequested)
                {
                    _pending = null;
                    _running = false;
                    return;
                }
                change = next;
                _pending = null;
            }
            try
            {
                _lastStart = Stopwatch.GetTimestamp();
                await _read(change, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A failed read (a dropped connection, a page gone) must not end the feed: the next signal reads again.
                _logger?.LogWarning(exception, "A workshop reader failed to re-read");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _stop.CancelAsync();
        try
        {
            await Idle;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
