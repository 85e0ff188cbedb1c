using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Organisations;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Diagnostic.Sending;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// A facilitator schedules a reminder for an organisation that has not answered: a moment already past is
/// refused beside the field, a day to come is listed with the organisation, and cancelling it empties the list.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ReminderJourney(BrowserFixture browser)
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    [Fact]
    public async Task A_reminder_is_refused_in_the_past_scheduled_for_tomorrow_listed_and_cancelled()
    {
        var organisation = $"Ressourcerie {Guid.NewGuid():N}"[..20];
        var address = $"rappel-{Guid.NewGuid():N}@example.org";
        Guid lab, questionnaire;
        await using (var db = browser.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Headquarters for Change").Select(m => m.Id).SingleAsync();
            var invited = new Organisation(new OrganisationProfile(organisation, OrganisationKind.Cooperative, "Réemploi", "Réparer", "", PostalAddress.Unknown, [Language.French],
                [new ContactPerson("Coordination", ContactRole.Coordinator, address)]), DateTimeOffset.UtcNow);
            db.Organisations.Add(invited);
            var created = new Questionnaire(lab, QuestionnaireTemplates.Find(QuestionnaireTemplates.Data)!.Create(), null, DateTimeOffset.UtcNow);
            db.Questionnaires.Add(created);
            db.QuestionnaireVersions.Add(created.Publish(null, DateTimeOffset.UtcNow));
            using var scope = browser.Services.CreateScope();
            var links = scope.ServiceProvider.GetRequiredService<QuestionnaireLinks>();
            db.QuestionnaireInvitations.Add(QuestionnaireInvitation.Create(created.Id, invited.Id, address, links.Protect, DateTimeOffset.UtcNow).Invitation);
            await db.SaveChangesAsync();
            questionnaire = created.Id;
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Coordination);
        await page.OpenAsync($"/labs/{lab}/questionnaires/{questionnaire}/sending");
        var reminders = page.Locator(".scheduled-reminders");
        await Expect(reminders).ToContainTextAsync("Aucun rappel programmé.");

        // Yesterday: refused beside the time, nothing scheduled.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Brussels).Date;
        await FillAsync(reminders.Locator(".reminder-day input"), today.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await FillAsync(reminders.Locator(".reminder-time input"), "09:30");
        await reminders.GetByRole(AriaRole.Button, new() { Name = "Programmer le rappel" }).ClickAsync();
        await Expect(reminders).ToContainTextAsync("Ce moment est déjà passé");
        await Expect(reminders).ToContainTextAsync("Aucun rappel programmé.");

        // Tomorrow at 9:30, for that organisation only.
        var tomorrow = today.AddDays(1);
        await FillAsync(reminders.Locator(".reminder-day input"), tomorrow.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await reminders.Locator(".reminder-recipients").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(organisation, new() { Exact = true }).ClickAsync();
        await reminders.GetByRole(AriaRole.Button, new() { Name = "Programmer le rappel" }).ClickAsync();
        var listed = reminders.Locator(".scheduled-list li");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("09:30");
        await Expect(listed).ToContainTextAsync(organisation);
        await page.AssertNoSeriousViolationsAsync();

        // Still there after a reload: it lives in the scheduler's tables, not in the page.
        await page.ReloadInteractiveAsync();
        await Expect(reminders.Locator(".scheduled-list li")).ToContainTextAsync(organisation);

        await reminders.GetByRole(AriaRole.Button, new() { Name = "Annuler ce rappel" }).ClickAsync();
        await Expect(page.GetByText("Rappel annulé.")).ToBeVisibleAsync();
        await Expect(reminders).ToContainTextAsync("Aucun rappel programmé.");
        await using (var db = browser.CreateDbContext())
        {
            Assert.Equal(0, await db.Database.SqlQuery<int>($"select count(*)::int as \"Value\" from qrtz_triggers where job_group = {ReminderService.GroupOf(questionnaire)}").SingleAsync());
        }
    }

    /// <summary>Types into an editable picker's text box and leaves it, as a keyboard user does.</summary>
    private static async Task FillAsync(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }
}
