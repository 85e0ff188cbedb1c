using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace Mutualisons.Web.Features.Common;

/// <summary>
/// Turns what people write in Markdown (stories, inspirations) into HTML that is safe to show: raw HTML in the
/// text is not interpreted, and the result goes through a sanitiser that keeps only harmless tags, web links
/// and pictures served by the app itself. One instance for the app: both the pipeline and the sanitiser are
/// thread-safe once built.
/// </summary>
public sealed class UserMarkdown
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public MarkupString Render(string? markdown) => new(ToSafeHtml(markdown));

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
    }

    /// <summary>The text alone, for a summary line or a document that formats it itself.</summary>
    public string ToPlainText(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? string.Empty : Markdown.ToPlainText(markdown, _pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        // A story's heading must not outrank the page's own title.
        sanitizer.AllowedTags.Remove("h1");
        sanitizer.FilterUrl += (_, e) =>
        {
            // Pictures come from the app only (the content security policy would block others anyway).
            if (string.Equals(e.Tag.NodeName, "IMG", StringComparison.OrdinalIgnoreCase) && !IsOwnPath(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }

    private static bool IsOwnPath(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);
}
