using System.Net;
using System.Text.RegularExpressions;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>Posts server-rendered forms as a browser would: with their hidden fields (antiforgery, handler name).</summary>
public static partial class Forms
{
    public static Dictionary<string, string> HiddenFields(string html, string? formName = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var form = formName is null ? html : FormNamed(html, formName);
        return HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    private static string FormNamed(string html, string formName)
    {
        var marker = html.IndexOf($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal);
        if (marker < 0)
        {
            throw new InvalidOperationException($"No form {formName} in the page.");
        }
        var start = html.LastIndexOf("<form", marker, StringComparison.Ordinal);
        var end = html.IndexOf("</form>", marker, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>Posts <paramref name="fields"/> (repeated names allowed) plus the form's hidden fields.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string pageHtml, IEnumerable<KeyValuePair<string, string>> fields, string? formName = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var hidden = HiddenFields(pageHtml, formName);
        var all = hidden.Where(h => !fields.Any(f => f.Key == h.Key)).Concat(fields).ToList();
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>A client signed in through the real sign-in page.</summary>
    public static async Task<HttpClient> SignedInClientAsync(AppFactory factory, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var response = await PostAsync(client, "/account/sign-in", page, [new("Input.Email", email), new("Input.Password", password)], "sign-in");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed for {email}: {response.StatusCode}");
        }
        return client;
    }

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
