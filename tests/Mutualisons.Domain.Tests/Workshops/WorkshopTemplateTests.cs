using Mutualisons.Domain.Common;
using Mutualisons.Domain.Workshops;

namespace Mutualisons.Domain.Tests.Workshops;

/// <summary>Step sequences kept and copied: sources follow their copies, a bad sequence adds nothing.</summary>
public sealed class WorkshopTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    private static string Code(Action act) => Assert.Throws<DomainException>(act).Code;

    private static IReadOnlyList<TemplateStep> Sequence() =>
    [
        new(WorkshopStepKind.Ideas, new StepSettings("Vos idées ?", IdeasPerPerson: 3)),
        new(WorkshopStepKind.Grouping, new StepSettings("Groupons"), SourceIndex: 0),
        new(WorkshopStepKind.Matrix, new StepSettings("Placez les groupes"), SourceIndex: 1),
    ];

    [Fact]
    public void Copied_steps_come_after_the_prepared_ones_and_work_on_the_copies_they_named()
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier", Now);
        workshop.AddStep(WorkshopStepKind.Information, new StepSettings("Bienvenue"));

        workshop.CopySteps(Sequence());
        workshop.CopySteps(Sequence());

        var steps = workshop.Steps;
        Assert.Equal(7, steps.Count);
        Assert.Equal(steps[1].Id, steps[2].SourceStepId);
        Assert.Equal(steps[2].Id, steps[3].SourceStepId);
        Assert.Equal(steps[4].Id, steps[5].SourceStepId);
        Assert.Equal(steps[5].Id, steps[6].SourceStepId);
    }

    [Fact]
    public void A_workshop_as_a_template_names_its_sources_by_position_and_copies_back_to_the_same_shape()
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier", Now);
        workshop.AddStep(WorkshopStepKind.Information, new StepSettings("Bienvenue"));
        workshop.CopySteps(Sequence());

        var template = new WorkshopTemplate(Guid.NewGuid(), "Notre séquence", workshop.AsTemplate(), Now);
        var copy = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Copie", Now);
        copy.CopySteps(template.Steps);

        Assert.Equal(new int?[] { null, null, 1, 2 }, template.Steps.Select(s => s.SourceIndex));
        Assert.All(template.Steps, s => Assert.Null(s.Settings.SourceStepId));
        Assert.Equal(workshop.Steps.Select(s => (s.Kind, s.Prompt, s.IdeasPerPerson)), copy.Steps.Select(s => (s.Kind, s.Prompt, s.IdeasPerPerson)));
        Assert.Equal(copy.Steps[2].Id, copy.Steps[3].SourceStepId);
    }

    [Fact]
    public void A_step_moved_before_the_notes_it_works_on_cannot_be_kept_as_a_template()
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier", Now);
        workshop.CopySteps(Sequence());
        workshop.MoveStep(workshop.Steps[2].Id, -1);

        Assert.Equal("Workshop.SourceInvalid", Code(() => _ = new WorkshopTemplate(Guid.NewGuid(), "Désordre", workshop.AsTemplate(), Now)));
    }

    [Fact]
    public void A_sequence_the_workshop_would_refuse_is_refused_whole()
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier", Now);
        workshop.AddStep(WorkshopStepKind.Information, new StepSettings("Bienvenue"));
        IReadOnlyList<TemplateStep> broken =
        [
            new(WorkshopStepKind.Ideas, new StepSettings("Vos idées ?")),
            new(WorkshopStepKind.Poll, new StepSettings("Un seul choix ?", Options: ["Oui"])),
        ];

        Assert.Equal("Workshop.OptionsRequired", Code(() => workshop.CopySteps(broken)));
        Assert.Single(workshop.Steps);
        Assert.Equal("WorkshopTemplate.Empty", Code(() => _ = new WorkshopTemplate(Guid.NewGuid(), "Vide", [], Now)));
        Assert.Equal("WorkshopTemplate.NameRequired", Code(() => _ = new WorkshopTemplate(Guid.NewGuid(), " ", Sequence(), Now)));
        Assert.Equal("Workshop.SourceInvalid", Code(() => _ = new WorkshopTemplate(Guid.NewGuid(), "Boucle", [new(WorkshopStepKind.Grouping, new StepSettings("G"), SourceIndex: 0)], Now)));
    }
}
