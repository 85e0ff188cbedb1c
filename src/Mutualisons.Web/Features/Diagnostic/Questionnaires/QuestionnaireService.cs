using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Sending;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Questionnaires;

/// <summary>
/// Cycle 1 for facilitators and the pilot group: build questionnaires, publish versions, set their dates and
/// open link (sending and reminders are in <see cref="Sending.SendingService"/> and <see cref="Sending.ReminderService"/>). Every query goes through the person's role in the lab.
/// </summary>
public sealed class QuestionnaireService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    QuestionnaireLinks links,
    IValidator<NewQuestionnaireInput> newValidator,
    IValidator<QuestionnaireContent> contentValidator,
    IValidator<ScheduleInput> scheduleValidator,
    TimeProvider time)
{
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
                q.EnablePublicLink(links.Protect, onePerBrowser, now);
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

    /// <summary>A change of one questionnaire of this lab, through the one write path.</summary>
    private Task<SaveResult> ChangeAsync(Guid labId, Guid id, uint version, Func<Questionnaire, LabWrite, string> change, CancellationToken cancellationToken, LabWrites.LabWriteScope? scope = null) =>
        (scope ?? writes.In(labId, LabRight.RunQuestionnaires)).ChangeAsync(id, version, change, cancellationToken);

    private string? PublicPath(Questionnaire q) =>
        q.PublicLinkEnabled && q.PublicTokenProtected is { } protectedToken && links.Unprotect(protectedToken) is { } token ? $"/p/{token}" : null;

    // Dates are picked as days in Brussels; the questionnaire opens at the start of that day.
    private static DateTimeOffset? ToMoment(DateTime? day) =>
        day is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date, DateTimeKind.Unspecified), Formats.BrusselsOffset(d.Date)) : null;
}
