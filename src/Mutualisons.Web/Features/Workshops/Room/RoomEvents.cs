using System.Threading.Channels;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>
/// Server-sent events for the participant page: a line when the room changes (step, submissions, reveal, end,
/// this participant taken out) and, while the current step's results are shown, when answers come in, at most
/// about twice a second. The phone reloads on each; the stream holds no state beyond its subscription, so any
/// app instance serves it (the signals come through PostgreSQL).
/// </summary>
public static class RoomEvents
{
    /// <summary>A comment line now and then keeps proxies and phones from closing an idle stream.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>The shortest gap between two events to one phone: a busy vote does not reload it more than twice a second.</summary>
    public static readonly TimeSpan Throttle = TimeSpan.FromMilliseconds(500);

    public static IEndpointRouteBuilder MapWorkshopRoomEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/w/room/{workshopId:guid}/events", StreamAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task StreamAsync(Guid workshopId, HttpContext context, WorkshopRoomService room, WorkshopSignals signals, ILoggerFactory loggers)
    {
        var secret = RoomCookies.SecretFor(context, workshopId);
        var aborted = context.RequestAborted;
        if (await room.PulseAsync(workshopId, secret, aborted) is not { } last)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        // Tells a buffering proxy (nginx) to pass each line on at once.
        context.Response.Headers["X-Accel-Buffering"] = "no";

        // The feed reads on its own thread; the response is written by this request alone, from the channel.
        var events = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        var logger = loggers.CreateLogger(typeof(RoomEvents));
        await using (var feed = new WorkshopFeed(signals, workshopId, async (change, cancellationToken) =>
        {
            if (!NeedsRead(change, last))
            {
                return;
            }
            var now = await room.PulseAsync(workshopId, secret, cancellationToken);
            if (Worth(change, last, now) is { } name)
            {
                events.Writer.TryWrite(name);
                last = now!;
                await Task.Delay(Throttle, cancellationToken);
            }
        }, logger: logger))
        {
            await context.Response.WriteAsync($"retry: 3000\n: {DateTimeOffset.UtcNow:O}\n\n", aborted);
            await context.Response.Body.FlushAsync(aborted);
            try
            {
                while (!aborted.IsCancellationRequested)
                {
                    using var beat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                    beat.CancelAfter(Heartbeat);
                    string line;
                    try
                    {
                        line = await events.Reader.ReadAsync(beat.Token) is { } name ? $"event: {name}\ndata: {name}\n\n" : string.Empty;
                    }
                    catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                    {
                        line = ": heartbeat\n\n";
                    }
                    await context.Response.WriteAsync(line, aborted);
                    await context.Response.Body.FlushAsync(aborted);
                }
            }
            // The phone went away (closed, reloaded, lost its network): the stream simply ends.
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>
    /// Whether a change could move what this phone shows. Answers cannot, unless its results are live: a room of
    /// fifty voting costs the phones' streams no read at all. Whether they are live changes only with the room.
    /// </summary>
    internal static bool NeedsRead(WorkshopChange change, RoomPulse last) => change != WorkshopChange.Answers || last.LiveResults;

    /// <summary>
    /// Whether a change is worth a reload: the room moved, this participant's place changed, or answers came in
    /// while results are shown. Someone else joining does not reload a phone.
    /// </summary>
    internal static string? Worth(WorkshopChange change, RoomPulse before, RoomPulse? now)
    {
        if (now is null)
        {
            return "room";
        }
        return change switch
        {
            WorkshopChange.Room => "room",
            WorkshopChange.Participants when now.Removed != before.Removed => "room",
            WorkshopChange.Answers when now.StepId != before.StepId || now.State != before.State => "room",
            WorkshopChange.Answers when now.LiveResults => "answers",
            _ => null,
        };
    }
}
