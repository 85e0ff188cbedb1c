using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Web.Features.Common;
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
    private SaveResult? _result;
    private bool _busy;

    private static string Language => ProductLocalization.CurrentLanguage;

    private IEnumerable<CatalogueEntry> Shown => IndicatorCatalogue.All
        .Where(e => _logic is null || e.Logic == _logic)
        .Where(e => _objective is null || e.Objective == _objective);

    private IEnumerable<LabEntryView> ShownOfTheLab => (_view?.LabEntries ?? [])
        .Where(e => _logic is null || e.Input.Logic == _logic)
        .Where(e => _objective is null || e.Input.Objective == _objective);

    private BreadcrumbItem[] Trail =>
    [
        new(L.Enum(Cycle.Impact), AppRoutes.Cycle(LabId, Cycle.Impact)),
        new(L["Impact.Title"], AppRoutes.Impact(LabId)),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Catalogue.GetAsync(LabId);
        _loaded = true;
    }

    private Task CopyAsync(CatalogueEntry entry) => CopyAsync(entry.Key, entry.Name.In(Language), entry.Unit);

    private async Task CopyAsync(string key, string name, IndicatorUnit unit)
    {
        var parameters = new DialogParameters<CopyEntryDialog>
        {
            { d => d.LabId, LabId },
            { d => d.EntryKey, key },
            { d => d.Unit, unit },
            { d => d.Hypotheses, _view!.Hypotheses },
        };
        var dialog = await Dialogs.ShowAsync<CopyEntryDialog>(L["Impact.Catalogue.CopyNamed", name], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Guid hypothesisId })
        {
            Navigation.NavigateTo(AppRoutes.ImpactHypothesis(LabId, hypothesisId));
        }
    }

    /// <summary>Writes a new entry of the lab's catalogue, or changes <paramref name="entry"/>.</summary>
    private async Task EditEntryAsync(LabEntryView? entry)
    {
        var parameters = new DialogParameters<LabEntryDialog>
        {
            { d => d.LabId, LabId },
            { d => d.Entry, entry },
        };
        var title = entry is null ? L["Impact.LabCatalogue.Add"] : L["Impact.LabCatalogue.EditNamed", entry.Name];
        var dialog = await Dialogs.ShowAsync<LabEntryDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Save.Done"], Severity.Success);
            await LoadAsync();
        }
    }

    /// <summary>Copies a built-in entry into the lab's catalogue, then opens the copy to adapt it.</summary>
    private async Task AdaptAsync(CatalogueEntry entry)
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            _result = await LabCatalogue.CopyBuiltInAsync(LabId, entry.Key);
        }
        finally
        {
            _busy = false;
        }
        if (_result.Succeeded)
        {
            await LoadAsync();
            if (_view?.LabEntries.FirstOrDefault(e => e.Id == _result.Id) is { } copy)
            {
                await EditEntryAsync(copy);
            }
        }
    }

    private async Task DeleteEntryAsync(LabEntryView entry)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Impact.LabCatalogue.Delete"], L["Impact.LabCatalogue.DeleteConfirm", entry.Name],
                yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            _result = await LabCatalogue.DeleteAsync(LabId, entry.Id, entry.Version);
            if (_result.Succeeded)
            {
                Snackbar.Add(L["Save.Done"], Severity.Success);
                await LoadAsync();
            }
        }
    }
}
