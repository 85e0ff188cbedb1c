using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Organisations;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Answering;
using Mutualisons.Web.Features.Diagnostic.Questionnaires;
using Mutualisons.Web.Features.Diagnostic.Sending;

namespace Mutualisons.IntegrationTests.Diagnostic;

public sealed class RemindersTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Invitations_and_reminders_mail_the_same_personal_link_until_the_organisation_has_answered()
    {
        var address = $"coordination-{Guid.NewGuid():N}@example.org";
        var name = $"Atelier {Guid.NewGuid():N}"[..20];
        await using (var db = app.CreateDbContext())
        {
            db.Organisations.Add(new Organisation(new OrganisationProfile(name, OrganisationKind.Cooperative, "Réemploi", "Réparer", "", PostalAddress.Unknown, [Language.French],
                [new ContactPerson("Coordination", ContactRole.Coordinator, address)]), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var scenario = await new DiagnosticScenario(app).PublishAsync("Rappels");
        var path = (await scenario.InviteAsync(name))[name];

        await using var check = app.CreateDbContext();
        var invitationMail = await check.OutboxEmails.AsNoTracking().SingleAsync(m => m.To == address);
        Assert.Contains(path, invitationMail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Rappels", invitationMail.Subject, StringComparison.Ordinal);

        var sending = (await app.AsAsync<SendingService, QuestionnaireSending?>(DiagnosticScenario.Facilitator, s => s.GetSendingAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        var invitation = sending.Invitations.Single(i => i.Organisation == name);
        Assert.Equal(address, invitation.Email);
        Assert.Equal("0 / 1", $"{sending.Submitted} / {sending.Invited}");

        var reminded = await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator, s => s.RemindNowAsync(scenario.LabId, scenario.QuestionnaireId, null, new Uri("http://localhost/")));
        Assert.True(reminded.Succeeded);
        var mails = await check.OutboxEmails.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal(2, mails.Count);
        Assert.Contains(path, mails[1].HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Rappel", mails[1].Subject, StringComparison.Ordinal);
        Assert.Equal(1, (await check.QuestionnaireInvitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id)).ReminderCount);

        // Once the organisation has answered, it gets no more reminders.
        var token = path["/r/".Length..];
        KeyValuePair<string, StringValues>[] page1 = [new(AnswerFields.Name(scenario.Workshop.Id), "no")];
        KeyValuePair<string, StringValues>[] page2 = [new(AnswerFields.Name(scenario.Needs.Id), scenario.Needs.Options[0].Key)];
        Assert.True((await app.AsAsync<RespondentService, RespondentService.Outcome>(null, s => s.AnswerInvitationAsync(token, 0, RespondentMove.Next, page1, "fr"))).Redirect);
        Assert.True((await app.AsAsync<RespondentService, RespondentService.Outcome>(null, s => s.AnswerInvitationAsync(token, 1, RespondentMove.Submit, page2, "fr"))).Redirect);

        var refused = await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator, s => s.RemindNowAsync(scenario.LabId, scenario.QuestionnaireId, invitation.Id, new Uri("http://localhost/")));
        Assert.Equal("Rule.Questionnaire.NoReminder", refused.MessageKey);
        Assert.Equal(2, await check.OutboxEmails.CountAsync(m => m.To == address));
        var after = (await app.AsAsync<SendingService, QuestionnaireSending?>(DiagnosticScenario.Facilitator, s => s.GetSendingAsync(scenario.LabId, scenario.QuestionnaireId)))!;
        Assert.Equal(RespondentProgress.Submitted, after.Invitations.Single(i => i.Organisation == name).Progress);
        Assert.Equal("1 / 1", $"{after.Submitted} / {after.Invited}");
    }
}
