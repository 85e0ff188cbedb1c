using System.Diagnostics;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Notebook.Synthesis;

namespace Mutualisons.Bench;

// The cahier de synthèse of a full lab: the impact benchmark's lab (40 organisations, 19,200 measured values, a
// survey of responses) plus 300 experiments with their decisions, 60 stories chosen for the notebook each with
// a picture, and two years of check-ins. Measured, signed in as the lab's pilot group member, median of several
// runs: building the whole cahier from the lab's data, and writing it as a Word document; with the peak of
// the managed heap above its level before each run.
internal static class NotebookBench
{
    private const int Experiments = 300;
    private const int Stories = 60;
    private const int PictureBytes = 200 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Bench.IntArgument(args, 0, 7);
        var organisations = Bench.IntArgument(args, 1, 40);
        var responses = Bench.IntArgument(args, 2, 10_000);
        if (runs < 1 || organisations < 1 || responses < 1)
        {
            throw new ArgumentException("Usage: notebook [runs] [organisations] [responses], each at least 1.", nameof(args));
        }
        Bench.UseWebContentRoot();
        var connectionString = await TestDatabaseServer.CreateMigratedDatabaseAsync();
        try
        {
            await using var app = new BenchApp(connectionString);
            var watch = Stopwatch.StartNew();
            var seed = await ImpactBench.SeedAsync(app.Services, organisations, responses);
            await SeedNotebookAsync(app.Services, seed.LabId);
            Console.WriteLine($"Notebook benchmark: {organisations} organisations, {Experiments} experiments, {Stories} stories with a {PictureBytes / 1024} KiB picture each; {runs} runs; "
                + $"{Environment.ProcessorCount} cores; seeded in {watch.Elapsed.TotalSeconds:F1} s");
            var cpuBefore = Bench.CpuCheck();

            var build = new List<double>();
            var write = new List<double>();
            var heap = new List<double>();
            long size = 0;
            int blocks = 0;
            for (var run = 0; run <= runs; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await SignInAsync(scope.ServiceProvider);
                var synthesis = scope.ServiceProvider.GetRequiredService<SynthesisService>();
                // Every run from the same clean heap, so the peaks compare.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                using var sampler = MemorySampler.Start();
                var built = Stopwatch.StartNew();
                var document = await synthesis.BuildAsync(seed.LabId, new SynthesisRequest { Language = "fr" })
                    ?? throw new InvalidOperationException("The cahier was not built.");
                built.Stop();
                var written = Stopwatch.StartNew();
                using var file = new MemoryStream();
                SynthesisDocx.Write(document, file);
                written.Stop();
                var (peakHeap, _) = sampler.Stop();
                if (document.Blocks.OfType<PictureBlock>().Count() != Stories || file.Length < Stories * PictureBytes)
                {
                    throw new InvalidOperationException("The cahier does not hold every story's picture.");
                }
                if (run == 0)
                {
                    continue;
                }
                build.Add(built.Elapsed.TotalMilliseconds);
                write.Add(written.Elapsed.TotalMilliseconds);
                heap.Add(peakHeap / 1024.0 / 1024.0);
                size = file.Length;
                blocks = document.Blocks.Count;
            }

            Console.WriteLine();
            Console.WriteLine($"  {"",-44}{"median",10}{"min",10}{"max",10}   goal");
            Row("build the cahier from the lab's data (ms)", build, "");
            Row("write it as Word (ms)", write, "");
            Row("both (ms)", [.. build.Zip(write, (b, w) => b + w)], "< 10000 ms");
            Row("peak managed heap above start (MiB)", heap, "");
            Console.WriteLine($"  document: {blocks} blocks, {size / 1024.0 / 1024.0:F1} MiB as Word; the pictures alone are {Stories * PictureBytes / 1024.0 / 1024.0:F1} MiB");
            Console.WriteLine($"CPU check (SHA-256 of 256 MiB on one thread, lower is faster): {cpuBefore:F0} ms before, {Bench.CpuCheck():F0} ms after; a shared host shows here.");
            return 0;
        }
        finally
        {
            await TestDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    private static void Row(string label, List<double> values, string goal) =>
        Console.WriteLine($"  {label,-44}{Bench.Median(values),10:F1}{values.Min(),10:F1}{values.Max(),10:F1}   {goal}");

    private static async Task SignInAsync(IServiceProvider services)
    {
        var user = await services.GetRequiredService<UserManager<UserAccount>>().FindByEmailAsync(ImpactBench.Email);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<UserAccount>>().CreateAsync(user!);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }

    /// <summary>Experiments, stories with a picture each and check-ins, over two years.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0005:Weak random number generator",
        Justification = "Made-up picture bytes from a seeded source, so runs compare; no secret comes from it.")]
    private static async Task SeedNotebookAsync(IServiceProvider services, Guid labId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var start = DateTimeOffset.UtcNow.AddYears(-2);
        for (var e = 0; e < Experiments; e++)
        {
            var experiment = new Experiment(labId, new ExperimentDescription($"Expérimentation {e:D3}", "Une mesure de coopération à tester.", new ExperimentMeans(null, null, null, null),
                CooperationLevel.Simple, null, "Un impact attendu."), null, start.AddDays(e));
            experiment.Score(1 + e % 5, 1 + (e / 5) % 5);
            db.Experiments.Add(experiment);
        }
        // A PNG's signature and header (its size read by the Word writer), then filler to the picture's weight.
        var picture = new byte[PictureBytes];
        // Noise, as a photo is: the Word file's compression cannot shrink it away.
        new Random(7).NextBytes(picture);
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==").CopyTo(picture, 0);
        for (var s = 0; s < Stories; s++)
        {
            var story = new Story(labId, null, "Bench", start.AddDays(s * 10));
            story.Tell($"Récit {s:D2}", DateOnly.FromDateTime(start.AddDays(s * 10).UtcDateTime),
                string.Join("\n\n", Enumerable.Range(0, 6).Select(p => $"Paragraphe {p} : **ce que nous avons vécu**, ce que nous avons appris, ce que nous changeons ensuite.")),
                [(Cycle)(s % 5)], start.AddDays(s * 10));
            story.ChooseForNotebook(true);
            var image = story.AddImage("image/png", picture.Length, $"Photo du récit {s:D2}", start.AddDays(s * 10));
            db.Stories.Add(story);
            db.StoryImageContents.Add(new StoryImageContent(image, picture));
        }
        for (var c = 0; c < 24; c++)
        {
            var checkIn = new NavigationCheckIn(labId, DateOnly.FromDateTime(start.AddMonths(c).UtcDateTime), Cycle.Impact, null, "Bench", start.AddMonths(c));
            checkIn.Record("Où nous en sommes ce mois-ci.", "Le temps qui manque.", (NavigationWeather)(c % 3), (FacilitationNeed)(c % 3));
            db.NavigationCheckIns.Add(checkIn);
        }
        await db.SaveChangesAsync();
    }
}
