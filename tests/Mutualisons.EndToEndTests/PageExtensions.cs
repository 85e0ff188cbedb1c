using Microsoft.Playwright;

namespace Mutualisons.EndToEndTests;

internal static class PageExtensions
{
    /// <summary>Opens a page and waits until its circuit is live, so clicks reach the server.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static async Task WaitForInteractiveAsync(this IPage page) =>
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task ReloadInteractiveAsync(this IPage page)
    {
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
    }
}
