using System.Globalization;
using Microsoft.AspNetCore.Components;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Answering;

public partial class AnswerPage
{
    private const string BrowserKeyCookie = AnswerPageCookies.BrowserKey;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    /// <summary>Set when a post came back without a valid antiforgery token (see ExpiredAnswerForms).</summary>
    [SupplyParameterFromQuery(Name = "expired")]
    public string? ExpiredFlag { get; set; }

    // Read as text: a hand-edited query must not break the page.
    private bool Expired => ExpiredFlag == "true";

    private RespondentPage _page = RespondentPage.Unknown;
    private bool _awaitingPost;

    private bool IsPublicLink => HttpContext.Request.Path.StartsWithSegments("/p", StringComparison.Ordinal);

    private string? BrowserKey => HttpContext.Request.Cookies[BrowserKeyCookie];

    protected override async Task OnInitializedAsync()
    {
        // Search engines and link previews must not index personal links. (Antiforgery already forbids caching.)
        HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
        if (HttpMethods.IsPost(HttpContext.Request.Method))
        {
            _awaitingPost = true;
            return;
        }
        _page = IsPublicLink
            ? await Respondents.OpenPublicAsync(Token, BrowserKey, HttpContext.RequestAborted)
            : await Respondents.OpenInvitationAsync(Token, HttpContext.RequestAborted);
        SetStatus();
    }

    private async Task HandleAsync()
    {
        _awaitingPost = false;
        var form = await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted);
        var move = Enum.TryParse<RespondentMove>(form["move"].ToString(), out var parsed) && Enum.IsDefined(parsed) ? parsed : RespondentMove.Save;
        var section = int.TryParse(form["section"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        var language = ProductLocalization.CurrentLanguage;
        var outcome = IsPublicLink
            ? await Respondents.AnswerPublicAsync(Token, BrowserKey, section, move, form, language, HttpContext.RequestAborted)
            : await Respondents.AnswerInvitationAsync(Token, section, move, form, language, HttpContext.RequestAborted);
        if (outcome.NewBrowserKey is { } key)
        {
            HttpContext.Response.Cookies.Append(BrowserKeyCookie, key, new CookieOptions
            {
                Path = HttpContext.Request.Path,
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = HttpContext.Request.IsHttps,
                Expires = DateTimeOffset.UtcNow.AddYears(1),
            });
        }
        if (outcome.Redirect)
        {
            // Post, then redirect: a reload never sends the answers twice.
            Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
            return;
        }
        _page = outcome.Page!;
        SetStatus();
    }

    private void SetStatus()
    {
        // This page explains itself: no generic error page must replace it.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        // An unknown link answers 200 with its own explanation: a 404 would hand the response to the
        // generic not-found page, which says nothing useful to someone holding a mistyped link.
        if (_page.HasErrors)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else if (_page.Notice is RespondentNotice.Conflict or RespondentNotice.NotSaved)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        }
    }

    /// <summary>Where the page's script saves answers in the background (see AutosaveEndpoints).</summary>
    private string AutosavePath => $"{HttpContext.Request.PathBase}{HttpContext.Request.Path}/{AutosaveEndpoints.Segment}";

    private bool IsShownFromEarlierPages(QuestionnaireContent content, SectionDefinition section, QuestionDefinition question, int depth = 0)
    {
        // A condition on an answer of this same page is applied in the browser (and again by the server), as
        // long as that answer's question is itself on the page; one on an earlier page is decided here.
        if (question.Condition is not { } condition || depth > QuestionnaireContent.MaxQuestions)
        {
            return true;
        }
        if (section.Questions.FirstOrDefault(q => q.Id == condition.QuestionId) is { } source)
        {
            return IsShownFromEarlierPages(content, section, source, depth + 1);
        }
        return content.IsShown(section, question, _page.Choices ?? new Dictionary<Guid, IReadOnlyCollection<string>>());
    }
}
