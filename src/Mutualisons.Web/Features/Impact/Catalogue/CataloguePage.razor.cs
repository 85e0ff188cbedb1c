using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Catalogue;

public partial class CataloguePage
{
    [Parameter]
    public Guid LabId { get; set; }

    private CatalogueView? _view;
    private bool _loaded;
    private MutualisationLogic? _logic;
    private ImpactObjective? _objective;

    private static string Language => ProductLocalization.CurrentLanguage;

    private IEnumerable<CatalogueEntry> Shown => IndicatorCatalogue.All
        .Where(e => _logic is null || e.Logic == _logic)
        .Where(e => _objective is null || e.Objective == _objective);

    private BreadcrumbItem[] Trail =>
    [
        new(L.Enum(Cycle.Impact), AppRoutes.Cycle(LabId, Cycle.Impact)),
        new(L["Impact.Title"], AppRoutes.Impact(LabId)),
    ];

    protected override async Task OnParametersSetAsync()
    {
        _view = await Catalogue.GetAsync(LabId);
        _loaded = true;
    }

    private async Task CopyAsync(CatalogueEntry entry)
    {
        var parameters = new DialogParameters<CopyEntryDialog>
        {
            { d => d.LabId, LabId },
            { d => d.Entry, entry },
            { d => d.Hypotheses, _view!.Hypotheses },
        };
        var dialog = await Dialogs.ShowAsync<CopyEntryDialog>(L["Impact.Catalogue.CopyNamed", entry.Name.In(Language)], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Guid hypothesisId })
        {
            Navigation.NavigateTo(AppRoutes.ImpactHypothesis(LabId, hypothesisId));
        }
    }
}
