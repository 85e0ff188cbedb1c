namespace Mutualisons.Domain.Common;

internal static class Guard
{
    public static string RequiredText(string? value, int maxLength, string code, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code, $"{what} is required.");
        }
        if (trimmed.Length > maxLength)
        {
            throw new DomainException(code, $"{what} is longer than {maxLength} characters.");
        }
        return trimmed;
    }

    public static string OptionalText(string? value, int maxLength, string code, string what)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length > maxLength)
        {
            throw new DomainException(code, $"{what} is longer than {maxLength} characters.");
        }
        return trimmed;
    }

    public static T Defined<T>(T value, string code) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException(code, $"{value} is not a valid {typeof(T).Name}.");

    public static DateTimeOffset Utc(DateTimeOffset moment) => moment.ToUniversalTime();
}
