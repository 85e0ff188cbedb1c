using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Workshops;
using static Microsoft.Playwright.Assertions;

namespace Mutualisons.EndToEndTests.Journeys;

/// <summary>
/// Three people join a running workshop of Bota 75 from 360-px phones, write notes, spend dots and place the
/// notes on the 2×2 while the facilitator moves the room on; one phone loses its network and comes back with
/// its vote intact and its typed text kept. axe checks the door and the room.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class WorkshopRoomJourney(BrowserFixture browser)
{
    private sealed record Room(Guid WorkshopId, string Code, Guid VoteId, Guid MatrixId);

    private async Task<Room> ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = browser.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
        var activity = new Activity(lab.Id, "Atelier constitutif", ActivityKind.Workshop, null, [Cycle.Diagnostic], now, "Tri postal", ParticipationLevel.Deliberation, now);
        var workshop = new Workshop(lab.Id, activity.Id, "Atelier constitutif", now);
        var ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Que mettre en commun", IdeasPerPerson: 3));
        var vote = workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer", SourceStepId: ideas.Id, DotsPerPerson: 3, MaxDotsPerItem: 2));
        var matrix = workshop.AddStep(WorkshopStepKind.Matrix, new StepSettings("Placez les idées", SourceStepId: ideas.Id));
        workshop.Start(now);
        db.AddRange(activity, workshop);
        await db.SaveChangesAsync();
        return new Room(workshop.Id, workshop.JoinCode, vote.Id, matrix.Id);
    }

    /// <summary>The facilitator takes the room to a step: saved, then signalled as the console does.</summary>
    private async Task GoToAsync(Guid workshopId, Guid stepId)
    {
        await using var db = browser.CreateDbContext();
        var workshop = await db.Workshops.SingleAsync(w => w.Id == workshopId);
        workshop.GoTo(stepId);
        await db.SaveChangesAsync();
        await WorkshopSignals.NotifyAsync(db, workshopId, WorkshopChange.Room);
    }

    private static async Task JoinAsync(IPage phone, Room room, string name, bool checkAccessibility)
    {
        await phone.GotoAsync("/w");
        if (checkAccessibility)
        {
            await phone.AssertNoSeriousViolationsAsync();
        }
        // Typed loosely: lower case, a space in the middle.
        await phone.Locator("#room-code").FillAsync($"{room.Code[..4].ToLowerInvariant()} {room.Code[4..]}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Atelier constitutif" })).ToBeVisibleAsync();
        if (checkAccessibility)
        {
            await phone.AssertNoSeriousViolationsAsync();
        }
        await phone.Locator("#room-name").FillAsync(name);
        await phone.Locator("input[name=organisation]").First.CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Entrer" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Que mettre en commun" })).ToBeVisibleAsync();
        // The live stream is open: the page will follow the room.
        await Expect(phone.Locator(".room-status")).ToHaveAttributeAsync("data-state", "online");
    }

    [Fact]
    public async Task Three_phones_write_vote_and_place_and_one_comes_back_from_offline_with_nothing_lost()
    {
        var room = await ArrangeAsync();
        var phones = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await browser.NewPageAsync(phone: true));
        }
        try
        {
            await JoinAsync(phones[0], room, "Amina", checkAccessibility: true);
            await JoinAsync(phones[1], room, "Bart", checkAccessibility: false);
            await JoinAsync(phones[2], room, "Chloé", checkAccessibility: false);
            await phones[0].AssertNoSeriousViolationsAsync();

            string[] notes = ["Un label écologique", "Un conseil des occupants", "Une cuisine partagée"];
            for (var i = 0; i < 3; i++)
            {
                await phones[i].Locator("#room-note").FillAsync(notes[i]);
                await phones[i].GetByRole(AriaRole.Button, new() { Name = "Envoyer l'idée" }).ClickAsync();
                await Expect(phones[i].Locator(".room-notes li")).ToHaveTextAsync([notes[i]]);
            }

            // The third phone loses its network while its owner types: the text stays in the phone.
            var offline = phones[2];
            await offline.Context.SetOfflineAsync(true);
            await Expect(offline.Locator(".room-status")).ToHaveAttributeAsync("data-state", "reconnecting");
            await offline.Locator("#room-note").FillAsync("Texte tapé hors ligne");
            await offline.Context.SetOfflineAsync(false);
            await offline.ReloadAsync();
            await Expect(offline.Locator("#room-note")).ToHaveValueAsync("Texte tapé hors ligne");

            // The facilitator moves on: idle phones follow by themselves, the one with typed text is asked.
            await GoToAsync(room.WorkshopId, room.VoteId);
            await Expect(phones[0].GetByRole(AriaRole.Heading, new() { Name = "Par quoi commencer" })).ToBeVisibleAsync();
            await Expect(phones[1].GetByRole(AriaRole.Heading, new() { Name = "Par quoi commencer" })).ToBeVisibleAsync();
            await Expect(offline.Locator(".room-banner")).ToBeVisibleAsync();
            await offline.Locator(".room-banner button").ClickAsync();
            await Expect(offline.GetByRole(AriaRole.Heading, new() { Name = "Par quoi commencer" })).ToBeVisibleAsync();
            await phones[0].AssertNoSeriousViolationsAsync();

            foreach (var phone in phones)
            {
                await phone.GetByRole(AriaRole.Button, new() { Name = "Ajouter une gommette à « Un label écologique »" }).ClickAsync();
                await Expect(phone.Locator(".room-dots-left")).ToHaveAttributeAsync("data-dots-left", "2");
            }
            // Too many on one item is refused, with the reason.
            var first = phones[0].Locator(".room-item", new() { HasText = "Un label écologique" });
            await phones[0].GetByRole(AriaRole.Button, new() { Name = "Ajouter une gommette à « Un label écologique »" }).ClickAsync();
            await Expect(first.Locator(".room-dot-count")).ToHaveAttributeAsync("data-dots", "2");
            await phones[0].GetByRole(AriaRole.Button, new() { Name = "Ajouter une gommette à « Un label écologique »" }).ClickAsync();
            await Expect(phones[0].Locator("[data-notice='Rule.Workshop.DotsPerItem']")).ToBeVisibleAsync();

            // Offline and back: the page re-reads the room, the vote is still there.
            await offline.Context.SetOfflineAsync(true);
            await Expect(offline.Locator(".room-status")).ToHaveAttributeAsync("data-state", "reconnecting");
            await offline.Context.SetOfflineAsync(false);
            await Expect(offline.Locator(".room-status")).ToHaveAttributeAsync("data-state", "online");
            await Expect(offline.Locator(".room-item", new() { HasText = "Un label écologique" }).Locator(".room-dot-count")).ToHaveAttributeAsync("data-dots", "1");

            await GoToAsync(room.WorkshopId, room.MatrixId);
            foreach (var phone in phones)
            {
                await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Placez les idées" })).ToBeVisibleAsync();
                var item = phone.Locator(".room-place", new() { HasText = "Une cuisine partagée" });
                await item.Locator("fieldset").Nth(0).Locator("label", new() { HasText = "4" }).ClickAsync();
                await item.Locator("fieldset").Nth(1).Locator("label", new() { HasText = "5" }).ClickAsync();
                await item.GetByRole(AriaRole.Button, new() { Name = "Placer" }).ClickAsync();
                await Expect(phone.Locator(".room-place", new() { HasText = "Une cuisine partagée" }).Locator("[data-placed]")).ToHaveAttributeAsync("data-placed", "4,5");
            }
            await phones[1].AssertNoSeriousViolationsAsync();

            await using var db = browser.CreateDbContext();
            Assert.Equal(3, await db.WorkshopParticipants.CountAsync(p => p.WorkshopId == room.WorkshopId));
            Assert.Equal(3, await db.WorkshopNotes.CountAsync(n => n.WorkshopId == room.WorkshopId));
            Assert.Equal(4, await db.WorkshopAnswers.Where(a => a.StepId == room.VoteId).SumAsync(a => a.Dots));
            Assert.Equal(3, await db.WorkshopAnswers.CountAsync(a => a.StepId == room.MatrixId && a.X == 4 && a.Y == 5));
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.Context.CloseAsync();
            }
        }
    }
}
