using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Mutualisons.Web.Components;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact;

public partial class IndicatorForm
{
    [Parameter, EditorRequired]
    public IndicatorInput Input { get; set; } = new();

    /// <summary>Saves the input; the form shows whatever the save refused, beside its field when it is one field's.</summary>
    [Parameter, EditorRequired]
    public Func<IndicatorInput, Task<SaveResult>> Save { get; set; } = default!;

    [Parameter]
    public EventCallback<SaveResult> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private EditContext _form = default!;
    private readonly FormSubmission _submit = new();

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_form?.Model, Input))
        {
            _form = new EditContext(Input);
        }
    }

    private async Task SubmitAsync()
    {
        if (await _submit.RunAsync(_form, () => Save(Input)))
        {
            await OnSaved.InvokeAsync(_submit.Result);
        }
    }
}
