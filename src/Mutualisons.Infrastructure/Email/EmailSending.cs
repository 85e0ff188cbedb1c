using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mutualisons.Infrastructure.Persistence;

namespace Mutualisons.Infrastructure.Email;

/// <summary>A mail: an HTML part and, for clients that show no HTML, the same words as plain text.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string? TextBody = null);

/// <summary>Every mail the platform sends (invitations, password resets) goes through this.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>"Outbox" keeps mails in the database (development); "Smtp" sends them.</summary>
    public string Mode { get; set; } = "Smtp";

    public string From { get; set; } = "Mutualisons <no-reply@mutualisons.invalid>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    /// <summary>From the environment or a secret store, never from the repository.</summary>
    public string? SmtpPassword { get; set; }

    public bool UsesOutbox => string.Equals(Mode, "Outbox", StringComparison.OrdinalIgnoreCase);
}

public sealed class OutboxEmailSender(IDbContextFactory<MutualisonsDbContext> dbFactory, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.OutboxEmails.Add(new OutboxEmail { To = message.To, Subject = message.Subject, HtmlBody = message.HtmlBody, TextBody = message.TextBody, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Mail to {To} kept in the outbox: {Subject}", message.To, message.Subject);
    }
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            throw new InvalidOperationException("Email:SmtpHost is not configured; set it, or Email:Mode=Outbox for development.");
        }

        using var mail = new MailMessage { From = new MailAddress(settings.From), Subject = message.Subject, Body = message.HtmlBody, IsBodyHtml = true };
        if (message.TextBody is { } text)
        {
            // multipart/alternative: the text part first, the HTML part last (the one clients prefer).
            mail.Body = text;
            mail.IsBodyHtml = false;
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, System.Text.Encoding.UTF8, "text/html"));
        }
        mail.To.Add(message.To);
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpUseTls };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        }
        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("Mail sent to {To}: {Subject}", message.To, message.Subject);
    }
}
