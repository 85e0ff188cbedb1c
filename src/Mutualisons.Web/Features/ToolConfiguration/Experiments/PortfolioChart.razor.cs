using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.ToolConfiguration.Experiments;

public partial class PortfolioChart
{
    private const double Size = 440;
    private const double Left = 44;
    private const double Top = 12;
    private const double Plot = 376;
    private const double Cell = Plot / Experiment.HighestScore;

    // Several experiments on one spot sit on a small ring around it.
    private const double Ring = 11;
    private const int LabelLength = 14;

    /// <summary>The experiments to draw; those not placed yet are left out.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<PortfolioItem> Items { get; set; } = [];

    [Parameter, EditorRequired]
    public Guid LabId { get; set; }

    private PortfolioItem? _active;

    private sealed record Point(PortfolioItem Item, double X, double Y);

    private sealed record CellPoints(double X, double Y, string Label, IReadOnlyList<Point> Points);

    private sealed record Quadrant(PortfolioQuadrant Kind, double X, double Y, double Width, double Height, double LabelX, double LabelY, string Anchor);

    private List<CellPoints> Cells { get; set; } = [];

    private static readonly double Boundary = Left + (PortfolioQuadrants.HighFrom - 1) * Cell;

    private static readonly double BoundaryY = Top + (Experiment.HighestScore - PortfolioQuadrants.HighFrom + 1) * Cell;

    private static readonly Quadrant[] Quadrants =
    [
        new(PortfolioQuadrant.Ambitious, Left, Top, Boundary - Left, BoundaryY - Top, Left + 4, Top + 12, "start"),
        new(PortfolioQuadrant.StartFirst, Boundary, Top, Left + Plot - Boundary, BoundaryY - Top, Left + Plot - 4, Top + 12, "end"),
        new(PortfolioQuadrant.Reconsider, Left, BoundaryY, Boundary - Left, Top + Plot - BoundaryY, Left + 4, Top + Plot - 6, "start"),
        new(PortfolioQuadrant.EasySteps, Boundary, BoundaryY, Left + Plot - Boundary, Top + Plot - BoundaryY, Left + Plot - 4, Top + Plot - 6, "end"),
    ];

    protected override void OnParametersSet()
    {
        Cells = [.. Items.Where(i => i.IsPlaced)
            .GroupBy(i => (F: i.Feasibility!.Value, I: i.Impact!.Value))
            .OrderBy(g => g.Key.F).ThenBy(g => g.Key.I)
            .Select(g => Spread(g.Key.F, g.Key.I, [.. g.OrderBy(i => i.Title, StringComparer.CurrentCulture)]))];
        if (_active is { } active && Items.All(i => i.Id != active.Id))
        {
            _active = null;
        }
    }

    private CellPoints Spread(int feasibility, int impact, List<PortfolioItem> items)
    {
        var (cx, cy) = (X(feasibility), Y(impact));
        if (items.Count == 1)
        {
            return new CellPoints(cx, cy, Shorten(items[0].Title), [new Point(items[0], cx, cy)]);
        }
        var points = items.Select((item, index) =>
        {
            var angle = (2 * Math.PI * index / items.Count) - (Math.PI / 2);
            return new Point(item, cx + (Ring * Math.Cos(angle)), cy + (Ring * Math.Sin(angle)));
        }).ToList();
        return new CellPoints(cx, cy, L["Portfolio.Count", items.Count], points);
    }

    private static double X(int feasibility) => Left + ((feasibility - 0.5) * Cell);

    private static double Y(int impact) => Top + ((Experiment.HighestScore - impact + 0.5) * Cell);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string title) => title.Length <= LabelLength ? title : string.Concat(title.AsSpan(0, LabelLength - 1).TrimEnd(), "…");

    /// <summary>The point's name for assistive technologies: the visible label's words first, then what the details show.</summary>
    private string Describe(PortfolioItem item) =>
        $"{item.Title} — {L["Portfolio.Scores", item.Feasibility!.Value, item.Impact!.Value]}, {L.Enum(PortfolioQuadrants.Of(item.Feasibility.Value, item.Impact.Value))}, {L.Enum(item.Status)}";

    private void Show(PortfolioItem item) => _active = item;

    private void Hide(PortfolioItem item)
    {
        if (_active?.Id == item.Id)
        {
            _active = null;
        }
    }
}
