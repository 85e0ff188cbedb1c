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
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Sending;

/// <summary>
/// Sending a questionnaire: who is invited, each one's personal link and progress, inviting organisations
/// and revoking a link. Reminders are <see cref="ReminderService"/>'s. Every query goes through the person's role.
/// </summary>
public sealed class SendingService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    QuestionnaireLinks links,
    MailTemplates mails,
    TimeProvider time)
{
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
                i.Invitation.LastReminderAt, i.Invitation.ReminderCount, i.Invitation.Progress == RespondentProgress.Revoked || links.Unprotect(i.Invitation.TokenProtected) is not { } token ? null : $"/r/{token}"))],
            [.. organisations.Where(o => !invited.Contains(o.Id))
                .Select(o => new InvitableOrganisation(o.Id, o.Name, o.Kind, lab.Members.Contains(o.Id), o.Contacts.Select(c => c.Email).FirstOrDefault(e => e.Length > 0) ?? string.Empty))
                .OrderByDescending(o => o.InLab).ThenBy(o => o.Name)],
            publicSubmitted);
    }

    /// <summary>Creates one personal link per organisation (never two) and mails it where an address is known, once the links are saved.</summary>
    public async Task<SaveResult> InviteAsync(Guid labId, Guid id, IReadOnlyCollection<Guid> organisationIds, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        ArgumentNullException.ThrowIfNull(baseUri);
        var language = ProductLocalization.CurrentLanguage;
        var outgoing = new List<EmailMessage>();
        var result = await writes.In(labId, LabRight.RunQuestionnaires).ChangePartsAsync<Questionnaire>(id, AuditAction.Created, AuditSubject.QuestionnaireInvitation, async (q, write) =>
        {
            q.EnsureSendable();
            var already = await write.Db.QuestionnaireInvitations.Where(i => i.QuestionnaireId == id).Select(i => i.OrganisationId).ToListAsync(write.CancellationToken);
            var organisations = await write.Db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id) && !already.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Contacts }).ToListAsync(write.CancellationToken);
            foreach (var organisation in organisations)
            {
                var address = organisation.Contacts.Select(c => c.Email).FirstOrDefault(e => e.Length > 0);
                var (invitation, token) = QuestionnaireInvitation.Create(id, organisation.Id, address, links.Protect, write.Now);
                write.Db.QuestionnaireInvitations.Add(invitation);
                if (address is not null)
                {
                    outgoing.Add(mails.QuestionnaireInvitation(address, language, q.TitleIn(language), new Uri(baseUri, $"r/{token}")));
                }
            }
            return $"{organisations.Count} × {AuditText.Key("Questionnaire.Invited")}";
        }, cancellationToken);
        return result.Succeeded ? await links.SendAllAsync(outgoing, result, cancellationToken) : result;
    }

    /// <summary>Stops one organisation's personal link; an invitation of another questionnaire or lab is not found.</summary>
    public Task<SaveResult> RevokeAsync(Guid labId, Guid id, Guid invitationId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunQuestionnaires).ChangePartsAsync<Questionnaire>(id, AuditAction.Changed, AuditSubject.QuestionnaireInvitation, async (_, write) =>
        {
            var invitation = await write.Db.QuestionnaireInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.QuestionnaireId == id, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            invitation.Revoke(write.Now);
            write.AuditAs(AuditSubject.QuestionnaireInvitation, invitationId);
            return AuditText.Key("Questionnaire.Revoked");
        }, cancellationToken);
}
