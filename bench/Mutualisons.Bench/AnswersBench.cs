using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Diagnostic.Results;
using Npgsql;

namespace Mutualisons.Bench;

// Answers benchmark (cycle 1): a questionnaire of 30 questions answered 10,000 times through the real HTTP
// answer pages by 50 concurrent browsers, against the same rows inserted straight with Npgsql; then the
// results aggregates (computed by PostgreSQL) and the CSV and XLSX exports of those 10,000 responses.
internal static class AnswersBench
{
    // The JIT keeps promoting methods (tier 0, instrumented, tier 1) for thousands of requests: a run measured
    // before that settles measures the compiler. Warm-up goes by batches until one compiles few methods.
    private const int WarmUpBatch = 500;
    private const int WarmUpLinks = 8000;
    private const int QuietJitMethods = 100;
    private const int ResultsRuns = 7;
    private const int ExportRuns = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Bench.IntArgument(args, 0, 10_000);
        var clients = Bench.IntArgument(args, 1, 50);
        var runs = Bench.IntArgument(args, 2, 3);
        if (count < 1 || clients < 1 || runs < 1)
        {
            throw new ArgumentException("Usage: answers [responses] [clients] [runs], each at least 1.", nameof(args));
        }
        var total = Stopwatch.StartNew();
        Bench.UseWebContentRoot();
        // The app's own session settings, so the raw inserts and the app draw on one connection pool, as the
        // server's connection limit expects.
        var connectionString = Infrastructure.Persistence.DatabaseSetup.ForTheApp(await TestDatabaseServer.CreateMigratedDatabaseAsync());
        try
        {
            var port = FreePort();
            await using var app = new BenchApp(connectionString);
            // Real sockets on loopback: the clients pay for HTTP as a browser's requests would.
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            app.StartServer();
            var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            var server = await ServerSettingsAsync(connectionString);
            Console.WriteLine($"Answers benchmark: {AnswersSeed.QuestionCount} questions on one page, {count} responses, {clients} clients, {runs} runs; {Environment.ProcessorCount} cores; PostgreSQL ({TestDatabaseServer.Kind}): {server}");
            var cpuBefore = Bench.CpuCheck();

            // Seeding: one questionnaire per measured run for the HTTP path, one for the raw inserts, so no
            // run answers links another already used and the results read exactly one run's responses.
            var watch = Stopwatch.StartNew();
            var seed = new AnswersSeed(app.Services, connectionString);
            await seed.SeedLabAsync(Math.Max(count, WarmUpLinks));
            var warmUp = await seed.PublishAsync("Échauffement", WarmUpLinks);
            var warmUpRaw = await seed.PublishAsync("Échauffement (inserts directs)", 0);
            var questionnaires = new List<(SeededQuestionnaire Http, SeededQuestionnaire Raw)>();
            for (var run = 1; run <= runs; run++)
            {
                questionnaires.Add((await seed.PublishAsync($"Besoins des organisations {run}", count), await seed.PublishAsync($"Besoins des organisations {run} (inserts directs)", 0)));
            }
            await seed.AnalyzeAsync();
            Console.WriteLine($"  seeded {Math.Max(count, WarmUpLinks)} organisations and {WarmUpLinks + runs * count} personal links in {watch.Elapsed.TotalSeconds:F1} s");

            using var respondents = new Respondents(baseAddress, clients);
            watch.Restart();
            var warmUpSubmissions = Respondents.Prepare(warmUp, seed: 1);
            var warmedUp = 0;
            var compiled = new List<long>();
            while (warmedUp < warmUpSubmissions.Count && (compiled.Count == 0 || compiled[^1] >= QuietJitMethods))
            {
                var before = JitInfo.GetCompiledMethodCount();
                var batch = warmUpSubmissions.Skip(warmedUp).Take(WarmUpBatch).ToList();
                await respondents.SubmitAllAsync(batch);
                warmedUp += batch.Count;
                compiled.Add(JitInfo.GetCompiledMethodCount() - before);
            }
            await VerifyAsync(connectionString, warmUp.Id, warmedUp, invited: true);
            await RawInserts.InsertAsync(connectionString, warmUpRaw, await RawInserts.CopyOfAsync(connectionString, warmUp, warmUpRaw), clients);
            Console.WriteLine($"  warm-up: {warmedUp} submissions over HTTP and as many raw inserts in {watch.Elapsed.TotalSeconds:F1} s; methods JIT-compiled per batch of {WarmUpBatch}: {string.Join(", ", compiled)}");

            var measured = new List<(SubmissionRun Http, double RawPerSecond, double AnswerRows)>();
            foreach (var (http, raw) in questionnaires)
            {
                var submissions = Respondents.Prepare(http, seed: measured.Count + 2);
                GC.Collect();
                // Methods still being compiled during a run mean it did not measure a steady state.
                var (jitMethods, jitTime) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
                var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
                var httpRun = await respondents.SubmitAllAsync(submissions);
                var jit = $"{JitInfo.GetCompiledMethodCount() - jitMethods} methods JIT-compiled in {(JitInfo.GetCompilationTime() - jitTime).TotalSeconds:F1} s, {GC.CollectionCount(0) - gen0} GCs of which {GC.CollectionCount(2) - gen2} gen 2";
                var (_, _, httpAnswers, _) = await VerifyAsync(connectionString, http.Id, count, invited: true);

                var rows = await RawInserts.CopyOfAsync(connectionString, http, raw);
                GC.Collect();
                var rawSeconds = await RawInserts.InsertAsync(connectionString, raw, rows, clients);
                var (_, _, rawAnswers, _) = await VerifyAsync(connectionString, raw.Id, count, invited: false);
                if (rawAnswers != httpAnswers)
                {
                    throw new InvalidOperationException($"The raw inserts wrote {rawAnswers} answer rows, the HTTP path {httpAnswers}.");
                }
                measured.Add((httpRun, count / rawSeconds, httpAnswers / (double)count));
                Console.WriteLine($"  run {measured.Count}: HTTP {httpRun.PerSecond:F1} submissions/s ({httpRun.Seconds:F1} s), raw {count / rawSeconds:F1} inserts/s ({rawSeconds:F1} s), "
                    + $"ratio {httpRun.PerSecond / (count / rawSeconds):F2}; {httpAnswers / (double)count:F1} answer rows per response; all {count} submitted; during HTTP: {jit}");
            }
            await seed.AnalyzeAsync();

            // (b) and (c) read the first measured questionnaire: 10,000 responses, among the others' rows.
            var target = questionnaires[0].Http;
            using var facilitator = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
            await Bench.SignInAsync(facilitator, AnswersSeed.FacilitatorEmail, BenchApp.Password);
            var aggregates = await AggregatesAsync(app.Services, connectionString, seed.LabId, target.Id, count);
            var page = await ResultsPageAsync(facilitator, new Uri($"/labs/{seed.LabId}/questionnaires/{target.Id}/results", UriKind.Relative));

            var csvPath = new Uri($"/labs/{seed.LabId}/questionnaires/{target.Id}/export.csv?lang=fr", UriKind.Relative);
            var xlsxPath = new Uri($"/labs/{seed.LabId}/questionnaires/{target.Id}/export.xlsx?lang=fr", UriKind.Relative);
            var xlsxRows = await Exports.XlsxRowsAsync(facilitator, xlsxPath);
            var csv = await ExportRunsAsync(facilitator, csvPath);
            var xlsx = await ExportRunsAsync(facilitator, xlsxPath);
            if (csv.Any(r => r.CsvLines != count + 1) || xlsxRows != count + 1)
            {
                throw new InvalidOperationException($"Expected {count + 1} lines with the header: CSV {csv[0].CsvLines}, XLSX {xlsxRows} rows.");
            }

            PrintSummary(count, clients, measured, aggregates, page, csv, xlsx, xlsxRows);
            Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
            Console.WriteLine($"Total time {total.Elapsed.TotalMinutes:F1} min.");
            return 0;
        }
        finally
        {
            // MUTUALISONS_BENCH_KEEP_DATABASE=1 leaves the seeded database behind, to read its query plans.
            if (Environment.GetEnvironmentVariable("MUTUALISONS_BENCH_KEEP_DATABASE") == "1")
            {
                Console.WriteLine($"Database kept: {connectionString}");
            }
            else
            {
                await TestDatabaseServer.DropDatabaseAsync(connectionString);
            }
        }
    }

    /// <summary>Every link answered once: as many responses as submissions, all submitted, and (personal links) every invitation marked.</summary>
    private static async Task<(long Responses, long Submitted, long Answers, long Invitations)> VerifyAsync(string connectionString, Guid questionnaireId, int expected, bool invited)
    {
        var counts = await RawInserts.CountAsync(connectionString, questionnaireId);
        if (counts.Responses != expected || counts.Submitted != expected || (invited && counts.InvitationsSubmitted != expected))
        {
            throw new InvalidOperationException($"Expected {expected} submitted responses, found {counts.Submitted} submitted of {counts.Responses} ({counts.InvitationsSubmitted} invitations submitted).");
        }
        return counts;
    }

    /// <summary>Three ways of reading the results of the same 10,000 responses, in the same run.</summary>
    private sealed record AggregateRuns(List<double> Folding, List<double> Totals, List<double> EveryAnswer);

    /// <summary>
    /// ResultsService.GetAsync as the results page calls it, signed in as the facilitator: the first read after
    /// the responses arrived (it folds all of them into the running totals; measured again after putting them
    /// back out), the reads after it (totals plus nothing new), and, as the baseline, the one pass over every
    /// answer row that the results made before the running totals, run straight on PostgreSQL.
    /// </summary>
    private static async Task<AggregateRuns> AggregatesAsync(IServiceProvider services, string connectionString, Guid labId, Guid questionnaireId, int count)
    {
        async Task<double> ReadAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync(AnswersSeed.FacilitatorEmail);
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(user!);
            var auth = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
            auth.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            var service = scope.ServiceProvider.GetRequiredService<ResultsService>();
            var watch = Stopwatch.StartNew();
            var results = await service.GetAsync(labId, questionnaireId, new ResultsFilter());
            watch.Stop();
            if (results is null || results.Submitted != count || results.Questions.Count != AnswersSeed.QuestionCount || results.Questions.Any(q => q.Answered == 0))
            {
                throw new InvalidOperationException("The results do not cover every response and question.");
            }
            return watch.Elapsed.TotalMilliseconds;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<int> SqlAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("q", questionnaireId);
            return await command.ExecuteNonQueryAsync();
        }
        const string Unfold = """
            UPDATE questionnaire_responses SET tallied = FALSE WHERE questionnaire_id = @q AND tallied;
            DELETE FROM questionnaire_result_tallies t USING questionnaire_versions v WHERE v.id = t.version_id AND v.questionnaire_id = @q;
            ANALYZE questionnaire_responses;
            """;
        const string EveryAnswer = """
            SELECT a.question_id, a.choice, count(*), count(*) FILTER (WHERE a.position = 0), count(a.text), avg(a.number), min(a.number), max(a.number)
            FROM questionnaire_answers a JOIN questionnaire_responses r ON r.id = a.response_id
            WHERE r.questionnaire_id = @q AND r.version_id = (SELECT id FROM questionnaire_versions WHERE questionnaire_id = @q ORDER BY number DESC LIMIT 1)
              AND r.submitted_at IS NOT NULL
            GROUP BY a.question_id, a.choice
            """;

        // The first call warms the code up; it is not counted.
        await ReadAsync();
        var folding = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await SqlAsync(Unfold);
            folding.Add(await ReadAsync());
        }
        var totals = new List<double>();
        for (var i = 0; i < ResultsRuns; i++)
        {
            totals.Add(await ReadAsync());
        }
        var everyAnswer = new List<double>();
        for (var i = 0; i <= ResultsRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var command = new NpgsqlCommand(EveryAnswer, connection))
            {
                command.Parameters.AddWithValue("q", questionnaireId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                }
            }
            if (i > 0)
            {
                everyAnswer.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return new AggregateRuns(folding, totals, everyAnswer);
    }

    /// <summary>The signed-in GET of the results page: prerendered on the server with the same aggregates.</summary>
    private static async Task<List<double>> ResultsPageAsync(HttpClient client, Uri path)
    {
        var times = new List<double>();
        for (var i = 0; i <= ResultsRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || Regex.Count(html, "data-question=") != AnswersSeed.QuestionCount)
            {
                throw new InvalidOperationException($"The results page did not render its {AnswersSeed.QuestionCount} questions: {response.StatusCode}");
            }
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return times;
    }

    private static async Task<List<ExportRun>> ExportRunsAsync(HttpClient client, Uri path)
    {
        await Exports.MeasureAsync(client, path);
        var runs = new List<ExportRun>();
        for (var i = 0; i < ExportRuns; i++)
        {
            runs.Add(await Exports.MeasureAsync(client, path));
        }
        return runs;
    }

    private static void PrintSummary(int count, int clients, List<(SubmissionRun Http, double RawPerSecond, double AnswerRows)> measured, AggregateRuns aggregates, List<double> page,
        List<ExportRun> csv, List<ExportRun> xlsx, int xlsxRows)
    {
        static string Row(string label, IEnumerable<double> values, string format)
        {
            var list = values.ToList();
            return $"  {label,-44}" + string.Concat(list.Select(v => $"{v.ToString(format, CultureInfo.InvariantCulture),10}")) + $"{Bench.Median(list).ToString(format, CultureInfo.InvariantCulture),10}";
        }
        static string Mb(double bytes) => (bytes / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture);

        var http = measured.Select(m => m.Http.PerSecond).ToList();
        var raw = measured.Select(m => m.RawPerSecond).ToList();
        var ratios = measured.Select(m => m.Http.PerSecond / m.RawPerSecond).ToList();
        Console.WriteLine();
        Console.WriteLine($"Summary ({count} responses of {AnswersSeed.QuestionCount} questions, {clients} concurrent clients, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"  {"(a) submissions",-44}" + string.Concat(measured.Select((_, i) => $"{"run " + (i + 1),10}")) + $"{"median",10}");
        Console.WriteLine(Row("HTTP submissions/s (GET form + POST)", http, "F1"));
        Console.WriteLine(Row("raw Npgsql inserts/s (1 tx per response)", raw, "F1"));
        Console.WriteLine(Row("HTTP / raw", ratios, "F2"));
        Console.WriteLine(Row("GET form p50 ms", measured.Select(m => Bench.Median(m.Http.GetMilliseconds)), "F1"));
        Console.WriteLine(Row("GET form p95 ms", measured.Select(m => Bench.Percentile(m.Http.GetMilliseconds, 95)), "F1"));
        Console.WriteLine(Row("POST answers p50 ms", measured.Select(m => Bench.Median(m.Http.PostMilliseconds)), "F1"));
        Console.WriteLine(Row("POST answers p95 ms", measured.Select(m => Bench.Percentile(m.Http.PostMilliseconds, 95)), "F1"));
        Console.WriteLine($"  answer rows per response {Bench.Median(measured.Select(m => m.AnswerRows)):F1}; form page {measured[0].Http.PageBytes / 1024.0:F1} KiB");
        Console.WriteLine($"  goal >= 200 submissions/s: {(Bench.Median(http) >= 200 ? "met" : "NOT met")}; goal >= half the raw-insert rate: {(Bench.Median(ratios) >= 0.5 ? "met" : "NOT met")}");
        Console.WriteLine($"  {$"(b) results of {count} responses ({ResultsRuns} runs)",-44}{"median ms",10}{"min ms",10}{"max ms",10}");
        foreach (var (label, runs) in new[] { ("aggregates (ResultsService.GetAsync)", aggregates.Totals), ("  first read, folding all (3 runs)", aggregates.Folding), ("  baseline: one pass over every answer", aggregates.EveryAnswer) })
        {
            Console.WriteLine($"      {label,-40}{Bench.Median(runs),10:F1}{runs.Min(),10:F1}{runs.Max(),10:F1}");
        }
        Console.WriteLine($"      aggregates / baseline {Bench.Median(aggregates.Totals) / Bench.Median(aggregates.EveryAnswer):F2}; goal under 150 ms: {(Bench.Median(aggregates.Totals) < 150 ? "met" : "NOT met")}");
        Console.WriteLine($"      {"results page over HTTP (prerender)",-40}{Bench.Median(page),10:F1}{page.Min(),10:F1}{page.Max(),10:F1}");
        Console.WriteLine($"  (c) exports ({ExportRuns} runs)      median ms    min ms    max ms   size MiB      rows  peak heap MiB med/max  peak WS MiB med/max  allocated MiB");
        foreach (var (name, runs, rows) in new[] { ("CSV", csv, csv[0].CsvLines), ("XLSX", xlsx, (long)xlsxRows) })
        {
            var heap = $"{Mb(Bench.Median(runs.Select(r => (double)r.PeakHeapDelta)))} / {Mb(runs.Max(r => r.PeakHeapDelta))}";
            var workingSet = $"{Mb(Bench.Median(runs.Select(r => (double)r.PeakWorkingSetDelta)))} / {Mb(runs.Max(r => r.PeakWorkingSetDelta))}";
            Console.WriteLine($"      {name,-24}{Bench.Median(runs.Select(r => r.Milliseconds)),12:F0}{runs.Min(r => r.Milliseconds),10:F0}{runs.Max(r => r.Milliseconds),10:F0}"
                + $"{Mb(runs[0].Bytes),11}{rows,10}{heap,23}{workingSet,21}{Mb(Bench.Median(runs.Select(r => (double)r.Allocated))),15}");
        }
        Console.WriteLine("      rows include the header; peaks are above the value just before each export, for the whole process (app and client).");
    }

    private static async Task<string> ServerSettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers'), current_setting('max_connections')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetString(0)}, fsync {reader.GetString(1)}, synchronous_commit {reader.GetString(2)}, shared_buffers {reader.GetString(3)}, max_connections {reader.GetString(4)}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
