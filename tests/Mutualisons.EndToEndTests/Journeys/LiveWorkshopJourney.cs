using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// The whole workshop: a facilitator prepares it from the constitutive template and runs it from the console
/// with a big screen open; three people of three organisations join from 360-px phones, write notes, vote on
/// the clusters and place them on the 2×2; one phone loses its network and keeps its vote; the notes become two
/// needs and one experiment, the participation ladder shows the three organisations at the level offered, and
/// the CSV export reads back. axe checks the list, the console and the big screen.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LiveWorkshopJourney(BrowserFixture browser)
{
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Lets a clicked button's ripple fade (it is drawn over the label for a moment) before axe measures
    /// contrast: the pointer leaves and the fade's second passes.
    /// </summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForTimeoutAsync(1200);
    }

    private static async Task JoinAsync(IPage phone, string code, string name, int organisation)
    {
        await phone.GotoAsync($"/w/{code}");
        await phone.Locator("#room-name").FillAsync(name);
        await phone.Locator("input[name=organisation]").Nth(organisation).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Entrer" }).ClickAsync();
        await Expect(phone.Locator(".room-status")).ToHaveAttributeAsync("data-state", "online");
    }

    private static async Task WriteAsync(IPage phone, string text)
    {
        await phone.Locator("#room-note").FillAsync(text);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'idée" }).ClickAsync();
        await Expect(phone.Locator(".room-notes li", new() { HasText = text })).ToBeVisibleAsync();
    }

    private static async Task NextAsync(IPage console, int expectedStep)
    {
        await console.GetByTestId("step-next").ClickAsync();
        await Expect(console.GetByTestId("current-step")).ToContainTextAsync($"Étape {expectedStep} sur 6");
    }

    [Fact]
    public async Task A_facilitator_runs_ideas_grouping_dots_and_the_2x2_with_three_phones_and_the_room_lands_in_the_cycles()
    {
        var suffix = Guid.NewGuid().ToString()[..6];
        var title = $"Atelier des occupants {suffix}";
        Guid lab;
        List<string> organisations;
        await using (var db = browser.CreateDbContext())
        {
            var bota = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
            lab = bota.Id;
            var members = bota.Memberships.Select(m => m.OrganisationId).ToList();
            organisations = await db.Organisations.Where(o => members.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).Take(3).ToListAsync();
        }

        var console = await browser.NewPageAsync();
        await console.SignInAsync(DemoAppFixture.Facilitator);
        await console.OpenAsync($"/labs/{lab}/workshops");
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = "Ateliers en direct", Level = 1 })).ToBeVisibleAsync();
        await console.AssertNoSeriousViolationsAsync();

        // Preparing: the workshop is planned as a cycle 2 activity offering collaboration, from the constitutive template.
        await console.GetByTestId("workshop-new").ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#workshop-title").FillAsync(title);
        await ChooseAsync(console, dialog.GetByTestId("workshop-template"), "Atelier constitutif");
        await ChooseAsync(console, dialog.Locator(".mud-select").Last, "Collaboration");
        await console.AssertNoSeriousViolationsAsync();
        await dialog.GetByTestId("workshop-create").ClickAsync();
        await Expect(console.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await console.WaitForInteractiveAsync();
        await Expect(console.Locator("li.workshop-step")).ToHaveCountAsync(6);
        await console.AssertNoSeriousViolationsAsync();

        // The room opens; the big screen follows it.
        await console.GetByTestId("workshop-start").ClickAsync();
        await Expect(console.GetByTestId("workshop-state")).ToHaveTextAsync("En cours");
        var code = (await console.GetByTestId("join-code").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        var workshopPath = new Uri(console.Url).AbsolutePath;
        var screen = await browser.NewPageAsync();
        await screen.SignInAsync(DemoAppFixture.Facilitator);
        await screen.OpenAsync($"{workshopPath}/screen");
        await Expect(screen.GetByTestId("screen-step")).ToContainTextAsync("Étape 1 sur 6");
        await Expect(screen.GetByTestId("screen-join")).ToContainTextAsync(code[..4]);
        await screen.AssertNoSeriousViolationsAsync();

        var phones = new List<IPage>();
        try
        {
            string[] names = ["Amina", "Bart", "Chloé"];
            for (var i = 0; i < 3; i++)
            {
                phones.Add(await browser.NewPageAsync(phone: true));
                await JoinAsync(phones[i], code, names[i], i);
            }
            await Expect(console.GetByTestId("joined-count")).ToHaveTextAsync("3");

            // Ideas.
            await NextAsync(console, 2);
            await Expect(screen.GetByTestId("screen-step")).ToContainTextAsync("Étape 2 sur 6");
            string[][] notes = [["Un label écologique", "Une cuisine partagée"], ["Un conseil des occupants", "Une comptable partagée"], ["Des achats groupés", "Un annuaire des occupants"]];
            for (var i = 0; i < 3; i++)
            {
                await Expect(phones[i].Locator("#room-note")).ToBeVisibleAsync();
                foreach (var note in notes[i])
                {
                    await WriteAsync(phones[i], note);
                }
            }
            await Expect(screen.Locator("li.note")).ToHaveCountAsync(6);

            // Grouping, by the facilitator.
            await NextAsync(console, 3);
            foreach (var cluster in new[] { "Vivre ensemble", "Moyens partagés" })
            {
                await console.Locator("#cluster-name").FillAsync(cluster);
                await console.GetByTestId("cluster-add").ClickAsync();
                await Expect(console.Locator($"section[aria-label='{cluster}']")).ToBeVisibleAsync();
            }
            foreach (var (note, cluster) in new[] { ("Un label écologique", "Vivre ensemble"), ("Un conseil des occupants", "Vivre ensemble"), ("Un annuaire des occupants", "Vivre ensemble"),
                ("Une cuisine partagée", "Moyens partagés"), ("Une comptable partagée", "Moyens partagés"), ("Des achats groupés", "Moyens partagés") })
            {
                await console.GetByLabel($"Groupe du post-it « {note} »").SelectOptionAsync(new SelectOptionValue { Label = cluster });
                await Expect(console.Locator($"section[aria-label='{cluster}'] li.note", new() { HasText = note })).ToBeVisibleAsync();
            }
            await Expect(screen.Locator("section.cluster[aria-label='Vivre ensemble'] li.note")).ToHaveCountAsync(3);

            // Dot vote on the clusters; one phone drops its network and comes back with its vote.
            await NextAsync(console, 4);
            foreach (var phone in phones)
            {
                await phone.GetByRole(AriaRole.Button, new() { Name = "Ajouter une gommette à « Vivre ensemble »" }).ClickAsync();
                await Expect(phone.Locator(".room-item", new() { HasText = "Vivre ensemble" }).Locator(".room-dot-count")).ToHaveAttributeAsync("data-dots", "1");
            }
            var shaky = phones[2];
            await shaky.Context.SetOfflineAsync(true);
            await Expect(shaky.Locator(".room-status")).ToHaveAttributeAsync("data-state", "reconnecting");
            await shaky.Context.SetOfflineAsync(false);
            await Expect(shaky.Locator(".room-status")).ToHaveAttributeAsync("data-state", "online");
            await Expect(shaky.Locator(".room-item", new() { HasText = "Vivre ensemble" }).Locator(".room-dot-count")).ToHaveAttributeAsync("data-dots", "1");
            await Expect(console.GetByTestId("answered-count")).ToHaveTextAsync("3 / 3");
            await Expect(screen.Locator(".hidden-notice")).ToBeVisibleAsync();
            await console.GetByTestId("step-reveal").ClickAsync();
            await Expect(screen.Locator("li.bar").First).ToHaveAttributeAsync("data-dots", "3");
            await Expect(screen.GetByTestId("screen-live")).ToContainTextAsync("Vivre ensemble (3 gommettes)");
            await screen.AssertNoSeriousViolationsAsync();

            // The 2×2 of the clusters.
            await NextAsync(console, 5);
            foreach (var phone in phones)
            {
                var item = phone.Locator(".room-place", new() { HasText = "Moyens partagés" });
                await item.Locator("fieldset").Nth(0).Locator("label", new() { HasText = "4" }).ClickAsync();
                await item.Locator("fieldset").Nth(1).Locator("label", new() { HasText = "5" }).ClickAsync();
                await item.GetByRole(AriaRole.Button, new() { Name = "Placer" }).ClickAsync();
                await Expect(phone.Locator(".room-place", new() { HasText = "Moyens partagés" }).Locator("[data-placed]")).ToHaveAttributeAsync("data-placed", "4,5");
            }
            await console.GetByTestId("step-reveal").ClickAsync();
            await Expect(screen.Locator("g[data-median-x='4'][data-median-y='5']")).ToHaveCountAsync(1);
            await Expect(console.GetByTestId("step-reveal")).ToContainTextAsync("Cacher les résultats");
            await SettleAsync(console);
            await console.AssertNoSeriousViolationsAsync();

            // The end: attendance goes on the activity.
            await console.GetByTestId("workshop-end").ClickAsync();
            await console.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Terminer l'atelier" }).ClickAsync();
            await Expect(console.GetByTestId("workshop-state")).ToHaveTextAsync("Terminé");
            await Expect(screen.Locator(".screen-prompt")).ToContainTextAsync("Merci");
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.Context.CloseAsync();
            }
            await screen.Context.CloseAsync();
        }

        // After the room: two needs and one experiment, in one action each.
        await console.GetByTestId("workshop-outcomes").ClickAsync();
        await console.WaitForInteractiveAsync();
        async Task ConvertAsync(ILocator row, string button)
        {
            await row.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            var convert = console.GetByRole(AriaRole.Dialog);
            await convert.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Expect(convert).ToHaveCountAsync(0);
            await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        }
        await ConvertAsync(console.Locator("li[data-cluster]", new() { HasText = "Vivre ensemble" }), "En faire un besoin");
        await ConvertAsync(console.Locator("li[data-note]", new() { HasText = "Une comptable partagée" }), "En faire un besoin");
        await ConvertAsync(console.Locator("li[data-cluster]", new() { HasText = "Moyens partagés" }), "En faire une expérimentation");
        await SettleAsync(console);
        await console.AssertNoSeriousViolationsAsync();

        await using (var db = browser.CreateDbContext())
        {
            var needs = await db.DiagnosticNeeds.Where(n => n.LabId == lab).Select(n => n.Text).ToListAsync();
            Assert.Contains(needs, n => n.Contains("Vivre ensemble", StringComparison.Ordinal));
            Assert.Contains(needs, n => n.Contains("Une comptable partagée", StringComparison.Ordinal));
            var experiment = await db.Experiments.SingleAsync(e => e.LabId == lab && EF.Functions.Like(e.Title, "Moyens partagés%"));
            Assert.Equal((4, 5), (experiment.Feasibility, experiment.ImpactScore));
        }

        // The participation ladder shows the three organisations at the level the workshop offered.
        await console.OpenAsync($"/labs/{lab}/publics");
        foreach (var organisation in organisations)
        {
            await Expect(console.Locator($"tr[data-stakeholder=\"{organisation}\"] td[data-cycle=Publics]")).ToContainTextAsync("Collaboration");
        }

        // The export reads back while the workshop is kept for the synthesis.
        var csv = await console.Context.APIRequest.GetAsync($"{workshopPath}/export.csv");
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        foreach (var expected in new[] { "Vivre ensemble", "Une cuisine partagée", "Amina", "Moyens partagés" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}
