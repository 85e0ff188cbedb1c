using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
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

    /// <summary>Mails the same personal link again to one organisation, or to every one that has not submitted.</summary>
    public async Task<SaveResult> RemindNowAsync(Guid labId, Guid id, Guid? invitationId, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (q, refusal) = await SendingService.FindAsync(db, actor, labId, id, cancellationToken);
        if (q is null)
        {
            return refusal!;
        }
        return await RemindAsync(db, q, invitationId, baseUri, actor.UserId, ProductLocalization.CurrentLanguage, cancellationToken);
    }

    /// <summary>Schedules a reminder at a day and time in Brussels; refused in the past, or for an organisation that cannot be reminded.</summary>
    public async Task<SaveResult> ScheduleAsync(Guid labId, Guid id, ReminderScheduleInput input, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(baseUri);
        var validation = await scheduleValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (q, refusal) = await SendingService.FindAsync(db, actor, labId, id, cancellationToken);
        if (q is null)
        {
            return refusal!;
        }
        if (q.CurrentVersionId is null)
        {
            return SaveResult.Refused("Questionnaire.NotPublished");
        }
        if (input.InvitationId is { } invitationId
            && !await db.QuestionnaireInvitations.AnyAsync(i => i.Id == invitationId && i.QuestionnaireId == id && i.SubmittedAt == null && i.RevokedAt == null && i.Email != "", cancellationToken))
        {
            return SaveResult.Refused("Questionnaire.NoReminder");
        }
        var at = Formats.FromBrussels(input.Day!.Value.Date + input.Time!.Value);
        var key = Guid.CreateVersion7().ToString("N");
        var data = new Dictionary<string, string>
        {
            [LabKey] = labId.ToString(),
            [QuestionnaireKey] = id.ToString(),
            [InvitationKey] = input.InvitationId?.ToString() ?? string.Empty,
            [SiteKey] = baseUri.AbsoluteUri,
            [ByKey] = actor.UserId?.ToString() ?? string.Empty,
            [LanguageKey] = ProductLocalization.CurrentLanguage,
        };
        await scheduling.ScheduleAsync<ReminderJob>(GroupOf(id), key, at, data, cancellationToken);
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Created, "QuestionnaireInvitation", id,
            $"{AuditText.Key("Questionnaire.ReminderScheduled")} {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}", time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(id);
    }

    /// <summary>The questionnaire's reminders still to send, soonest first; null when the person may not run questionnaires here.</summary>
    public async Task<IReadOnlyList<ScheduledReminder>?> ListScheduledAsync(Guid labId, Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (q, _) = await SendingService.FindAsync(db, actor, labId, id, cancellationToken);
        if (q is null)
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
    public async Task<SaveResult> CancelScheduledAsync(Guid labId, Guid id, string key, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (q, refusal) = await SendingService.FindAsync(db, actor, labId, id, cancellationToken);
        if (q is null)
        {
            return refusal!;
        }
        if (!await scheduling.CancelAsync(GroupOf(id), key, cancellationToken))
        {
            return SaveResult.NotFound;
        }
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Deleted, "QuestionnaireInvitation", id, AuditText.Key("Questionnaire.ReminderCancelled"), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(id);
    }

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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = await db.Questionnaires.SingleOrDefaultAsync(x => x.Id == id && x.LabId == labId, cancellationToken);
        if (q is null || q.StateAt(time.GetUtcNow()) is not (QuestionnaireState.Open or QuestionnaireState.Scheduled))
        {
            logger.LogInformation("Scheduled reminder of questionnaire {QuestionnaireId} not sent: it is deleted or not open", id);
            return;
        }
        var result = await RemindAsync(db, q, invitationId, new Uri(data[SiteKey]), by, data.GetValueOrDefault(LanguageKey) ?? ProductLocalization.Cultures[0], cancellationToken);
        logger.LogInformation("Scheduled reminder of questionnaire {QuestionnaireId} sent: {Result}", id, result.MessageKey ?? result.Status.ToString());
    }

    private async Task<SaveResult> RemindAsync(MutualisonsDbContext db, Questionnaire q, Guid? invitationId, Uri baseUri, Guid? by, string language, CancellationToken cancellationToken)
    {
        var pending = await db.QuestionnaireInvitations
            .Where(i => i.QuestionnaireId == q.Id && i.SubmittedAt == null && i.RevokedAt == null && (invitationId == null || i.Id == invitationId))
            .ToListAsync(cancellationToken);
        if (invitationId is not null && pending.Count == 0)
        {
            return SaveResult.Refused("Questionnaire.NoReminder");
        }
        var now = time.GetUtcNow();
        var outgoing = new List<EmailMessage>();
        foreach (var invitation in pending)
        {
            invitation.Remind(now);
            if (invitation.Email.Length > 0 && links.Unprotect(invitation.TokenProtected) is { } token)
            {
                outgoing.Add(mails.QuestionnaireReminder(invitation.Email, language, q.TitleIn(language), new Uri(baseUri, $"r/{token}")));
            }
        }
        db.AuditEntries.Add(new AuditEntry(q.LabId, by, AuditAction.Changed, "QuestionnaireInvitation", q.Id, $"{pending.Count} × {AuditText.Key("Questionnaire.Reminded")}", now));
        var result = await db.SaveAsResultAsync(q.Id, cancellationToken: cancellationToken);
        return result.Succeeded ? await links.SendAllAsync(outgoing, result, cancellationToken) : result;
    }
}
