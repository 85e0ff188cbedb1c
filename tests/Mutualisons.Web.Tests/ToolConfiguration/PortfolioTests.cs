using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Web.Features.ToolConfiguration.Experiments;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.ToolConfiguration;

/// <summary>The portfolio chart (points reached by keyboard show their details, overlapping points stay readable) and its sortable table.</summary>
public sealed class PortfolioTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly Guid Lab = Guid.NewGuid();
    private readonly BunitContext _context = new();

    public PortfolioTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static PortfolioItem Item(string title, int? feasibility, int? impact, ExperimentStatus status = ExperimentStatus.Proposed, string? group = null) =>
        new(Guid.NewGuid(), title, status, CooperationLevel.Simple, MutualisationLogic.Means, feasibility, impact, null, group);

    private static readonly PortfolioItem EcoLabel = Item("Éco-label", 4, 5, ExperimentStatus.AwaitingValidation, "GT Éco-label");
    private static readonly PortfolioItem Council = Item("Réunion des occupants", 5, 4, ExperimentStatus.Validated);
    private static readonly PortfolioItem WhoIsWho = Item("Annuaire des occupants", 5, 4, ExperimentStatus.BeingTested);
    private static readonly PortfolioItem Food = Item("Alimentation saine", 2, 3, ExperimentStatus.Postponed);
    private static readonly PortfolioItem Crossing = Item("Croisement des publics", null, null);

    private static readonly IReadOnlyList<PortfolioItem> All = [EcoLabel, Council, WhoIsWho, Food, Crossing];

    [Fact]
    public void Each_placed_experiment_is_a_focusable_link_and_focus_shows_its_details()
    {
        var chart = _context.Render<PortfolioChart>(p => p.Add(c => c.Items, All).Add(c => c.LabId, Lab));

        var points = chart.FindAll("svg a");
        Assert.Equal(4, points.Count);
        Assert.All(points, a => Assert.Equal("0", a.GetAttribute("tabindex")));
        var eco = chart.Find("svg a[data-experiment='Éco-label']");
        Assert.Equal($"/labs/{Lab}/experiments/{EcoLabel.Id}", eco.GetAttribute("href"));
        Assert.StartsWith("Éco-label — Faisabilité 4/5, impact attendu 5/5, À lancer en priorité", eco.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.DoesNotContain("Éco-label", chart.Find("[data-details]").TextContent, StringComparison.Ordinal);

        eco.Focus();

        var details = chart.Find("[data-details]").TextContent;
        Assert.Contains("Éco-label", details, StringComparison.Ordinal);
        Assert.Contains("À lancer en priorité", details, StringComparison.Ordinal);
        Assert.Contains("En attente de validation des organisations", details, StringComparison.Ordinal);
        Assert.Contains("GT Éco-label", details, StringComparison.Ordinal);

        chart.Find("svg a[data-experiment='Éco-label']").Blur();
        Assert.DoesNotContain("Éco-label", chart.Find("[data-details]").TextContent, StringComparison.Ordinal);
        chart.Find("svg a[data-experiment='Alimentation saine']").MouseEnter();
        Assert.Contains("Alimentation saine", chart.Find("[data-details]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Experiments_on_the_same_spot_are_set_apart_and_labelled_by_their_count()
    {
        var chart = _context.Render<PortfolioChart>(p => p.Add(c => c.Items, All).Add(c => c.LabId, Lab));

        var council = chart.Find("svg a[data-experiment='Réunion des occupants'] circle");
        var directory = chart.Find("svg a[data-experiment='Annuaire des occupants'] circle");
        Assert.NotEqual((council.GetAttribute("cx"), council.GetAttribute("cy")), (directory.GetAttribute("cx"), directory.GetAttribute("cy")));
        var labels = chart.FindAll("text.point-label").Select(t => t.TextContent).ToList();
        Assert.Contains("2 expérimentations", labels);
        Assert.Contains("Éco-label", labels);
        // A long title is shortened on the chart; its link and the details keep it whole.
        Assert.Contains("Alimentation…", labels);
    }

    [Fact]
    public void The_four_quadrants_are_named()
    {
        var chart = _context.Render<PortfolioChart>(p => p.Add(c => c.Items, All).Add(c => c.LabId, Lab));

        Assert.Equal(["Projets ambitieux", "À lancer en priorité", "À reconsidérer", "Petits pas faciles"], chart.FindAll("text.quadrant-name").Select(t => t.TextContent));
    }

    [Fact]
    public void The_table_lists_every_experiment_by_impact_first_and_sorts_by_any_column()
    {
        var table = _context.Render<PortfolioTable>(p => p.Add(c => c.Items, All).Add(c => c.LabId, Lab));

        string[] Rows() => [.. table.FindAll("tbody tr").Select(r => r.GetAttribute("data-row")!)];

        Assert.Equal(["Éco-label", "Annuaire des occupants", "Réunion des occupants", "Alimentation saine", "Croisement des publics"], Rows());
        Assert.Equal("descending", table.Find("th:has(button[data-column='Impact'])").GetAttribute("aria-sort"));

        table.Find("button[data-column='Title']").Click();
        Assert.Equal(["Alimentation saine", "Annuaire des occupants", "Croisement des publics", "Éco-label", "Réunion des occupants"], Rows());
        Assert.Equal("ascending", table.Find("th:has(button[data-column='Title'])").GetAttribute("aria-sort"));
        Assert.Equal("none", table.Find("th:has(button[data-column='Impact'])").GetAttribute("aria-sort"));

        table.Find("button[data-column='Title']").Click();
        Assert.Equal(["Réunion des occupants", "Éco-label", "Croisement des publics", "Annuaire des occupants", "Alimentation saine"], Rows());

        table.Find("button[data-column='Feasibility']").Click();
        // Unplaced experiments stay last whichever the direction.
        Assert.Equal(["Annuaire des occupants", "Réunion des occupants", "Éco-label", "Alimentation saine", "Croisement des publics"], Rows());
        Assert.Contains("Pas encore placée", table.Find("tr[data-row='Croisement des publics']").TextContent, StringComparison.Ordinal);
    }
}
