using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Workshops.Preparation;

namespace Mutualisons.Web.Features.Workshops.Console;

/// <summary>
/// The facilitator's console: prepares the steps and, once the room is open, runs it. It follows the room
/// through the workshop's signals, so joins and answers from phones served by any instance show up here.
/// </summary>
public partial class WorkshopPage
{
    private static readonly int[] TimerChoices = [0, 1, 2, 3, 5, 10, 15, 20];

    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid WorkshopId { get; set; }

    private WorkshopRoomState? _state;
    private IReadOnlyList<TemplateRow> _templates = [];
    private bool _loaded;
    private bool _busy;
    private SaveResult? _result;
    private string? _announcement;
    private WorkshopFeed? _feed;
    private Guid _followed;

    private BreadcrumbItem[] Trail => [new(L["Workshops.Title"], AppRoutes.Workshops(LabId))];

    private string JoinUrl => _state is null ? string.Empty : global::Mutualisons.Web.Features.Workshops.Room.RoomRoutes.AbsoluteJoin(Navigation.BaseUri, _state.Workshop.JoinCode);

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (_followed != WorkshopId && _state is not null)
        {
            if (_feed is not null)
            {
                await _feed.DisposeAsync();
            }
            _followed = WorkshopId;
            _feed = Room.Follow(LabId, WorkshopId, forScreen: false, state => InvokeAsync(() =>
            {
                _state = state ?? _state;
                StateHasChanged();
            }), Logger);
        }
    }

    private async Task LoadAsync()
    {
        _state = await Room.ReadAsync(LabId, WorkshopId);
        if (_state is not null && _state.MayRun)
        {
            _templates = (await Preparation.GetAsync(LabId))?.Templates ?? [];
        }
        _loaded = true;
    }

    private uint Version => _state!.Workshop.Version;

    /// <summary>Runs a change, shows what went wrong if anything, and re-reads the room.</summary>
    private async Task RunAsync(Func<Task<SaveResult>> change, string? announcement = null)
    {
        _busy = true;
        try
        {
            var result = await change();
            _result = result.Succeeded ? null : result;
            if (result.Succeeded && announcement is not null)
            {
                _announcement = announcement;
            }
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task StartAsync() => RunAsync(() => Room.StartAsync(LabId, WorkshopId, Version), L["Workshops.Started"]);

    private async Task EndAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Workshops.EndTitle"], L["Workshops.EndConfirm"], yesText: L["Workshops.End"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Room.EndAsync(LabId, WorkshopId, Version), L["Workshops.EndedNotice"]);
        }
    }

    private Task AdvanceAsync(int by) => RunAsync(() => Room.AdvanceAsync(LabId, WorkshopId, by, Version), L["Workshops.Moved"]);

    private Task GoToAsync(Guid stepId) => RunAsync(() => Room.GoToAsync(LabId, WorkshopId, stepId, Version), L["Workshops.Moved"]);

    private Task SubmissionsAsync(Guid stepId, bool open) => RunAsync(() => Room.SetSubmissionsAsync(LabId, WorkshopId, stepId, open, Version));

    private Task RevealAsync(Guid stepId, bool revealed) => RunAsync(() => Room.RevealAsync(LabId, WorkshopId, stepId, revealed, Version));

    private Task TimerAsync(Guid stepId, int minutes) => RunAsync(() => Room.SetTimerAsync(LabId, WorkshopId, stepId, minutes, Version));

    private async Task RenewCodeAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Workshops.RenewCode"], L["Workshops.RenewCodeConfirm"], yesText: L["Workshops.RenewCode"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Room.RenewCodeAsync(LabId, WorkshopId, Version));
        }
    }

    private async Task RemoveNoteAsync(NoteView note)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Workshops.RemoveNoteTitle"], L["Workshops.RemoveNoteConfirm", note.Text], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Room.RemoveNoteAsync(LabId, WorkshopId, note.Id));
        }
    }

    private async Task RemoveParticipantAsync(ParticipantView participant)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Workshops.RemoveParticipantTitle"], L["Workshops.RemoveParticipantConfirm", participant.Name], yesText: L["Workshops.Remove"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Room.RemoveParticipantAsync(LabId, WorkshopId, participant.Id));
        }
    }

    private Task AddClusterAsync(string name) =>
        RunAsync(() => Room.AddClusterAsync(LabId, WorkshopId, _state!.Current!.Step.Id, name));

    private Task PutNoteAsync((NoteView Note, Guid? Cluster) move) =>
        RunAsync(() => Room.PutNoteAsync(LabId, WorkshopId, move.Note.Id, move.Cluster));

    private Task MoveAsync(Guid stepId, int by) => RunAsync(() => Preparation.MoveStepAsync(LabId, WorkshopId, stepId, by, Version));

    private async Task RemoveStepAsync(WorkshopStep step)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Workshops.RemoveStepTitle"], L["Workshops.RemoveStepConfirm", step.Position + 1], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Preparation.RemoveStepAsync(LabId, WorkshopId, step.Id, Version));
        }
    }

    private Task CopyTemplateAsync(string template) => RunAsync(() => Preparation.CopyTemplateAsync(LabId, WorkshopId, template, Version));

    private Task AddStepAsync() => ShowStepAsync(L["Workshops.AddStep"], null, new StepInput());

    private Task EditStepAsync(WorkshopStep step) => ShowStepAsync(L["Workshops.EditStep", step.Position + 1], step.Id, StepInput.From(step));

    private async Task ShowStepAsync(string title, Guid? stepId, StepInput input)
    {
        var parameters = new DialogParameters<StepDialog>
        {
            { d => d.LabId, LabId },
            { d => d.WorkshopId, WorkshopId },
            { d => d.Version, Version },
            { d => d.StepId, stepId },
            { d => d.Input, input },
            { d => d.Steps, _state!.Workshop.Steps },
        };
        var dialog = await Dialogs.ShowAsync<StepDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Save.Done"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task SaveTemplateAsync()
    {
        var parameters = new DialogParameters<TemplateNameDialog> { { d => d.LabId, LabId }, { d => d.WorkshopId, WorkshopId }, { d => d.Name, _state!.Workshop.Title } };
        var dialog = await Dialogs.ShowAsync<TemplateNameDialog>(L["Workshops.SaveAsTemplate"], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Workshops.TemplateSaved"], Severity.Success);
            await LoadAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
