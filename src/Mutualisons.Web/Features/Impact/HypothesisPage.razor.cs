using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact;

public partial class HypothesisPage
{
    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid HypothesisId { get; set; }

    private HypothesisView? _view;
    private Sources.HypothesisSourcing? _sourcing;
    private bool _loaded;
    private bool _busy;
    private SaveResult? _result;
    private IndicatorInput? _indicator;
    private Guid? _editing;
    private IndicatorInput? _edited;
    private HypothesisInput? _revising;
    private SaveResult? _revisingResult;
    private EvidenceInput? _evidence;
    private SaveResult? _evidenceResult;
    private ConclusionInput _conclusion = new();
    private SaveResult? _conclusionResult;
    private ReopenInput _reopen = new();
    private SaveResult? _reopenResult;

    private BreadcrumbItem[] Trail =>
    [
        new(L["Impact.Title"], AppRoutes.Impact(LabId)),
    ];

    private string Today => DayText.Of(DateOnly.FromDateTime(Formats.BrusselsDay(Time.GetUtcNow())));

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Hypotheses.GetHypothesisAsync(LabId, HypothesisId);
        _sourcing = _view is null ? null : await Sources.GetSourcingAsync(LabId, HypothesisId);
        _loaded = true;
    }

    private string Show(string text) => string.IsNullOrWhiteSpace(text) ? L["Impact.NotAnswered"] : text;

    private void StartIndicator() => _indicator = new IndicatorInput { BaselineDate = Today };

    private void StartEditing(IndicatorView indicator)
    {
        _editing = indicator.Id;
        _edited = new IndicatorInput
        {
            Name = indicator.Name,
            Unit = indicator.Unit,
            Direction = indicator.Direction,
            BaselineValue = ImpactDisplay.Plain(indicator.BaselineValue),
            BaselineDate = DayText.Of(indicator.BaselineDate),
            TargetValue = indicator.TargetValue is { } target ? ImpactDisplay.Plain(target) : null,
            TargetDate = indicator.TargetDate is { } on ? DayText.Of(on) : null,
        };
    }

    private void StartRevising() => _revising = new HypothesisInput
    {
        OrganisationId = _view!.OrganisationId,
        Statement = _view.Statement,
        Stakeholders = _view.Stakeholders,
        Sign = _view.Sign,
        Nature = _view.Nature,
    };

    private Task ReviseAsync() =>
        SaveAsync(() => Hypotheses.ReviseHypothesisAsync(LabId, HypothesisId, _revising!, _view!.Version), r => _revisingResult = r, () => _revising = null);

    private void StartEvidence() => _evidence = new EvidenceInput { Date = Today };

    /// <summary>Runs a save once at a time and reloads after it; the result goes where <paramref name="show"/> puts it.</summary>
    private async Task SaveAsync(Func<Task<SaveResult>> save, Action<SaveResult> show, Action? onSaved = null)
    {
        if (_busy || _view is null)
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await save();
            show(result);
            if (result.Succeeded)
            {
                onSaved?.Invoke();
                Snackbar.Add(L["Save.Done"], Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<SaveResult> SaveIndicatorAsync(IndicatorInput input) => Hypotheses.AddIndicatorAsync(LabId, HypothesisId, input, _view!.Version);

    private async Task IndicatorSavedAsync()
    {
        _indicator = null;
        _editing = null;
        Snackbar.Add(L["Save.Done"], Severity.Success);
        await LoadAsync();
    }

    private Task AddEvidenceAsync() =>
        SaveAsync(() => Hypotheses.AddEvidenceAsync(LabId, HypothesisId, _evidence!, _view!.Version), r => _evidenceResult = r, () => _evidence = null);

    private Task ConcludeAsync() =>
        SaveAsync(() => Hypotheses.ConcludeAsync(LabId, HypothesisId, _conclusion, _view!.Version), r => _conclusionResult = r, () => _conclusion = new());

    private Task ReopenAsync() =>
        SaveAsync(() => Hypotheses.ReopenAsync(LabId, HypothesisId, _reopen, _view!.Version), r => _reopenResult = r, () => _reopen = new());

    /// <summary>Records a new measurement of <paramref name="indicator"/>, or corrects <paramref name="measurement"/>.</summary>
    private async Task MeasureAsync(IndicatorView indicator, MeasurementLine? measurement)
    {
        var parameters = new DialogParameters<MeasurementDialog>
        {
            { d => d.LabId, LabId },
            { d => d.HypothesisId, HypothesisId },
            { d => d.Version, _view!.Version },
            { d => d.Indicator, indicator },
            { d => d.Measurement, measurement },
        };
        var title = measurement is null ? L["Impact.RecordMeasurementOf", indicator.Name] : L["Impact.ReviseMeasurementOf", indicator.Name];
        var dialog = await Dialogs.ShowAsync<MeasurementDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Save.Done"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ForgetAsync(IndicatorView indicator, MeasurementLine measurement)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Impact.ForgetTitle"], L["Impact.ForgetConfirm", ImpactDisplay.Value(measurement.Value, indicator.Unit), ImpactDisplay.Day(measurement.On), indicator.Name],
                yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            await SaveAsync(() => Hypotheses.ForgetMeasurementAsync(LabId, HypothesisId, measurement.Id, _view!.Version), r => _result = r);
        }
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");

    private async Task RemoveEvidenceAsync(EvidenceLine evidence)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Impact.RemoveEvidence"], L["Impact.RemoveEvidenceConfirm", L.Enum(evidence.Kind), Excerpt(evidence.Text)],
                yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            await SaveAsync(() => Hypotheses.RemoveEvidenceAsync(LabId, HypothesisId, evidence.Id, _view!.Version), r => _result = r);
        }
    }

    private async Task RemoveIndicatorAsync(IndicatorView indicator)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Impact.RemoveIndicator"], L["Impact.RemoveIndicatorConfirm", indicator.Name, indicator.Measurements.Count],
                yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            await SaveAsync(() => Hypotheses.RemoveIndicatorAsync(LabId, HypothesisId, indicator.Id, _view!.Version), r => _result = r);
        }
    }

    private async Task DeleteAsync()
    {
        if (_view is null)
        {
            return;
        }
        if (await Dialogs.ShowMessageBoxAsync(L["Impact.DeleteHypothesis"], L["Impact.DeleteHypothesisConfirm", _view.Indicators.Count],
                yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            _result = await Hypotheses.DeleteHypothesisAsync(LabId, HypothesisId, _view.Version);
            if (_result.Succeeded)
            {
                Snackbar.Add(L["Save.Done"], Severity.Success);
                Navigation.NavigateTo(AppRoutes.Impact(LabId));
            }
        }
    }
}
