using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Mutualisons.Web.Features.Impact;

public partial class IndicatorChart
{
    private const double Width = 600;
    private const double Height = 220;
    private const double Left = 70;
    private const double Right = 16;
    private const double Top = 20;
    private const double Bottom = 28;

    [Parameter, EditorRequired]
    public IndicatorView Indicator { get; set; } = default!;

    private List<(DateOnly On, decimal Value)> _points = [];
    private decimal _min;
    private decimal _max;
    private DateOnly _first;
    private DateOnly _last;

    private string Summary
    {
        get
        {
            var measurements = Indicator.Measurements;
            var latest = measurements.Count > 0 ? measurements[^1] : null;
            var text = L["Impact.ChartSummary", Indicator.Name, ImpactDisplay.Value(Indicator.BaselineValue, Indicator.Unit),
                Indicator.TargetValue is { } t ? ImpactDisplay.Value(t, Indicator.Unit) : L["Impact.NoTarget"],
                latest is null ? L["Impact.NotMeasured"] : ImpactDisplay.Value(latest.Value, Indicator.Unit)];
            return text;
        }
    }

    protected override void OnParametersSet()
    {
        _points = [(Indicator.BaselineDate, Indicator.BaselineValue), .. Indicator.Measurements.Select(m => (m.On, m.Value))];
        var values = _points.Select(p => p.Value).ToList();
        if (Indicator.TargetValue is { } target)
        {
            values.Add(target);
        }
        _min = values.Min();
        _max = values.Max();
        if (_min == _max)
        {
            _min -= 1;
            _max += 1;
        }
        var days = _points.Select(p => p.On).ToList();
        if (Indicator.TargetDate is { } targetDate)
        {
            days.Add(targetDate);
        }
        _first = days.Min();
        _last = days.Max();
        if (_first == _last)
        {
            _last = _first.AddDays(1);
        }
    }

    private double X(DateOnly day) => Left + (Width - Left - Right) * (day.DayNumber - _first.DayNumber) / (double)(_last.DayNumber - _first.DayNumber);

    private double Y(decimal value) => Top + (Height - Top - Bottom) * (double)((_max - value) / (_max - _min));

    // Razor reads a <text> element inside a code block as its own tag: the label is written as markup.
    private MarkupString TargetLabel(decimal target) => new(
        $"<text x=\"{Fmt(Width - Right)}\" y=\"{Fmt(Y(target) - 6)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1b6e3a\">{System.Net.WebUtility.HtmlEncode($"{L["Impact.Target"]} {ImpactDisplay.Value(target, Indicator.Unit)}")}</text>");

    private static string Fmt(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
