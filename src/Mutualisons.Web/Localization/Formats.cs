using System.Globalization;

namespace Mutualisons.Web.Localization;

public static class Formats
{
    /// <summary>A date as people read it in the current language ("4 déc. 2018", "4 dec. 2018").</summary>
    public static string Date(DateTimeOffset moment) => moment.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
