namespace Mutualisons.Web.Features.Diagnostic.Answering;

/// <summary>
/// Marks the pages respondents open from a link, often on a phone: plain HTML and the app's own stylesheet,
/// without the component library's styles and scripts nor Blazor's script.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RespondentPageAttribute : Attribute;
