using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Labs;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Labs;

public partial class CyclePage
{
    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public string CycleName { get; set; } = string.Empty;

    private LabOverview? _lab;
    private Cycle? _cycle;
    private bool _loaded;
    private RecordCycleInput _input = new();
    private SaveResult? _result;
    private bool _busy;

    protected override async Task OnParametersSetAsync()
    {
        _cycle = Enum.TryParse<Cycle>(CycleName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _lab = _cycle is null ? null : await Labs.GetOverviewAsync(LabId);
        if (_lab is not null && _cycle is { } cycle)
        {
            var summary = _lab.CycleOf(cycle);
            _input = new RecordCycleInput { State = summary.State, Notes = summary.Notes, Version = _lab.Version };
        }
        _loaded = true;
    }

    private async Task SaveAsync()
    {
        if (_busy || _cycle is not { } cycle)
        {
            return;
        }
        _busy = true;
        try
        {
            _result = await Labs.RecordCycleAsync(LabId, cycle, _input);
            if (_result.Succeeded)
            {
                Snackbar.Add(L["Save.Done"], Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task MoveFocusAsync()
    {
        if (_lab is null || _cycle is not { } cycle)
        {
            return;
        }
        if (await MoveFocusDialog.ShowAsync(Dialogs, L["MoveFocus.Title"], _lab, cycle))
        {
            await LoadAsync();
        }
    }
}
