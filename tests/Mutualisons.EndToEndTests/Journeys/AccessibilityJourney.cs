using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// Every page and the main dialogs, each opened by the demo role that works on it, checked with axe-core
/// (WCAG 2.1 A and AA): no serious or critical violation. Each test collects the violations of all its pages
/// before failing, so one run lists everything to fix.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityJourney(BrowserFixture browser)
{
    private readonly List<string> _violations = [];

    private async Task<Guid> LabAsync(string name)
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email);
        return page;
    }

    /// <summary>Opens <paramref name="path"/>, waits for its heading and records what axe finds.</summary>
    private async Task CheckAsync(IPage page, string path)
    {
        await page.OpenAsync(path);
        await CheckCurrentAsync(page);
    }

    private async Task CheckCurrentAsync(IPage page)
    {
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        _violations.AddRange(await page.SeriousViolationsAsync());
    }

    private async Task CheckDialogAsync(IPage page, string opener)
    {
        // The opener is named by how its name starts: several buttons may open the same dialog.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(opener)) }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        _violations.AddRange((await page.SeriousViolationsAsync()).Select(v => $"[dialog {opener}] {v}"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }

    private void AssertNone() => Assert.True(_violations.Count == 0, string.Join("\n", _violations));

    [Fact]
    public async Task The_pages_a_facilitator_works_on_and_their_dialogs_have_no_serious_violation()
    {
        var bota = await LabAsync("Bota 75");
        Guid stakeholder;
        await using (var db = browser.CreateDbContext())
        {
            var added = new Stakeholder(bota, StakeholderKind.Organisation, "Voisins de la rue Botanique", null, "Partager la cour", DateTimeOffset.UtcNow);
            // A target not yet reached puts the stakeholder in the dashboard's alert list, links included.
            added.SetTarget(Cycle.Impact, ParticipationLevel.Collaboration, null, DateTimeOffset.UtcNow);
            db.Stakeholders.Add(added);
            db.Activities.Add(new Activity(bota, "Visite du bâtiment", ActivityKind.Workshop, null, [Cycle.Publics], DateTimeOffset.UtcNow.AddDays(10), "Bota 75", ParticipationLevel.Information, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            stakeholder = added.Id;
        }
        var page = await SignedInAsync(DemoAppFixture.Facilitator);

        await CheckAsync(page, "/labs");
        await CheckAsync(page, $"/labs/{bota}");
        // Any cycle but the one in focus: other journeys move this lab's focus in the shared database.
        await CheckDialogAsync(page, "Porter le focus sur « ");
        foreach (var cycle in Enum.GetValues<Cycle>())
        {
            await CheckAsync(page, $"/labs/{bota}/cycles/{cycle}");
        }
        await CheckAsync(page, $"/labs/{bota}/people");
        await CheckAsync(page, $"/labs/{bota}/audit");
        await CheckAsync(page, $"/labs/{bota}/directory");
        await CheckAsync(page, $"/labs/{bota}/publics");
        await CheckAsync(page, $"/labs/{bota}/publics/stakeholders/{stakeholder}");
        await CheckAsync(page, $"/labs/{bota}/publics/pilot-group");
        await CheckAsync(page, $"/labs/{bota}/publics/activities");
        await CheckDialogAsync(page, "Planifier une activité");
        await CheckAsync(page, $"/labs/{bota}/questionnaires");

        AssertNone();
    }

    [Fact]
    public async Task The_impact_pages_and_their_dialogs_have_no_serious_violation()
    {
        var bota = await LabAsync("Bota 75");
        Guid financite, hypothesis;
        await using (var db = browser.CreateDbContext())
        {
            financite = await db.Organisations.Where(o => o.Name == "Réseau Financité").Select(o => o.Id).SingleAsync();
            hypothesis = await db.ImpactHypotheses.Where(h => h.LabId == bota && h.OrganisationId == financite).Select(h => h.Id).FirstAsync();
        }
        var page = await SignedInAsync(DemoAppFixture.Facilitator);

        await CheckAsync(page, $"/labs/{bota}/impact");
        await CheckDialogAsync(page, "Nouvelle hypothèse");
        await CheckAsync(page, $"/labs/{bota}/impact/organisations/{financite}");
        await CheckAsync(page, $"/labs/{bota}/impact/hypotheses/{hypothesis}");
        await CheckDialogAsync(page, "Ajouter une mesure");

        // What a reader sees: the statement and the hypothesis without their forms.
        var observer = await SignedInAsync(DemoAppFixture.Observer);
        await CheckAsync(observer, $"/labs/{bota}/impact/organisations/{financite}");
        await CheckAsync(observer, $"/labs/{bota}/impact/hypotheses/{hypothesis}");

        AssertNone();
    }

    [Fact]
    public async Task The_questionnaire_pages_have_no_serious_violation()
    {
        Guid lab, questionnaire, response;
        await using (var db = browser.CreateDbContext())
        {
            // A demo questionnaire with submitted answers (both are in labs Camille coordinates), so its results have bars to read.
            var submitted = await db.QuestionnaireResponses.Where(r => r.SubmittedAt != null)
                .Join(db.Questionnaires, r => r.QuestionnaireId, q => q.Id, (r, q) => new { q.LabId, r.QuestionnaireId, r.Id })
                .FirstAsync();
            (lab, questionnaire, response) = (submitted.LabId, submitted.QuestionnaireId, submitted.Id);
        }
        var page = await SignedInAsync(DemoAppFixture.Coordination);

        await CheckAsync(page, $"/labs/{lab}/questionnaires");
        await CheckAsync(page, $"/labs/{lab}/questionnaires/{questionnaire}");
        await CheckAsync(page, $"/labs/{lab}/questionnaires/{questionnaire}/sending");
        await CheckAsync(page, $"/labs/{lab}/questionnaires/{questionnaire}/results");
        await CheckAsync(page, $"/labs/{lab}/questionnaires/{questionnaire}/responses/{response}");

        AssertNone();
    }

    [Fact]
    public async Task The_platform_pages_of_an_administrator_have_no_serious_violation()
    {
        var page = await SignedInAsync(DemoAppFixture.Admin);

        await CheckAsync(page, "/labs");
        await CheckDialogAsync(page, "Nouveau lab");
        await CheckAsync(page, "/organisations");
        await CheckAsync(page, "/admin/outbox");
        // The profile page is rendered statically, like the sign-in pages: no circuit to wait for.
        await page.GotoAsync("/account");
        await CheckCurrentAsync(page);

        AssertNone();
    }

    [Fact]
    public async Task The_sign_in_and_account_pages_have_no_serious_violation()
    {
        var page = await browser.NewPageAsync();

        foreach (var path in new[] { "/account/sign-in", "/account/forgot-password", "/account/reset-password", "/account/locked-out", "/account/deleted", "/access-denied" })
        {
            await page.GotoAsync(path);
            await CheckCurrentAsync(page);
        }

        AssertNone();
    }
}
