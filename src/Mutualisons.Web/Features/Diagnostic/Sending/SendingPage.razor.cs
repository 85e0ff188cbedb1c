using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Sending;

public partial class SendingPage
{
    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid Id { get; set; }

    private QuestionnaireEditor? _editor;
    private QuestionnaireSending? _sending;
    private bool _loaded;
    private bool _busy;
    private ScheduleInput _schedule = new();
    private SaveResult? _result;
    private string _search = string.Empty;
    private readonly HashSet<Guid> _selected = [];
    private ReminderScheduleInput _reminder = new();
    private Guid _reminderFor = Guid.Empty;
    private IReadOnlyList<ScheduledReminder> _scheduled = [];

    private IEnumerable<InvitableOrganisation> Visible =>
        _sending!.Candidates.Where(o => _search.Length == 0 || o.Name.Contains(_search, StringComparison.CurrentCultureIgnoreCase));

    // The crumbs between the lab and this page.
    private BreadcrumbItem[] Trail =>
    [
        new(L["Questionnaires.Title"], AppRoutes.Questionnaires(LabId)),
    ];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _editor = await Questionnaires.GetEditorAsync(LabId, Id);
        _sending = _editor is null ? null : await Sending.GetSendingAsync(LabId, Id);
        if (_editor is not null)
        {
            _schedule = new ScheduleInput
            {
                OpensOn = _editor.OpensAt is { } o ? Formats.BrusselsDay(o) : null,
                ClosesOn = _editor.ClosesAt is { } c ? Formats.BrusselsDay(c) : null,
            };
        }
        _selected.IntersectWith(_sending?.Candidates.Select(c => c.Id) ?? []);
        _scheduled = _sending is null ? [] : await Reminders.ListScheduledAsync(LabId, Id) ?? [];
        _loaded = true;
    }

    private string Absolute(string path) => Navigation.ToAbsoluteUri(path).ToString();

    // Only an organisation with an address and still to answer can be reminded.
    private static bool CanRemind(InvitationRow invitation) =>
        invitation.Email.Length > 0 && invitation.Progress is not (RespondentProgress.Submitted or RespondentProgress.Revoked);

    private async Task CopyAsync(string link)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", link);
            Snackbar.Add(L["Sending.Copied"], Severity.Success);
        }
        catch (JSException)
        {
            // Clipboard refused (no permission, insecure page): the link stays visible to copy by hand.
            Snackbar.Add(L["Sending.CopyFailed"], Severity.Warning);
        }
    }

    private Task ScheduleReminderAsync()
    {
        _reminder.InvitationId = _reminderFor == Guid.Empty ? null : _reminderFor;
        return RunAsync(() => Reminders.ScheduleAsync(LabId, Id, _reminder, new Uri(Navigation.BaseUri)), "Reminders.Scheduled");
    }

    private Task CancelReminderAsync(ScheduledReminder reminder) =>
        RunAsync(() => Reminders.CancelScheduledAsync(LabId, Id, reminder.Key), "Reminders.Cancelled");

    private void Toggle(Guid id, bool on)
    {
        if (on)
        {
            _selected.Add(id);
        }
        else
        {
            _selected.Remove(id);
        }
    }

    private void SelectLab() => _selected.UnionWith(_sending!.Candidates.Where(c => c.InLab).Select(c => c.Id));

    private async Task RunAsync(Func<Task<SaveResult>> action, string doneKey)
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            _result = await action();
            if (_result.Succeeded)
            {
                Snackbar.Add(L[doneKey], Severity.Success);
                if (_result.MessageKey is { } warning)
                {
                    Snackbar.Add(L[warning], Severity.Warning);
                }
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task ScheduleAsync() => RunAsync(() => Questionnaires.ScheduleAsync(LabId, Id, _editor!.Version, _schedule), "Save.Done");

    private async Task CloseNowAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Sending.CloseNow"], L["Sending.CloseNowConfirm"], yesText: L["Sending.CloseNow"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Questionnaires.CloseNowAsync(LabId, Id, _editor!.Version), "Sending.Closed");
        }
    }

    private Task SetPublicLinkAsync(bool enabled, bool onePerBrowser) =>
        RunAsync(() => Questionnaires.SetPublicLinkAsync(LabId, Id, _editor!.Version, enabled, onePerBrowser), "Save.Done");

    private Task InviteAsync() =>
        RunAsync(() => Sending.InviteAsync(LabId, Id, [.. _selected], new Uri(Navigation.BaseUri)), "Sending.InvitationsSent");

    private async Task RemindAsync(InvitationRow? invitation)
    {
        var text = invitation is null ? L["Sending.RemindAllConfirm", _sending!.Invited - _sending.Submitted] : L["Sending.RemindConfirm", invitation.Organisation];
        if (await Dialogs.ShowMessageBoxAsync(L["Sending.Remind"], text, yesText: L["Sending.Remind"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Reminders.RemindNowAsync(LabId, Id, invitation?.Id, new Uri(Navigation.BaseUri)), "Sending.Reminded");
        }
    }

    private async Task RevokeAsync(InvitationRow invitation)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Sending.Revoke"], L["Sending.RevokeConfirm", invitation.Organisation], yesText: L["Sending.Revoke"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => Sending.RevokeAsync(LabId, Id, invitation.Id), "Sending.Revoked");
        }
    }
}
