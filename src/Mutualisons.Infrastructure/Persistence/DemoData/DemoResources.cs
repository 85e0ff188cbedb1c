using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// What Bota 75's occupants offer and need: Financité's 40 m² meeting room free on Tuesdays, which SAW-B
/// needed for its trainings and now uses under an agreement; Médecins du Monde's GDPR expertise, which
/// Vluchtelingenwerk Vlaanderen needs (a match not yet agreed); a data set and a service; two rooms of the building.
/// </summary>
public static class DemoResources
{
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public static void Seed(MutualisonsDbContext db, Guid lab, IReadOnlyDictionary<string, Organisation> o, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(o);
        var room = new ResourceDeclaration(lab, o["financite"].Id, ResourceSide.Offer, PooledResourceKind.Place,
            new ResourceDetails("Salle de réunion du 3e étage", "Lumineuse, accessible par l'ascenseur.", Capacity: 20, AreaSquareMetres: 40, Equipment: "Projecteur, tableau blanc",
                Days: Weekdays.Tuesday, From: new TimeOnly(9, 0), Until: new TimeOnly(17, 0)), null, On(2019, 6, 4));
        var trainingRoom = new ResourceDeclaration(lab, o["sawb"].Id, ResourceSide.Need, PooledResourceKind.Place,
            new ResourceDetails("Une salle pour nos formations du mardi matin", Capacity: 15, AreaSquareMetres: 30, Days: Weekdays.Tuesday, From: new TimeOnly(9, 0), Until: new TimeOnly(12, 30)), null, On(2019, 6, 5));
        var gdpr = new ResourceDeclaration(lab, o["mdm"].Id, ResourceSide.Offer, PooledResourceKind.Workforce,
            new ResourceDetails("Accompagnement RGPD par notre déléguée à la protection des données", Skill: Skill.Gdpr, HoursPerMonth: 8), null, On(2019, 6, 6));
        var gdprNeed = new ResourceDeclaration(lab, o["vwv"].Id, ResourceSide.Need, PooledResourceKind.Workforce,
            new ResourceDetails("Mettre notre fichier de bénévoles en conformité RGPD", Skill: Skill.Gdpr, HoursPerMonth: 4), null, On(2019, 6, 6));
        var directory = new ResourceDeclaration(lab, o["vwv"].Id, ResourceSide.Offer, PooledResourceKind.DataSet,
            new ResourceDetails("Carte des lieux d'accueil des personnes en exil", Theme: "Accueil des personnes réfugiées", Format: "CSV", Licence: "ODbL", UpdateFrequency: UpdateFrequency.Monthly), null, On(2019, 6, 7));
        var translation = new ResourceDeclaration(lab, o["mdm"].Id, ResourceSide.Need, PooledResourceKind.Service,
            new ResourceDetails("Traduction néerlandaise de nos affiches", HoursPerMonth: 2), null, On(2019, 6, 7));
        db.ResourceDeclarations.AddRange(room, trainingRoom, gdpr, gdprNeed, directory, translation);
        db.PoolingAgreements.Add(new PoolingAgreement(room, trainingRoom,
            "Le mardi de 9 h à 12 h 30, hors vacances scolaires ; SAW-B participe aux frais de nettoyage.", new DateOnly(2019, 9, 3), null, 1_200m, null, On(2019, 7, 2)));

        // The shared building's rooms, ready to be booked.
        db.Rooms.AddRange(
            new Room(lab, "Salle de réunion du 3e étage", 20, "Projecteur, tableau blanc", now),
            new Room(lab, "Salle polyvalente du rez-de-chaussée", 60, "Sono, cuisine, accès PMR", now));
    }
}
