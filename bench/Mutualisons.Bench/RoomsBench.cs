using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Resources;
using Mutualisons.Web.Features.Resources.Rooms;

namespace Mutualisons.Bench;

// Shared resources (issue 13): matching 1,000 needs against 1,000 offers in a lab of 100 located organisations,
// and many people booking the same rooms at once through BookingService, the path the booking dialog takes.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0005:Weak random number generator",
    Justification = "Made-up benchmark data and workload from seeded sources, so runs compare; no secret comes from them.")]
internal static class RoomsBench
{
    private const string Facilitator = "rooms-bench@example.org";
    private static readonly string[] Themes = ["Cartographie des initiatives", "Accueil des personnes réfugiées", "Alimentation durable", "Logement", "Mobilité", "Énergie", "Santé", "Culture", "Emploi", "Économie sociale"];

    /// <summary>matching [runs] [organisations] [offers] [needs]</summary>
    public static async Task<int> MatchingAsync(string[] args)
    {
        var runs = Bench.IntArgument(args, 0, 9);
        var organisations = Bench.IntArgument(args, 1, 100);
        var offers = Bench.IntArgument(args, 2, 1000);
        var needs = Bench.IntArgument(args, 3, 1000);
        Bench.UseWebContentRoot();
        var connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        try
        {
            await using var app = new BenchApp(connectionString);
            var (labId, _) = await SeedLabAsync(app.Services, organisations, 0, 0);
            await SeedDeclarationsAsync(app.Services, labId, offers, needs);
            await AnalyzeAsync(connectionString);
            Console.WriteLine($"Matching benchmark: {organisations} located organisations, {offers} offers, {needs} needs (four kinds), {runs} runs, {Environment.ProcessorCount} cores");
            var cpuBefore = Bench.CpuCheck();

            // (a) Every need against every offer, in memory, as ResourceMatching does for one need at a time.
            List<ResourceDeclaration> all;
            Dictionary<Guid, GeoPoint> points;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
                all = await db.ResourceDeclarations.AsNoTracking().Where(d => d.LabId == labId).ToListAsync();
                points = (await db.Organisations.AsNoTracking().Where(o => o.Address.Latitude != null)
                    .Select(o => new { o.Id, o.Address.Latitude, o.Address.Longitude }).ToListAsync())
                    .ToDictionary(o => o.Id, o => new GeoPoint(o.Latitude!.Value, o.Longitude!.Value));
            }
            var offerList = all.Where(d => d.IsOffer).ToList();
            var needList = all.Where(d => !d.IsOffer).ToList();
            // The service has the database narrow to the need's kind; so does this.
            var offersByKind = offerList.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.ToList());
            GeoPoint? Locate(Guid id) => points.TryGetValue(id, out var p) ? p : null;
            var whole = new List<double>();
            var found = 0;
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                found = 0;
                foreach (var need in needList)
                {
                    found += ResourceMatching.OffersFor(need, offersByKind.GetValueOrDefault(need.Kind) ?? [], Locate).Count;
                }
                watch.Stop();
                if (run > 0)
                {
                    whole.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            // (b) One need's matches as the dialog asks for them: rights, the database narrowing, the domain ranking.
            var random = new Random(7);
            var service = new List<double>();
            await using (var scope = await SignedInScopeAsync(app.Services, Facilitator))
            {
                var resources = scope.ServiceProvider.GetRequiredService<ResourceService>();
                for (var run = 0; run <= runs * 5; run++)
                {
                    var need = needList[random.Next(needList.Count)];
                    var watch = Stopwatch.StartNew();
                    var view = await resources.GetMatchesAsync(labId, need.Id) ?? throw new InvalidOperationException("The need was not found.");
                    watch.Stop();
                    if (run > 0)
                    {
                        service.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
            }
            Console.WriteLine();
            Console.WriteLine($"  {"",-60}{"median ms",10}{"min ms",10}{"max ms",10}   goal");
            Console.WriteLine($"  {$"all {needList.Count} needs × {offerList.Count} offers, in memory ({found} matches)",-60}{Bench.Median(whole),10:F1}{whole.Min(),10:F1}{whole.Max(),10:F1}   < 200 ms");
            Console.WriteLine($"  {"one need's matches: ResourceService.GetMatchesAsync",-60}{Bench.Median(service),10:F1}{service.Min(),10:F1}{service.Max(),10:F1}   ({service.Count} calls, p95 {Bench.Percentile(service, 95):F1} ms)");
            Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
            return 0;
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>booking [clients] [seconds] [rooms] [days]</summary>
    public static async Task<int> BookingAsync(string[] args)
    {
        var clients = Bench.IntArgument(args, 0, 50);
        var seconds = Bench.IntArgument(args, 1, 60);
        var rooms = Bench.IntArgument(args, 2, 10);
        var days = Bench.IntArgument(args, 3, 30);
        Bench.UseWebContentRoot();
        // A refused booking is an expected answer, but EF Core logs every failed command and save at Error with its
        // SQL and stack: thousands of them would bury the figures.
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore", "Fatal");
        var connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        try
        {
            await using var app = new BenchApp(connectionString);
            var (labId, people) = await SeedLabAsync(app.Services, clients, clients, rooms);
            List<Guid> roomIds;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
                roomIds = await db.Rooms.Where(r => r.LabId == labId).Select(r => r.Id).ToListAsync();
            }
            Console.WriteLine($"Booking benchmark: {clients} clients, each an occupant booking for its organisation through BookingService.BookAsync, for {seconds} s, "
                + $"{rooms} rooms over {days} days (08:00-22:00, 30 to 120 minutes), {Environment.ProcessorCount} cores");
            var cpuBefore = Bench.CpuCheck();
            var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
            var outcomes = new ConcurrentDictionary<SaveStatus, int>();
            var latencies = new ConcurrentBag<double>();
            var bookedAt = new ConcurrentBag<double>();
            var freeSlotsOffered = 0;
            var stop = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(people.Select((person, index) => Task.Run(async () =>
            {
                // One scope per client, as one circuit per person in the app.
                await using var scope = await SignedInScopeAsync(app.Services, person.Email);
                var bookings = scope.ServiceProvider.GetRequiredService<BookingService>();
                var random = new Random(1000 + index);
                while (stop.Elapsed < deadline)
                {
                    var start = new TimeOnly(8, 0).AddMinutes(30 * random.Next(0, 25));
                    var end = start.AddMinutes(30 * random.Next(1, 5));
                    if (end <= start || end > new TimeOnly(22, 0))
                    {
                        end = new TimeOnly(22, 0);
                    }
                    var input = new BookingInput
                    {
                        RoomId = roomIds[random.Next(roomIds.Count)],
                        OrganisationId = person.Organisation,
                        Date = DayText.Of(firstDay.AddDays(random.Next(days))),
                        From = TimeText.Of(start),
                        Until = TimeText.Of(end),
                        Purpose = $"Réunion {index}",
                    };
                    var watch = Stopwatch.StartNew();
                    var result = await bookings.BookAsync(labId, input);
                    watch.Stop();
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    outcomes.AddOrUpdate(result.Result.Status, 1, (_, n) => n + 1);
                    if (result.Result.Succeeded)
                    {
                        bookedAt.Add(stop.Elapsed.TotalSeconds);
                    }
                    if (result.FreeSlots.Count > 0)
                    {
                        Interlocked.Increment(ref freeSlotsOffered);
                    }
                }
            }))).ConfigureAwait(false);
            var elapsed = stop.Elapsed.TotalSeconds;

            long live, overlaps;
            await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM bookings WHERE cancelled_at IS NULL", connection);
                live = (long)(await count.ExecuteScalarAsync())!;
                // Any two live bookings of one room whose half-open ranges meet: the constraint says there are none.
                await using var check = new Npgsql.NpgsqlCommand("""
                    SELECT count(*) FROM bookings a JOIN bookings b
                      ON a.room_id = b.room_id AND a.id < b.id
                     AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                    WHERE a.cancelled_at IS NULL AND b.cancelled_at IS NULL
                    """, connection);
                overlaps = (long)(await check.ExecuteScalarAsync())!;
            }
            var saved = outcomes.GetValueOrDefault(SaveStatus.Saved);
            var taken = outcomes.GetValueOrDefault(SaveStatus.Taken);
            var attempts = latencies.Count;
            Console.WriteLine();
            Console.WriteLine($"  attempts                      {attempts,8}  ({attempts / elapsed:F1}/s)");
            Console.WriteLine($"  booked                        {saved,8}  ({saved / elapsed:F1} bookings/s)");
            Console.WriteLine($"  refused by the constraint     {taken,8}  ({(attempts == 0 ? 0 : 100.0 * taken / attempts):F1} %; {freeSlotsOffered} of them offered free slots nearby)");
            foreach (var (status, n) in outcomes.Where(o => o.Key is not SaveStatus.Saved and not SaveStatus.Taken))
            {
                Console.WriteLine($"  {status,-30}{n,8}");
            }
            var slices = Enumerable.Range(0, (int)(elapsed / 10)).Select(i => bookedAt.Count(t => t >= i * 10 && t < (i + 1) * 10) / 10.0);
            Console.WriteLine($"  bookings/s per 10 s           {string.Join("  ", slices.Select(r => r.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}  (the calendar fills up)");
            Console.WriteLine($"  latency ms                    p50 {Bench.Percentile(latencies, 50):F1}  p95 {Bench.Percentile(latencies, 95):F1}  p99 {Bench.Percentile(latencies, 99):F1}  max {latencies.Max():F1}");
            Console.WriteLine($"  live bookings in the table    {live,8}  (booked: {saved}); overlapping pairs: {overlaps}");
            Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
            return overlaps == 0 && live == saved ? 0 : 1;
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task AnalyzeAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyze = new Npgsql.NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>A scope signed in as <paramref name="email"/>, as a circuit is for its person.</summary>
    internal static async Task<AsyncServiceScope> SignedInScopeAsync(IServiceProvider services, string email)
    {
        var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync(email);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(user!);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>
    /// A lab with a facilitator, <paramref name="organisations"/> member organisations located around Brussels,
    /// <paramref name="occupants"/> accounts each representing one of them, and <paramref name="rooms"/> rooms.
    /// </summary>
    private static async Task<(Guid LabId, List<(string Email, Guid Organisation)> Occupants)> SeedLabAsync(IServiceProvider services, int organisations, int occupants, int rooms)
    {
        var people = new List<(string Email, Guid Organisation)>();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var facilitator = new UserAccount { UserName = Facilitator, Email = Facilitator, DisplayName = "Bench", CreatedAt = now };
        await users.CreateAsync(facilitator);
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var lab = new Mutualisation("Rooms bench lab", null, [ResourceKind.Place], CooperationLevel.Simple, now.AddYears(-1));
        lab.GrantRole(facilitator.Id, LabRole.Facilitator, null, now);
        db.Mutualisations.Add(lab);
        for (var o = 0; o < organisations; o++)
        {
            // Within about 15 km of the Grand-Place, a few farther (Leuven, Namur) so the cut-off has work.
            var (lat, lon) = o % 10 == 9 ? (50.88 + random.NextDouble() * 0.6 - 0.4, 4.70 + random.NextDouble() * 0.3) : (50.8467 + (random.NextDouble() - 0.5) * 0.25, 4.3525 + (random.NextDouble() - 0.5) * 0.35);
            var organisation = new Organisation(new OrganisationProfile($"Organisation {o:D3}", OrganisationKind.Association, "Social", null, null,
                new PostalAddress($"Rue {o}", "1000", "Bruxelles", "BE", lat, lon), [Language.French], []), now);
            db.Organisations.Add(organisation);
            lab.AddMember(organisation.Id, MembershipRole.Participant, now);
            if (o < occupants)
            {
                var email = $"occupant-{o:D3}@example.org";
                var account = new UserAccount { UserName = email, Email = email, DisplayName = $"Occupant {o}", CreatedAt = now };
                await users.CreateAsync(account);
                lab.GrantRole(account.Id, LabRole.Participant, organisation.Id, now);
                people.Add((email, organisation.Id));
            }
        }
        for (var r = 0; r < rooms; r++)
        {
            db.Rooms.Add(new Room(lab.Id, $"Salle {r + 1}", 10 + r * 5, null, now));
        }
        await db.SaveChangesAsync();
        return (lab.Id, people);
    }

    private static async Task SeedDeclarationsAsync(IServiceProvider services, Guid labId, int offers, int needs)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(43);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var organisations = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships).Select(m => m.OrganisationId).ToListAsync();
        var kinds = Enum.GetValues<PooledResourceKind>();
        var skills = Enum.GetValues<Skill>();
        ResourceDetails Details(PooledResourceKind kind, bool offer, int i)
        {
            switch (kind)
            {
                case PooledResourceKind.Place:
                    var days = (Weekdays)(1 << random.Next(5)) | (offer ? (Weekdays)(1 << random.Next(5)) : Weekdays.None);
                    var from = 8 + random.Next(6);
                    return new ResourceDetails($"Salle {i}", Capacity: offer ? 10 + random.Next(50) : 5 + random.Next(30), AreaSquareMetres: offer ? 20 + random.Next(100) : 15 + random.Next(60),
                        Days: days, From: new TimeOnly(from, 0), Until: new TimeOnly(from + 2 + random.Next(6), 0), MaxDistanceKm: !offer && i % 3 == 0 ? 5 + random.Next(10) : null);
                case PooledResourceKind.Workforce:
                    return new ResourceDetails($"Expertise {i}", Skill: skills[random.Next(skills.Length)], HoursPerMonth: offer ? 4 + random.Next(20) : 2 + random.Next(10));
                case PooledResourceKind.Service:
                    return new ResourceDetails($"Service {i}", HoursPerMonth: offer ? 4 + random.Next(20) : 2 + random.Next(10), MaxDistanceKm: !offer && i % 4 == 0 ? 10 : null);
                default:
                    return new ResourceDetails($"Données {i}", Theme: Themes[random.Next(Themes.Length)], Format: random.Next(2) == 0 ? "CSV" : "GeoJSON");
            }
        }
        for (var i = 0; i < offers + needs; i++)
        {
            var offer = i < offers;
            var kind = kinds[i % kinds.Length];
            db.ResourceDeclarations.Add(new ResourceDeclaration(labId, organisations[random.Next(organisations.Count)], offer ? ResourceSide.Offer : ResourceSide.Need, kind, Details(kind, offer, i), null, now));
        }
        await db.SaveChangesAsync();
    }
}
