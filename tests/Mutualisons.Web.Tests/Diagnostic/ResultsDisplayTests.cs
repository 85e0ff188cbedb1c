using System.Globalization;
using MudBlazor.Services;
using Mutualisons.Web.Features.Diagnostic.Results;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Diagnostic;

/// <summary>The results page's figures: bars on a 100 % scale and the response rate of personal links.</summary>
public sealed class ResultsDisplayTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ResultsDisplayTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static string Width(AngleSharp.Dom.IElement row) => row.QuerySelector(".result-bar")!.GetAttribute("style")!.Replace(" ", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void A_bar_is_the_share_of_respondents_not_a_length_relative_to_the_largest_answer()
    {
        // Four answered: one chose A (25 %), three chose B (75 %), nobody C.
        var bars = _context.Render<ResultBars>(p => p
            .Add(b => b.Rows, [new ChoiceCount("a", "A", 1, 25), new ChoiceCount("b", "B", 3, 75), new ChoiceCount("c", "C", 0, 0)])
            .Add(b => b.Caption, "Q1"));

        var rows = bars.FindAll("tbody tr");
        Assert.Equal("width:25%", Width(rows[0]));
        // The largest answer is not stretched to the full width: 75 % of the track, not 100 %.
        Assert.Equal("width:75%", Width(rows[1]));
        Assert.Equal("width:0%", Width(rows[2]));
        // Every bar sits on a track that stands for 100 %, hidden from screen readers, who read the numbers.
        Assert.All(rows, r => Assert.Equal("true", r.QuerySelector(".result-track")!.GetAttribute("aria-hidden")));
        Assert.Equal(["1", "3", "0"], rows.Select(r => r.QuerySelector(".result-count")!.TextContent.Trim()));
        Assert.Equal(["25 %", "75 %", "0 %"], rows.Select(r => r.QuerySelector(".result-percent")!.TextContent.Trim()));
    }

    [Fact]
    public void A_share_above_100_or_below_0_stays_within_the_track()
    {
        var bars = _context.Render<ResultBars>(p => p.Add(b => b.Rows, [new ChoiceCount("a", "A", 5, 100.4), new ChoiceCount("b", "B", 0, -3)]));

        var rows = bars.FindAll("tbody tr");
        Assert.Equal("width:100%", Width(rows[0]));
        Assert.Equal("width:0%", Width(rows[1]));
    }

    [Fact]
    public void The_response_rate_of_personal_links_reads_submitted_out_of_sent()
    {
        var rate = _context.Render<ResponseRate>(p => p.Add(r => r.Submitted, 2).Add(r => r.Invited, 4));

        Assert.Equal("Liens personnels : 2 / 4 envoyé(s)", rate.Find(".response-rate").TextContent.Trim());
    }

    [Fact]
    public void Without_personal_links_no_rate_is_shown()
    {
        var rate = _context.Render<ResponseRate>(p => p.Add(r => r.Submitted, 0).Add(r => r.Invited, 0));

        Assert.Empty(rate.FindAll(".response-rate"));
    }
}
