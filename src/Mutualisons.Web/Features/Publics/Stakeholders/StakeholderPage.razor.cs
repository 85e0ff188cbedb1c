using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Publics.Stakeholders;

public partial class StakeholderPage
{
    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid StakeholderId { get; set; }

    private StakeholderDetails? _stakeholder;
    private bool _loaded;
    private SaveResult? _result;
    private Cycle? _adjusting;
    private ParticipationLevel? _adjustLevel;
    private string _adjustReason = string.Empty;
    private StakeholderInput? _describing;

    private void StartDescribing() => _describing = new StakeholderInput
    {
        Kind = _stakeholder!.Kind,
        Name = _stakeholder.Name,
        Contact = _stakeholder.Contact,
        Interest = _stakeholder.Interest,
    };

    private async Task DescribeAsync()
    {
        _result = await Stakeholders.DescribeStakeholderAsync(LabId, StakeholderId, _describing!, _stakeholder!.Version);
        if (_result.Succeeded)
        {
            _describing = null;
        }
        await AfterSaveAsync();
    }

    // The crumbs between the lab and this page.
    private BreadcrumbItem[] Trail =>
    [
        new(L["Publics.Title"], AppRoutes.Publics(LabId)),
    ];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _stakeholder = await Stakeholders.GetStakeholderAsync(LabId, StakeholderId);
        _loaded = true;
    }

    private async Task SetTargetAsync(Cycle cycle, ParticipationLevel? level)
    {
        _result = await Stakeholders.SetTargetAsync(LabId, StakeholderId, cycle, level, _stakeholder!.Version);
        await AfterSaveAsync();
    }

    private void StartAdjusting(Cycle cycle, ParticipationLevel? current)
    {
        _adjusting = cycle;
        _adjustLevel = current;
        _adjustReason = string.Empty;
    }

    private async Task AdjustAsync()
    {
        _result = await Stakeholders.AdjustReachedAsync(LabId, StakeholderId, _adjusting!.Value, _adjustLevel, _adjustReason, _stakeholder!.Version);
        if (_result.Succeeded)
        {
            _adjusting = null;
        }
        await AfterSaveAsync();
    }

    private async Task AfterSaveAsync()
    {
        if (_result is { Succeeded: true })
        {
            Snackbar.Add(L["Save.Done"], Severity.Success);
            await LoadAsync();
        }
    }
}
