using Microsoft.Playwright;

namespace Mutualisons.EndToEndTests;

internal static class PageExtensions
{
    /// <summary>Signs in through the real sign-in page and waits for the labs page to answer.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = IntegrationTests.Support.AppFixture.DemoPassword)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#sign-in-email").FillAsync(email);
        await page.Locator("#sign-in-password").FillAsync(password);
        await page.Locator(".static-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
    }

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
