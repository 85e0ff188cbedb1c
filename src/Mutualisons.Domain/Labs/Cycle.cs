namespace Mutualisons.Domain.Labs;

/// <summary>
/// The cycles of the method. They are navigated, not planned: any cycle can be opened at any time,
/// so the order of this enum is only the order of display.
/// </summary>
public enum Cycle
{
    /// <summary>Diagnostiquer les besoins.</summary>
    Diagnostic,

    /// <summary>Identifier et impliquer les publics.</summary>
    Publics,

    /// <summary>Définir les finalités : l'impact social.</summary>
    Impact,

    /// <summary>Configurer les outils, vecteurs de la mise à l'échelle.</summary>
    ToolConfiguration,

    /// <summary>Cycle cœur: choisir et adapter les méthodes; runs inside every other cycle.</summary>
    CoreMethods,
}
