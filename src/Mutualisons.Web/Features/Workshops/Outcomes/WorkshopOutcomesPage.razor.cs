using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

public partial class WorkshopOutcomesPage
{
    private WorkshopOutcomes? _view;
    private bool _loaded;
    private bool _busy;

    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid WorkshopId { get; set; }

    private BreadcrumbItem[] Trail => _view is null
        ? []
        : [new(L["WorkshopOutcomes.Workshops"], AppRoutes.Workshops(LabId)), new(_view.Title, AppRoutes.Workshop(LabId, WorkshopId))];

    protected override async Task OnParametersSetAsync()
    {
        _view = await Outcomes.GetAsync(LabId, WorkshopId);
        _loaded = true;
    }

    private async Task RecordAttendanceAsync()
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Attendance.RecordAttendanceAsync(LabId, WorkshopId);
            Snackbar.Add(result.Succeeded ? L["WorkshopOutcomes.AttendanceDone"] : L[result.MessageKey ?? "Save.Invalid"], result.Succeeded ? Severity.Success : Severity.Error);
            _view = await Outcomes.GetAsync(LabId, WorkshopId);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ConvertAsync(ConversionRequest request)
    {
        var (source, kind, proposed) = request;
        var parameters = new DialogParameters<ConvertDialog>
        {
            { d => d.LabId, LabId },
            { d => d.WorkshopId, WorkshopId },
            { d => d.Source, source },
            { d => d.Kind, kind },
            { d => d.Proposed, proposed },
        };
        var title = L[kind == OutcomeKind.Need ? "WorkshopOutcomes.MakeNeed" : "WorkshopOutcomes.MakeExperiment"];
        var dialog = await Dialogs.ShowAsync<ConvertDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: ConversionResult done })
        {
            Snackbar.Add(L[kind == OutcomeKind.Need ? "WorkshopOutcomes.NeedMade" : "WorkshopOutcomes.ExperimentMade"], Severity.Success);
            if (done.ScoresLeftEmpty)
            {
                Snackbar.Add(L["WorkshopOutcomes.AxesRenamed"], Severity.Info);
            }
            _view = await Outcomes.GetAsync(LabId, WorkshopId);
        }
    }
}
