using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Organisations;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Sending;

namespace Mutualisons.IntegrationTests.Diagnostic;

public sealed class ScheduledReminderTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    [Fact]
    public async Task A_reminder_scheduled_a_second_ahead_is_mailed_once_even_with_two_app_instances_on_one_database()
    {
        var (scenario, address, _) = await InvitedOrganisationAsync();
        // A second instance of the app on the same database: both run the clustered scheduler.
        await using var second = new AppFactory(app.ConnectionString, seedDemoData: true, AppFixture.DemoPassword);
        _ = second.Services;

        var soon = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(1.5), Brussels);
        var scheduled = await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator,
            s => s.ScheduleAsync(scenario.LabId, scenario.QuestionnaireId, new ReminderScheduleInput { Day = soon.Date, Time = soon.TimeOfDay }, new Uri("http://localhost/")));
        Assert.True(scheduled.Succeeded, scheduled.MessageKey);

        await using var db = app.CreateDbContext();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.OutboxEmails.CountAsync(m => m.To == address && m.Subject.StartsWith("Rappel")) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        // Long enough for a second instance to send it again, were it going to.
        await Task.Delay(TimeSpan.FromSeconds(6));

        var reminders = await db.OutboxEmails.AsNoTracking().Where(m => m.To == address && m.Subject.StartsWith("Rappel")).ToListAsync();
        var reminder = Assert.Single(reminders);
        Assert.Contains("/r/", reminder.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/r/", reminder.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, (await db.QuestionnaireInvitations.AsNoTracking().SingleAsync(i => i.QuestionnaireId == scenario.QuestionnaireId)).ReminderCount);
        Assert.Empty((await app.AsAsync<ReminderService, IReadOnlyList<ScheduledReminder>?>(DiagnosticScenario.Facilitator, s => s.ListScheduledAsync(scenario.LabId, scenario.QuestionnaireId)))!);
    }

    [Fact]
    public async Task A_scheduled_reminder_is_listed_with_its_organisation_and_can_be_cancelled_once()
    {
        var (scenario, address, organisation) = await InvitedOrganisationAsync();
        var invitation = (await app.AsAsync<SendingService, QuestionnaireSending?>(DiagnosticScenario.Facilitator, s => s.GetSendingAsync(scenario.LabId, scenario.QuestionnaireId)))!
            .Invitations.Single();
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Brussels).Date.AddDays(1);

        var scheduled = await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator,
            s => s.ScheduleAsync(scenario.LabId, scenario.QuestionnaireId, new ReminderScheduleInput { Day = tomorrow, Time = new TimeSpan(9, 30, 0), InvitationId = invitation.Id }, new Uri("http://localhost/")));
        Assert.True(scheduled.Succeeded, scheduled.MessageKey);

        var listed = Assert.Single((await app.AsAsync<ReminderService, IReadOnlyList<ScheduledReminder>?>(DiagnosticScenario.Facilitator, s => s.ListScheduledAsync(scenario.LabId, scenario.QuestionnaireId)))!);
        Assert.Equal(organisation, listed.Organisation);
        Assert.Equal(invitation.Id, listed.InvitationId);
        // 9:30 in Brussels, whatever the server's own time zone.
        Assert.Equal(new DateTimeOffset(tomorrow.AddHours(9.5), Brussels.GetUtcOffset(tomorrow.AddHours(9.5))), listed.At);

        // Someone without the right to run questionnaires neither sees nor cancels it.
        Assert.Null(await app.AsAsync<ReminderService, IReadOnlyList<ScheduledReminder>?>(DemoAppFixture.Pilot, s => s.ListScheduledAsync(scenario.LabId, scenario.QuestionnaireId)));
        Assert.False((await app.AsAsync<ReminderService, SaveResult>(DemoAppFixture.Pilot, s => s.CancelScheduledAsync(scenario.LabId, scenario.QuestionnaireId, listed.Key))).Succeeded);

        Assert.True((await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator, s => s.CancelScheduledAsync(scenario.LabId, scenario.QuestionnaireId, listed.Key))).Succeeded);
        Assert.Empty((await app.AsAsync<ReminderService, IReadOnlyList<ScheduledReminder>?>(DiagnosticScenario.Facilitator, s => s.ListScheduledAsync(scenario.LabId, scenario.QuestionnaireId)))!);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator, s => s.CancelScheduledAsync(scenario.LabId, scenario.QuestionnaireId, listed.Key))).Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.OutboxEmails.CountAsync(m => m.To == address && m.Subject.StartsWith("Rappel")));
    }

    [Fact]
    public async Task A_reminder_in_the_past_or_without_a_day_is_refused_with_a_message_and_nothing_is_scheduled()
    {
        var (scenario, _, _) = await InvitedOrganisationAsync();
        var anHourAgo = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-1), Brussels);

        var past = await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator,
            s => s.ScheduleAsync(scenario.LabId, scenario.QuestionnaireId, new ReminderScheduleInput { Day = anHourAgo.Date, Time = anHourAgo.TimeOfDay }, new Uri("http://localhost/")));
        var noDay = await app.AsAsync<ReminderService, SaveResult>(DiagnosticScenario.Facilitator,
            s => s.ScheduleAsync(scenario.LabId, scenario.QuestionnaireId, new ReminderScheduleInput { Time = new TimeSpan(10, 0, 0) }, new Uri("http://localhost/")));

        Assert.Equal(SaveStatus.Invalid, past.Status);
        Assert.Contains("déjà passé", Assert.Single(past.Errors![nameof(ReminderScheduleInput.Time)]), StringComparison.Ordinal);
        Assert.Equal(SaveStatus.Invalid, noDay.Status);
        Assert.Equal("Choisissez le jour du rappel.", Assert.Single(noDay.Errors![nameof(ReminderScheduleInput.Day)]));
        Assert.Empty((await app.AsAsync<ReminderService, IReadOnlyList<ScheduledReminder>?>(DiagnosticScenario.Facilitator, s => s.ListScheduledAsync(scenario.LabId, scenario.QuestionnaireId)))!);
    }

    private async Task<(DiagnosticScenario Scenario, string Address, string Organisation)> InvitedOrganisationAsync()
    {
        var address = $"rappel-{Guid.NewGuid():N}@example.org";
        var name = $"Atelier {Guid.NewGuid():N}"[..20];
        await using (var db = app.CreateDbContext())
        {
            db.Organisations.Add(new Organisation(new OrganisationProfile(name, OrganisationKind.Cooperative, "Réemploi", "Réparer", "", PostalAddress.Unknown, [Language.French],
                [new ContactPerson("Coordination", ContactRole.Coordinator, address)]), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var scenario = await new DiagnosticScenario(app).PublishAsync($"Rappel programmé {Guid.NewGuid():N}"[..24]);
        await scenario.InviteAsync(name);
        return (scenario, address, name);
    }
}
