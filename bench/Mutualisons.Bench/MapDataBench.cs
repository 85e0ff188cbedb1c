using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources.MapData;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Resources.MapData;

namespace Mutualisons.Bench;

// Collaborative map data (issue 13): importing 20,000 entries (CSV through MapImportService, written by COPY),
// the map's viewport at 20,000 entries through MapReadService (what the map page asks), and the GeoJSON export
// streamed by MapExportService with the live heap measured as it goes, for two sizes.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0005:Weak random number generator",
    Justification = "Made-up benchmark data from seeded sources, so runs compare; no secret comes from them.")]
internal static class MapDataBench
{
    private const string Facilitator = "map-bench@example.org";
    private static readonly string[] Sources = ["Cartographes", "Transition", "Mycélium", "Agroécologie", "Réemploi solidaire"];

    /// <summary>Central Brussels: the view a person opens the map on.</summary>
    private static readonly MapBox Brussels = new(50.82, 4.32, 50.87, 4.40);

    /// <summary>mapdata [runs] [entries] [imports] [small]</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Bench.IntArgument(args, 0, 15);
        var entries = Bench.IntArgument(args, 1, 20_000);
        var imports = Bench.IntArgument(args, 2, 3);
        var small = Bench.IntArgument(args, 3, 5_000);
        Bench.UseWebContentRoot();
        var connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        try
        {
            // 20,000 rows of ~200 bytes fit the default 10 MB; a larger count needs a larger limit.
            await using var app = new BenchApp(connectionString, b => b.UseSetting("MapData:MaxImportBytes", (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture)));
            var labId = await SeedLabAsync(app.Services);
            Console.WriteLine($"Map data benchmark: {entries} entries per import ({imports} imports), viewport and export {runs} runs, {Environment.ProcessorCount} cores");
            var cpuBefore = Bench.CpuCheck();

            // (a) The import: a CSV of 20,000 rows through MapImportService as the lab's facilitator (a moderator:
            // the entries are accepted at once, each with its proposal, approval and acceptance in its history).
            var csv = Csv(entries, seed: 11);
            var previews = new List<double>();
            var importSeconds = new List<double>();
            var sets = new List<Guid>();
            for (var run = 0; run < imports; run++)
            {
                var set = await DataSetAsync(app.Services, labId, $"Carte {run}");
                sets.Add(set);
                await using var scope = await RoomsBench.SignedInScopeAsync(app.Services, Facilitator);
                var service = scope.ServiceProvider.GetRequiredService<MapImportService>();
                var watch = Stopwatch.StartNew();
                var preview = await service.PreviewAsync(labId, set, new MemoryStream(csv), "carte.csv", null) ?? throw new InvalidOperationException("No preview.");
                previews.Add(watch.Elapsed.TotalSeconds);
                if (preview.Valid != entries)
                {
                    throw new InvalidOperationException($"{preview.Invalid} bad rows: {string.Join(" ", preview.Rows.First(r => !r.IsValid).Errors)}");
                }
                watch.Restart();
                var (result, _) = await service.ImportAsync(labId, set, new MemoryStream(csv), "carte.csv", null, skipBadRows: false);
                importSeconds.Add(watch.Elapsed.TotalSeconds);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Import refused: {result.Status} {result.MessageKey}");
                }
            }
            // Where the import's time goes: the same steps outside the service, on generated content (no file):
            // the entries built and accepted by the domain, then the three COPYs, rolled back.
            var building = new List<double>();
            var copying = new List<double>();
            for (var run = 0; run < imports; run++)
            {
                var (build, copy) = await BreakdownAsync(app.Services, sets[0], entries);
                building.Add(build);
                copying.Add(copy);
            }
            // One data set of 20,000 and one of 5,000 stay; the others go, so the table holds what the figures say.
            var big = sets[^1];
            var smallSet = await DataSetAsync(app.Services, labId, "Petite carte");
            await using (var scope = await RoomsBench.SignedInScopeAsync(app.Services, Facilitator))
            {
                var (result, _) = await scope.ServiceProvider.GetRequiredService<MapImportService>().ImportAsync(labId, smallSet, new MemoryStream(Csv(small, seed: 12)), "petite.csv", null, skipBadRows: false);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Import refused: {result.Status} {result.MessageKey}");
                }
            }
            await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var delete = new Npgsql.NpgsqlCommand("DELETE FROM map_data_sets WHERE id = ANY(@ids)", connection);
                delete.Parameters.AddWithValue("ids", sets.Take(sets.Count - 1).ToArray());
                await delete.ExecuteNonQueryAsync();
                await using var vacuum = new Npgsql.NpgsqlCommand("VACUUM ANALYZE", connection);
                await vacuum.ExecuteNonQueryAsync();
            }
            long stored, history;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
                stored = await db.MapEntries.LongCountAsync(e => e.DataSetId == big && e.Current != null);
                history = await db.MapEntries.Where(e => e.DataSetId == big).SelectMany(e => e.History).LongCountAsync();
            }

            // (b) The viewport, as the map page reads it when the view settles: a city view, and the whole data set
            // (the first load, before the map reports its view). Rights, data set, box query from the GiST index.
            var city = new List<double>();
            var whole = new List<double>();
            var filtered = new List<double>();
            int cityPoints = 0, wholePoints = 0, filteredPoints = 0;
            await using (var scope = await RoomsBench.SignedInScopeAsync(app.Services, Facilitator))
            {
                var reads = scope.ServiceProvider.GetRequiredService<MapReadService>();
                var categories = (await reads.DataSetAsync(labId, big))!.Categories;
                var food = categories.First(c => c.NameFr == "Alimentation").Id;
                for (var run = 0; run <= runs; run++)
                {
                    var watch = Stopwatch.StartNew();
                    cityPoints = (await reads.ViewportAsync(labId, big, Brussels, new MapFilter()))!.Count;
                    var a = watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                    filteredPoints = (await reads.ViewportAsync(labId, big, Brussels, new MapFilter(food, "Lieu 1")))!.Count;
                    var b = watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                    wholePoints = (await reads.ViewportAsync(labId, big, MapBox.World, new MapFilter()))!.Count;
                    var c = watch.Elapsed.TotalMilliseconds;
                    // The first round warms the JIT and the caches.
                    if (run > 0)
                    {
                        city.Add(a);
                        filtered.Add(b);
                        whole.Add(c);
                    }
                }
            }

            // (c) The GeoJSON export to a stream that keeps nothing, for 5,000 and 20,000 entries: the live heap is
            // read (after a full collection) every 256 KB written, and compared with the heap before the export;
            // the time is that of runs without the readings.
            var exports = new List<(int Entries, ExportFigures Figures)>();
            await using (var scope = await RoomsBench.SignedInScopeAsync(app.Services, Facilitator))
            {
                var export = scope.ServiceProvider.GetRequiredService<MapExportService>();
                await ExportAsync(export, labId, smallSet, long.MaxValue);
                foreach (var (set, count) in new[] { (smallSet, small), (big, entries) })
                {
                    var figures = new List<ExportFigures>();
                    var plain = new List<double>();
                    for (var run = 0; run < 3; run++)
                    {
                        figures.Add(await ExportAsync(export, labId, set, 256 * 1024));
                        // Timed alone: the sampling's full collections would count in it.
                        plain.Add((await ExportAsync(export, labId, set, long.MaxValue)).Milliseconds);
                    }
                    exports.Add((count, figures.OrderBy(f => f.PeakLiveGrowth).ElementAt(figures.Count / 2) with { Milliseconds = Bench.Median(plain) }));
                }
            }

            Console.WriteLine();
            Console.WriteLine($"  {"",-66}{"median",10}{"min",10}{"max",10}   goal");
            Console.WriteLine($"  {$"import {entries} entries: MapImportService.ImportAsync (s)",-66}{Bench.Median(importSeconds),10:F2}{importSeconds.Min(),10:F2}{importSeconds.Max(),10:F2}   seconds, COPY");
            Console.WriteLine($"  {"  of which reading and checking the file: PreviewAsync alone (s)",-66}{Bench.Median(previews),10:F2}{previews.Min(),10:F2}{previews.Max(),10:F2}");
            Console.WriteLine($"  {"  building and accepting the entries in the domain, no I/O (s)",-66}{Bench.Median(building),10:F2}{building.Min(),10:F2}{building.Max(),10:F2}");
            Console.WriteLine($"  {"  COPY of entries, contributions, history (rolled back) (s)",-66}{Bench.Median(copying),10:F2}{copying.Min(),10:F2}{copying.Max(),10:F2}");
            Console.WriteLine($"  {$"viewport, central Brussels ({cityPoints} points) (ms)",-66}{Bench.Median(city),10:F1}{city.Min(),10:F1}{city.Max(),10:F1}   < 100 ms");
            Console.WriteLine($"  {$"viewport, Brussels, a category and a name ({filteredPoints} points) (ms)",-66}{Bench.Median(filtered),10:F1}{filtered.Min(),10:F1}{filtered.Max(),10:F1}   < 100 ms");
            Console.WriteLine($"  {$"viewport, the whole data set ({wholePoints} points) (ms)",-66}{Bench.Median(whole),10:F1}{whole.Min(),10:F1}{whole.Max(),10:F1}   (the first load)");
            Console.WriteLine($"  stored: {stored} accepted entries in the data set, {history} history rows ({runs} viewport runs each)");
            Console.WriteLine();
            Console.WriteLine($"  {"GeoJSON export (medians of 3)",-32}{"entries",10}{"ms",10}{"MB out",10}{"live heap peak - before",26}{"allocated/entry",18}");
            foreach (var (count, f) in exports)
            {
                Console.WriteLine($"  {"",-32}{count,10}{f.Milliseconds,10:F0}{f.BytesOut / 1048576.0,10:F1}{$"{f.PeakLiveGrowth / 1048576.0:F2} MB ({f.Samples} samples)",26}{$"{f.Allocated / (double)count:F0} B",18}");
            }
            var growth = exports[^1].Figures.PeakLiveGrowth - exports[0].Figures.PeakLiveGrowth;
            Console.WriteLine($"  live heap growth from {exports[0].Entries} to {exports[^1].Entries} entries: {growth / 1048576.0:F2} MB (flat memory: the same for both sizes, within the noise of a live app)");
            Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
            return stored == entries ? 0 : 1;
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<(double Build, double Copy)> BreakdownAsync(IServiceProvider services, Guid setId, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var set = await db.MapDataSets.AsNoTracking().AsSplitQuery().SingleAsync(d => d.Id == setId);
        var category = set.Categories[0].Id;
        var source = set.Contributors[0].OrganisationId;
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var built = new List<MapEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var content = MapEntryContent.Of($"Lieu {i}", [category], $"Rue {i}", 50.8 + i * 1e-5, 4.3 + i * 1e-5, "Une initiative solidaire.", null, null, null, null, $"https://example.org/lieu/{i}", source, null);
            var entry = MapEntry.Propose(set, content, null, null, now);
            entry.Approve(set, entry.Pending!.Id, MapReviewer.Moderator(null), now);
            built.Add(entry);
        }
        var build = watch.Elapsed.TotalSeconds;
        await using var transaction = await db.Database.BeginTransactionAsync();
        watch.Restart();
        await db.CopyAsync(built);
        await db.CopyAsync(built.SelectMany(e => e.Contributions));
        await db.CopyAsync(built.SelectMany(e => e.History));
        var copy = watch.Elapsed.TotalSeconds;
        await transaction.RollbackAsync();
        return (build, copy);
    }

    private sealed record ExportFigures(double Milliseconds, long BytesOut, long PeakLiveGrowth, int Samples, long Allocated);

    private static async Task<ExportFigures> ExportAsync(MapExportService export, Guid labId, Guid set, long sampleEvery)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var output = new SamplingNullStream(sampleEvery);
        var watch = Stopwatch.StartNew();
        if (!await export.WriteGeoJsonAsync(labId, set, output))
        {
            throw new InvalidOperationException("The export was refused.");
        }
        watch.Stop();
        var allocatedDuring = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new ExportFigures(watch.Elapsed.TotalMilliseconds, output.Length, output.PeakLive - before, output.Samples, allocatedDuring);
    }

    /// <summary>
    /// Keeps nothing of what is written; every <c>interval</c> bytes it reads the live managed heap after a full
    /// collection, so the peak says what the export holds while it streams, not what it has allocated and dropped.
    /// </summary>
    private sealed class SamplingNullStream(long interval) : Stream
    {
        private readonly long _interval = interval;
        private long _length;
        private long _nextSample = interval;

        public long PeakLive { get; private set; }

        public int Samples { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Wrote(count);

        public override void Write(ReadOnlySpan<byte> buffer) => Wrote(buffer.Length);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Wrote(buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Wrote(count);
            return Task.CompletedTask;
        }

        private void Wrote(int count)
        {
            _length += count;
            if (_length >= _nextSample)
            {
                // long.MaxValue means never: the sum saturates rather than wrapping round to a reading at every write.
                _nextSample = _length > long.MaxValue - _interval ? long.MaxValue : _length + _interval;
                PeakLive = Math.Max(PeakLive, GC.GetTotalMemory(forceFullCollection: true));
                Samples++;
            }
        }
    }

    /// <summary>Rows around Brussels (six in ten) and across Belgium, each in one of the data set's categories and from one of its sources.</summary>
    private static byte[] Csv(int count, int seed)
    {
        var random = new Random(seed);
        string[] categories = ["Alimentation", "Épiceries", "Réemploi", "Mobilité", "Énergie", "Lieux de rencontre"];
        var text = new StringBuilder("name;categories;address;latitude;longitude;description_fr;website;source\n");
        for (var i = 0; i < count; i++)
        {
            var (lat, lon) = i % 10 < 6
                ? (50.76 + random.NextDouble() * 0.16, 4.24 + random.NextDouble() * 0.24)
                : (49.5 + random.NextDouble() * 2.0, 2.55 + random.NextDouble() * 3.8);
            text.Append(CultureInfo.InvariantCulture, $"Lieu {i};{categories[i % categories.Length]};Rue {i % 500} {i % 97}, 1000 Bruxelles;{lat:F6};{lon:F6};")
                .Append(CultureInfo.InvariantCulture, $"Une initiative solidaire, numéro {i}.;https://example.org/lieu/{i};{Sources[i % Sources.Length]}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<Guid> SeedLabAsync(IServiceProvider services)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var facilitator = new UserAccount { UserName = Facilitator, Email = Facilitator, DisplayName = "Bench", CreatedAt = now };
        await users.CreateAsync(facilitator);
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var lab = new Mutualisation("Map bench lab", null, [ResourceKind.Data], CooperationLevel.Simple, now.AddYears(-1));
        lab.GrantRole(facilitator.Id, LabRole.Facilitator, null, now);
        db.Mutualisations.Add(lab);
        foreach (var name in Sources)
        {
            var organisation = new Organisation(new OrganisationProfile(name, OrganisationKind.Association, "Social", null, null,
                new PostalAddress("Rue Haute 1", "1000", "Bruxelles", "BE", 50.84, 4.35), [Language.French], []), now);
            db.Organisations.Add(organisation);
            lab.AddMember(organisation.Id, MembershipRole.Participant, now);
        }
        await db.SaveChangesAsync();
        return lab.Id;
    }

    /// <summary>A data set of the lab: every organisation contributes, two approvals validate, a small taxonomy.</summary>
    private static async Task<Guid> DataSetAsync(IServiceProvider services, Guid labId, string name)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var organisations = await db.Organisations.Where(o => Sources.Contains(o.Name)).Select(o => o.Id).ToListAsync();
        var set = new MapDataSet(labId, name, null, null, MapDataVisibility.Everyone, 2, now);
        foreach (var organisation in organisations)
        {
            set.AddContributor(organisation, now);
        }
        var food = set.AddCategory(null, "Alimentation", "Voeding", "Food");
        set.AddCategory(food.Id, "Épiceries", "Kruideniers", "Grocery shops");
        set.AddCategory(null, "Réemploi", "Hergebruik", "Reuse");
        set.AddCategory(null, "Mobilité", "Mobiliteit", "Mobility");
        set.AddCategory(null, "Énergie", "Energie", "Energy");
        set.AddCategory(null, "Lieux de rencontre", "Ontmoetingsplaatsen", "Places to meet");
        db.MapDataSets.Add(set);
        await db.SaveChangesAsync();
        return set.Id;
    }
}
