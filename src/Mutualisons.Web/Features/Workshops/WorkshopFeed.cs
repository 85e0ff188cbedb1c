namespace Mutualisons.Web.Features.Workshops;

/// <summary>
/// Keeps one reader of a workshop up to date: each signal of the workshop leads to a re-read, but never two at
/// once, and signals that arrive during a read lead to a single read after it. Fifty votes a second thus cost a
/// screen a few reads a second, each showing every vote committed before it began. The big screen, the console
/// and the benchmark read through it.
/// </summary>
public sealed class WorkshopFeed : IAsyncDisposable
{
    private readonly Func<WorkshopChange, CancellationToken, Task> _read;
    private readonly Func<WorkshopChange, bool> _wanted;
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
    public WorkshopFeed(WorkshopSignals signals, Guid workshopId, Func<WorkshopChange, CancellationToken, Task> read, Func<WorkshopChange, bool>? wanted = null, ILogger? logger = null)
    {
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
