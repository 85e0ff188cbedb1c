using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Mutualisons.EndToEndTests;

internal static class Accessibility
{
    private static readonly AxeRunOptions WcagAOrAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Runs axe-core on the page as it stands and fails on any serious or critical WCAG 2.1 A/AA violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        var serious = await SeriousViolationsAsync(page);
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>The serious or critical WCAG 2.1 A/AA violations of the page as it stands, each with the page's address and the elements at fault.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Notices fade in and out: axe would measure a half-transparent frame. Check the page once they are gone.
        var notices = page.Locator(".mud-snackbar");
        if (await notices.CountAsync() > 0)
        {
            await notices.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 30_000 });
            await Assertions.Expect(notices).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        }
        var result = await page.RunAxe(WcagAOrAA);
        var path = new Uri(page.Url).PathAndQuery;
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
    }
}
