using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Access;

public partial class LabPeoplePage
{
    [Parameter]
    public Guid LabId { get; set; }

    private LabPeople? _lab;
    private bool _loaded;
    private bool _busy;
    private SaveResult? _result;
    private InviteInput _invite = new();
    private AddMemberInput _member = new();
    private SaveResult? _inviteResult;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _lab = await People.GetAsync(LabId);
        _loaded = true;
    }

    private async Task RunAsync(Func<Task<SaveResult>> change, string? doneKey = "Save.Done")
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            _result = await change();
            if (_result.Succeeded && doneKey is not null)
            {
                Snackbar.Add(L[doneKey], Severity.Success);
            }
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task InviteAsync()
    {
        await RunAsync(() => People.InviteAsync(LabId, _invite, new Uri(Navigation.BaseUri)), "People.InvitationSent");
        _inviteResult = _result;
        if (_result!.Succeeded)
        {
            _invite = new InviteInput();
        }
    }

    private Task ChangeRoleAsync(LabPersonRow person, LabRole role) =>
        RunAsync(() => People.ChangeRoleAsync(LabId, person.PersonId, role, person.OrganisationId, _lab!.Version));

    private async Task RemovePersonAsync(LabPersonRow person)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["People.RemoveTitle"], L["People.RemoveConfirm", person.DisplayName], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => People.RemovePersonAsync(LabId, person.PersonId, _lab!.Version));
        }
    }

    private Task RevokeAsync(InvitationRow invitation) => RunAsync(() => People.RevokeInvitationAsync(LabId, invitation.Id));

    private async Task AddMemberAsync()
    {
        await RunAsync(() => People.AddMemberAsync(LabId, _member, _lab!.Version));
        if (_result!.Succeeded)
        {
            _member = new AddMemberInput();
        }
    }

    private async Task RemoveMemberAsync(OrganisationChoice organisation)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["People.RemoveTitle"], L["People.RemoveConfirm", organisation.Name], yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) == true)
        {
            await RunAsync(() => People.RemoveMemberAsync(LabId, organisation.Id, _lab!.Version));
        }
    }
}
