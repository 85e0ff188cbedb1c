using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Resources.MapData;

/// <summary>A data set's texts in the reader's language.</summary>
public static class MapDataDisplay
{
    /// <summary>A category's name in the current language, French when that translation is missing.</summary>
    public static string Name(CategoryRow category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var name = ProductLocalization.CurrentLanguage switch
        {
            "nl" => category.NameNl,
            "en" => category.NameEn,
            _ => category.NameFr,
        };
        return name.Length > 0 ? name : category.NameFr;
    }
}
