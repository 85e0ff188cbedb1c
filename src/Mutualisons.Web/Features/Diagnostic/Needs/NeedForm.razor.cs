using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Diagnostic.Needs;

public partial class NeedForm
{
    [Parameter, EditorRequired]
    public Guid LabId { get; set; }

    /// <summary>Responses that can be cited; all selected when <see cref="Preselect"/> is set.</summary>
    [Parameter]
    public IReadOnlyList<(Guid Id, string Label)> Sources { get; set; } = [];

    [Parameter]
    public bool Preselect { get; set; }

    [Parameter]
    public EventCallback Saved { get; set; }

    private bool _isResource;
    private NeedInput _need = new();
    private ResourceInput _resource = new();
    private IReadOnlyCollection<Guid> _sources = [];
    private SaveResult? _result;
    private bool _busy;

    protected override void OnParametersSet()
    {
        if (Preselect)
        {
            _sources = [.. Sources.Select(s => s.Id)];
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
            if (_isResource)
            {
                _resource.Sources = [.. _sources];
                _result = await Needs.AddResourceAsync(LabId, _resource);
            }
            else
            {
                _need.Sources = [.. _sources];
                _result = await Needs.AddNeedAsync(LabId, _need);
            }
            if (_result.Succeeded)
            {
                Snackbar.Add(L[_isResource ? "Needs.ResourceAdded" : "Needs.NeedAdded"], Severity.Success);
                _need = new();
                _resource = new();
                if (!Preselect)
                {
                    _sources = [];
                }
                await Saved.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
