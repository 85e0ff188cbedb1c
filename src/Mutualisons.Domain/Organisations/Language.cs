namespace Mutualisons.Domain.Organisations;

/// <summary>The working languages of Brussels organisations the platform serves.</summary>
public enum Language
{
    French,
    Dutch,
    English,
}
