using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Mutualisons.Domain.Organisations;
using Mutualisons.Web.Components;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Organisations;

public partial class OrganisationForm
{
    [Parameter, EditorRequired]
    public OrganisationInput Input { get; set; } = new();

    /// <summary>Saves the input; the form shows whatever the save refused.</summary>
    [Parameter, EditorRequired]
    public Func<OrganisationInput, Task<SaveResult>> Save { get; set; } = default!;

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

    private void ToggleLanguage(Language language, bool on)
    {
        if (on)
        {
            Input.Languages.Add(language);
        }
        else
        {
            Input.Languages.Remove(language);
        }
        _form.NotifyFieldChanged(_form.Field(nameof(OrganisationInput.Languages)));
    }

    private void AddContact() => Input.Contacts.Add(new ContactInput());

    private void RemoveContact(int index) => Input.Contacts.RemoveAt(index);

    private async Task SubmitAsync()
    {
        if (await _submit.RunAsync(_form, () => Save(Input)))
        {
            await OnSaved.InvokeAsync(_submit.Result);
        }
    }
}
