namespace Mutualisons.Domain.Common;

/// <summary>Lengths shared by the domain, the validators and the database columns.</summary>
public static class Limits
{
    public const int Name = 200;
    public const int ShortText = 200;
    public const int PostalCode = 20;
    public const int Url = 500;
    public const int Email = 254;
    public const int LongText = 4000;
    public const int Reason = 1000;

    /// <summary>A story of the lab, in Markdown: a few pages.</summary>
    public const int Story = 20000;

    /// <summary>A key naming a built-in entry (a method of the library, an indicator of the catalogue).</summary>
    public const int Key = 80;
}
