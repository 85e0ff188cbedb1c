using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Mutualisons.Domain.Labs;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Publics.Activities;

public partial class ActivityDialog
{
    public enum Mode
    {
        Plan,
        Edit,
        Held,
        Postpone,
        Cancel,
    }

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Mode Action { get; set; }

    [Parameter]
    public ActivityRow? Activity { get; set; }

    [Parameter]
    public IReadOnlyList<StakeholderChoice> Stakeholders { get; set; } = [];

    private readonly ActivityInput _plan = new();
    private HashSet<Guid> _present = [];
    private string? _outputs;
    private string? _date;
    private string _reason = string.Empty;
    private EditContext _planForm = default!;
    private SaveResult? _result;
    private bool _busy;

    // Recording an activity held with nobody present is asked twice: a first save only warns.
    private bool _confirmingNobody;

    protected override void OnInitialized()
    {
        _planForm = new EditContext(_plan);
        if (Activity is { } activity)
        {
            // Nobody is ticked until someone says who came; a correction starts from who was recorded.
            _present = [.. activity.Present];
            _outputs = activity.Outputs;
            if (Action == Mode.Edit)
            {
                _plan.Title = activity.Title;
                _plan.Kind = activity.Kind;
                _plan.Method = activity.Method;
                _plan.MethodKey = activity.MethodKey;
                _plan.Place = activity.Place;
                _plan.LevelOffered = activity.LevelOffered;
                _plan.Cycles.UnionWith(activity.Cycles);
                _plan.Invited.UnionWith(activity.Invited);
                _date = activity.ScheduledAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
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

    private void ToggleCycle(Cycle cycle, bool on)
    {
        Toggle(_plan.Cycles, cycle, on);
        _planForm.NotifyFieldChanged(_planForm.Field(nameof(ActivityInput.Cycles)));
    }

    // A library method says what kind of activity it usually is; the kind stays editable.
    private void MethodChosen()
    {
        if (Domain.Methods.MethodLibrary.Find(_plan.MethodKey) is { } method)
        {
            _plan.Kind = method.Kind;
        }
        _planForm.NotifyFieldChanged(_planForm.Field(nameof(ActivityInput.MethodKey)));
    }

    // The date is typed as text (a date input); the validator checks the parsed value.
    private void DateChanged()
    {
        _plan.Date = ParsedDate();
        _planForm.NotifyFieldChanged(_planForm.Field(nameof(ActivityInput.Date)));
    }

    private DateTime? ParsedDate() =>
        DateTime.TryParseExact(_date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private async Task SaveAsync()
    {
        if (_busy)
        {
            return;
        }
        if (Action == Mode.Held && _present.Count == 0 && !_confirmingNobody)
        {
            _confirmingNobody = true;
            return;
        }
        _busy = true;
        try
        {
            _result = Action switch
            {
                Mode.Plan => await PlanAsync(),
                Mode.Edit => await ReviseAsync(),
                Mode.Held => await Activities.RecordHeldAsync(LabId, Activity!.Id, [.. _present], _outputs, Activity.Version),
                Mode.Postpone => ParsedDate() is { } date
                    ? await Activities.PostponeAsync(LabId, Activity!.Id, date, _reason, Activity.Version)
                    : SaveResult.Refused("Activity.DateRequired"),
                _ => await Activities.CancelAsync(LabId, Activity!.Id, _reason, Activity.Version),
            };
            if (_result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(_result.Id));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<SaveResult> ReviseAsync()
    {
        _plan.Date = ParsedDate();
        return Activities.ReviseAsync(LabId, Activity!.Id, _plan, Activity.Version);
    }

    private Task<SaveResult> PlanAsync()
    {
        _plan.Date = ParsedDate();
        return Activities.PlanActivityAsync(LabId, _plan);
    }
}
