using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// Bota 75's next constitutive workshop, prepared and not yet open: a facilitator trying the demo opens the
/// room, joins from a phone with the code and sees the big screen follow.
/// </summary>
public static class DemoLiveWorkshop
{
    public static void SeedPrepared(MutualisonsDbContext db, Guid lab, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddDays(7).AddHours(12), TimeSpan.Zero);
        var activity = new Activity(lab, "Atelier constitutif des occupants", ActivityKind.Workshop, "Atelier de co-création en salle, deux personnes par organisation",
            [Cycle.Publics, Cycle.ToolConfiguration], day, "Salle polyvalente du rez-de-chaussée", ParticipationLevel.Deliberation, now);
        activity.Follow("co-creation-workshop");
        var workshop = new Workshop(lab, activity.Id, activity.Title, now);
        workshop.CopySteps(
        [
            new(WorkshopStepKind.Information, new StepSettings("Bienvenue à tous les occupants. Ce soir, nous choisissons ensemble les mesures de coopération à tester d'abord.")),
            new(WorkshopStepKind.Ideas, new StepSettings("Quelle mesure de coopération pourrions-nous tester ensemble dans le bâtiment ?", IdeasPerPerson: 3)),
            new(WorkshopStepKind.Grouping, new StepSettings("Regroupons les propositions qui se ressemblent."), SourceIndex: 1),
            new(WorkshopStepKind.DotVote, new StepSettings("Lesquelles confier d'abord à un groupe de travail ?", DotsPerPerson: 3, MaxDotsPerItem: 2), SourceIndex: 2),
            new(WorkshopStepKind.Matrix, new StepSettings("Placez chaque mesure selon sa faisabilité et l'impact attendu."), SourceIndex: 2),
            new(WorkshopStepKind.Poll, new StepSettings("Quel soir pour le conseil des occupants ?", Options: ["Mardi", "Mercredi", "Jeudi"])),
            new(WorkshopStepKind.ConsentRound, new StepSettings("Les groupes de travail reviennent vers l'assemblée des occupants avant tout test.")),
        ]);
        db.Activities.Add(activity);
        db.Workshops.Add(workshop);
    }
}
