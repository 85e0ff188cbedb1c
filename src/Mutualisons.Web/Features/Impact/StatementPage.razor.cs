using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact;

public partial class StatementPage
{
    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid OrganisationId { get; set; }

    private StatementView? _view;
    private StatementInput _input = new();
    private bool _loaded;
    private bool _busy;
    private SaveResult? _result;

    private BreadcrumbItem[] Trail =>
    [
        new(L["Impact.Title"], AppRoutes.Impact(LabId)),
    ];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Statements.GetStatementAsync(LabId, OrganisationId);
        if (_view is not null)
        {
            _input = _view.Input;
        }
        _loaded = true;
    }

    private static void Toggle<T>(HashSet<T> set, T value, bool on)
    {
        if (on)
        {
            set.Add(value);
        }
        else
        {
            set.Remove(value);
        }
    }

    private async Task SaveAsync()
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            _result = await Statements.SaveStatementAsync(LabId, OrganisationId, _input);
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
}
