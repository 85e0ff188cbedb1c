namespace Mutualisons.Web.Features.Account;

internal static class ReturnUrls
{
    /// <summary>Only paths of this site: a sign-in link must not send people elsewhere.</summary>
    public static string SafeLocal(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
