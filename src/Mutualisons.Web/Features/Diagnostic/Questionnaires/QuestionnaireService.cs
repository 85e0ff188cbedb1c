using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
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
    public async Task<SaveResult> CreateAsync(Guid labId, NewQuestionnaireInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await newValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RefusalAsync(actor, labId, LabRight.RunQuestionnaires, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var content = QuestionnaireTemplates.Find(input.Template)?.Create() ?? new QuestionnaireContent();
        // The title typed wins in the current language; the template's other translations stay.
        SetIn(content.Title, ProductLocalization.CurrentLanguage, input.Title.Trim());
        if (content.Title.Fr.Length == 0)
        {
            content.Title.Fr = input.Title.Trim();
        }
        var now = time.GetUtcNow();
        var questionnaire = new Questionnaire(labId, content, actor.UserId, now);
        db.Questionnaires.Add(questionnaire);
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Created, "Questionnaire", questionnaire.Id, input.Title.Trim(), now));
        return await db.SaveAsResultAsync(questionnaire.Id, cancellationToken: cancellationToken);
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

    public async Task<SaveResult> SaveDraftAsync(Guid labId, Guid id, uint version, QuestionnaireContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var validation = await contentValidator.ValidateAsync(content, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        return await ChangeAsync(labId, id, version, (q, _) =>
        {
            q.ReviseDraft(content, time.GetUtcNow());
            return AuditText.Key("Questionnaire.DraftSaved");
        }, cancellationToken);
    }

    public Task<SaveResult> PublishAsync(Guid labId, Guid id, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync(labId, id, version, (q, db) =>
        {
            var published = q.Publish(db.ActorId, time.GetUtcNow());
            db.Context.QuestionnaireVersions.Add(published);
            return $"{AuditText.Key("Questionnaire.Published")} v{published.Number}";
        }, cancellationToken);

    public async Task<SaveResult> ScheduleAsync(Guid labId, Guid id, uint version, ScheduleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = await scheduleValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }
        return await ChangeAsync(labId, id, version, (q, _) =>
        {
            q.Schedule(ToMoment(input.OpensOn), ToMoment(input.ClosesOn), time.GetUtcNow());
            return AuditText.Key("Questionnaire.Scheduled");
        }, cancellationToken);
    }

    public Task<SaveResult> CloseNowAsync(Guid labId, Guid id, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync(labId, id, version, (q, _) =>
        {
            q.CloseNow(time.GetUtcNow());
            return AuditText.Key("Questionnaire.ClosedNow");
        }, cancellationToken);

    public Task<SaveResult> SetPublicLinkAsync(Guid labId, Guid id, uint version, bool enabled, bool onePerBrowser, CancellationToken cancellationToken = default) =>
        ChangeAsync(labId, id, version, (q, _) =>
        {
            var now = time.GetUtcNow();
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
    public async Task<SaveResult> DeleteAsync(Guid labId, Guid id, uint version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (questionnaire, refusal) = await FindForChangeAsync(db, actor, labId, id, version, cancellationToken);
        if (questionnaire is null)
        {
            return refusal!;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Responses first: they point at versions, which the database keeps from being removed under them.
        await db.QuestionnaireResponses.Where(r => r.QuestionnaireId == id).ExecuteDeleteAsync(cancellationToken);
        db.Questionnaires.Remove(questionnaire);
        db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Deleted, "Questionnaire", id, questionnaire.TitleIn("fr"), time.GetUtcNow()));
        var result = await db.SaveAsResultAsync(id, cancellationToken: cancellationToken);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    private sealed record ChangeContext(MutualisonsDbContext Context, Guid? ActorId);

    /// <summary>
    /// Checks the right, loads the questionnaire of this lab at the version the user saw, applies the change
    /// (which returns the audit summary) and saves both, all or nothing.
    /// </summary>
    private async Task<SaveResult> ChangeAsync(Guid labId, Guid id, uint version, Func<Questionnaire, ChangeContext, string> change, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (questionnaire, refusal) = await FindForChangeAsync(db, actor, labId, id, version, cancellationToken);
        if (questionnaire is null)
        {
            return refusal!;
        }
        return await db.SaveAsResultAsync(id, () =>
        {
            var summary = change(questionnaire, new ChangeContext(db, actor.UserId));
            db.AuditEntries.Add(new AuditEntry(labId, actor.UserId, AuditAction.Changed, "Questionnaire", id, summary, time.GetUtcNow()));
            return Task.CompletedTask;
        }, cancellationToken);
    }

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

    private string? PublicPath(Questionnaire q) =>
        q.PublicLinkEnabled && q.PublicTokenProtected is { } protectedToken && links.Unprotect(protectedToken) is { } token ? $"/p/{token}" : null;

    private static void SetIn(LocalizedText text, string language, string value)
    {
        switch (language)
        {
            case "nl": text.Nl = value; break;
            case "en": text.En = value; break;
            default: text.Fr = value; break;
        }
    }

    // Dates are picked as days in Brussels; the questionnaire opens at the start of that day.
    private static DateTimeOffset? ToMoment(DateTime? day) =>
        day is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date, DateTimeKind.Unspecified), Formats.BrusselsOffset(d.Date)) : null;
}
