using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Mail;
using Mutualisons.Web.Hosting;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Sending;

/// <summary>
/// Reminders: the same personal link mailed again to organisations that have not answered, now or at a date
/// and time chosen in the labs' time zone. Scheduled reminders wait in <see cref="Scheduling"/> (PostgreSQL,
/// clustered) and are sent by <see cref="ReminderJob"/>, once, even with several app instances.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    QuestionnaireLinks links,
    MailTemplates mails,
    Scheduling scheduling,
    IValidator<ReminderScheduleInput> scheduleValidator,
    TimeProvider time,
    ILogger<ReminderService> logger)
{
    // What a scheduled reminder carries: strings only, read back by whatever version of the app sends it.
    internal const string LabKey = "lab";
    internal const string QuestionnaireKey = "questionnaire";
    internal const string InvitationKey = "invitation";
    internal const string SiteKey = "site";
    internal const string ByKey = "by";
    internal const string LanguageKey = "language";

    /// <summary>The scheduler group holding one questionnaire's reminders.</summary>
    public static string GroupOf(Guid questionnaireId) => $"questionnaire-reminders-{questionnaireId:N}";

    /// <summary>Mails the same personal link again to one organisation, or to every one that has not submitted, once the reminders are saved.</summary>
    public async Task<SaveResult> RemindNowAsync(Guid labId, Guid id, Guid? invitationId, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var language = ProductLocalization.CurrentLanguage;
        IReadOnlyList<EmailMessage> outgoing = [];
        var result = await writes.In(labId, LabRight.RunQuestionnaires).ChangePartsAsync<Questionnaire>(id, AuditAction.Changed, AuditSubject.QuestionnaireInvitation, async (q, write) =>
        {
            (var reminded, outgoing) = await RemindAsync(write.Db, q, invitationId, baseUri, language, write.Now, write.CancellationToken);
            return Reminded(reminded);
        }, cancellationToken);
        return result.Succeeded ? await links.SendAllAsync(outgoing, result, cancellationToken) : result;
    }

    /// <summary>Schedules a reminder at a day and time in Brussels; refused in the past, or for an organisation that cannot be reminded.</summary>
    public Task<SaveResult> ScheduleAsync(Guid labId, Guid id, ReminderScheduleInput input, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(baseUri);
        var language = ProductLocalization.CurrentLanguage;
        return writes.In(labId, LabRight.RunQuestionnaires).Validating(input, scheduleValidator).ChangePartsAsync<Questionnaire>(id, AuditAction.Created, AuditSubject.QuestionnaireInvitation, async (q, write) =>
        {
            q.EnsureSendable();
            if (input.InvitationId is { } invitationId
                && !await write.Db.QuestionnaireInvitations.AnyAsync(i => i.Id == invitationId && i.QuestionnaireId == id && i.SubmittedAt == null && i.RevokedAt == null && i.Email != "", write.CancellationToken))
            {
                throw NoReminder();
            }
            var at = Formats.FromBrussels(input.Day!.Value.Date + input.Time!.Value);
            var key = Guid.CreateVersion7().ToString("N");
            var data = new Dictionary<string, string>
            {
                [LabKey] = labId.ToString(),
                [QuestionnaireKey] = id.ToString(),
                [InvitationKey] = input.InvitationId?.ToString() ?? string.Empty,
                [SiteKey] = baseUri.AbsoluteUri,
                [ByKey] = write.Actor.UserId?.ToString() ?? string.Empty,
                [LanguageKey] = language,
            };
            // The scheduler stores its jobs through a connection of its own, outside this save: the job goes first,
            // so a reminder that could not be scheduled leaves no audit line.
            await scheduling.ScheduleAsync<ReminderJob>(GroupOf(id), key, at, data, write.CancellationToken);
            return $"{AuditText.Key("Questionnaire.ReminderScheduled")} {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}";
        }, cancellationToken);
    }

    /// <summary>The questionnaire's reminders still to send, soonest first; null when the person may not run questionnaires here.</summary>
    public async Task<IReadOnlyList<ScheduledReminder>?> ListScheduledAsync(Guid labId, Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role || !role.Allows(LabRight.RunQuestionnaires)
            || !await db.Questionnaires.AnyAsync(q => q.Id == id && q.LabId == labId, cancellationToken))
        {
            return null;
        }
        var jobs = await scheduling.ListAsync(GroupOf(id), cancellationToken);
        var names = await db.QuestionnaireInvitations.AsNoTracking().Where(i => i.QuestionnaireId == id)
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { i.Id, o.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        return [.. jobs.Select(job =>
        {
            var invitation = Guid.TryParse(job.Data.GetValueOrDefault(InvitationKey), out var invitationId) ? invitationId : (Guid?)null;
            return new ScheduledReminder(job.Name, job.At, invitation, invitation is { } known ? names.GetValueOrDefault(known) : null);
        })];
    }

    /// <summary>Cancels a reminder that has not been sent; not found once it has been sent or cancelled.</summary>
    public Task<SaveResult> CancelScheduledAsync(Guid labId, Guid id, string key, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunQuestionnaires).ChangePartsAsync<Questionnaire>(id, AuditAction.Deleted, AuditSubject.QuestionnaireInvitation, async (_, write) =>
        {
            if (!await scheduling.CancelAsync(GroupOf(id), key, write.CancellationToken))
            {
                throw LabWrite.NotFound();
            }
            return AuditText.Key("Questionnaire.ReminderCancelled");
        }, cancellationToken);

    /// <summary>
    /// Sends a scheduled reminder, with the rights its author had when scheduling it. A questionnaire deleted
    /// or closed since is not reminded of.
    /// </summary>
    internal async Task SendScheduledAsync(IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        var labId = Guid.Parse(data[LabKey], CultureInfo.InvariantCulture);
        var id = Guid.Parse(data[QuestionnaireKey], CultureInfo.InvariantCulture);
        Guid? invitationId = Guid.TryParse(data.GetValueOrDefault(InvitationKey), CultureInfo.InvariantCulture, out var invitation) ? invitation : null;
        Guid? by = Guid.TryParse(data.GetValueOrDefault(ByKey), CultureInfo.InvariantCulture, out var author) ? author : null;
        var language = data.GetValueOrDefault(LanguageKey) ?? ProductLocalization.Cultures[0];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.LabId == labId, cancellationToken);
        if (q is null || q.StateAt(now) is not (QuestionnaireState.Open or QuestionnaireState.Scheduled))
        {
            logger.LogInformation("Scheduled reminder of questionnaire {QuestionnaireId} not sent: it is deleted or not open", id);
            return;
        }

        // Not through LabWrites: no person is signed in when the scheduler runs this, so there is no right to
        // check now (the author's was checked when scheduling). The reminders and their audit line, in the
        // author's name, are still saved together before any mail goes out.
        SaveResult result;
        IReadOnlyList<EmailMessage> outgoing = [];
        try
        {
            (var reminded, outgoing) = await RemindAsync(db, q, invitationId, new Uri(data[SiteKey]), language, now, cancellationToken);
            db.AuditEntries.Add(new AuditEntry(labId, by, AuditAction.Changed, AuditSubject.QuestionnaireInvitation, id, Reminded(reminded), now));
            await db.SaveChangesAsync(cancellationToken);
            result = await links.SendAllAsync(outgoing, SaveResult.Saved(id), cancellationToken);
        }
        catch (DomainException exception)
        {
            result = SaveResult.Refused(exception.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An organisation answered or its link was revoked meanwhile: nothing was saved or sent.
            result = SaveResult.Conflict;
        }
        logger.LogInformation("Scheduled reminder of questionnaire {QuestionnaireId} sent: {Result}", id, result.MessageKey ?? result.Status.ToString());
    }

    /// <summary>
    /// Marks as reminded the organisations that have not answered (or the one asked for, refused if it cannot
    /// be reminded), and writes their mails; sending them is the caller's, after the save.
    /// </summary>
    private async Task<(int Reminded, IReadOnlyList<EmailMessage> Outgoing)> RemindAsync(
        MutualisonsDbContext db, Questionnaire q, Guid? invitationId, Uri baseUri, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.QuestionnaireInvitations
            .Where(i => i.QuestionnaireId == q.Id && i.SubmittedAt == null && i.RevokedAt == null && (invitationId == null || i.Id == invitationId))
            .ToListAsync(cancellationToken);
        if (invitationId is not null && pending.Count == 0)
        {
            throw NoReminder();
        }
        var outgoing = new List<EmailMessage>();
        foreach (var invitation in pending)
        {
            invitation.Remind(now);
            if (invitation.Email.Length > 0 && links.Unprotect(invitation.TokenProtected) is { } token)
            {
                outgoing.Add(mails.QuestionnaireReminder(invitation.Email, language, q.TitleIn(language), new Uri(baseUri, $"r/{token}")));
            }
        }
        return (pending.Count, outgoing);
    }

    private static string Reminded(int count) => $"{count} × {AuditText.Key("Questionnaire.Reminded")}";

    private static DomainException NoReminder() =>
        new("Questionnaire.NoReminder", "Only organisations that have not answered yet get a reminder.");
}
