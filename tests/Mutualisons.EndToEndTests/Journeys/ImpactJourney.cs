using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>Cycle 3: a member writes its impact statement on a phone; the pilot group builds, measures and concludes a hypothesis.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ImpactJourney(BrowserFixture browser)
{
    private async Task<Guid> BotaAsync()
    {
        await using var db = browser.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task A_participant_writes_the_impact_statement_of_its_organisation_on_a_phone_and_finds_its_versions()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync(phone: true);
        await page.SignInAsync(DemoAppFixture.Participant);

        await page.OpenAsync($"/labs/{lab}/impact");
        await Expect(page.Locator("[data-organisation='Médecins du Monde']")).ToContainTextAsync("Mon organisation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Écrire la déclaration d'impact de Médecins du Monde" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Déclaration d'impact — Médecins du Monde", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        // Each prompt comes with its explanation.
        await Expect(page.GetByText("retirez ce qui se serait produit de toute façon", new() { Exact = false })).ToBeVisibleAsync();

        await page.Locator("#statement-change").FillAsync("Que les personnes exclues des soins soient soignées et entendues");
        await page.GetByLabel("Bénéficiaires").CheckAsync();
        await page.GetByLabel("Social", new() { Exact = true }).CheckAsync();
        await page.Locator("#statement-attribution").FillAsync("Les consultations que personne d'autre n'assure dans le quartier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la déclaration" }).ClickAsync();
        await Expect(page.Locator("[data-revision='1']")).ToBeVisibleAsync();

        await page.Locator("#statement-significance").FillAsync("Oui : sans nous, ces personnes ne verraient aucun médecin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la déclaration" }).ClickAsync();
        var latest = page.Locator("[data-revision='2']");
        await Expect(latest).ToContainTextAsync("Paula (Médecins du Monde)");
        await Expect(latest).ToContainTextAsync("différence réelle");
        // The first version stays readable as it was, by keyboard.
        var first = page.Locator("[data-revision='1']");
        await first.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(first.Locator("dd").Last).ToHaveTextAsync("(pas de réponse)");

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width} px wide on a 360 px screen.");
    }

    [Fact]
    public async Task The_pilot_group_builds_a_hypothesis_with_two_indicators_measures_it_and_concludes()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);

        // From the impact cycle to the impact pages.
        await page.OpenAsync($"/labs/{lab}/cycles/Impact");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir l'impact social" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Impact social", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle hypothèse" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "SAW-B" }).ClickAsync();
        await dialog.Locator("#hypothesis-statement").FillAsync("Un annuaire des occupants fait naître des collaborations entre organisations");
        await dialog.Locator("#hypothesis-stakeholders").FillAsync("Les équipes des occupants");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hypothèse d'impact — SAW-B", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("hypothesis-status")).ToHaveTextAsync("Ouverte");

        var nextYear = $"{DateTime.UtcNow.Year + 1}-12-31";
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un indicateur" }).ClickAsync();
        await page.Locator("#indicator-name").FillAsync("Collaborations nouvelles");
        await page.Locator("#indicator-baseline-value").FillAsync("0");
        await page.Locator("#indicator-target-value").FillAsync("6");
        await page.Locator("#indicator-target-date").FillAsync(nextYear);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'indicateur" }).ClickAsync();
        await Expect(page.Locator("[data-indicator='Collaborations nouvelles']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un indicateur" }).ClickAsync();
        await page.Locator("#indicator-name").FillAsync("Heures de travail partagées");
        await page.GetByTestId("indicator-form").Locator(".mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Heures" }).ClickAsync();
        await page.Locator("#indicator-baseline-value").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'indicateur" }).ClickAsync();
        await Expect(page.Locator("[data-indicator='Heures de travail partagées']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier l'indicateur Heures de travail partagées" }).ClickAsync();
        await page.GetByTestId("indicator-edit-form").Locator("#indicator-name").FillAsync("Heures partagées par mois");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'indicateur" }).ClickAsync();
        await Expect(page.Locator("[data-indicator='Heures partagées par mois']")).ToContainTextAsync("Heures");
        await Expect(page.Locator("[data-indicator]")).ToHaveCountAsync(2);

        var collaborations = page.Locator("[data-indicator='Collaborations nouvelles']");
        await collaborations.GetByRole(AriaRole.Button, new() { Name = "Ajouter une mesure — Collaborations nouvelles" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#measurement-value").FillAsync("2");
        await dialog.Locator("#measurement-note").FillAsync("Deux projets communs depuis l'annuaire");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // The figure is in the table, and on the chart as a second point after the baseline.
        var row = collaborations.Locator("tr.measurement-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Deux projets communs depuis l'annuaire");
        await Expect(row.Locator("td").First).ToHaveTextAsync("2");
        await Expect(collaborations.Locator("svg.indicator-chart circle")).ToHaveCountAsync(2);
        await Expect(collaborations.Locator("svg.indicator-chart title")).ToContainTextAsync("dernière mesure 2");
        await Expect(page.GetByTestId("hypothesis-status")).ToHaveTextAsync("En cours de mesure");

        await page.Locator("#conclusion-measured").FillAsync("Deux collaborations nouvelles dès le premier mois");
        await page.Locator("#conclusion-not-sought").FillAsync("Des prêts de matériel entre occupants");
        await page.Locator("#conclusion-next").FillAsync("Ajouter les rencontres du midi à l'annuaire");
        await page.GetByRole(AriaRole.Button, new() { Name = "Conclure l'hypothèse" }).ClickAsync();
        await Expect(page.GetByTestId("hypothesis-status")).ToHaveTextAsync("Conclue");
        await Expect(page.Locator("dl.conclusion")).ToContainTextAsync("Des prêts de matériel entre occupants");
        await Expect(page.GetByTestId("unmeasured-warning")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Impact social" }).First.ClickAsync();
        var sawb = page.Locator("[data-organisation='SAW-B']");
        await Expect(sawb).ToContainTextAsync("Conclue");
        await Expect(sawb).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"Collaborations nouvelles : 2"));

        // The chain view shows the concluded hypothesis with its latest figure against the target.
        await page.OpenAsync($"/labs/{lab}/impact/chain");
        var concluded = page.Locator("[data-testid='chain-list'] li[data-chain-hypothesis]").Filter(new() { HasText = "Un annuaire des occupants fait naître des collaborations entre organisations" }).First;
        await Expect(concluded).ToContainTextAsync("(Conclue)");
        await Expect(concluded.Locator("li[data-chain-indicator='Collaborations nouvelles']")).ToContainTextAsync("2");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_pilot_group_copies_a_catalogue_indicator_collects_it_by_questionnaire_and_confirms_a_measurement_proposed_from_answers()
    {
        var lab = await BotaAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoAppFixture.Pilot);

        await page.OpenAsync($"/labs/{lab}/impact");
        await page.GetByRole(AriaRole.Link, new() { Name = "Catalogue d'indicateurs" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalogue d'indicateurs", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await page.AssertNoSeriousViolationsAsync();

        // A catalogue entry is copied into Financité's hypothesis, never edited in place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Copier dans une hypothèse : « Heures de travail libérées »" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Financité" }).First.ClickAsync();
        await dialog.Locator("#copy-baseline").FillAsync("4");
        await dialog.Locator("#copy-baseline-date").FillAsync("2019-01-31");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copier dans une hypothèse" }).ClickAsync();
        var hours = page.Locator("[data-indicator='Heures de travail libérées']");
        await Expect(hours).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        // The demo survey's three answers propose a measurement of the shared area; the pilot group confirms it.
        var area = page.Locator("[data-indicator='Surface partagée']");
        await Expect(area.GetByTestId("proposal")).ToContainTextAsync("3 réponse(s)");
        await Expect(area.Locator("tr.measurement-row")).ToHaveCountAsync(0);
        await area.GetByRole(AriaRole.Button, new() { Name = "Confirmer la mesure proposée pour Surface partagée" }).ClickAsync();
        await Expect(area.Locator("tr.measurement-row")).ToHaveCountAsync(1);
        await Expect(area.Locator("tr.measurement-row td").First).ToContainTextAsync("245");
        await Expect(area.Locator("svg.indicator-chart circle")).ToHaveCountAsync(2);
        await Expect(area.GetByTestId("proposal")).ToHaveCountAsync(0);

        // The copied indicator is collected by a new questionnaire of the lab, holding its ready question.
        await hours.GetByRole(AriaRole.Button, new() { Name = "Collecter par questionnaire : Heures de travail libérées" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#collect-title").FillAsync("Suivi des heures libérées");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Collecter par questionnaire" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(hours.GetByTestId("indicator-source")).ToContainTextAsync("« Suivi des heures libérées »");
        await page.AssertNoSeriousViolationsAsync();

        Guid questionnaire;
        await using (var db = browser.CreateDbContext())
        {
            var created = await db.Questionnaires.AsNoTracking().Where(q => q.LabId == lab).ToListAsync();
            questionnaire = Assert.Single(created, q => q.Draft.Title.Fr == "Suivi des heures libérées" && q.CurrentVersionId == null).Id;
        }

        var hypothesis = page.Url;

        // The facilitator publishes it (its title is in French only, so publishing asks first).
        await page.OpenAsync($"/labs/{lab}/questionnaires/{questionnaire}");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        var publish = page.GetByRole(AriaRole.Dialog);
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publier quand même" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.Locator("#version-status")).ToContainTextAsync("Version 1 publiée");

        // Financité answers the ready question from its personal link, on a phone.
        string link;
        await using (var db = browser.CreateDbContext())
        {
            var financite = await db.Organisations.Where(o => o.Name == "Réseau Financité").Select(o => o.Id).SingleAsync();
            var (invitation, token) = Domain.Diagnostic.QuestionnaireInvitation.Create(questionnaire, financite, null, t => t, DateTimeOffset.UtcNow);
            db.QuestionnaireInvitations.Add(invitation);
            await db.SaveChangesAsync();
            link = $"/r/{token}";
        }
        var respondent = await browser.NewPageAsync(phone: true);
        await respondent.GotoAsync(link);
        await respondent.GetByLabel("Combien d'heures de travail par mois la mutualisation libère-t-elle dans votre organisation ?", new() { Exact = false }).FillAsync("12");
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Expect(respondent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Merci, vos réponses sont envoyées");

        // Back on the impact page, the answer is proposed as the indicator's measurement; the pilot group confirms it.
        await page.OpenAsync(new Uri(hypothesis).PathAndQuery);
        hours = page.Locator("[data-indicator='Heures de travail libérées']");
        await Expect(hours.GetByTestId("proposal")).ToContainTextAsync("1 réponse(s)");
        await page.WaitForInteractiveAsync();
        await hours.GetByRole(AriaRole.Button, new() { Name = "Confirmer la mesure proposée pour Heures de travail libérées" }).ClickAsync();
        await Expect(hours.Locator("tr.measurement-row")).ToHaveCountAsync(1);
        await Expect(hours.Locator("tr.measurement-row td").First).ToContainTextAsync("12");
        await Expect(hours.Locator("svg.indicator-chart circle")).ToHaveCountAsync(2);
        await Expect(hours.GetByTestId("proposal")).ToHaveCountAsync(0);
    }

}
