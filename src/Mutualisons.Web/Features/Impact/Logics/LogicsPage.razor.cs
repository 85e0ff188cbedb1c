using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Impact;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Logics;

public partial class LogicsPage
{
    [Parameter]
    public Guid LabId { get; set; }

    private LogicsView? _view;
    private bool _loaded;
    private MutualisationLogic? _editing;
    private LogicInput? _input;
    private SaveResult? _result;

    private BreadcrumbItem[] Trail =>
    [
        new(L["Impact.Title"], AppRoutes.Impact(LabId)),
    ];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Logics.GetLogicsAsync(LabId);
        _loaded = true;
    }

    /// <summary>Opens the form of one logic (one at a time), from what is saved or empty.</summary>
    private void Edit(LogicCard card)
    {
        _result = null;
        _editing = card.Logic;
        _input = card.Chosen is { } chosen
            ? new LogicInput
            {
                Logic = card.Logic,
                Expectation = chosen.Expectation,
                HypothesisIds = [.. chosen.HypothesisIds],
                Objectives = [.. chosen.Objectives],
                Strategies = [.. chosen.Strategies],
                Version = chosen.Version,
            }
            : new LogicInput { Logic = card.Logic };
    }

    private async Task SavedAsync()
    {
        Snackbar.Add(L["Save.Done"], Severity.Success);
        _editing = null;
        await LoadAsync();
    }

    private async Task DropAsync(MutualisationLogic logic, ChosenLogic chosen)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["ImpactLogic.Drop"], L["ImpactLogic.DropConfirm", L.Enum(logic), chosen.HypothesisIds.Count],
                yesText: L["ImpactLogic.DropYes"], cancelText: L["Common.Cancel"]) == true)
        {
            _result = await Logics.DropLogicAsync(LabId, chosen.Id, chosen.Version);
            if (_result.Succeeded)
            {
                Snackbar.Add(L["Save.Done"], Severity.Success);
                await LoadAsync();
            }
        }
    }
}
