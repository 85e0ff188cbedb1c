using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Workshops;
using Mutualisons.Web.Features.Workshops.Room;

namespace Mutualisons.IntegrationTests.Workshops;

/// <summary>
/// The room on PostgreSQL: joining with a code, what phones send and what is refused, budgets that hold under
/// taps at once, and a change made through one app instance reaching a page served by another.
/// </summary>
public sealed class WorkshopRoomTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private sealed record Room(Guid WorkshopId, string Code, Guid IdeasId, Guid VoteId, Guid MatrixId, Guid OrganisationId);

    /// <summary>A running workshop of Bota 75, on its own new activity: ideas, then a dot vote and a 2×2 on them.</summary>
    private async Task<Room> RunningRoomAsync(bool start = true)
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
        var activity = new Activity(lab.Id, "Atelier constitutif", ActivityKind.Workshop, null, [Cycle.Diagnostic], Now, "Tri postal", ParticipationLevel.Deliberation, Now);
        var workshop = new Workshop(lab.Id, activity.Id, activity.Title, Now);
        var ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Que mettre en commun ?", IdeasPerPerson: 2));
        var vote = workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer ?", SourceStepId: ideas.Id, DotsPerPerson: 3, MaxDotsPerItem: 2));
        var matrix = workshop.AddStep(WorkshopStepKind.Matrix, new StepSettings("Placez les idées", SourceStepId: ideas.Id));
        if (start)
        {
            workshop.Start(Now);
        }
        db.AddRange(activity, workshop);
        await db.SaveChangesAsync();
        return new Room(workshop.Id, workshop.JoinCode, ideas.Id, vote.Id, matrix.Id, lab.Memberships[0].OrganisationId);
    }

    private Task<T> InRoomAsync<T>(Func<WorkshopRoomService, Task<T>> use) => app.AsAsync<WorkshopRoomService, T>(null, use);

    private async Task<string> JoinAsync(Room room, string name)
    {
        var (result, secret) = await InRoomAsync(s => s.JoinAsync(room.Code.ToLowerInvariant().Insert(4, " "), new JoinInput(name, room.OrganisationId, null), null, Cultures.Dutch));
        Assert.Equal(SaveStatus.Saved, result.Status);
        return secret!;
    }

    private async Task ChangeWorkshopAsync(Guid workshopId, Action<Workshop> change)
    {
        await using var db = app.CreateDbContext();
        var workshop = await db.Workshops.SingleAsync(w => w.Id == workshopId);
        change(workshop);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_code_typed_on_a_phone_opens_the_room_with_the_lab_s_organisations_and_joining_keeps_a_secret_only_as_a_hash()
    {
        var room = await RunningRoomAsync();

        var gate = await InRoomAsync(s => s.FindAsync(room.Code.ToLowerInvariant()));
        var secret = await JoinAsync(room, "Amina");

        Assert.NotNull(gate);
        Assert.True(gate.AcceptsJoins);
        Assert.Contains(gate.Organisations, o => o.Id == room.OrganisationId);
        await using var db = app.CreateDbContext();
        var participant = await db.WorkshopParticipants.SingleAsync(p => p.WorkshopId == room.WorkshopId);
        Assert.Equal(("Amina", "nl", room.OrganisationId), (participant.DisplayName, participant.Culture, participant.OrganisationId!.Value));
        Assert.Equal(SecretToken.HashOf(secret), participant.SecretHash);
        Assert.DoesNotContain(secret, participant.SecretHash, StringComparison.Ordinal);
        var view = await InRoomAsync(s => s.ViewAsync(room.WorkshopId, secret));
        Assert.Equal(WorkshopStepKind.Ideas, view!.Step!.Kind);
    }

    [Fact]
    public async Task Wrong_expired_and_unprepared_codes_and_foreign_organisations_let_nobody_in()
    {
        var room = await RunningRoomAsync();
        var preparing = await RunningRoomAsync(start: false);
        var input = new JoinInput("Amina", null, "Une autre asbl");

        Assert.Null(await InRoomAsync(s => s.FindAsync("ZZZZ9999")));
        Assert.Null(await InRoomAsync(s => s.FindAsync("<script>")));
        Assert.Null(await InRoomAsync(s => s.FindAsync(preparing.Code)));
        Assert.Equal(SaveStatus.NotFound, (await InRoomAsync(s => s.JoinAsync("ZZZZ9999", input, null, "fr"))).Result.Status);
        Assert.Equal("Rule.Workshop.CodeExpired", (await InRoomAsync(s => s.JoinAsync(preparing.Code, input, null, "fr"))).Result.MessageKey);
        Assert.Equal("Rule.Workshop.OrganisationUnknown", (await InRoomAsync(s => s.JoinAsync(room.Code, input with { OrganisationId = Guid.NewGuid() }, null, "fr"))).Result.MessageKey);
        await ChangeWorkshopAsync(room.WorkshopId, w => w.End(DateTimeOffset.UtcNow));
        Assert.Equal("Rule.Workshop.CodeExpired", (await InRoomAsync(s => s.JoinAsync(room.Code, input, null, "fr"))).Result.MessageKey);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.WorkshopParticipants.CountAsync(p => p.WorkshopId == room.WorkshopId || p.WorkshopId == preparing.WorkshopId));
    }

    [Fact]
    public async Task Hostile_answers_are_refused_with_their_rule_and_leave_nothing_behind()
    {
        var room = await RunningRoomAsync();
        var secret = await JoinAsync(room, "Amina");

        Assert.Equal("Rule.Workshop.NoteInvalid", (await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, new string('x', WorkshopStep.NoteLength + 1)))).MessageKey);
        Assert.Equal(SaveStatus.Saved, (await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "Un label écologique"))).Status);
        Assert.Equal(SaveStatus.Saved, (await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "Un conseil des occupants"))).Status);
        Assert.Equal("Rule.Workshop.IdeasLimit", (await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "Une troisième"))).MessageKey);
        Assert.Equal("Rule.Workshop.StepClosed", (await InRoomAsync(s => s.GiveDotsAsync(room.WorkshopId, secret, room.VoteId, "n:x", 1))).MessageKey);
        Assert.Equal(SaveStatus.NotFound, (await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, SecretToken.New(), room.IdeasId, "Intrus"))).Status);
        Assert.Equal(SaveStatus.NotFound, (await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, "not-a-secret", room.IdeasId, "Intrus"))).Status);

        await ChangeWorkshopAsync(room.WorkshopId, w => w.GoTo(room.VoteId));
        Assert.Equal("Rule.Workshop.StepClosed", (await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "En retard"))).MessageKey);
        Assert.Equal("Rule.Workshop.ItemUnknown", (await InRoomAsync(s => s.GiveDotsAsync(room.WorkshopId, secret, room.VoteId, WorkshopItems.Note(Guid.NewGuid()), 1))).MessageKey);
        var view = await InRoomAsync(s => s.ViewAsync(room.WorkshopId, secret));
        Assert.Equal(2, view!.Items.Count);
        Assert.Equal("Rule.Workshop.DotsPerItem", (await InRoomAsync(s => s.GiveDotsAsync(room.WorkshopId, secret, room.VoteId, view.Items[0].Key, 3))).MessageKey);
        Assert.Equal(SaveStatus.Saved, (await InRoomAsync(s => s.GiveDotsAsync(room.WorkshopId, secret, room.VoteId, view.Items[0].Key, 2))).Status);
        Assert.Equal("Rule.Workshop.DotsSpent", (await InRoomAsync(s => s.GiveDotsAsync(room.WorkshopId, secret, room.VoteId, view.Items[1].Key, 2))).MessageKey);

        await ChangeWorkshopAsync(room.WorkshopId, w => w.GoTo(room.MatrixId));
        Assert.Equal("Rule.Workshop.PlacementOutside", (await InRoomAsync(s => s.PlaceAsync(room.WorkshopId, secret, room.MatrixId, view.Items[0].Key, 6, 2))).MessageKey);

        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.WorkshopNotes.CountAsync(n => n.WorkshopId == room.WorkshopId));
        var answers = await db.WorkshopAnswers.Where(a => a.WorkshopId == room.WorkshopId).ToListAsync();
        var dots = Assert.Single(answers);
        Assert.Equal(2, dots.Dots);
        var participant = await db.WorkshopParticipants.SingleAsync(p => p.WorkshopId == room.WorkshopId);
        participant.Remove(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        Assert.Equal("Rule.Workshop.ParticipantRemoved", (await InRoomAsync(s => s.PlaceAsync(room.WorkshopId, secret, room.MatrixId, view.Items[0].Key, 3, 3))).MessageKey);
        Assert.Equal(1, await db.WorkshopAnswers.CountAsync(a => a.WorkshopId == room.WorkshopId));
    }

    [Fact]
    public async Task Taps_at_the_same_moment_never_spend_more_dots_than_a_person_has_nor_count_an_item_twice()
    {
        var room = await RunningRoomAsync();
        var secret = await JoinAsync(room, "Amina");
        await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "Idée 1"));
        await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "Idée 2"));
        var other = await JoinAsync(room, "Bram");
        await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, other, room.IdeasId, "Idée de Bram"));
        await ChangeWorkshopAsync(room.WorkshopId, w => w.GoTo(room.VoteId));
        var items = (await InRoomAsync(s => s.ViewAsync(room.WorkshopId, secret)))!.Items;
        Assert.Equal(3, items.Count);

        // Twelve taps at once: one dot on each item, four times over; the budget is three.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            InRoomAsync(s => s.GiveDotsAsync(room.WorkshopId, secret, room.VoteId, items[i % 3].Key, 1))));

        Assert.All(results, r => Assert.True(r.Status is SaveStatus.Saved or SaveStatus.Refused, r.Status.ToString()));
        await using var db = app.CreateDbContext();
        var answers = await db.WorkshopAnswers.Where(a => a.StepId == room.VoteId).ToListAsync();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal(1, a.Dots));
    }

    [Fact]
    public async Task A_vote_cast_through_one_instance_reaches_a_screen_served_by_another()
    {
        var room = await RunningRoomAsync();
        var secret = await JoinAsync(room, "Amina");
        await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "Un label écologique"));
        await ChangeWorkshopAsync(room.WorkshopId, w => w.GoTo(room.VoteId));
        var item = (await InRoomAsync(s => s.ViewAsync(room.WorkshopId, secret)))!.Items.Single().Key;

        // A second instance of the app on the same database: the big screen's side.
        await using var screenInstance = new AppFactory(app.ConnectionString);
        var screenSignals = screenInstance.Services.GetRequiredService<WorkshopSignals>();
        await SignalProbe.ListeningAsync(screenInstance.Services);
        var heard = new ConcurrentQueue<WorkshopChange>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = screenSignals.Subscribe(room.WorkshopId, change =>
        {
            heard.Enqueue(change);
            if (change == WorkshopChange.Answers)
            {
                arrived.TrySetResult();
            }
        });
        using var elsewhere = screenSignals.Subscribe(Guid.NewGuid(), _ => throw new InvalidOperationException("Another workshop's page was told."));

        var cast = await InRoomAsync(s => s.GiveDotsAsync(room.WorkshopId, secret, room.VoteId, item, 2));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SaveStatus.Saved, cast.Status);
        Assert.Contains(WorkshopChange.Answers, heard);
        await using var scope = screenInstance.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Infrastructure.Persistence.MutualisonsDbContext>>().CreateDbContextAsync();
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == room.WorkshopId);
        var results = await WorkshopReading.ResultsAsync(db, workshop, workshop.Step(room.VoteId), forFacilitator: true, default);
        Assert.Equal(new DotTally(item, 2, 1), Assert.Single(results.Dots));
        Assert.True(results.Hidden);
    }

    [Fact]
    public async Task A_refused_answer_sends_no_signal()
    {
        var room = await RunningRoomAsync();
        var secret = await JoinAsync(room, "Amina");
        var signals = app.Factory.Services.GetRequiredService<WorkshopSignals>();
        await SignalProbe.ListeningAsync(app.Factory.Services);
        var heard = new ConcurrentQueue<WorkshopChange>();
        using var subscription = signals.Subscribe(room.WorkshopId, heard.Enqueue);

        await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "   "));
        await InRoomAsync(s => s.WriteNoteAsync(room.WorkshopId, secret, room.IdeasId, "Une vraie idée"));
        await Task.Delay(500);

        // A listener that came back after the database was reset tells its pages to re-read (Room): only answers count here.
        Assert.Single(heard, c => c == WorkshopChange.Answers);
    }
}
