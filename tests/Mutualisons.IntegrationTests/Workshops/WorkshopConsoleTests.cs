using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Publics.Activities;
using Mutualisons.Web.Features.Workshops;
using Mutualisons.Web.Features.Workshops.Console;
using Mutualisons.Web.Features.Workshops.Preparation;
using Mutualisons.Web.Features.Workshops.Room;

namespace Mutualisons.IntegrationTests.Workshops;

/// <summary>
/// The facilitator's side on PostgreSQL: a workshop planned as its activity from a template, its steps prepared,
/// the room run from the console (moves, submissions, reveal, versions), clusters, notes and participants taken
/// out, and rights.
/// </summary>
public sealed class WorkshopConsoleTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<(Guid Lab, Guid Organisation)> LabAsync()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
        return (lab.Id, lab.Memberships[0].OrganisationId);
    }

    private static ActivityInput Planned(string title = "Atelier constitutif") => new()
    {
        Title = title,
        Kind = ActivityKind.Workshop,
        Cycles = [Cycle.Publics, Cycle.ToolConfiguration],
        Date = new DateTime(2026, 12, 10),
        Place = "Tri postal",
        LevelOffered = ParticipationLevel.Deliberation,
    };

    private Task<SaveResult> CreateAsync(string who, Guid lab, ActivityInput input, string? template) =>
        app.AsAsync<WorkshopPreparationService, SaveResult>(who, s => s.CreateAsync(lab, input, template));

    private Task<T> ConsoleAsync<T>(Func<WorkshopConsoleService, Task<T>> use, string who = Pilot) => app.AsAsync(who, use);

    private Task<T> RoomAsync<T>(Func<WorkshopRoomService, Task<T>> use) => app.AsAsync<WorkshopRoomService, T>(null, use);

    private async Task<Workshop> WorkshopAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private async Task<string> JoinAsync(Workshop workshop, Guid organisation, string name)
    {
        var (result, secret) = await RoomAsync(s => s.JoinAsync(workshop.JoinCode, new JoinInput(name, organisation, null), null, "fr"));
        Assert.True(result.Succeeded, result.MessageKey);
        return secret!;
    }

    [Fact]
    public async Task A_workshop_from_the_constitutive_template_is_planned_as_its_activity_with_steps_working_on_their_copies()
    {
        var (lab, _) = await LabAsync();

        var result = await CreateAsync(Pilot, lab, Planned(), BuiltInTemplates.Prefix + "constitutive");

        Assert.True(result.Succeeded, result.MessageKey);
        var workshop = await WorkshopAsync(result.Id!.Value);
        await using var db = app.CreateDbContext();
        var activity = await db.Activities.SingleAsync(a => a.Id == workshop.ActivityId);
        Assert.Equal(("Atelier constitutif", ActivityKind.Workshop, ParticipationLevel.Deliberation, "Tri postal"), (activity.Title, activity.Kind, activity.LevelOffered, activity.Place));
        Assert.Equal([Cycle.Publics, Cycle.ToolConfiguration], activity.Cycles.Order());
        var steps = workshop.Steps;
        Assert.Equal([WorkshopStepKind.Information, WorkshopStepKind.Ideas, WorkshopStepKind.Grouping, WorkshopStepKind.DotVote, WorkshopStepKind.Matrix, WorkshopStepKind.ConsentRound], steps.Select(s => s.Kind));
        Assert.Equal(steps[1].Id, steps[2].SourceStepId);
        Assert.Equal(steps[2].Id, steps[3].SourceStepId);
        Assert.Equal(steps[2].Id, steps[4].SourceStepId);
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Prompt)));
        Assert.Equal(WorkshopState.Preparing, workshop.State);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.LabId == lab && (e.SubjectId == workshop.Id || e.SubjectId == activity.Id)));
    }

    [Fact]
    public async Task A_workshop_saved_as_a_template_starts_the_next_one_with_the_same_steps_and_the_template_stays()
    {
        var (lab, _) = await LabAsync();
        var first = (await CreateAsync(Pilot, lab, Planned(), BuiltInTemplates.Prefix + "prioritisation")).Id!.Value;
        var workshop = await WorkshopAsync(first);
        var vote = workshop.Steps[1];
        var changed = await app.AsAsync<WorkshopPreparationService, SaveResult>(Pilot, s => s.ConfigureStepAsync(lab, first, vote.Id,
            new StepInput { Kind = WorkshopStepKind.DotVote, Prompt = "Nos priorités", SourceStepId = workshop.Steps[0].Id, DotsPerPerson = 4, MaxDotsPerItem = 1 }, workshop.Version));
        Assert.True(changed.Succeeded, changed.MessageKey);

        var saved = await app.AsAsync<WorkshopPreparationService, SaveResult>(Pilot, s => s.SaveAsTemplateAsync(lab, first, "Notre priorisation"));
        var second = await CreateAsync(Pilot, lab, Planned("Deuxième séance"), saved.Id!.Value.ToString());

        Assert.True(second.Succeeded, second.MessageKey);
        var copy = await WorkshopAsync(second.Id!.Value);
        Assert.Equal(workshop.Steps.Select(s => s.Kind), copy.Steps.Select(s => s.Kind));
        Assert.Equal(("Nos priorités", 4, 1), (copy.Steps[1].Prompt, copy.Steps[1].DotsPerPerson, copy.Steps[1].MaxDotsPerItem));
        Assert.Equal(copy.Steps[0].Id, copy.Steps[1].SourceStepId);
        var view = await app.AsAsync<WorkshopPreparationService, LabWorkshops?>(Pilot, s => s.GetAsync(lab));
        Assert.Equal(["Notre priorisation"], view!.Templates.Select(t => t.Name));
        Assert.Contains(view.Workshops, w => w.Id == first);
        Assert.Contains(view.Workshops, w => w.Id == second.Id && w.Title == "Deuxième séance" && w.Steps == 4);
        Assert.Equal("Rule.Workshop.TemplateUnknown", (await CreateAsync(Pilot, lab, Planned(), Guid.NewGuid().ToString())).MessageKey);
    }

    [Fact]
    public async Task Steps_are_validated_reordered_and_removed_and_a_stale_version_is_a_conflict()
    {
        var (lab, _) = await LabAsync();
        var id = (await CreateAsync(Pilot, lab, Planned(), null)).Id!.Value;
        var prepare = (Func<WorkshopPreparationService, Task<SaveResult>> use) => app.AsAsync(Pilot, use);

        var empty = await prepare(s => s.AddStepAsync(lab, id, new StepInput { Kind = WorkshopStepKind.Ideas, Prompt = " " }, 0));
        Assert.Equal(SaveStatus.Invalid, empty.Status);
        Assert.True(empty.Errors!.ContainsKey(nameof(StepInput.Prompt)));
        var version = (await WorkshopAsync(id)).Version;
        Assert.True((await prepare(s => s.AddStepAsync(lab, id, new StepInput { Kind = WorkshopStepKind.Ideas, Prompt = "Vos idées ?" }, version))).Succeeded);
        var afterIdeas = await WorkshopAsync(id);
        var poll = new StepInput { Kind = WorkshopStepKind.Poll, Prompt = "Quel jour ?", Options = "Lundi\nMardi\n\n" };
        Assert.True((await prepare(s => s.AddStepAsync(lab, id, poll, afterIdeas.Version))).Succeeded);
        Assert.Equal(SaveStatus.Conflict, (await prepare(s => s.AddStepAsync(lab, id, poll, afterIdeas.Version))).Status);
        var onePoll = new StepInput { Kind = WorkshopStepKind.Poll, Prompt = "Quel jour ?", Options = "Lundi" };
        var current = await WorkshopAsync(id);
        Assert.Equal("Rule.Workshop.OptionsRequired", (await prepare(s => s.AddStepAsync(lab, id, onePoll, current.Version))).MessageKey);

        var pollStep = current.Steps[1];
        Assert.Equal(["Lundi", "Mardi"], pollStep.Options);
        Assert.True((await prepare(s => s.MoveStepAsync(lab, id, pollStep.Id, -1, current.Version))).Succeeded);
        current = await WorkshopAsync(id);
        Assert.Equal([WorkshopStepKind.Poll, WorkshopStepKind.Ideas], current.Steps.Select(s => s.Kind));
        Assert.True((await prepare(s => s.RemoveStepAsync(lab, id, pollStep.Id, current.Version))).Succeeded);
        Assert.Equal([WorkshopStepKind.Ideas], (await WorkshopAsync(id)).Steps.Select(s => s.Kind));
    }

    [Fact]
    public async Task Only_those_who_run_workshops_prepare_and_run_them_and_other_labs_do_not_see_them()
    {
        var (lab, _) = await LabAsync();
        var id = (await CreateAsync(Pilot, lab, Planned(), BuiltInTemplates.Prefix + "diagnostic")).Id!.Value;
        var version = (await WorkshopAsync(id)).Version;

        Assert.Equal(SaveStatus.Forbidden, (await CreateAsync(DemoAppFixture.Observer, lab, Planned(), null)).Status);
        Assert.Equal(SaveStatus.Forbidden, (await ConsoleAsync(s => s.StartAsync(lab, id, version), DemoAppFixture.Observer)).Status);
        Assert.Equal(SaveStatus.NotFound, (await ConsoleAsync(s => s.StartAsync(lab, id, version), DemoAppFixture.Coordination)).Status);
        Assert.Null(await ConsoleAsync(s => s.ReadAsync(lab, id), DemoAppFixture.Coordination));
        Assert.Null(await ConsoleAsync(s => s.ReadAsync(lab, Guid.NewGuid())));
        var observed = await ConsoleAsync(s => s.ReadAsync(lab, id), DemoAppFixture.Observer);
        Assert.False(observed!.MayRun);
        Assert.Equal(WorkshopState.Preparing, (await WorkshopAsync(id)).State);
    }

    [Fact]
    public async Task The_console_moves_the_room_closes_and_reveals_and_the_phones_follow()
    {
        var (lab, organisation) = await LabAsync();
        var id = (await CreateAsync(Pilot, lab, Planned(), BuiltInTemplates.Prefix + "prioritisation")).Id!.Value;
        var prepared = (await WorkshopAsync(id)).Version;
        Assert.True((await ConsoleAsync(s => s.StartAsync(lab, id, prepared))).Succeeded);
        var workshop = await WorkshopAsync(id);
        var secret = await JoinAsync(workshop, organisation, "Amina");
        var ideas = workshop.Steps[0];
        Assert.True((await RoomAsync(s => s.WriteNoteAsync(id, secret, ideas.Id, "Une cuisine partagée"))).Succeeded);

        Assert.True((await ConsoleAsync(s => s.AdvanceAsync(lab, id, 1, workshop.Version))).Succeeded);
        Assert.Equal(SaveStatus.Conflict, (await ConsoleAsync(s => s.AdvanceAsync(lab, id, 1, workshop.Version))).Status);
        workshop = await WorkshopAsync(id);
        var vote = workshop.Steps[1];
        var phone = await RoomAsync(s => s.ViewAsync(id, secret));
        Assert.Equal(vote.Id, phone!.Step!.Id);
        Assert.Equal("Rule.Workshop.StepClosed", (await RoomAsync(s => s.WriteNoteAsync(id, secret, ideas.Id, "Trop tard"))).MessageKey);
        var item = phone.Items.Single().Key;
        Assert.True((await RoomAsync(s => s.GiveDotsAsync(id, secret, vote.Id, item, 2))).Succeeded);
        Assert.Null(phone.Results);

        var console = await ConsoleAsync(s => s.ReadAsync(lab, id));
        Assert.Equal((1, 1, true), (console!.Joined, console.Current!.Answered, console.Participants.Single().AnsweredCurrent));
        Assert.Equal(2, console.Current.Dots.Single().Dots);
        var screen = await ConsoleAsync(s => s.ReadAsync(lab, id, forScreen: true));
        Assert.True(screen!.Current!.Hidden);
        Assert.Empty(screen.Current.Dots);

        Assert.True((await ConsoleAsync(s => s.RevealAsync(lab, id, vote.Id, true, workshop.Version))).Succeeded);
        workshop = await WorkshopAsync(id);
        Assert.True((await ConsoleAsync(s => s.SetSubmissionsAsync(lab, id, vote.Id, false, workshop.Version))).Succeeded);
        Assert.Equal("Rule.Workshop.StepClosed", (await RoomAsync(s => s.GiveDotsAsync(id, secret, vote.Id, item, 1))).MessageKey);
        screen = await ConsoleAsync(s => s.ReadAsync(lab, id, forScreen: true));
        Assert.Equal(2, screen!.Current!.Dots.Single().Dots);
        Assert.Equal(2, (await RoomAsync(s => s.ViewAsync(id, secret)))!.Results!.Dots.Single().Dots);

        workshop = await WorkshopAsync(id);
        Assert.Equal("Rule.Workshop.StepNotCurrent", (await ConsoleAsync(s => s.SetSubmissionsAsync(lab, id, ideas.Id, true, workshop.Version))).MessageKey);
        Assert.True((await ConsoleAsync(s => s.SetTimerAsync(lab, id, vote.Id, 5, workshop.Version))).Succeeded);
        Assert.NotNull((await WorkshopAsync(id)).Step(vote.Id).TimerEndsAt);
        workshop = await WorkshopAsync(id);
        Assert.True((await ConsoleAsync(s => s.EndAsync(lab, id, workshop.Version))).Succeeded);
        Assert.False((await WorkshopAsync(id)).AcceptsJoins(DateTimeOffset.UtcNow));
        Assert.Equal(WorkshopState.Ended, (await RoomAsync(s => s.ViewAsync(id, secret)))!.State);
    }

    [Fact]
    public async Task Notes_are_gathered_in_clusters_and_a_note_or_a_participant_taken_out_stops_counting()
    {
        var (lab, organisation) = await LabAsync();
        var id = (await CreateAsync(Pilot, lab, Planned(), BuiltInTemplates.Prefix + "diagnostic")).Id!.Value;
        var prepared = (await WorkshopAsync(id)).Version;
        Assert.True((await ConsoleAsync(s => s.StartAsync(lab, id, prepared))).Succeeded);
        var workshop = await WorkshopAsync(id);
        Assert.True((await ConsoleAsync(s => s.AdvanceAsync(lab, id, 1, workshop.Version))).Succeeded);
        workshop = await WorkshopAsync(id);
        var ideas = workshop.Steps[1];
        var amina = await JoinAsync(workshop, organisation, "Amina");
        var joris = await JoinAsync(workshop, organisation, "Joris");
        Assert.True((await RoomAsync(s => s.WriteNoteAsync(id, amina, ideas.Id, "Un local de stockage"))).Succeeded);
        Assert.True((await RoomAsync(s => s.WriteNoteAsync(id, joris, ideas.Id, "Une comptable partagée"))).Succeeded);
        Assert.True((await RoomAsync(s => s.WriteNoteAsync(id, joris, ideas.Id, "hors sujet"))).Succeeded);
        Assert.True((await ConsoleAsync(s => s.AdvanceAsync(lab, id, 1, workshop.Version))).Succeeded);
        var grouping = workshop.Steps[2];

        var cluster = await ConsoleAsync(s => s.AddClusterAsync(lab, id, grouping.Id, "Lieux"));
        Assert.True(cluster.Succeeded, cluster.MessageKey);
        Assert.Equal("Rule.Workshop.WrongStep", (await ConsoleAsync(s => s.AddClusterAsync(lab, id, ideas.Id, "Mauvais"))).MessageKey);
        var state = await ConsoleAsync(s => s.ReadAsync(lab, id));
        var notes = state!.Current!.Notes;
        Assert.Equal(3, notes.Count);
        Assert.True((await ConsoleAsync(s => s.PutNoteAsync(lab, id, notes[0].Id, cluster.Id))).Succeeded);
        Assert.True((await ConsoleAsync(s => s.RemoveNoteAsync(lab, id, notes[2].Id))).Succeeded);
        Assert.True((await ConsoleAsync(s => s.RemoveParticipantAsync(lab, id, state.Participants.Single(p => p.Name == "Joris").Id))).Succeeded);

        state = await ConsoleAsync(s => s.ReadAsync(lab, id));
        Assert.Equal(1, state!.Joined);
        Assert.Equal(cluster.Id, state.Current!.Notes.Single(n => n.Text == "Un local de stockage").ClusterId);
        Assert.True(state.Current.Notes.Single(n => n.Text == "hors sujet").Removed);
        Assert.Equal(["Lieux"], state.Current.Clusters.Select(c => c.Name));
        var screen = await ConsoleAsync(s => s.ReadAsync(lab, id, forScreen: true));
        Assert.DoesNotContain(screen!.Current!.Notes, n => n.Text == "hors sujet");
        Assert.All(screen.Current.Notes, n => Assert.Null(n.Author));
        Assert.Equal("Rule.Workshop.ParticipantRemoved", (await RoomAsync(s => s.WriteNoteAsync(id, joris, ideas.Id, "encore"))).MessageKey);
        Assert.Equal(SaveStatus.NotFound, (await ConsoleAsync(s => s.PutNoteAsync(lab, id, Guid.NewGuid(), cluster.Id))).Status);
    }

    [Fact]
    public async Task The_console_s_feed_re_reads_after_the_phones_taps_one_read_at_a_time_until_it_has_seen_them_all()
    {
        var (lab, organisation) = await LabAsync();
        var id = (await CreateAsync(Pilot, lab, Planned(), BuiltInTemplates.Prefix + "prioritisation")).Id!.Value;
        var prepared = (await WorkshopAsync(id)).Version;
        Assert.True((await ConsoleAsync(s => s.StartAsync(lab, id, prepared))).Succeeded);
        var workshop = await WorkshopAsync(id);
        var signals = app.Factory.Services.GetRequiredService<WorkshopSignals>();
        await SignalProbe.ListeningAsync(app.Factory.Services);
        var reads = 0;
        var concurrent = 0;
        var overlapped = false;
        var sawAll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var feed = new WorkshopFeed(signals, id, async (_, cancellationToken) =>
        {
            overlapped |= Interlocked.Increment(ref concurrent) > 1;
            Interlocked.Increment(ref reads);
            var state = await app.AsAsync<WorkshopConsoleService, WorkshopRoomState?>(Pilot, s => s.ReadAsync(lab, id, cancellationToken: cancellationToken));
            if (state!.Current!.Notes.Count == 9)
            {
                sawAll.TrySetResult();
            }
            Interlocked.Decrement(ref concurrent);
        });

        var phones = new List<string>();
        foreach (var name in new[] { "Amina", "Joris", "Lucie" })
        {
            phones.Add(await JoinAsync(workshop, organisation, name));
        }
        await Task.WhenAll(phones.Select(async secret =>
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True((await RoomAsync(s => s.WriteNoteAsync(id, secret, workshop.Steps[0].Id, $"Idée {i}"))).Succeeded);
            }
        }));

        await sawAll.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await feed.Idle.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.InRange(reads, 1, 12);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_paced_feed_lets_its_pace_pass_between_two_reads_and_its_last_read_follows_the_last_signal()
    {
        var signals = app.Factory.Services.GetRequiredService<WorkshopSignals>();
        await SignalProbe.ListeningAsync(app.Factory.Services);
        var workshopId = Guid.NewGuid();
        var pace = TimeSpan.FromMilliseconds(300);
        var starts = new System.Collections.Concurrent.ConcurrentQueue<long>();
        // When each signal reached the instance: subscribed before the feed, so it is stamped before the feed hears it.
        long lastHeard = 0;
        var heard = 0;
        using var hearing = signals.Subscribe(workshopId, _ =>
        {
            Interlocked.Exchange(ref lastHeard, System.Diagnostics.Stopwatch.GetTimestamp());
            Interlocked.Increment(ref heard);
        });
        await using var feed = new WorkshopFeed(signals, workshopId, (_, _) =>
        {
            starts.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }, pace: pace);

        // A signal every 20 ms for a second and a half, as a busy vote sends them.
        var sent = 0;
        await using (var db = app.CreateDbContext())
        {
            var sending = System.Diagnostics.Stopwatch.StartNew();
            while (sending.Elapsed < TimeSpan.FromSeconds(1.5))
            {
                await WorkshopSignals.NotifyAsync(db, workshopId, WorkshopChange.Answers);
                sent++;
                await Task.Delay(20);
            }
        }
        // Every signal heard, then the read the last one asked for.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref heard) < sent && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
        await Task.Delay(pace * 2);
        await feed.Idle.WaitAsync(TimeSpan.FromSeconds(10));

        var reads = starts.ToArray();
        Assert.True(reads[^1] > Interlocked.Read(ref lastHeard), "No read began after the last signal.");
        Assert.InRange(reads.Length, 3, 8);
        for (var i = 1; i < reads.Length; i++)
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(reads[i - 1], reads[i]) >= pace - TimeSpan.FromMilliseconds(5),
                $"Reads {i - 1} and {i} started {System.Diagnostics.Stopwatch.GetElapsedTime(reads[i - 1], reads[i]).TotalMilliseconds} ms apart.");
        }
    }
}
