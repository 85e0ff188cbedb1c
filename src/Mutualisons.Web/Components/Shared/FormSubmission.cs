using Microsoft.AspNetCore.Components.Forms;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Components;

/// <summary>
/// How a form submits: never twice at once (<see cref="Busy"/> disables its button), the form's own validation
/// first ("some information needs correcting" when it fails, the details beside the fields), then the save, whose
/// result <see cref="Shared.FormMessage"/> and <see cref="FluentValidationValidator"/> show.
/// </summary>
public sealed class FormSubmission
{
    public bool Busy { get; private set; }

    public SaveResult? Result { get; private set; }

    /// <summary>True when <paramref name="save"/> ran and succeeded; <see cref="Result"/> then holds what it saved.</summary>
    public async Task<bool> RunAsync(EditContext form, Func<Task<SaveResult>> save)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(save);
        if (Busy)
        {
            return false;
        }
        if (!form.Validate())
        {
            Result = FormValidation.Incomplete;
            return false;
        }
        Busy = true;
        try
        {
            Result = await save();
            return Result.Succeeded;
        }
        finally
        {
            Busy = false;
        }
    }
}
