using Mutualisons.Domain.Common;
using Mutualisons.Domain.Workshops;

namespace Mutualisons.Domain.Tests.Workshops;

/// <summary>A live workshop's rules: steps and their order, the room's moves, joining, notes, dots, 2×2, polls and consent.</summary>
public sealed class WorkshopTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    private static Workshop Prepared(out WorkshopStep ideas, out WorkshopStep vote)
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier constitutif", Now);
        ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Que pourrions-nous partager ?", IdeasPerPerson: 2));
        vote = workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Quelles idées d'abord ?", SourceStepId: ideas.Id, DotsPerPerson: 3, MaxDotsPerItem: 2));
        return workshop;
    }

    private static WorkshopParticipant Joined(Workshop workshop, string name = "Amina") =>
        new(workshop, name, Guid.NewGuid(), null, null, Cultures.French, SecretToken.New(), Now);

    private static string Code(Action act) => Assert.Throws<DomainException>(act).Code;

    [Fact]
    public void A_new_workshop_prepares_with_an_unguessable_code_and_takes_nobody_yet()
    {
        var workshop = Prepared(out _, out _);

        Assert.Equal(WorkshopState.Preparing, workshop.State);
        Assert.NotNull(JoinCode.Normalise(workshop.JoinCode));
        Assert.False(workshop.AcceptsJoins(Now));
        Assert.Equal("Workshop.CodeExpired", Code(() => Joined(workshop)));
    }

    [Fact]
    public void Codes_are_read_in_any_case_with_spaces_and_refused_when_they_cannot_be_one()
    {
        Assert.Equal("ABCD2345", JoinCode.Normalise(" abcd 2345 "));
        Assert.Equal("ABCD2345", JoinCode.Normalise("abcd-2345"));
        Assert.Null(JoinCode.Normalise("ABCD234"));
        Assert.Null(JoinCode.Normalise("ABCD234O"));
        Assert.Null(JoinCode.Normalise(null));
        Assert.NotEqual(JoinCode.New(), JoinCode.New());
        Assert.Equal("ABCD 2345", JoinCode.Display("ABCD2345"));
    }

    [Fact]
    public void Starting_opens_the_room_on_the_first_step_for_a_day()
    {
        var workshop = Prepared(out var ideas, out _);

        workshop.Start(Now);

        Assert.Equal(ideas.Id, workshop.CurrentStepId);
        Assert.True(ideas.SubmissionsOpen);
        Assert.True(workshop.AcceptsJoins(Now.AddHours(23)));
        Assert.False(workshop.AcceptsJoins(Now.AddHours(24)));
    }

    [Fact]
    public void An_empty_workshop_cannot_open()
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Vide", Now);

        Assert.Equal("Workshop.NoSteps", Code(() => workshop.Start(Now)));
    }

    [Fact]
    public void Moving_on_closes_the_step_left_and_opens_the_next_without_going_past_the_ends()
    {
        var workshop = Prepared(out var ideas, out var vote);
        workshop.Start(Now);

        workshop.Advance(1);
        Assert.Equal(vote.Id, workshop.CurrentStepId);
        Assert.False(ideas.SubmissionsOpen);
        Assert.True(vote.SubmissionsOpen);

        workshop.Advance(1);
        Assert.Equal(vote.Id, workshop.CurrentStepId);
        workshop.Advance(-1);
        workshop.Advance(-1);
        Assert.Equal(ideas.Id, workshop.CurrentStepId);
    }

    [Fact]
    public void Steps_are_reordered_and_a_step_others_work_on_or_the_room_is_on_stays()
    {
        var workshop = Prepared(out var ideas, out var vote);
        var info = workshop.AddStep(WorkshopStepKind.Information, new StepSettings("Bienvenue"));

        workshop.MoveStep(info.Id, -1);
        workshop.MoveStep(info.Id, -1);
        Assert.Equal([info.Id, ideas.Id, vote.Id], workshop.Steps.Select(s => s.Id));

        Assert.Equal("Workshop.StepIsSource", Code(() => workshop.RemoveStep(ideas.Id)));
        workshop.Start(Now);
        Assert.Equal("Workshop.StepIsCurrent", Code(() => workshop.RemoveStep(info.Id)));
        workshop.RemoveStep(vote.Id);
        Assert.Equal([0, 1], workshop.Steps.Select(s => s.Position));
    }

    [Fact]
    public void A_step_works_only_on_an_ideas_or_grouping_step_of_its_own_workshop()
    {
        var workshop = Prepared(out var ideas, out _);
        var other = Prepared(out var foreignIdeas, out _);
        var grouping = workshop.AddStep(WorkshopStepKind.Grouping, new StepSettings("Regroupons", SourceStepId: ideas.Id));

        Assert.Equal("Workshop.SourceInvalid", Code(() => workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("?", SourceStepId: foreignIdeas.Id))));
        Assert.Equal("Workshop.SourceInvalid", Code(() => workshop.AddStep(WorkshopStepKind.Grouping, new StepSettings("?", SourceStepId: grouping.Id))));
        Assert.Equal("Workshop.SourceRequired", Code(() => workshop.AddStep(WorkshopStepKind.Grouping, new StepSettings("?"))));
        Assert.Equal("Workshop.ItemsRequired", Code(() => workshop.AddStep(WorkshopStepKind.Matrix, new StepSettings("?"))));
        var matrix = workshop.AddStep(WorkshopStepKind.Matrix, new StepSettings("Placez les groupes", SourceStepId: grouping.Id));
        Assert.False(matrix.WorksOnOptions);
        Assert.Equal(4, workshop.Steps.Count);
        Assert.NotNull(other);
    }

    [Fact]
    public void Dot_budgets_hold_per_item_and_per_person()
    {
        Prepared(out _, out var vote);

        vote.CheckDots(2, 1);
        Assert.Equal("Workshop.DotsPerItem", Code(() => vote.CheckDots(3, 0)));
        Assert.Equal("Workshop.DotsSpent", Code(() => vote.CheckDots(2, 2)));
        Assert.Equal("Workshop.DotsNegative", Code(() => vote.CheckDots(-1, 0)));
        Assert.Equal("Workshop.MaxPerItemInvalid", Code(() => Prepared(out var ideas, out _).AddStep(WorkshopStepKind.DotVote, new StepSettings("?", SourceStepId: ideas.Id, DotsPerPerson: 2, MaxDotsPerItem: 3))));
    }

    [Fact]
    public void Notes_keep_to_their_length_and_each_person_s_limit_and_a_removed_participant_writes_no_more()
    {
        var workshop = Prepared(out var ideas, out _);
        workshop.Start(Now);
        var amina = Joined(workshop);

        var note = ideas.Note(amina, "  Un label écologique commun  ", 0, Now);
        Assert.Equal("Un label écologique commun", note.Text);
        Assert.Equal("Workshop.IdeasLimit", Code(() => ideas.Note(amina, "Une troisième", 2, Now)));
        Assert.Equal("Workshop.NoteInvalid", Code(() => ideas.Note(amina, new string('x', WorkshopStep.NoteLength + 1), 0, Now)));
        Assert.Equal("Workshop.NoteInvalid", Code(() => ideas.Note(amina, "   ", 0, Now)));

        amina.Remove(Now);
        Assert.Equal("Workshop.ParticipantRemoved", Code(() => ideas.Note(amina, "Encore", 1, Now)));
    }

    [Fact]
    public void Answers_are_refused_on_a_step_the_room_is_not_on_or_that_is_closed()
    {
        var workshop = Prepared(out var ideas, out var vote);
        workshop.Start(Now);

        Assert.Same(ideas, workshop.OpenStep(ideas.Id, WorkshopStepKind.Ideas));
        Assert.Equal("Workshop.StepClosed", Code(() => workshop.OpenStep(vote.Id, WorkshopStepKind.DotVote)));
        Assert.Equal("Workshop.WrongStep", Code(() => workshop.OpenStep(ideas.Id, WorkshopStepKind.DotVote)));
        ideas.CloseSubmissions();
        Assert.Equal("Workshop.StepClosed", Code(() => workshop.OpenStep(ideas.Id, WorkshopStepKind.Ideas)));
        workshop.End(Now);
        Assert.Equal("Workshop.NotRunning", Code(() => workshop.OpenStep(ideas.Id, WorkshopStepKind.Ideas)));
        Assert.False(workshop.AcceptsJoins(Now));
    }

    [Fact]
    public void Votes_and_placements_stay_hidden_until_revealed_while_notes_show_as_they_come()
    {
        var workshop = Prepared(out var ideas, out var vote);
        var poll = workshop.AddStep(WorkshopStepKind.Poll, new StepSettings("Quand ?", Options: ["Lundi", "Jeudi"]));

        Assert.True(ideas.ResultsRevealed);
        Assert.False(vote.ResultsRevealed);
        Assert.False(poll.ResultsRevealed);
        vote.Reveal(true);
        Assert.True(vote.ResultsRevealed);
    }

    [Fact]
    public void Dot_tallies_count_dots_and_voters_biggest_first()
    {
        var workshop = Prepared(out _, out var vote);
        workshop.Start(Now);
        var (a, b) = (Joined(workshop, "A"), Joined(workshop, "B"));
        var answers = new[]
        {
            Dots(vote, a, "n:1", 2, 0), Dots(vote, a, "n:2", 1, 2),
            Dots(vote, b, "n:2", 2, 0), Dots(vote, b, "n:3", 0, 2),
        };

        var tallies = WorkshopResults.Dots(answers);

        Assert.Equal([new DotTally("n:2", 3, 2), new DotTally("n:1", 2, 1)], tallies);
    }

    [Fact]
    public void The_two_by_two_gives_each_item_s_median_and_the_middle_half_s_spread()
    {
        var workshop = Prepared(out var ideas, out _);
        var matrix = workshop.AddStep(WorkshopStepKind.Matrix, new StepSettings("Placez", SourceStepId: ideas.Id));
        workshop.Start(Now);
        var placements = new[] { (4, 5), (4, 4), (2, 5), (5, 5) }.Select((p, i) =>
        {
            var answer = new WorkshopAnswer(matrix, Joined(workshop, $"P{i}"), "n:eco", Now);
            answer.Place(p.Item1, p.Item2, Now);
            return answer;
        }).ToList();

        var position = Assert.Single(WorkshopResults.Matrix(placements));

        Assert.Equal(4, position.Placements);
        Assert.Equal(4, position.MedianX);
        Assert.Equal(5, position.MedianY);
        Assert.Equal(3.5, position.LowX);
        Assert.Equal(4.25, position.HighX);
        Assert.Equal(4, MatrixPosition.Score(position.MedianX));
        Assert.Equal(5, MatrixPosition.Score(4.5));
        Assert.Equal("Workshop.PlacementOutside", Code(() => placements[0].Place(6, 1, Now)));
        Assert.Equal("Workshop.PlacementOutside", Code(() => placements[0].Place(0, 3, Now)));
    }

    [Fact]
    public void Polls_count_choices_scales_values_and_rankings_points()
    {
        var workshop = Prepared(out _, out _);
        var single = workshop.AddStep(WorkshopStepKind.Poll, new StepSettings("Quand ?", Options: ["Lundi", "Jeudi", "Samedi"]));
        var ranking = workshop.AddStep(WorkshopStepKind.Poll, new StepSettings("Classez", Options: ["A", "B", "C"], PollKind: PollKind.Ranking));
        var scale = workshop.AddStep(WorkshopStepKind.Poll, new StepSettings("Confiance ?", PollKind: PollKind.Scale));
        workshop.Start(Now);
        WorkshopAnswer Answer(WorkshopStep step, params int[] choices)
        {
            var answer = new WorkshopAnswer(step, Joined(workshop), WorkshopAnswer.WholeStep, Now);
            answer.Choose(step, choices, Now);
            return answer;
        }

        Assert.Equal([1, 2, 0], WorkshopResults.Poll(single, [Answer(single, 1), Answer(single, 0), Answer(single, 1)]));
        Assert.Equal([3 + 2, 1 + 3, 2 + 1], WorkshopResults.Poll(ranking, [Answer(ranking, 0, 2, 1), Answer(ranking, 1, 0, 2)]));
        Assert.Equal([0, 0, 0, 1, 1], WorkshopResults.Poll(scale, [Answer(scale, 4), Answer(scale, 5)]));
        Assert.Equal("Workshop.ChoiceRequired", Code(() => Answer(single, 0, 1)));
        Assert.Equal("Workshop.RankAll", Code(() => Answer(ranking, 0, 1)));
        Assert.Equal("Workshop.ChoiceInvalid", Code(() => Answer(single, 3)));
        Assert.Equal("Workshop.ChoiceInvalid", Code(() => Answer(scale, 6)));
        Assert.Equal("Workshop.OptionsRequired", Code(() => workshop.AddStep(WorkshopStepKind.Poll, new StepSettings("?", Options: ["Seul"]))));
    }

    [Fact]
    public void A_consent_round_passes_unless_someone_objects_and_an_objection_gives_its_reason()
    {
        var workshop = Prepared(out _, out _);
        var round = workshop.AddStep(WorkshopStepKind.ConsentRound, new StepSettings("Un conseil des occupants ?"));
        workshop.Start(Now);
        WorkshopAnswer Position(ConsentPosition position, string? reason = null)
        {
            var answer = new WorkshopAnswer(round, Joined(workshop), WorkshopAnswer.WholeStep, Now);
            answer.TakePosition(position, reason, Now);
            return answer;
        }

        Assert.Equal(ConsentOutcome.NoAnswers, WorkshopResults.Consent([]));
        Assert.Equal(ConsentOutcome.Consent, WorkshopResults.Consent([Position(ConsentPosition.NoObjection)]));
        Assert.Equal(ConsentOutcome.ConsentWithConcerns, WorkshopResults.Consent([Position(ConsentPosition.NoObjection), Position(ConsentPosition.Concern, "Le temps")]));
        Assert.Equal(ConsentOutcome.Objection, WorkshopResults.Consent([Position(ConsentPosition.Concern), Position(ConsentPosition.Objection, "Trop tôt")]));
        Assert.Equal("Workshop.ObjectionReasonRequired", Code(() => Position(ConsentPosition.Objection)));
    }

    [Fact]
    public void Item_keys_name_notes_clusters_and_options_and_nothing_else()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id, WorkshopItems.NoteId(WorkshopItems.Note(id)));
        Assert.Equal(id, WorkshopItems.ClusterId(WorkshopItems.Cluster(id)));
        Assert.Equal(3, WorkshopItems.OptionIndex(WorkshopItems.Option(3)));
        Assert.Null(WorkshopItems.NoteId(WorkshopItems.Cluster(id)));
        Assert.Null(WorkshopItems.OptionIndex("o:-1"));
    }

    private static WorkshopAnswer Dots(WorkshopStep step, WorkshopParticipant participant, string item, int dots, int elsewhere)
    {
        var answer = new WorkshopAnswer(step, participant, item, Now);
        answer.GiveDots(step, dots, elsewhere, Now);
        return answer;
    }
}
