using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Questionnaires;

/// <summary>
/// Cycle 1 for facilitators and the pilot group: build questionnaires, publish versions, send personal links
/// and follow who answered. Every query goes through the person's role in the lab.
/// </summary>
public sealed class QuestionnaireService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IDataProtectionProvider protection,
    IEmailSender email,
    IValidator<NewQuestionnaireInput> newValidator,
    IValidator<QuestionnaireContent> contentValidator,
    IValidator<ScheduleInput> scheduleValidator,
    IStringLocalizer<SharedResource> l,
    TimeProvider time,
    ILogger<QuestionnaireService> logger)
{
    /// <summary>The Data Protection purpose of personal and open link tokens, kept so reminders carry the same link.</summary>
    public const string LinkProtection = "Mutualisons.Questionnaires.Links";

    private IDataProtector Links => protection.CreateProtector(LinkProtection);

    public async Task<QuestionnaireList?> ListAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var language = ProductLocalization.CurrentLanguage;
        var now = time.GetUtcNow();
        var rows = await db.Questionnaires.AsNoTracking().Where(q => q.LabId == labId).OrderByDescending(q => q.CreatedAt)
            .Select(q => new
            {
                Questionnaire = q,
                Invited = db.QuestionnaireInvitations.Count(i => i.QuestionnaireId == q.Id && i.RevokedAt == null),
                Submitted = db.QuestionnaireInvitations.Count(i => i.QuestionnaireId == q.Id && i.SubmittedAt != null),
                PublicSubmitted = db.QuestionnaireResponses.Count(r => r.QuestionnaireId == q.Id && r.InvitationId == null && r.SubmittedAt != null),
            })
            .ToListAsync(cancellationToken);
        return new QuestionnaireList(labId, labName, role.Allows(LabRight.RunQuestionnaires),
            [.. rows.Select(r => new QuestionnaireSummary(r.Questionnaire.Id, r.Questionnaire.TitleIn(language), r.Questionnaire.StateAt(now), r.Questionnaire.LatestVersionNumber,
                r.Questionnaire.HasUnpublishedChanges, r.Invited, r.Submitted, r.PublicSubmitted, r.Questionnaire.OpensAt, r.Questionnaire.ClosesAt, r.Questionnaire.Version))]);
    }

    /// <summary>Creates a blank questionnaire, or an editable copy of a template, in the lab's diagnostic cycle.</summary>
    public Task<SaveResult> CreateAsync(Guid labId, NewQuestionnaireInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.RunQuestionnaires).Validating(input, newValidator).CreateAsync(write =>
        {
            var content = QuestionnaireTemplates.Find(input.Template)?.Create() ?? new QuestionnaireContent();
            // The title typed wins in the current language; the template's other translations stay.
            var language = LocalizedText.Languages.Contains(ProductLocalization.CurrentLanguage) ? ProductLocalization.CurrentLanguage : ProductLocalization.French;
            content.Title.Set(language, input.Title.Trim());
            if (content.Title.Fr.Length == 0)
            {
                // French is required to publish: a title typed in another language stands in for it until translated.
                content.Title.Set(ProductLocalization.French, input.Title.Trim());
            }
            return (new Questionnaire(labId, content, write.Actor.UserId, write.Now), input.Title.Trim());
        }, cancellationToken);
    }

    public async Task<QuestionnaireEditor?> GetEditorAsync(Guid labId, Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role || !role.Allows(LabRight.RunQuestionnaires))
        {
            return null;
        }
        var found = await db.Questionnaires.AsNoTracking().Where(q => q.Id == id && q.LabId == labId)
            .Select(q => new { Questionnaire = q, LabName = db.Mutualisations.Where(m => m.Id == q.LabId).Select(m => m.Name).Single(), Responses = db.QuestionnaireResponses.Count(r => r.QuestionnaireId == q.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var q = found.Questionnaire;
        return new QuestionnaireEditor(labId, found.LabName, q.Id, q.Version, q.Draft.Copy(), q.StateAt(time.GetUtcNow()), q.LatestVersionNumber, q.HasUnpublishedChanges,
            q.OpensAt, q.ClosesAt, q.PublicLinkEnabled, PublicPath(q), q.OnePerBrowser, found.Responses, true);
    }

    public Task<SaveResult> SaveDraftAsync(Guid labId, Guid id, uint version, QuestionnaireContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ChangeAsync(labId, id, version, (q, write) =>
        {
            q.ReviseDraft(content, write.Now);
            return AuditText.Key("Questionnaire.DraftSaved");
        }, cancellationToken, writes.In(labId, LabRight.RunQuestionnaires).Validating(content, contentValidator));
    }

    public Task<SaveResult> PublishAsync(Guid labId, Guid id, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync(labId, id, version, (q, write) =>
        {
            var published = q.Publish(write.Actor.UserId, write.Now);
            write.Db.QuestionnaireVersions.Add(published);
            return $"{AuditText.Key("Questionnaire.Published")} v{published.Number}";
        }, cancellationToken);

    public Task<SaveResult> ScheduleAsync(Guid labId, Guid id, uint version, ScheduleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(labId, id, version, (q, write) =>
        {
            q.Schedule(ToMoment(input.OpensOn), ToMoment(input.ClosesOn), write.Now);
            return AuditText.Key("Questionnaire.Scheduled");
        }, cancellationToken, writes.In(labId, LabRight.RunQuestionnaires).Validating(input, scheduleValidator));
    }

    public Task<SaveResult> CloseNowAsync(Guid labId, Guid id, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync(labId, id, version, (q, write) =>
        {
            q.CloseNow(write.Now);
            return AuditText.Key("Questionnaire.ClosedNow");
        }, cancellationToken);

    public Task<SaveResult> SetPublicLinkAsync(Guid labId, Guid id, uint version, bool enabled, bool onePerBrowser, CancellationToken cancellationToken = default) =>
        ChangeAsync(labId, id, version, (q, write) =>
        {
            var now = write.Now;
            if (!enabled)
            {
                q.DisablePublicLink(now);
            }
            else if (!q.PublicLinkEnabled)
            {
                q.EnablePublicLink(Links.Protect, onePerBrowser, now);
            }
            else
            {
                q.SetOnePerBrowser(onePerBrowser, now);
            }
            return AuditText.Key(enabled ? "Questionnaire.PublicLinkOn" : "Questionnaire.PublicLinkOff");
        }, cancellationToken);

    /// <summary>Deletes a questionnaire with its versions, links and responses.</summary>
    public Task<SaveResult> DeleteAsync(Guid labId, Guid id, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunQuestionnaires).DeleteAsync<Questionnaire>(id, version, async (questionnaire, write) =>
        {
            await write.BeginTransactionAsync();
            // Responses first: they point at versions, which the database keeps from being removed under them.
            await write.Db.QuestionnaireResponses.Where(r => r.QuestionnaireId == id).ExecuteDeleteAsync(write.CancellationToken);
            return questionnaire.TitleIn("fr");
        }, cancellationToken);

    public async Task<QuestionnaireSending?> GetSendingAsync(Guid labId, Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role || !role.Allows(LabRight.RunQuestionnaires))
        {
            return null;
        }
        var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.LabId == labId, cancellationToken);
        if (q is null)
        {
            return null;
        }
        var lab = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId).Select(m => new { m.Name, Members = m.Memberships.Select(x => x.OrganisationId).ToList() }).SingleAsync(cancellationToken);
        var invitations = await db.QuestionnaireInvitations.AsNoTracking().Where(i => i.QuestionnaireId == id)
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { Invitation = i, o.Name })
            .OrderBy(x => x.Name).ToListAsync(cancellationToken);
        var invited = invitations.Select(i => i.Invitation.OrganisationId).ToHashSet();
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Contacts })
            .ToListAsync(cancellationToken);
        var publicSubmitted = await db.QuestionnaireResponses.CountAsync(r => r.QuestionnaireId == id && r.InvitationId == null && r.SubmittedAt != null, cancellationToken);
        return new QuestionnaireSending(labId, lab.Name, id, q.TitleIn(ProductLocalization.CurrentLanguage), q.StateAt(time.GetUtcNow()), true,
            [.. invitations.Select(i => new InvitationRow(i.Invitation.Id, i.Invitation.OrganisationId, i.Name, i.Invitation.Email, i.Invitation.Progress, i.Invitation.InvitedAt,
                i.Invitation.LastReminderAt, i.Invitation.ReminderCount, i.Invitation.Progress == RespondentProgress.Revoked || Unprotect(i.Invitation.TokenProtected) is not { } token ? null : $"/r/{token}"))],
            [.. organisations.Where(o => !invited.Contains(o.Id))
                .Select(o => new InvitableOrganisation(o.Id, o.Name, o.Kind, lab.Members.Contains(o.Id), o.Contacts.Select(c => c.Email).FirstOrDefault(e => e.Length > 0) ?? string.Empty))
                .OrderByDescending(o => o.InLab).ThenBy(o => o.Name)],
            publicSubmitted);
    }

    /// <summary>Creates one personal link per organisation (never two) and mails it where an address is known.</summary>
    public async Task<SaveResult> InviteAsync(Guid labId, Guid id, IReadOnlyCollection<Guid> organisationIds, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        ArgumentNullException.ThrowIfNull(baseUri);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (q, refusal) = await FindForChangeAsync(db, actor, labId, id, expectedVersion: null, cancellationToken);
        if (q is null)
        {
            return refusal!;
        }
        if (q.CurrentVersionId is null)
        {
            return SaveResult.Refused("Questionnaire.NotPublished");
        }
        var already = await db.QuestionnaireInvitations.Where(i => i.QuestionnaireId == id).Select(i => i.OrganisationId).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id) && !already.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Contacts }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var mails = new List<EmailMessage>();
        foreach (var organisation in organisations)
        {
            var address = organisation.Contacts.Select(c => c.Email).FirstOrDefault(e => e.Length > 0);
            var (invitation, token) = QuestionnaireInvitation.Create(id, organisation.Id, address, Links.Protect, now);
            db.QuestionnaireInvitations.Add(invitation);
            if (address is not null)
            {
                mails.Add(Mail(address, q.TitleIn("fr"), new Uri(baseUri, $"r/{token}"), reminder: false));
            }
        }
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Created, "QuestionnaireInvitation", id, $"{organisations.Count} × {AuditText.Key("Questionnaire.Invited")}", now));
        var result = await db.SaveAsResultAsync(id, cancellationToken: cancellationToken);
        return result.Succeeded ? await SendAllAsync(mails, result, cancellationToken) : result;
    }

    /// <summary>Mails the same personal link again to one organisation, or to every one that has not submitted.</summary>
    public async Task<SaveResult> RemindAsync(Guid labId, Guid id, Guid? invitationId, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (q, refusal) = await FindForChangeAsync(db, actor, labId, id, expectedVersion: null, cancellationToken);
        if (q is null)
        {
            return refusal!;
        }
        var pending = await db.QuestionnaireInvitations
            .Where(i => i.QuestionnaireId == id && i.SubmittedAt == null && i.RevokedAt == null && (invitationId == null || i.Id == invitationId))
            .ToListAsync(cancellationToken);
        if (invitationId is not null && pending.Count == 0)
        {
            return SaveResult.Refused("Questionnaire.NoReminder");
        }
        var now = time.GetUtcNow();
        var mails = new List<EmailMessage>();
        foreach (var invitation in pending)
        {
            invitation.Remind(now);
            if (invitation.Email.Length > 0 && Unprotect(invitation.TokenProtected) is { } token)
            {
                mails.Add(Mail(invitation.Email, q.TitleIn("fr"), new Uri(baseUri, $"r/{token}"), reminder: true));
            }
        }
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Changed, "QuestionnaireInvitation", id, $"{pending.Count} × {AuditText.Key("Questionnaire.Reminded")}", now));
        var result = await db.SaveAsResultAsync(id, cancellationToken: cancellationToken);
        return result.Succeeded ? await SendAllAsync(mails, result, cancellationToken) : result;
    }

    public async Task<SaveResult> RevokeAsync(Guid labId, Guid id, Guid invitationId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.RunQuestionnaires, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var invitation = await db.QuestionnaireInvitations
            .Where(i => i.Id == invitationId && i.QuestionnaireId == id && db.Questionnaires.Any(q => q.Id == id && q.LabId == labId))
            .SingleOrDefaultAsync(cancellationToken);
        if (invitation is null)
        {
            return SaveResult.NotFound;
        }
        invitation.Revoke(time.GetUtcNow());
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Changed, "QuestionnaireInvitation", invitationId, AuditText.Key("Questionnaire.Revoked"), time.GetUtcNow()));
        return await db.SaveAsResultAsync(id, cancellationToken: cancellationToken);
    }

    /// <summary>A change of one questionnaire of this lab, through the one write path.</summary>
    private Task<SaveResult> ChangeAsync(Guid labId, Guid id, uint version, Func<Questionnaire, LabWrite, string> change, CancellationToken cancellationToken, LabWrites.LabWriteScope? scope = null) =>
        (scope ?? writes.In(labId, LabRight.RunQuestionnaires)).ChangeAsync(id, version, change, cancellationToken);

    /// <summary>
    /// The questionnaire of this lab, tracked with the row version the user saw when one is given; or why not:
    /// the person has no right here, it is not this lab's, or someone changed it since.
    /// </summary>
    private static async Task<(Questionnaire? Questionnaire, SaveResult? Refusal)> FindForChangeAsync(MutualisonsDbContext db, Actor actor, Guid labId, Guid id, uint? expectedVersion, CancellationToken cancellationToken)
    {
        if (await db.RefusalAsync(actor, labId, LabRight.RunQuestionnaires, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }
        var questionnaire = await db.Questionnaires.SingleOrDefaultAsync(q => q.Id == id && q.LabId == labId, cancellationToken);
        if (questionnaire is null)
        {
            return (null, SaveResult.NotFound);
        }
        if (expectedVersion is not { } version)
        {
            return (questionnaire, null);
        }
        if (questionnaire.Version != version)
        {
            return (null, SaveResult.Conflict);
        }
        db.Entry(questionnaire).Property(q => q.Version).OriginalValue = version;
        return (questionnaire, null);
    }

    /// <summary>The token of a link, or null when it can no longer be read (keys lost): the link is then re-issued by inviting again.</summary>
    private string? Unprotect(string protectedToken)
    {
        try
        {
            return Links.Unprotect(protectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private string? PublicPath(Questionnaire q) =>
        q.PublicLinkEnabled && q.PublicTokenProtected is { } protectedToken && Unprotect(protectedToken) is { } token ? $"/p/{token}" : null;

    /// <summary>
    /// Sends the mails of links already saved. A mail server that fails loses no link: the facilitators are
    /// told, and the links stay on the page to hand over.
    /// </summary>
    private async Task<SaveResult> SendAllAsync(List<EmailMessage> mails, SaveResult saved, CancellationToken cancellationToken)
    {
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

    private EmailMessage Mail(string to, string title, Uri link, bool reminder)
    {
        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        var body = $"<p>{l[reminder ? "Questionnaire.MailReminder" : "Questionnaire.MailInvite", encodedTitle]}</p><p><a href=\"{link}\">{link}</a></p><p>{l["Questionnaire.MailNoAccount"]}</p>";
        return new EmailMessage(to, l[reminder ? "Questionnaire.MailReminderSubject" : "Questionnaire.MailInviteSubject", title], body);
    }

    // Dates are picked as days in Brussels; the questionnaire opens at the start of that day.
    private static DateTimeOffset? ToMoment(DateTime? day) =>
        day is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date, DateTimeKind.Unspecified), Formats.BrusselsOffset(d.Date)) : null;
}
