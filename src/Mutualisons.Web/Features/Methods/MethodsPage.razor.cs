using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Methods;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Methods;

public partial class MethodsPage
{
    private readonly MethodNeedInput _need = new();
    private EditContext _form = default!;
    private MethodsView? _view;
    private bool _loaded;
    private IReadOnlyList<MethodSuggestion>? _suggestions;
    private MethodNeed? _asked;

    [Parameter]
    public Guid LabId { get; set; }

    private static string Language => ProductLocalization.CurrentLanguage;

    private BreadcrumbItem[] Trail => [new(L.Enum(Cycle.CoreMethods), AppRoutes.Cycle(LabId, Cycle.CoreMethods))];

    private IEnumerable<Cycle> UsedCycles => Enum.GetValues<Cycle>().Where(c => _view!.Uses.Any(u => u.Cycle == c));

    protected override void OnInitialized() => _form = new EditContext(_need);

    protected override async Task OnParametersSetAsync()
    {
        _view = await Methods.GetAsync(LabId);
        _loaded = true;
    }

    private void Suggest()
    {
        _asked = _need.ToNeed();
        _suggestions = MethodChooser.Suggest(_asked);
    }

    /// <summary>Words for a score, so the ranking reads without numbers.</summary>
    private static string Fit(int score) => score >= 70 ? "Good" : score >= 40 ? "Possible" : "Poor";
}
