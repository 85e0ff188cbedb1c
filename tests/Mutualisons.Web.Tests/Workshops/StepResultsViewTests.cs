using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Workshops;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Workshops;

/// <summary>A step's results as the console and the big screen draw them: dots in order, the 2×2 and its table, hidden tallies, notes.</summary>
public sealed class StepResultsViewTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _context = new();

    public StepResultsViewTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static WorkshopStep Step(WorkshopStepKind kind, StepSettings settings)
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier", Now);
        return workshop.AddStep(kind, settings);
    }

    private static StepResults Results(WorkshopStep step, IReadOnlyList<StepItem> items, bool hidden, IReadOnlyList<DotTally>? dots = null,
        IReadOnlyList<MatrixPosition>? matrix = null, IReadOnlyList<NoteView>? notes = null) =>
        new(step, items, notes ?? [], [], dots ?? [], matrix ?? [], [], ConsentOutcome.NoAnswers, [], 3, hidden);

    [Fact]
    public void Dots_show_as_bars_most_first_with_the_items_nobody_chose_after()
    {
        var step = Step(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer ?", Options: ["Cuisine", "Comptable", "Stockage"]));
        var items = step.Options.Select((o, i) => new StepItem(WorkshopItems.Option(i), o)).ToList();

        var view = _context.Render<StepResultsView>(p => p.Add(c => c.Results, Results(step, items, hidden: false,
            dots: [new DotTally("o:2", 5, 3), new DotTally("o:0", 2, 2)])));

        var bars = view.FindAll("li.bar");
        Assert.Equal(["o:2", "o:0", "o:1"], bars.Select(b => b.GetAttribute("data-item")));
        Assert.Equal(["5", "2", "0"], bars.Select(b => b.GetAttribute("data-dots")));
        Assert.Contains("5 gommettes · 3 votants", bars[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_big_screen_keeps_hidden_tallies_hidden_and_says_how_many_answered()
    {
        var step = Step(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer ?", Options: ["Cuisine", "Comptable"]));

        var view = _context.Render<StepResultsView>(p => p.Add(c => c.Results, Results(step, [new("o:0", "Cuisine")], hidden: true)).Add(c => c.Large, true));

        Assert.Empty(view.FindAll("li.bar"));
        Assert.Contains("3 ont répondu", view.Find(".hidden-notice").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_2x2_draws_each_median_and_lists_the_same_figures_in_a_table()
    {
        var step = Step(WorkshopStepKind.Matrix, new StepSettings("Placez", Options: ["Cuisine", "Comptable"]));
        var items = new List<StepItem> { new("o:0", "Cuisine"), new("o:1", "Comptable") };

        var view = _context.Render<StepResultsView>(p => p.Add(c => c.Results, Results(step, items, hidden: false,
            matrix: [new MatrixPosition("o:0", 4, 4, 2.5, 3, 5, 2, 3), new MatrixPosition("o:1", 2, 1.5, 5, 1, 2, 5, 5)])));

        Assert.Equal(["4", "1.5"], view.FindAll("g[data-item]").Select(g => g.GetAttribute("data-median-x")));
        Assert.Contains("Faisabilité", view.Find("svg").GetAttribute("aria-label"), StringComparison.Ordinal);
        var rows = view.FindAll("table.matrix-table tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Cuisine", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2,5", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_taken_down_are_marked_and_only_the_console_offers_to_take_one_down()
    {
        var step = Step(WorkshopStepKind.Ideas, new StepSettings("Vos idées ?"));
        var notes = new List<NoteView>
        {
            new(Guid.NewGuid(), step.Id, "Une cuisine partagée", "Amina", "SAW-B", null, false, null),
            new(Guid.NewGuid(), step.Id, "hors sujet", null, null, null, true, null),
        };
        NoteView? removed = null;

        var screen = _context.Render<StepResultsView>(p => p.Add(c => c.Results, Results(step, [], false, notes: notes)).Add(c => c.Large, true));
        var console = _context.Render<StepResultsView>(p => p.Add(c => c.Results, Results(step, [], false, notes: notes))
            .Add(c => c.OnRemoveNote, (NoteView note) => removed = note));

        Assert.Empty(screen.FindAll("button"));
        Assert.Contains("Amina · SAW-B", screen.Find("li.note").TextContent, StringComparison.Ordinal);
        Assert.Single(console.FindAll("li.note--removed"));
        console.Find("li.note button").Click();
        Assert.Equal("Une cuisine partagée", removed!.Text);
    }

    [Fact]
    public void The_timer_shows_the_minutes_and_seconds_left_and_zero_once_run_out()
    {
        var running = _context.Render<WorkshopTimer>(p => p.Add(c => c.EndsAt, DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(30)));
        var over = _context.Render<WorkshopTimer>(p => p.Add(c => c.EndsAt, DateTimeOffset.UtcNow.AddSeconds(-3)));

        Assert.Matches(@"^5:(29|30)$", running.Find("[role=timer]").TextContent);
        Assert.Equal("0:00", over.Find("[role=timer]").TextContent);
    }
}
