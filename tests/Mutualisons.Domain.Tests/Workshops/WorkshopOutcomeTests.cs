using Mutualisons.Domain.Common;
using Mutualisons.Domain.Workshops;

namespace Mutualisons.Domain.Tests.Workshops;

/// <summary>What notes and clusters become after the room: one need or experiment each, and never from a note taken off the board.</summary>
public sealed class WorkshopOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    private static (WorkshopNote Note, WorkshopCluster Cluster) Board()
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier", Now);
        var ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Que mettre en commun ?"));
        var grouping = workshop.AddStep(WorkshopStepKind.Grouping, new StepSettings("Regroupons", SourceStepId: ideas.Id));
        workshop.Start(Now);
        var amina = new WorkshopParticipant(workshop, "Amina", null, "Une asbl", null, "fr", "secret-0123456789abcdef", Now);
        return (ideas.Note(amina, "Une cuisine partagée", 0, Now), new WorkshopCluster(grouping, "Espaces"));
    }

    [Fact]
    public void A_note_or_a_cluster_becomes_one_thing_only_once()
    {
        var (note, cluster) = Board();
        var need = Guid.NewGuid();

        note.Became(need);
        cluster.Became(need);

        Assert.Equal(need, note.BecameId);
        Assert.Equal(need, cluster.BecameId);
        Assert.Equal("Workshop.AlreadyBecame", Assert.Throws<DomainException>(() => note.Became(Guid.NewGuid())).Code);
        Assert.Equal("Workshop.AlreadyBecame", Assert.Throws<DomainException>(() => cluster.Became(Guid.NewGuid())).Code);
        Assert.Equal(need, note.BecameId);
    }

    [Fact]
    public void A_note_taken_off_the_board_becomes_nothing()
    {
        var (note, _) = Board();
        note.Remove(Now);

        Assert.Equal("Workshop.NoteRemoved", Assert.Throws<DomainException>(() => note.Became(Guid.NewGuid())).Code);
        Assert.Null(note.BecameId);
    }

    [Theory]
    [InlineData(3.5, 4)]
    [InlineData(2.49, 2)]
    [InlineData(1, 1)]
    public void A_2x2_median_rounds_half_up_to_an_experiment_score(double median, int score) =>
        Assert.Equal(score, MatrixPosition.Score(median));
}
