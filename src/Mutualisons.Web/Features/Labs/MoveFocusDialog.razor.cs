using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Mutualisons.Domain.Labs;
using Mutualisons.Web.Components;

namespace Mutualisons.Web.Features.Labs;

public partial class MoveFocusDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Cycle To { get; set; }

    [Parameter]
    public Cycle? From { get; set; }

    [Parameter]
    public uint Version { get; set; }

    private MoveFocusInput _input = new();
    private EditContext _form = default!;
    private readonly FormSubmission _submit = new();

    protected override void OnInitialized()
    {
        _input = new MoveFocusInput { To = To, Version = Version };
        _form = new EditContext(_input);
    }

    private async Task SubmitAsync()
    {
        if (await _submit.RunAsync(_form, () => Labs.MoveFocusAsync(LabId, _input)))
        {
            Dialog.Close(DialogResult.Ok(true));
        }
    }

    private void Cancel() => Dialog.Cancel();

    /// <summary>Asks for the reason of a move to <paramref name="to"/>; true when the move was saved.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, string title, LabOverview lab, Cycle to)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(lab);
        var parameters = new DialogParameters<MoveFocusDialog>
        {
            { d => d.LabId, lab.Id },
            { d => d.To, to },
            { d => d.From, lab.CurrentFocus },
            { d => d.Version, lab.Version },
        };
        var dialog = await dialogs.ShowAsync<MoveFocusDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }
}
