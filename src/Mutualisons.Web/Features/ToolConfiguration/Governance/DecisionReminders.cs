using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Sending;
using Mutualisons.Web.Features.Mail;
using Mutualisons.Web.Hosting;
using Mutualisons.Web.Localization;
using Quartz;

namespace Mutualisons.Web.Features.ToolConfiguration.Governance;

/// <summary>
/// Reminding those who have not voted on a decision, now or at a day and time in Brussels, as the questionnaire
/// reminders do: scheduled reminders wait in <see cref="Scheduling"/> and <see cref="DecisionReminderJob"/> sends
/// them once. A person voting for themself is reminded; for an organisation, its proxy for the decision if it
/// designated one, else its mandated decision maker. The decision's log keeps each reminder.
/// </summary>
public sealed class DecisionReminderService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    LabWrites writes,
    MailTemplates mails,
    IEmailSender email,
    Scheduling scheduling,
    IValidator<ReminderScheduleInput> scheduleValidator,
    TimeProvider time,
    ILogger<DecisionReminderService> logger)
{
    internal const string LabKey = "lab";
    internal const string DecisionKey = "decision";
    internal const string SiteKey = "site";
    internal const string ByKey = "by";
    internal const string LanguageKey = "language";

    /// <summary>The scheduler group holding one decision's reminders.</summary>
    public static string GroupOf(Guid decisionId) => $"decision-reminders-{decisionId:N}";

    /// <summary>Mails those who have not voted now; the reminder is logged and audited before any mail goes out.</summary>
    public async Task<SaveResult> RemindNowAsync(Guid labId, Guid decisionId, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var language = ProductLocalization.CurrentLanguage;
        IReadOnlyList<EmailMessage> outgoing = [];
        var result = await writes.In(labId, LabRight.ConfigureTools).ChangePartsAsync<Decision>(decisionId, AuditAction.Changed, AuditSubject.Decision, async (decision, write) =>
        {
            outgoing = await RemindAsync(write.Db, decision, baseUri, language, write.Actor.UserId, write.Now, write.CancellationToken);
            return $"{decision.Title} — {AuditText.Of(DecisionLogKind.Reminded)}";
        }, cancellationToken);
        return result.Succeeded ? await SendAllAsync(outgoing, result, cancellationToken) : result;
    }

    /// <summary>Schedules a reminder at a day and time in Brussels, before the decision's deadline.</summary>
    public Task<SaveResult> ScheduleAsync(Guid labId, Guid decisionId, ReminderScheduleInput input, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(baseUri);
        var language = ProductLocalization.CurrentLanguage;
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, scheduleValidator).ChangePartsAsync<Decision>(decisionId, AuditAction.Changed, AuditSubject.Decision, async (decision, write) =>
        {
            var at = Formats.FromBrussels(input.Day!.Value.Date + input.Time!.Value);
            if (!decision.IsOpenAt(at))
            {
                throw new DomainException("Decision.ReminderAfterClose", "A reminder is sent while the decision is open, before its deadline.");
            }
            var data = new Dictionary<string, string>
            {
                [LabKey] = labId.ToString(),
                [DecisionKey] = decisionId.ToString(),
                [SiteKey] = baseUri.AbsoluteUri,
                [ByKey] = write.Actor.UserId?.ToString() ?? string.Empty,
                [LanguageKey] = language,
            };
            // The job goes first: a reminder that could not be scheduled leaves no audit line.
            await scheduling.ScheduleAsync<DecisionReminderJob>(GroupOf(decisionId), Guid.CreateVersion7().ToString("N"), at, data, write.CancellationToken);
            return $"{decision.Title} — {AuditText.Key("Decisions.ReminderScheduled")} {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}";
        }, cancellationToken);
    }

    /// <summary>The decision's reminders still to send, soonest first.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> ListScheduledAsync(Guid decisionId, CancellationToken cancellationToken = default) =>
        [.. (await scheduling.ListAsync(GroupOf(decisionId), cancellationToken)).Select(j => j.At)];

    /// <summary>
    /// Sends a scheduled reminder with the rights its author had when scheduling it (no one is signed in when the
    /// scheduler runs). A decision closed since, or where everyone has voted, is not reminded of.
    /// </summary>
    internal async Task SendScheduledAsync(IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var labId = Guid.Parse(data[LabKey], CultureInfo.InvariantCulture);
        var decisionId = Guid.Parse(data[DecisionKey], CultureInfo.InvariantCulture);
        Guid? by = Guid.TryParse(data.GetValueOrDefault(ByKey), CultureInfo.InvariantCulture, out var author) ? author : null;
        var language = data.GetValueOrDefault(LanguageKey) ?? ProductLocalization.Cultures[0];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var decision = await db.Decisions.AsSplitQuery().SingleOrDefaultAsync(d => d.Id == decisionId && d.LabId == labId, cancellationToken);
        if (decision is null)
        {
            logger.LogInformation("Scheduled reminder of decision {DecisionId} not sent: it is gone", decisionId);
            return;
        }
        try
        {
            var outgoing = await RemindAsync(db, decision, new Uri(data[SiteKey]), language, by, now, cancellationToken);
            db.AuditEntries.Add(new AuditEntry(labId, by, AuditAction.Changed, AuditSubject.Decision, decisionId, $"{decision.Title} — {AuditText.Of(DecisionLogKind.Reminded)}", now));
            await db.SaveChangesAsync(cancellationToken);
            var result = await SendAllAsync(outgoing, SaveResult.Saved(decisionId), cancellationToken);
            logger.LogInformation("Scheduled reminder of decision {DecisionId} sent: {Result}", decisionId, result.MessageKey ?? result.Status.ToString());
        }
        catch (DomainException exception)
        {
            logger.LogInformation("Scheduled reminder of decision {DecisionId} not sent: {Rule}", decisionId, exception.Code);
        }
    }

    /// <summary>Logs the reminder (the domain refuses it once closed or when everyone voted) and writes the mails; sending is the caller's, after the save.</summary>
    private async Task<IReadOnlyList<EmailMessage>> RemindAsync(MutualisonsDbContext db, Decision decision, Uri baseUri, string language, Guid? by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.DecisionLog.Add(decision.Remind(by, now));
        var lab = await db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == decision.LabId, cancellationToken);
        var makers = lab.DecisionMakers();
        List<Guid> people = decision.Rule.Voters == VoterKind.People
            ? [.. decision.NotVoted]
            : [.. decision.NotVoted.Select(o => decision.Proxies.FirstOrDefault(p => p.OrganisationId == o)?.ProxyId ?? (makers.TryGetValue(o, out var maker) ? maker : (Guid?)null))
                .OfType<Guid>().Distinct()];
        var addresses = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id) && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
        var link = new Uri(baseUri, AppRoutes.Decision(decision.LabId, decision.Id));
        var deadline = decision.Deadline;
        return [.. addresses.Select(address => mails.DecisionReminder(address, language, decision.Title, deadline, link))];
    }

    private async Task<SaveResult> SendAllAsync(IReadOnlyList<EmailMessage> outgoing, SaveResult saved, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var mail in outgoing)
        {
            try
            {
                await email.SendAsync(mail, cancellationToken);
            }
            catch (Exception exception) when (exception is System.Net.Mail.SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException or FormatException)
            {
                failed++;
                logger.LogWarning(exception, "A decision reminder could not be sent");
            }
        }
        return failed == 0 ? saved : saved with { MessageKey = "Sending.MailsFailed" };
    }
}

/// <summary>Sends one scheduled decision reminder when its time comes; Quartz runs it on one instance of the cluster only.</summary>
public sealed class DecisionReminderJob(DecisionReminderService reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap.ToDictionary(e => e.Key, e => e.Value?.ToString() ?? string.Empty);
        await reminders.SendScheduledAsync(data, cancellationToken);
    }
}
