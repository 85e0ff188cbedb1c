using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Mutualisons.Web.Components;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact.Logics;

public partial class LogicForm
{
    [Parameter, EditorRequired]
    public LogicInput Input { get; set; } = new();

    /// <summary>The lab's hypotheses the logic can serve.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<HypothesisOption> Hypotheses { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<LogicInput, Task<SaveResult>> Save { get; set; } = default!;

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

    private void Toggle<T>(HashSet<T> set, T value, bool on)
    {
        if (on)
        {
            set.Add(value);
        }
        else
        {
            set.Remove(value);
        }
        _form.NotifyFieldChanged(FieldIdentifier.Create(() => Input.Objectives));
    }

    private async Task SubmitAsync()
    {
        if (await _submit.RunAsync(_form, () => Save(Input)))
        {
            await OnSaved.InvokeAsync(_submit.Result);
        }
    }
}
