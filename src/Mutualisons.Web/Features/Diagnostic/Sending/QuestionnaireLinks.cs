using Microsoft.AspNetCore.DataProtection;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Diagnostic.Sending;

/// <summary>
/// The personal links of a questionnaire as the sending jobs need them: read back from their protected form (so
/// reminders carry the same link), and mailed without losing a link when the mail server fails.
/// </summary>
public sealed class QuestionnaireLinks(IDataProtectionProvider protection, IEmailSender email, ILogger<QuestionnaireLinks> logger)
{
    /// <summary>The Data Protection purpose of personal and open link tokens, kept so reminders carry the same link.</summary>
    public const string Protection = "Mutualisons.Questionnaires.Links";

    public string Protect(string token) => protection.CreateProtector(Protection).Protect(token);

    /// <summary>The token of a link, or null when it can no longer be read (keys lost): the link is then re-issued by inviting again.</summary>
    public string? Unprotect(string protectedToken)
    {
        try
        {
            return protection.CreateProtector(Protection).Unprotect(protectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Sends the mails of links already saved. A mail server that fails loses no link: the facilitators are
    /// told, and the links stay on the page to hand over.
    /// </summary>
    public async Task<SaveResult> SendAllAsync(IReadOnlyList<EmailMessage> mails, SaveResult saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mails);
        ArgumentNullException.ThrowIfNull(saved);
        var failed = 0;
        foreach (var mail in mails)
        {
            try
            {
                await email.SendAsync(mail, cancellationToken);
            }
            catch (Exception exception) when (exception is System.Net.Mail.SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException or FormatException)
            {
                failed++;
                // A malformed contact address (FormatException) is one failed mail, not a failed sending.
                logger.LogWarning(exception, "A questionnaire mail could not be sent");
            }
        }
        return failed == 0 ? saved : saved with { MessageKey = "Sending.MailsFailed" };
    }
}
