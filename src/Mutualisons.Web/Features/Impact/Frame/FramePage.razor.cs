using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Mutualisons.Web.Components;

namespace Mutualisons.Web.Features.Impact.Frame;

public partial class FramePage
{
    [Parameter]
    public Guid LabId { get; set; }

    /// <summary>Set on an organisation's own frame; absent on the lab's.</summary>
    [Parameter]
    public Guid? OrganisationId { get; set; }

    private FrameView? _view;
    private FrameInput _input = new();
    private EditContext _form = new(new FrameInput());
    private readonly FormSubmission _submit = new();
    private bool _loaded;

    private string Heading => _view?.OrganisationName is { } name ? L["ImpactFrame.TitleOf", name] : L["ImpactFrame.Title"];

    private BreadcrumbItem[] Trail => _view?.OrganisationId is { } organisation
        ? [new(L["Impact.Title"], AppRoutes.Impact(LabId)), new(L["Impact.StatementOf", _view.OrganisationName ?? string.Empty], AppRoutes.ImpactStatement(LabId, organisation))]
        : [new(L["Impact.Title"], AppRoutes.Impact(LabId))];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Frames.GetFrameAsync(LabId, OrganisationId);
        if (_view is not null)
        {
            _input = _view.Input;
            _form = new EditContext(_input);
        }
        _loaded = true;
    }

    private void Toggle<T>(HashSet<T> set, T value, bool on)
    {
        if (!(_view?.MayEdit ?? false))
        {
            return;
        }
        if (on)
        {
            set.Add(value);
        }
        else
        {
            set.Remove(value);
        }
        // The group's message (a frame needs a reason) follows the boxes as they are ticked.
        _form.NotifyFieldChanged(FieldIdentifier.Create(() => _input.Purposes));
    }

    private async Task SaveAsync()
    {
        if (await _submit.RunAsync(_form, () => Frames.SaveFrameAsync(LabId, OrganisationId, _input)))
        {
            Snackbar.Add(L["Save.Done"], Severity.Success);
            await LoadAsync();
        }
    }
}
