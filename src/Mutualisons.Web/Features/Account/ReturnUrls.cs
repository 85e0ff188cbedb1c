namespace Mutualisons.Web.Features.Account;

internal static class ReturnUrls
{
    /// <summary>
    /// Only paths of this site: a sign-in link must not send people elsewhere. Control characters and spaces are
    /// refused too: browsers drop a tab or a newline ("/\t/evil.example" becomes "//evil.example"), and the
    /// framework's local redirect refuses them with an error.
    /// </summary>
    public static string SafeLocal(string? returnUrl) =>
        returnUrl is { Length: > 0 }
        && returnUrl.StartsWith('/')
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? returnUrl
            : "/";
}
