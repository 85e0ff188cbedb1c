using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Workshops;
using Mutualisons.Web.Features.Workshops.Console;
using Mutualisons.Web.Features.Workshops.Room;
using Activity = Mutualisons.Domain.Publics.Activity;
using ActivityKind = Mutualisons.Domain.Publics.ActivityKind;

namespace Mutualisons.Bench;

// Live workshops (issue 12): ten workshops of fifty participants at once, each participant tapping once a second
// through WorkshopRoomService (the path a phone's POST takes), and one big screen per workshop following it through
// WorkshopFeed on an instance's WorkshopSignals. Measures the time from a tap to the end of the first screen re-read
// that began after the tap's commit, and what a connected participant costs the server; with one app instance,
// then with two on one database (taps on A, screens on B).
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0005:Weak random number generator",
    Justification = "Jitter and positions of a made-up workload from seeded sources, so runs compare; no secret comes from them.")]
internal static class WorkshopsBench
{
    private const int Options = 8;
    private const int MemoryRounds = 3;

    /// <summary>workshops [participants per workshop] [seconds] [runs] [workshops]</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var perWorkshop = Bench.IntArgument(args, 0, 50);
        var seconds = Bench.IntArgument(args, 1, 60);
        var runs = Bench.IntArgument(args, 2, 2);
        var workshops = Bench.IntArgument(args, 3, 10);
        if (perWorkshop < 1 || seconds < 1 || runs < 1 || workshops < 1)
        {
            throw new ArgumentException("Usage: workshops [participants per workshop] [seconds] [runs] [workshops], each at least 1.", nameof(args));
        }
        // The first minute after start-up is slower (JIT tiers, the pools and PostgreSQL's backends warming): half a
        // minute unmeasured before each setting.
        var warmUpSeconds = Math.Min(30, seconds);
        Bench.UseWebContentRoot();
        var total = Stopwatch.StartNew();
        // Each instance's pool is capped so that two of them, their listeners and the benchmark stay under
        // PostgreSQL's default 100 connections, as a deployment of two instances on one server must.
        var database = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 40 }.ConnectionString;
        try
        {
            await using var instanceA = StartInstance(connectionString);
            await using var instanceB = StartInstance(connectionString);
            var seed = await SeedAsync(instanceA.Services, workshops);
            await SignalProbe.ListeningAsync(instanceA.Services);
            await SignalProbe.ListeningAsync(instanceB.Services);
            var participants = await JoinAllAsync(instanceA.Services, seed, perWorkshop);
            Console.WriteLine($"Workshops benchmark: {workshops} workshops × {perWorkshop} participants = {participants.Count}, one tap a second each for {seconds} s "
                + $"(after {warmUpSeconds} s unmeasured), {runs} runs per setting; dot votes on {Options} options and 2×2 placements of {Options} options in turn; "
                + $"{Environment.ProcessorCount} cores; PostgreSQL ({TestDatabaseServer.Kind}); seeded and joined in {total.Elapsed.TotalSeconds:F1} s");
            var cpuBefore = Bench.CpuCheck();

            var settings = new (string Name, BenchApp Taps, BenchApp Screens, BenchApp[] Phones)[]
            {
                ("one instance", instanceA, instanceA, [instanceA]),
                ("two instances (taps on A, screens on B)", instanceA, instanceB, [instanceA, instanceB]),
            };
            var results = new List<(string Name, List<RunFigures> Runs, List<double> Heap, List<double> WorkingSet)>();
            foreach (var (name, taps, screens, phones) in settings)
            {
                Console.WriteLine();
                // The host's load moves between settings: each gets its own reading.
                Console.WriteLine($"{name} (CPU check {Bench.CpuCheck():F0} ms):");
                var (heap, workingSet) = await MeasureConnectionsAsync(() => ConnectOverHttpAsync(phones, participants), participants.Count);
                Console.WriteLine($"  memory per participant, open HTTP event streams, {MemoryRounds} rounds: managed heap {string.Join(", ", heap.Select(Kb))}; working set {string.Join(", ", workingSet.Select(Kb))}");
                // The phones stay connected while the room taps, as they would be.
                await using var connected = await ConnectOverHttpAsync(phones, participants);
                await TapAsync(taps, screens, seed, participants, connected, warmUpSeconds, seedOffset: 0);
                var figures = new List<RunFigures>();
                for (var run = 1; run <= runs; run++)
                {
                    var run1 = await TapAsync(taps, screens, seed, participants, connected, seconds, seedOffset: run * 7919);
                    figures.Add(run1);
                    Console.WriteLine($"  run {run}: {run1}");
                }
                results.Add((name, figures, heap, workingSet));
            }

            Console.WriteLine();
            Console.WriteLine($"  {"",-42}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"taps",9}{"refused",9}{"reads",8}{"heap/p",10}{"WS/p",10}   goals: p95 < 200 ms, ≤ 250 KB a participant");
            foreach (var (name, figures, heap, workingSet) in results)
            {
                Console.WriteLine($"  {name,-42}{Bench.Median(figures.Select(f => f.P50)),9:F1}{Bench.Median(figures.Select(f => f.P95)),9:F1}{Bench.Median(figures.Select(f => f.P99)),9:F1}"
                    + $"{Bench.Median(figures.Select(f => (double)f.Taps)),9:F0}{figures.Sum(f => f.Refused),9}{Bench.Median(figures.Select(f => (double)f.Reads)),8:F0}{Kb(Bench.Median(heap)),10}{Kb(Bench.Median(workingSet)),10}");
            }
            Console.WriteLine($"  (medians over the runs; refused is the sum; heap/p and WS/p: median of {MemoryRounds} rounds of connecting the {participants.Count} participants)");
            Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
            Console.WriteLine($"Whole benchmark: {total.Elapsed.TotalMinutes:F1} min");
            return results.All(r => r.Runs.All(f => f.Refused == 0 && f.Uncovered == 0)) ? 0 : 1;
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    private static string Kb(double bytes) => (bytes / 1024).ToString("F1", CultureInfo.InvariantCulture) + " KB";

    /// <summary>An app instance on Kestrel at a free loopback port, whose database commits are timestamped for the taps.</summary>
    private static BenchApp StartInstance(string connectionString)
    {
        var app = new BenchApp(connectionString, builder => builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<MutualisonsDbContext>(options => options.AddInterceptors(CommitStamps.Instance));
        }));
        var port = FreePort();
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
        Endpoints[app] = new IPEndPoint(IPAddress.Loopback, port);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const string Facilitator = "workshops-bench@example.org";

    private sealed record SeededWorkshop(Guid Id, Guid LabId, string Code, Guid StepId, WorkshopStepKind Kind, IReadOnlyList<Guid> Organisations);

    private sealed record Participant(SeededWorkshop Workshop, int Index, string Secret);

    /// <summary>
    /// A lab of ten organisations and <paramref name="count"/> running workshops, each a cycle 2 activity on one
    /// step: a dot vote on eight options (enough dots that spreading and taking back never blocks) or a 2×2 of
    /// eight options, in turn; results revealed, so the screen tallies them as it would in the room. The lab's
    /// facilitator is whom the big screens are signed in as.
    /// </summary>
    private static async Task<List<SeededWorkshop>> SeedAsync(IServiceProvider services, int count)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var facilitator = new UserAccount { UserName = Facilitator, Email = Facilitator, DisplayName = "Bench", CreatedAt = now };
        await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().CreateAsync(facilitator);
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var lab = new Mutualisation("Workshops bench lab", null, [ResourceKind.Place], CooperationLevel.Simple, now.AddYears(-1));
        lab.GrantRole(facilitator.Id, LabRole.Facilitator, null, now);
        db.Mutualisations.Add(lab);
        var organisations = new List<Guid>();
        for (var o = 0; o < 10; o++)
        {
            var organisation = new Organisation(new OrganisationProfile($"Organisation {o:D2}", OrganisationKind.Association, "Social", null, null,
                new PostalAddress($"Rue {o}", "1000", "Bruxelles", "BE", null, null), [Language.French], []), now);
            db.Organisations.Add(organisation);
            lab.AddMember(organisation.Id, MembershipRole.Participant, now);
            organisations.Add(organisation.Id);
        }
        var options = Enumerable.Range(1, Options).Select(i => $"Piste {i}").ToList();
        var seeded = new List<SeededWorkshop>();
        for (var w = 0; w < count; w++)
        {
            var activity = new Activity(lab.Id, $"Atelier {w + 1}", ActivityKind.Workshop, null, [Cycle.Diagnostic], now, "Salle des fêtes", ParticipationLevel.Deliberation, now);
            var workshop = new Workshop(lab.Id, activity.Id, activity.Title, now);
            var step = w % 2 == 0
                ? workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer ?", Options: options, DotsPerPerson: 5, MaxDotsPerItem: 2))
                : workshop.AddStep(WorkshopStepKind.Matrix, new StepSettings("Placez les pistes", Options: options));
            workshop.Start(now);
            step.Reveal(true);
            db.AddRange(activity, workshop);
            seeded.Add(new SeededWorkshop(workshop.Id, lab.Id, workshop.JoinCode, step.Id, step.Kind, organisations));
        }
        await db.SaveChangesAsync();
        return seeded;
    }

    /// <summary>Everyone joins through the room's door, a workshop's people one after the other, the workshops at once.</summary>
    private static async Task<List<Participant>> JoinAllAsync(IServiceProvider services, List<SeededWorkshop> workshops, int perWorkshop)
    {
        var joined = await Task.WhenAll(workshops.Select(workshop => Task.Run(async () =>
        {
            var participants = new List<Participant>();
            for (var p = 0; p < perWorkshop; p++)
            {
                await using var scope = services.CreateAsyncScope();
                var room = scope.ServiceProvider.GetRequiredService<WorkshopRoomService>();
                var input = new JoinInput($"Participant {p + 1}", workshop.Organisations[p % workshop.Organisations.Count], null);
                var (result, secret) = await room.JoinAsync(workshop.Code, input, null, Cultures.French);
                if (!result.Succeeded || secret is null)
                {
                    throw new InvalidOperationException($"A participant could not join: {result.Status} {result.MessageKey}");
                }
                participants.Add(new Participant(workshop, p, secret));
            }
            return participants;
        })));
        return [.. joined.SelectMany(j => j)];
    }

    /// <summary>Connects every participant over HTTP to the instances' event streams, spread over the instances given.</summary>
    private static async Task<HttpPhones> ConnectOverHttpAsync(BenchApp[] instances, List<Participant> participants)
    {
        var streams = new List<HttpPhone>(participants.Count);
        try
        {
            // A few at a time, as phones arrive in a room; the server accepts them one by one anyway.
            foreach (var batch in participants.Select((p, i) => (p, i)).Chunk(50))
            {
                streams.AddRange(await Task.WhenAll(batch.Select(x => HttpPhone.ConnectAsync(Endpoints[instances[x.i % instances.Length]], x.p))));
            }
        }
        catch
        {
            await new HttpPhones(streams).DisposeAsync();
            throw;
        }
        return new HttpPhones(streams);
    }

    /// <summary>
    /// Managed heap after a full, compacting collection and the process's working set, before and after
    /// connecting every participant, divided by their number; one unmeasured round first (JIT, first-use caches).
    /// </summary>
    private static async Task<(List<double> Heap, List<double> WorkingSet)> MeasureConnectionsAsync(Func<Task<HttpPhones>> connect, int count)
    {
        await (await connect()).DisposeAsync();
        var heap = new List<double>();
        var workingSet = new List<double>();
        for (var round = 0; round < MemoryRounds; round++)
        {
            // Closed connections end their requests on the server a moment later.
            await Task.Delay(500);
            var before = Snapshot();
            var phones = await connect();
            await Task.Delay(500);
            var after = Snapshot();
            heap.Add((after.Heap - before.Heap) / (double)count);
            workingSet.Add((after.WorkingSet - before.WorkingSet) / (double)count);
            await phones.DisposeAsync();
        }
        return (heap, workingSet);
    }

    private static (long Heap, long WorkingSet) Snapshot()
    {
        // Aggressive: compacts and gives memory back to the system, so the working set is not what an earlier
        // collection had yet to return.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(false), process.WorkingSet64);
    }

    /// <summary>Each instance's base address.</summary>
    private static readonly Dictionary<BenchApp, IPEndPoint> Endpoints = [];

    /// <summary>
    /// A phone's open event stream on the room's own endpoint (<c>/w/room/{id}/events</c>, the participant's cookie
    /// sent as a browser would), as thin as a client can be (a socket, a pending read of 256 bytes), so that the
    /// process's growth is mostly the server's. Counts the events it is sent: each would reload a real phone.
    /// </summary>
    private sealed class HttpPhone : IAsyncDisposable
    {
        private static readonly byte[] EventMark = "\nevent: "u8.ToArray();
        private readonly Socket _socket;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _events;

        private HttpPhone(Socket socket)
        {
            _socket = socket;
            _loop = LoopAsync();
        }

        /// <summary>Events received since the last call.</summary>
        public int TakeEvents() => Interlocked.Exchange(ref _events, 0);

        public static async Task<HttpPhone> ConnectAsync(IPEndPoint endpoint, Participant participant)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endpoint);
                var workshopId = participant.Workshop.Id;
                var request = $"GET /w/room/{workshopId:D}/events HTTP/1.1\r\nHost: {endpoint}\r\nAccept: text/event-stream\r\n"
                    + $"Cookie: {RoomCookies.NameFor(workshopId)}={participant.Secret}\r\n\r\n";
                await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(request));
                // Up to the stream's first lines: the server has read the participant and subscribed.
                var buffer = new byte[4096];
                var received = 0;
                while (System.Text.Encoding.ASCII.GetString(buffer, 0, received) is var text && !text.Contains("retry: ", StringComparison.Ordinal))
                {
                    var n = await socket.ReceiveAsync(buffer.AsMemory(received));
                    if (n == 0 || received + n >= buffer.Length)
                    {
                        throw new InvalidOperationException($"The event stream did not open: {text}");
                    }
                    received += n;
                }
                if (!System.Text.Encoding.ASCII.GetString(buffer, 0, received).StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The event stream answered something else than 200.");
                }
                return new HttpPhone(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        private async Task LoopAsync()
        {
            var buffer = new byte[256];
            try
            {
                int n;
                while ((n = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token)) > 0)
                {
                    // An event is small and the stream quiet: one read holds it whole, or the count errs by one.
                    var span = buffer.AsSpan(0, n);
                    for (var at = span.IndexOf(EventMark); at >= 0; at = span.IndexOf(EventMark))
                    {
                        Interlocked.Increment(ref _events);
                        span = span[(at + EventMark.Length)..];
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _socket.Dispose();
            _stop.Dispose();
        }
    }

    private sealed class HttpPhones(List<HttpPhone> phones) : IAsyncDisposable
    {
        /// <summary>Events the phones were sent since the last call, all together.</summary>
        public int TakeEvents() => phones.Sum(p => p.TakeEvents());

        public async ValueTask DisposeAsync()
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    /// <summary>What one run measured.</summary>
    private sealed record RunFigures(double P50, double P95, double P99, double Max, int Taps, int Refused, int Reads, int Uncovered, int NudgeCovered, double TapP50, double TapP95, int StampMissing, double Seconds, int PhoneEvents)
    {
        public override string ToString()
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"tap → screen p50 {P50:F1} ms, p95 {P95:F1}, p99 {P99:F1}, max {Max:F0}; {Taps} taps ({Taps / Seconds:F0}/s), {Refused} refused; {Reads} screen reads ({Reads / Seconds:F0}/s); {PhoneEvents} events to the phones; the tap itself p50 {TapP50:F1} ms, p95 {TapP95:F1}");
            return Uncovered + NudgeCovered + StampMissing == 0 ? line
                : line + string.Create(CultureInfo.InvariantCulture, $"; {NudgeCovered} covered by the closing read only, {Uncovered} never, {StampMissing} without a commit stamp");
        }
    }

    private readonly record struct Tap(long Start, long Committed, long Returned);

    private readonly record struct Read(long Start, long End);

    /// <summary>
    /// Every participant taps once a second (first tap at a random point of the first second) through the room
    /// service on <paramref name="taps"/>; each workshop's screen follows through a feed on <paramref name="screens"/>.
    /// A tap is shown by the first read that began after its commit.
    /// </summary>
    private static async Task<RunFigures> TapAsync(BenchApp taps, BenchApp screens, List<SeededWorkshop> workshops, List<Participant> participants, HttpPhones phones, int seconds, int seedOffset)
    {
        phones.TakeEvents();
        var signals = screens.Services.GetRequiredService<WorkshopSignals>();
        var reads = workshops.ToDictionary(w => w.Id, _ => new List<Read>());
        // One signed-in scope per screen, as one circuit per projector.
        var screenScopes = new List<AsyncServiceScope>();
        foreach (var _ in workshops)
        {
            screenScopes.Add(await SignedInScopeAsync(screens.Services, Facilitator));
        }
        var feeds = workshops.Select((w, i) =>
        {
            var console = screenScopes[i].ServiceProvider.GetRequiredService<WorkshopConsoleService>();
            return new WorkshopFeed(signals, w.Id, async (_, cancellationToken) =>
            {
                // What the big screen (ScreenPage) does on each signal: the room as the screen reads it, results included.
                var start = Stopwatch.GetTimestamp();
                var state = await console.ReadAsync(w.LabId, w.Id, forScreen: true, cancellationToken);
                if (state?.Current is not { Hidden: false })
                {
                    throw new InvalidOperationException("The screen was shown no results.");
                }
                reads[w.Id].Add(new Read(start, Stopwatch.GetTimestamp()));
            }, pace: WorkshopFeed.ScreenPace);
        }).ToList();
        var tapped = workshops.ToDictionary(w => w.Id, _ => new ConcurrentQueue<Tap>());
        var refused = new ConcurrentDictionary<string, int>();
        var stampMissing = 0;
        var runStart = Stopwatch.GetTimestamp();
        await Task.WhenAll(participants.Select(participant => Task.Run(async () =>
        {
            var random = new Random(seedOffset + participant.Workshop.Id.GetHashCode() + participant.Index);
            var first = random.NextDouble();
            // Taps are due once a second; a late one goes at once, and none starts after the run's time, so a
            // server that cannot keep up shows in fewer taps a second rather than in a longer run.
            for (var k = 0; first + k < seconds && Stopwatch.GetElapsedTime(runStart).TotalSeconds < seconds; k++)
            {
                var wait = TimeSpan.FromSeconds(first + k) - Stopwatch.GetElapsedTime(runStart);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                var stamp = new StrongBox<long>();
                CommitStamps.Current.Value = stamp;
                var start = Stopwatch.GetTimestamp();
                SaveResult result;
                // One scope per tap, as one request per POST.
                await using (var scope = taps.Services.CreateAsyncScope())
                {
                    var room = scope.ServiceProvider.GetRequiredService<WorkshopRoomService>();
                    var item = WorkshopItems.Option((k / 2 + participant.Index) % Options);
                    result = participant.Workshop.Kind == WorkshopStepKind.DotVote
                        // A dot on an item, then taken back: the budget is never in the way.
                        ? await room.GiveDotsAsync(participant.Workshop.Id, participant.Secret, participant.Workshop.StepId, item, k % 2 == 0 ? 1 : 0)
                        : await room.PlaceAsync(participant.Workshop.Id, participant.Secret, participant.Workshop.StepId, item, 1 + random.Next(5), 1 + random.Next(5));
                }
                var returned = Stopwatch.GetTimestamp();
                CommitStamps.Current.Value = null;
                if (!result.Succeeded)
                {
                    refused.AddOrUpdate(result.MessageKey ?? result.Status.ToString(), 1, (_, n) => n + 1);
                    continue;
                }
                if (stamp.Value == 0)
                {
                    Interlocked.Increment(ref stampMissing);
                }
                tapped[participant.Workshop.Id].Enqueue(new Tap(start, stamp.Value == 0 ? returned : stamp.Value, returned));
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(runStart).TotalSeconds;
        await AllIdleAsync(feeds);
        var phoneEvents = phones.TakeEvents();
        var readsBeforeNudge = reads.ToDictionary(r => r.Key, r => r.Value.Count);
        // A read that began between a commit and its stamp does not count for that tap; one more signal per
        // workshop makes sure a last tap is still shown (counted apart, below).
        await using (var scope = taps.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MutualisonsDbContext>>().CreateDbContextAsync();
            foreach (var workshop in workshops)
            {
                await WorkshopSignals.NotifyAsync(db, workshop.Id, WorkshopChange.Answers);
            }
        }
        var nudged = Stopwatch.StartNew();
        while (reads.Any(r => r.Value.Count == readsBeforeNudge[r.Key]) && nudged.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
        await AllIdleAsync(feeds);
        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }
        foreach (var scope in screenScopes)
        {
            await scope.DisposeAsync();
        }

        var latencies = new List<double>();
        var uncovered = 0;
        var nudgeCovered = 0;
        foreach (var workshop in workshops)
        {
            var list = reads[workshop.Id];
            var starts = list.Select(r => r.Start).ToArray();
            foreach (var tap in tapped[workshop.Id])
            {
                var index = Array.BinarySearch(starts, tap.Committed);
                index = index < 0 ? ~index : index;
                if (index >= list.Count)
                {
                    uncovered++;
                    continue;
                }
                if (index >= readsBeforeNudge[workshop.Id])
                {
                    nudgeCovered++;
                }
                latencies.Add(Stopwatch.GetElapsedTime(tap.Start, list[index].End).TotalMilliseconds);
            }
        }
        var tapTimes = tapped.Values.SelectMany(q => q).Select(t => Stopwatch.GetElapsedTime(t.Start, t.Returned).TotalMilliseconds).ToList();
        foreach (var (code, n) in refused)
        {
            Console.WriteLine($"    refused: {code} × {n}");
        }
        return new RunFigures(Bench.Percentile(latencies, 50), Bench.Percentile(latencies, 95), Bench.Percentile(latencies, 99), latencies.Count == 0 ? double.NaN : latencies.Max(),
            tapTimes.Count + refused.Values.Sum(), refused.Values.Sum(), readsBeforeNudge.Values.Sum(), uncovered, nudgeCovered,
            Bench.Percentile(tapTimes, 50), Bench.Percentile(tapTimes, 95), stampMissing, elapsed, phoneEvents);
    }

    /// <summary>A scope signed in as <paramref name="email"/>, as a circuit is for its person.</summary>
    private static async Task<AsyncServiceScope> SignedInScopeAsync(IServiceProvider services, string email)
    {
        var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync(email);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(user!);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>Waits until no feed has a read running or asked for.</summary>
    private static async Task AllIdleAsync(List<WorkshopFeed> feeds)
    {
        // A signal still on its way can start a feed again: settle twice, a moment apart.
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(feeds.Select(f => f.Idle));
            await Task.Delay(200);
        }
        await Task.WhenAll(feeds.Select(f => f.Idle));
    }

    /// <summary>
    /// Stamps a tap's commit: the tap puts a box in <see cref="Current"/>, which flows into the room service's
    /// calls, and the commit of its transaction writes the time into it. Other transactions find no box.
    /// </summary>
    private sealed class CommitStamps : DbTransactionInterceptor
    {
        public static readonly CommitStamps Instance = new();

        public static readonly AsyncLocal<StrongBox<long>?> Current = new();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { } box)
            {
                box.Value = Stopwatch.GetTimestamp();
            }
            return Task.CompletedTask;
        }
    }
}
