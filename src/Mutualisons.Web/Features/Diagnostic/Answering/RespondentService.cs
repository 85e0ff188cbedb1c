using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Audit;

namespace Mutualisons.Web.Features.Diagnostic.Answering;

/// <summary>
/// Answering without an account, through a personal link (one per invited organisation) or the open link.
/// Works request by request, with no live connection, so thousands can answer at once.
/// </summary>
public sealed class RespondentService(IDbContextFactory<MutualisonsDbContext> dbFactory, IMemoryCache cache, IValidator<SectionAnswers> validator, TimeProvider time, ILogger<RespondentService> logger)
{
    /// <summary>
    /// What answering needs of a questionnaire: never its draft, a large JSON document that every request
    /// would otherwise read, copy and compare.
    /// </summary>
    private sealed record Gatekeeper(Guid Id, Guid? CurrentVersionId, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool OnePerBrowser)
    {
        public QuestionnaireState StateAt(DateTimeOffset now) => Questionnaire.StateOf(CurrentVersionId, OpensAt, ClosesAt, now);
    }

    private sealed record Target(Gatekeeper Questionnaire, QuestionnaireInvitation? Invitation, QuestionnaireResponse? Response);

    /// <summary>How many times a save colliding with another save of the same response is tried on fresh data.</summary>
    private const int SaveAttempts = 3;

    /// <summary>
    /// The result of a posted page: a page to show again (with problems), or a redirect to the page to show
    /// next, with the response's row version once saved.
    /// </summary>
    public sealed record Outcome(RespondentPage? Page, string? NewBrowserKey = null, uint Version = 0)
    {
        public bool Redirect => Page is null;
    }

