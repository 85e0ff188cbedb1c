using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// Bota 75's notebook: stories of its workshops and working groups, the cases it draws on (a shared building in
/// Ixelles, a knowledge network in Québec, a Catalan cooperative, an employers' group) and the pilot group's
/// check-ins. Stories and check-ins are signed by demo people, so this runs once their accounts exist.
/// </summary>
public static class DemoNotebook
{
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public static async Task SeedAsync(MutualisonsDbContext db, (Guid Id, string Name) pilot, (Guid Id, string Name) facilitator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleOrDefaultAsync(cancellationToken);
        if (lab == Guid.Empty || await db.Stories.AnyAsync(s => s.LabId == lab, cancellationToken))
        {
            return;
        }
        var ecoLabel = await db.Experiments.IgnoreAutoIncludes().Where(e => e.LabId == lab && e.Title.StartsWith("Éco-label")).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        var meeting = await db.Activities.Where(a => a.LabId == lab && a.Title == "Réunion du GT Éco-label").Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);

        var workshop = new Story(lab, facilitator.Id, facilitator.Name, On(2019, 2, 14));
        workshop.Tell("L'atelier constitutif : six pistes sur la table", new DateOnly(2019, 2, 12),
            """
            Deux personnes par organisation, **tous les occupants présents** : une première depuis l'ouverture du bâtiment.

            Nous avons d'abord partagé ce qui manque à chacun, puis ce que le lieu rend déjà possible. Six pistes sont sorties :

            - un éco-label pour tout le bâtiment ;
            - un conseil des occupants auprès du CA de la coopérative ;
            - le partage d'expertises (RGPD, informatique, marchés publics) ;
            - un annuaire des occupants ;
            - croiser nos publics ;
            - une alimentation saine et locale.

            *Ce qui a surpris* : plusieurs occupants ne savaient pas ce que faisait leur voisin de palier.
            """,
            [Cycle.Diagnostic, Cycle.Publics, Cycle.ToolConfiguration], On(2019, 2, 14));
        workshop.ChooseForNotebook(true);

        var firstGroup = new Story(lab, pilot.Id, pilot.Name, On(2019, 7, 5));
        firstGroup.Tell("Premier GT Éco-label : le coût d'un audit", new DateOnly(2019, 7, 4),
            """
            Le groupe a découvert que l'audit énergétique coûte environ 1 500 € pour tout le bâtiment, bien moins que si chaque
            organisation le faisait seule. La question n'est plus « faut-il le faire ? » mais « qui porte la demande ? ».
            """,
            [Cycle.ToolConfiguration, Cycle.Impact], On(2019, 7, 5));
        firstGroup.TieTo(meeting, ecoLabel);
        firstGroup.ChooseForNotebook(true);

        var cancelled = new Story(lab, facilitator.Id, facilitator.Name, On(2019, 5, 20));
        cancelled.Tell("Le deuxième atelier, annulé deux fois", new DateOnly(2019, 5, 16),
            "Deux dates, deux annulations faute de participants. Nous avons compris qu'un atelier de plus n'était pas la bonne méthode : des rencontres bilatérales d'abord, puis un questionnaire court.",
            [Cycle.CoreMethods, Cycle.Publics], On(2019, 5, 20));
        db.Stories.AddRange(workshop, firstGroup, cancelled);

        Inspiration Case(string name, string where, string lesson, string? link, MutualisationOpportunity[] opportunities, MutualisationRisk[] risks, Cycle[] cycles)
        {
            var inspiration = new Inspiration(lab, On(2019, 3, 1));
            inspiration.Describe(name, where, lesson, link);
            inspiration.Classify(opportunities, risks, cycles);
            return inspiration;
        }
        db.Inspirations.AddRange(
            Case("Mundo-B", "Ixelles, Bruxelles",
                "Un bâtiment partagé par des associations du développement durable, avec des communs (cafétéria, jardin, salles) : la **coopération formelle** naît du lieu, et la collecte commune des déchets crée une vraie solidarité.",
                null, [MutualisationOpportunity.SustainActivities, MutualisationOpportunity.StrengthenNetwork, MutualisationOpportunity.Solidarity], [], [Cycle.Diagnostic, Cycle.ToolConfiguration]),
            Case("TIESS", "Québec",
                "Un réseau qui repère et diffuse les innovations de l'économie sociale, coproduites par praticiens et chercheurs : mutualiser des connaissances fait monter tout le monde en compétence.",
                "https://tiess.ca", [MutualisationOpportunity.GrowSkills, MutualisationOpportunity.StrengthenNetwork], [], []),
            Case("La coopérative intégrale catalane", "Catalogne",
                "S'inspirer sans copier : faute de participation, les assemblées ont fini par décider au nom des membres, et l'autogestion a pris beaucoup de temps.",
                null, [], [MutualisationRisk.ConflictingVisions, MutualisationRisk.TimeToImplement, MutualisationRisk.RelationsBetweenPeople], [Cycle.Publics, Cycle.ToolConfiguration]),
            Case("Un groupement d'employeurs", "France",
                "Partager du personnel oblige à poser clairement les règles (recrutement, salaires, plannings) et les rapports employeur/employé : prendre le temps d'expliquer.",
                null, [MutualisationOpportunity.OptimiseManagement], [MutualisationRisk.Governance], [Cycle.ToolConfiguration]));

        var spring = new NavigationCheckIn(lab, new DateOnly(2019, 5, 20), Cycle.Publics, pilot.Id, pilot.Name, On(2019, 5, 20));
        spring.Record("Le deuxième atelier n'a pas eu lieu. Nous revoyons la méthode : rencontres bilatérales avec chaque occupant.",
            "Perdre l'élan de l'atelier constitutif ; épuiser les mêmes personnes.", NavigationWeather.Stormy, FacilitationNeed.Perhaps);
        var summer = new NavigationCheckIn(lab, new DateOnly(2019, 7, 10), Cycle.ToolConfiguration, pilot.Id, pilot.Name, On(2019, 7, 10));
        summer.Record("Trois groupes de travail tournent, chacun avec un pilote et des prochaines étapes.",
            "La rentrée de septembre : qui portera la demande d'éco-label ?", NavigationWeather.Cloudy, FacilitationNeed.No);
        db.NavigationCheckIns.AddRange(spring, summer);
        await db.SaveChangesAsync(cancellationToken);
    }
}
