using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Components;

public static class FormValidation
{
    /// <summary>
    /// What <see cref="Shared.FormMessage"/> shows when the form's own validation stopped a save: "some
    /// information needs correcting", the details being beside the fields.
    /// </summary>
    public static readonly SaveResult Incomplete = new(SaveStatus.Invalid, "Save.Invalid");
}
