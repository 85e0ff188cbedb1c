using System.Resources;

[assembly: NeutralResourcesLanguage(Mutualisons.Domain.Common.Cultures.French)]

namespace Mutualisons.Web;

/// <summary>
/// Marker for the product's texts: Resources/SharedResource.resx holds French (the default),
/// .nl.resx Dutch and .en.resx English.
/// </summary>
public sealed class SharedResource;
