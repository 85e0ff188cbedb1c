using Microsoft.Extensions.Localization;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact;

internal static class ImpactRefusals
{
    /// <summary>
    /// A rule the domain refused that concerns one field (a name already used, a value the unit cannot take)
    /// comes back as that field's message, beside it, like the validator's own.
    /// </summary>
    public static SaveResult Beside(this SaveResult result, IStringLocalizer localizer, params (string Rule, string Field)[] fields)
    {
        if (result is not { Status: SaveStatus.Refused, MessageKey: { } key })
        {
            return result;
        }
        foreach (var (rule, field) in fields)
        {
            if (key == $"Rule.{rule}")
            {
                return new SaveResult(SaveStatus.Invalid, "Save.Invalid", new Dictionary<string, string[]> { [field] = [localizer[key]] });
            }
        }
        return result;
    }
}