    public async Task<RespondentPage> OpenInvitationAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await FindInvitationAsync(db, token, cancellationToken);
        if (Gate(target) is { } closed)
        {
            return closed;
        }
        if (target!.Invitation!.OpenedAt is null)
        {
            target.Invitation.MarkOpened(time.GetUtcNow());
            await SaveQuietlyAsync(db, cancellationToken);
        }
        return await PageAsync(db, target, target.Response?.CurrentSection, null, null, cancellationToken);
    }

    public Task<Outcome> AnswerInvitationAsync(string token, int sectionIndex, RespondentMove move, IEnumerable<KeyValuePair<string, StringValues>> form, string language, CancellationToken cancellationToken = default) =>
        SavingOnceAsync(
            () => AnswerInvitationOnceAsync(token, sectionIndex, move, form, language, cancellationToken),
            () => NotSavedAsync(db => FindInvitationAsync(db, token, cancellationToken), sectionIndex, form, cancellationToken));

    private async Task<Outcome> AnswerInvitationOnceAsync(string token, int sectionIndex, RespondentMove move, IEnumerable<KeyValuePair<string, StringValues>> form, string language, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await FindInvitationAsync(db, token, cancellationToken);
        if (Gate(target) is { } closed)
        {
            return new Outcome(await LateChangesAsync(db, target, closed, sectionIndex, form, cancellationToken));
        }
        var response = target!.Response;
        if (response is null)
        {
            response = QuestionnaireResponse.Start(target.Questionnaire.Id, target.Questionnaire.CurrentVersionId!.Value, target.Invitation!.Id, target.Invitation.OrganisationId, null, language, time.GetUtcNow());
            db.QuestionnaireResponses.Add(response);
            target.Invitation.MarkStarted(time.GetUtcNow());
            target = target with { Response = response };
        }
        return await MoveAsync(db, target, sectionIndex, move, form, language, cancellationToken);
    }

    public async Task<RespondentPage> OpenPublicAsync(string token, string? browserKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await FindPublicAsync(db, token, browserKey, cancellationToken);
        if (Gate(target) is { } closed)
        {
            return closed;
        }
        if (target!.Response is null && !SecretToken.LooksValid(browserKey))
        {
            return await WelcomeAsync(db, target.Questionnaire, cancellationToken);
        }
        // Started in this browser (it holds a key), even if nothing is stored until its first page is saved.
        return await PageAsync(db, target, target.Response?.CurrentSection, null, null, cancellationToken);
    }

    private async Task<RespondentPage> WelcomeAsync(MutualisonsDbContext db, Gatekeeper questionnaire, CancellationToken cancellationToken) =>
        new(RespondentOutcome.Welcome, await ContentAsync(db, questionnaire.CurrentVersionId!.Value, cancellationToken), ClosesAt: questionnaire.ClosesAt);

    public Task<Outcome> AnswerPublicAsync(string token, string? browserKey, int sectionIndex, RespondentMove move, IEnumerable<KeyValuePair<string, StringValues>> form, string language, CancellationToken cancellationToken = default) =>
        SavingOnceAsync(
            () => AnswerPublicOnceAsync(token, browserKey, sectionIndex, move, form, language, cancellationToken),
            () => NotSavedAsync(db => FindPublicAsync(db, token, browserKey, cancellationToken), sectionIndex, form, cancellationToken));

    private async Task<Outcome> AnswerPublicOnceAsync(string token, string? browserKey, int sectionIndex, RespondentMove move, IEnumerable<KeyValuePair<string, StringValues>> form, string language, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await FindPublicAsync(db, token, browserKey, cancellationToken);
        var gate = Gate(target);
        var questionnaire = target?.Questionnaire;
        var mayStartAgain = gate?.Outcome == RespondentOutcome.Submitted && questionnaire is { OnePerBrowser: false };
        if (gate is not null && !(move == RespondentMove.Start && mayStartAgain))
        {
            return new Outcome(move == RespondentMove.Start ? gate : await LateChangesAsync(db, target, gate, sectionIndex, form, cancellationToken));
        }
        if (move == RespondentMove.Start)
        {
            // A new key for this browser: the cookie lets it resume and count as one respondent. Nothing is
            // stored yet, so a double click, or a browser that refuses cookies, leaves no empty response.
            return target!.Response is { IsSubmitted: false } ? new Outcome(null) : new Outcome(null, SecretToken.New());
        }
        if (target!.Response is null)
        {
            if (!SecretToken.LooksValid(browserKey))
            {
                return new Outcome(await WelcomeAsync(db, questionnaire!, cancellationToken));
            }
            var response = QuestionnaireResponse.Start(questionnaire!.Id, questionnaire.CurrentVersionId!.Value, null, null, SecretToken.HashOf(browserKey!), language, time.GetUtcNow());
            db.QuestionnaireResponses.Add(response);
            target = target with { Response = response };
        }
        return await MoveAsync(db, target, sectionIndex, move, form, language, cancellationToken);
    }

    /// <summary>
    /// Another request of the same respondent (a double click, a second tab, the page's background save) or of
    /// the facilitators (a reminder marking the link) may save first: the post is then read again from the
    /// database and applied once more, where a second tab's different answers are caught (see
    /// <see cref="QuestionnaireResponse.WouldOverwrite"/>). Should saves keep colliding, the respondent is told
    /// and their input is shown again: nothing is dropped without a word.
    /// </summary>
    private async Task<Outcome> SavingOnceAsync(Func<Task<Outcome>> attempt, Func<Task<Outcome>> notSaved)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException exception) when (tries < SaveAttempts)
            {
                logger.LogInformation(exception, "An answer was saved concurrently; applying this one again on fresh data.");
            }
            catch (DbUpdateException exception)
            {
                logger.LogWarning(exception, "An answer could not be saved after {Attempts} attempts.", SaveAttempts);
                return await notSaved();
            }
        }
    }

    /// <summary>The page posted, with what was typed and a word that it could not be saved.</summary>
    private async Task<Outcome> NotSavedAsync(Func<MutualisonsDbContext, Task<Target?>> find, int sectionIndex, IEnumerable<KeyValuePair<string, StringValues>> form, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await find(db);
        if (Gate(target) is { } closed)
        {
            return new Outcome(closed);
        }
        var content = await ContentAsync(db, target!.Response?.VersionId ?? target.Questionnaire.CurrentVersionId!.Value, cancellationToken);
        var index = sectionIndex >= 0 && sectionIndex < content.Sections.Count ? sectionIndex : target.Response?.CurrentSection ?? 0;
        var page = await PageAsync(db, target, index, Typed(content.Sections[index], form), null, cancellationToken);
        return new Outcome(page with { Notice = RespondentNotice.NotSaved });
    }

    /// <summary>
    /// A page posted after the response was submitted (from another tab or device): the thanks page, saying so
    /// when this page held answers that differ from those sent.
    /// </summary>
    private async Task<RespondentPage> LateChangesAsync(MutualisonsDbContext db, Target? target, RespondentPage gate, int sectionIndex, IEnumerable<KeyValuePair<string, StringValues>> form, CancellationToken cancellationToken)
    {
        if (gate.Outcome is not (RespondentOutcome.Submitted or RespondentOutcome.AlreadyAnswered) || target?.Response is not { } response || AnswerFields.SeenVersion(form) is not { } seen)
        {
            return gate;
        }
        var content = await ContentAsync(db, response.VersionId, cancellationToken);
        if (sectionIndex < 0 || sectionIndex >= content.Sections.Count)
        {
            return gate;
        }
        var sent = AnswerFields.Read(content.Sections[sectionIndex], form);
        return response.WouldOverwrite(content, sectionIndex, sent, seen) ? gate with { Notice = RespondentNotice.LateChanges } : gate;
    }

    /// <summary>What was typed on a page, as it can be shown again (without the characters no answer may keep).</summary>
    private static Dictionary<Guid, SubmittedAnswer> Typed(SectionDefinition section, IEnumerable<KeyValuePair<string, StringValues>> form) =>
        AnswerFields.Read(section, form).ToDictionary(a => a.Key, a => a.Value.WithoutUnstorableCharacters());

    private async Task<Outcome> MoveAsync(MutualisonsDbContext db, Target target, int sectionIndex, RespondentMove move, IEnumerable<KeyValuePair<string, StringValues>> form, string language, CancellationToken cancellationToken)
    {
        var response = target.Response!;
        var content = await ContentAsync(db, response.VersionId, cancellationToken);
        if (sectionIndex < 0 || sectionIndex >= content.Sections.Count)
        {
            sectionIndex = response.CurrentSection;
        }
        var now = time.GetUtcNow();
        var submitted = AnswerFields.Read(content.Sections[sectionIndex], form);
        var validation = await validator.ValidateAsync(new SectionAnswers(content.Sections[sectionIndex], submitted), cancellationToken);
        if (validation.IsValid && AnswerFields.SeenVersion(form) is { } seen && response.WouldOverwrite(content, sectionIndex, submitted, seen))
        {
            // Another tab or device saved different answers to this page since it was shown: nothing is
            // replaced behind the respondent's back. The page comes back with what was typed and carries the
            // current version, so saving again is a choice made knowingly.
            var again = await PageAsync(db, target, sectionIndex, submitted, null, cancellationToken);
            return new Outcome(again with { Notice = RespondentNotice.Conflict });
        }
        // The domain applies the same rules again when saving: nothing malformed is ever stored.
        var problems = validation.IsValid ? response.SaveSection(content, sectionIndex, submitted, language, now) : SectionAnswersValidator.ByQuestion(validation);
        if (problems.Count > 0)
        {
            // Nothing saved; the page comes back with what was typed and a message beside each problem.
            return new Outcome(await PageAsync(db, target, sectionIndex, Typed(content.Sections[sectionIndex], form), problems, cancellationToken));
        }

        RespondentPage? next = null;
        switch (move)
        {
            case RespondentMove.Previous:
                response.MoveTo(content, response.NextShownSection(content, sectionIndex, -1) ?? sectionIndex, now);
                break;
            case RespondentMove.Next:
                var missing = response.MissingIn(content, sectionIndex);
                response.MoveTo(content, missing.Count > 0 ? sectionIndex : response.NextShownSection(content, sectionIndex) ?? sectionIndex, now);
                if (missing.Count > 0)
                {
                    next = await PageAsync(db, target, sectionIndex, null, missing, cancellationToken);
                }
                break;
            case RespondentMove.Submit:
                if (response.Submit(content, now) is { } incomplete)
                {
                    response.MoveTo(content, incomplete.Section, now);
                    next = await PageAsync(db, target, incomplete.Section, null, incomplete.Missing, cancellationToken);
                }
                else
                {
                    target.Invitation?.MarkSubmitted(now);
                }
                break;
            default:
                response.MoveTo(content, sectionIndex, now);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (move == RespondentMove.Submit && response.IsSubmitted && response.OrganisationId is { } organisationId)
        {
            await RecordParticipationAsync(db, target.Questionnaire.Id, organisationId, now, cancellationToken);
        }
        // The page shown next must carry the version just written, not the one read before saving.
        return new Outcome(next is null ? null : next with { ResponseVersion = response.Version }, Version: response.Version);
    }

    /// <summary>
    /// A submitted response is participation: the stakeholder that stands for the responding organisation in
    /// the questionnaire's lab reaches <see cref="ParticipationLadder.AnsweringLevel"/> in the diagnosis, as
    /// <see cref="ParticipationLadder.RecordAnswer"/> says, with its history line. One statement, so the
    /// answer path stays cheap; it runs after the response is saved and changes nothing when the level is
    /// already as high (a second submission, or no stakeholder for the organisation).
    /// </summary>
    private static Task<int> RecordParticipationAsync(MutualisonsDbContext db, Guid questionnaireId, Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cycle = ParticipationLadder.AnsweringCycle.ToString();
        var level = (int)ParticipationLadder.AnsweringLevel;
        var reached = nameof(ParticipationAspect.Reached);
        var reason = AuditText.Of(ActivityKind.Questionnaire);
        var historyId = Guid.CreateVersion7(now);
        return db.Database.ExecuteSqlAsync($"""
            WITH before AS (
                SELECT p.stakeholder_id, p.derived, p.adjusted
                FROM cycle_participation p JOIN stakeholders s ON s.id = p.stakeholder_id
                WHERE p.cycle = {cycle} AND s.organisation_id = {organisationId}
                  AND s.lab_id = (SELECT q.lab_id FROM questionnaires q WHERE q.id = {questionnaireId})
                  AND (p.derived IS NULL OR p.derived < {level})
                FOR UPDATE OF p
            ), raised AS (
                UPDATE cycle_participation p SET derived = {level}
                FROM before b WHERE p.stakeholder_id = b.stakeholder_id AND p.cycle = {cycle}
                RETURNING p.stakeholder_id
            )
            INSERT INTO participation_history (id, stakeholder_id, cycle, aspect, "from", "to", by, reason, at, effective_at)
            SELECT {historyId}, b.stakeholder_id, {cycle}, {reached}, b.derived, {level}, NULL, {reason}, {now}, {now}
            FROM before b JOIN raised r ON r.stakeholder_id = b.stakeholder_id
            WHERE b.adjusted IS NULL
            """, cancellationToken);
    }

    private async Task<RespondentPage> PageAsync(MutualisonsDbContext db, Target target, int? sectionIndex, IReadOnlyDictionary<Guid, SubmittedAnswer>? typed, IReadOnlyDictionary<Guid, string>? errors, CancellationToken cancellationToken)
    {
        var versionId = target.Response?.VersionId ?? target.Questionnaire.CurrentVersionId!.Value;
        var content = await ContentAsync(db, versionId, cancellationToken);
        var stored = target.Response is { } response ? AnswerFields.FromStored(content, response.Answers) : [];
        foreach (var (questionId, answer) in typed ?? new Dictionary<Guid, SubmittedAnswer>())
        {
            stored[questionId] = answer;
        }
        var choices = target.Response?.Choices() ?? new Dictionary<Guid, IReadOnlyCollection<string>>();
        var shown = Enumerable.Range(0, content.Sections.Count).Where(i => content.IsShown(content.Sections[i], choices)).ToList();
        // A page hidden since (an earlier answer changed) gives way to the last shown page before it.
        var index = sectionIndex is { } i && shown.Contains(i) ? i
            : sectionIndex is { } j && errors is { Count: > 0 } && j >= 0 && j < content.Sections.Count ? j
            : shown.LastOrDefault(s => s <= (sectionIndex ?? 0), shown.FirstOrDefault());
        var position = shown.IndexOf(index) is var p and >= 0 ? p + 1 : 1;
        return new RespondentPage(
            RespondentOutcome.Answering, content, index, position, Math.Max(shown.Count, position),
            IsLast: !shown.Any(s => s > index), Answers: stored, Errors: errors, Choices: choices, ClosesAt: target.Questionnaire.ClosesAt,
            ResponseVersion: target.Response?.Version ?? 0);
    }

    private RespondentPage? Gate(Target? target)
    {
        if (target is null || target.Invitation is { RevokedAt: not null })
        {
            return RespondentPage.Unknown;
        }
        var questionnaire = target.Questionnaire;
        var state = questionnaire.StateAt(time.GetUtcNow());
        return state switch
        {
            QuestionnaireState.Draft => RespondentPage.Unknown,
            QuestionnaireState.Scheduled => new RespondentPage(RespondentOutcome.NotOpenYet, OpensAt: questionnaire.OpensAt),
            QuestionnaireState.Closed when target.Response is not { IsSubmitted: true } => new RespondentPage(RespondentOutcome.Closed, ClosesAt: questionnaire.ClosesAt),
            _ when target.Response is { IsSubmitted: true } && target.Invitation is null && questionnaire.OnePerBrowser => new RespondentPage(RespondentOutcome.AlreadyAnswered),
            _ when target.Response is { IsSubmitted: true } => new RespondentPage(RespondentOutcome.Submitted, CanAnswerAgain: target.Invitation is null && state == QuestionnaireState.Open),
            _ => null,
        };
    }

    private static async Task<Target?> FindInvitationAsync(MutualisonsDbContext db, string token, CancellationToken cancellationToken)
    {
        if (!SecretToken.LooksValid(token))
        {
            return null;
        }
        var hash = SecretToken.HashOf(token);
        // One round trip for the link, its questionnaire's gate and the response if there is one; the response's
        // answers are read only when it exists (a first visit, the most frequent, has none). A left join on the
        // unique invitation column, not FirstOrDefault: EF translates that into a window over every response of
        // every questionnaire, which grew with the table (44 ms a request after 10,000 responses).
        var found = await (
            from i in db.QuestionnaireInvitations
            where i.TokenHash == hash
            join q in db.Questionnaires on i.QuestionnaireId equals q.Id
            from r in db.QuestionnaireResponses.Where(r => r.InvitationId == i.Id).DefaultIfEmpty()
            select new
            {
                Invitation = i,
                Questionnaire = new Gatekeeper(q.Id, q.CurrentVersionId, q.OpensAt, q.ClosesAt, q.OnePerBrowser),
                Response = r,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        if (found.Response is { } response)
        {
            await db.Entry(response).Collection(r => r.Answers).LoadAsync(cancellationToken);
        }
        return new Target(found.Questionnaire, found.Invitation, found.Response);
    }

    private static async Task<Target?> FindPublicAsync(MutualisonsDbContext db, string token, string? browserKey, CancellationToken cancellationToken)
    {
        if (!SecretToken.LooksValid(token))
        {
            return null;
        }
        var hash = SecretToken.HashOf(token);
        var questionnaire = await db.Questionnaires.Where(q => q.PublicTokenHash == hash && q.PublicLinkEnabled)
            .Select(q => new Gatekeeper(q.Id, q.CurrentVersionId, q.OpensAt, q.ClosesAt, q.OnePerBrowser))
            .SingleOrDefaultAsync(cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }
        QuestionnaireResponse? response = null;
        if (SecretToken.LooksValid(browserKey))
        {
            var keyHash = SecretToken.HashOf(browserKey!);
            response = await db.QuestionnaireResponses.Include(r => r.Answers)
                .SingleOrDefaultAsync(r => r.BrowserKeyHash == keyHash && r.QuestionnaireId == questionnaire.Id, cancellationToken);
        }
        return new Target(questionnaire, null, response);
    }

    /// <summary>A published version never changes, so its content is read once and kept in memory.</summary>
    private async Task<QuestionnaireContent> ContentAsync(MutualisonsDbContext db, Guid versionId, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(("questionnaire-version", versionId), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return await db.QuestionnaireVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Content).SingleAsync(cancellationToken);
        }))!;

    private async Task SaveQuietlyAsync(MutualisonsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            // Only the "opened" mark: another request already set it.
            logger.LogDebug(exception, "Invitation already marked as opened.");
        }
    }
}
