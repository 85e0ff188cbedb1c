using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Mail;

/// <summary>
/// Every mail the platform writes, as a template: its words are localised resources, laid out once here as a
/// plain-text part and an HTML part. Values (names, titles, links) are inserted HTML-encoded in the HTML part
/// and as they are in the text part, so a lab called "&lt;b&gt;" shows as typed and injects nothing.
/// </summary>
public sealed class MailTemplates(IStringLocalizer<SharedResource> l)
{
    /// <summary>A person is invited to a lab by a facilitator (single-use link).</summary>
    public EmailMessage AccountInvitation(string to, string language, string inviter, string lab, string role, Uri link, DateTimeOffset expiresAt) =>
        In(language, () => Compose(to, l["Invite.MailSubject", lab],
            Paragraph("Mail.Hello"),
            Paragraph("Invite.MailText", inviter, lab, role),
            Paragraph("Invite.MailLinkIntro", expiresAt.ToString("d", CultureInfo.CurrentCulture)),
            Link(link)));

    /// <summary>A person asked for a new password.</summary>
    public EmailMessage PasswordReset(string to, string language, string name, Uri link) =>
        In(language, () => Compose(to, l["Forgot.MailSubject"],
            Paragraph("Mail.HelloName", name),
            Paragraph("Forgot.MailText"),
            Link(link),
            Paragraph("Forgot.MailIgnore")));

    /// <summary>An organisation's personal link to a questionnaire.</summary>
    public EmailMessage QuestionnaireInvitation(string to, string language, string title, Uri link) =>
        In(language, () => Compose(to, l["Questionnaire.MailInviteSubject", title],
            Paragraph("Questionnaire.MailInvite", title),
            Link(link),
            Paragraph("Questionnaire.MailNoAccount")));

    /// <summary>The same personal link again, to an organisation that has not answered yet.</summary>
    public EmailMessage QuestionnaireReminder(string to, string language, string title, Uri link) =>
        In(language, () => Compose(to, l["Questionnaire.MailReminderSubject", title],
            Paragraph("Questionnaire.MailReminder", title),
            Link(link),
            Paragraph("Questionnaire.MailNoAccount")));

    /// <summary>A voter (or the person who votes for an organisation) has not taken a position on a decision yet.</summary>
    public EmailMessage DecisionReminder(string to, string language, string title, DateTimeOffset deadline, Uri link) =>
        In(language, () => Compose(to, l["Decisions.MailReminderSubject", title],
            Paragraph("Mail.Hello"),
            Paragraph("Decisions.MailReminder", title, Formats.BrusselsDateTime(deadline)),
            Link(link)));

    private abstract record Block;

    private sealed record TextBlock(string Key, object[] Values) : Block;

    private sealed record LinkBlock(Uri Link) : Block;

    private static TextBlock Paragraph(string key, params object[] values) => new(key, values);

    private static LinkBlock Link(Uri link) => new(link);

    private EmailMessage Compose(string to, string subject, params Block[] blocks)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"").Append(ProductLocalization.CurrentLanguage).Append("\"><body>");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case TextBlock paragraph:
                    text.Append(l[paragraph.Key, paragraph.Values].Value).Append("\r\n\r\n");
                    // The resource's own words are trusted; only the values are encoded.
                    var encoded = paragraph.Values.Select(v => (object)WebUtility.HtmlEncode(Convert.ToString(v, CultureInfo.CurrentCulture) ?? string.Empty)).ToArray();
                    html.Append("<p>").Append(l[paragraph.Key, encoded].Value).Append("</p>");
                    break;
                case LinkBlock link:
                    var address = link.Link.AbsoluteUri;
                    text.Append(address).Append("\r\n\r\n");
                    html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(address)).Append("\">").Append(WebUtility.HtmlEncode(address)).Append("</a></p>");
                    break;
            }
        }
        html.Append("</body></html>");
        return new EmailMessage(to, subject, html.ToString(), text.ToString().TrimEnd());
    }

    /// <summary>Writes the mail in the recipient's language, whatever the language of the request or job that sends it.</summary>
    private static EmailMessage In(string language, Func<EmailMessage> write)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(ProductLocalization.Cultures.Contains(language) ? language : ProductLocalization.Cultures[0]);
            return write();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }
}
