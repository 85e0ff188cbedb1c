using Microsoft.Playwright;

namespace Mutualisons.EndToEndTests;

/// <summary>
/// What the browser refused or reported while a journey ran: Content-Security-Policy violations (a blocked
/// script, style or connection) and console errors. A journey that ends with any of them did not really work.
/// </summary>
internal static class PolicyViolations
{
    public static async Task<List<string>> WatchAsync(this IPage page)
    {
        var seen = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                seen.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => seen.Add($"page error: {error}");
        // Init scripts are injected by the browser's debugging protocol: the page's own policy does not block them.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || e.documentURI}`));
            """);
        return seen;
    }
}
