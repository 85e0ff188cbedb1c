using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Mutualisons.Web.Features.Mail;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Mail;

public sealed class MailTemplatesTests
{
    private static readonly Uri Link = new("https://labs.example/r/abc?x=1&y=2");

    private static MailTemplates Templates()
    {
        var services = new ServiceCollection().AddLogging().AddProductLocalization().BuildServiceProvider();
        return new MailTemplates(services.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    [Fact]
    public void The_account_invitation_names_inviter_lab_role_and_expiry_in_both_parts_with_values_encoded_in_html()
    {
        var mail = Templates().AccountInvitation("new@example.org", "fr", "Camille <b>", "Bota & 75", "observatrice", Link, new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("new@example.org", mail.To);
        Assert.Equal("Invitation au living lab « Bota & 75 »", mail.Subject);
        Assert.Contains("Camille <b> vous invite à rejoindre le living lab « Bota & 75 » sur Mutualisons, comme observatrice.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("09/12/2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Link.AbsoluteUri, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", mail.TextBody!.Replace("Camille <b>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<p>Camille &lt;b&gt; vous invite à rejoindre le living lab « Bota &amp; 75 »", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://labs.example/r/abc?x=1&amp;y=2\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_reset_greets_by_name_in_the_chosen_language()
    {
        var mail = Templates().PasswordReset("lina@example.org", "nl", "Lina", Link);

        Assert.Equal("Mutualisons: nieuw wachtwoord", mail.Subject);
        Assert.StartsWith("Dag Lina,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Dag Lina,</p>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Open deze link binnen twee uur", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Link.AbsoluteUri, mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Votre avis pour « Lieu <partagé> »", "Rappel : « Lieu <partagé> »")]
    [InlineData("en", "Your views for \"Lieu <partagé>\"", "Reminder: \"Lieu <partagé>\"")]
    public void Questionnaire_invitations_and_reminders_carry_the_personal_link_in_the_recipients_language(string language, string inviteSubject, string reminderSubject)
    {
        var templates = Templates();
        var invitation = templates.QuestionnaireInvitation("asbl@example.org", language, "Lieu <partagé>", Link);
        var reminder = templates.QuestionnaireReminder("asbl@example.org", language, "Lieu <partagé>", Link);

        Assert.Equal(inviteSubject, invitation.Subject);
        Assert.Equal(reminderSubject, reminder.Subject);
        foreach (var mail in new[] { invitation, reminder })
        {
            Assert.Contains(Link.AbsoluteUri, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Lieu <partagé>", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Lieu &lt;partag", mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("<partagé>", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"lang=\"{language}\"", mail.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_language_of_the_request_is_left_as_it_was()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;

        Templates().QuestionnaireReminder("a@example.org", "nl", "T", Link);

        Assert.Equal(before, System.Globalization.CultureInfo.CurrentUICulture);
    }
}
