using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// What Bota 75's occupants offer and need: Financité's 40 m² meeting room free on Tuesdays, which SAW-B
/// needed for its trainings and now uses under an agreement; Médecins du Monde's GDPR expertise, which
/// Vluchtelingenwerk Vlaanderen needs (a match not yet agreed); a data set and a service; two rooms of the building
/// and their bookings.
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
            new ResourceDetails("Une salle pour nos formations du mardi matin", Capacity: 15, AreaSquareMetres: 30, Days: Weekdays.Tuesday, From: new TimeOnly(9, 0), Until: new TimeOnly(12, 30), MaxDistanceKm: 5), null, On(2019, 6, 5));
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

        // The shared building's rooms, in use: SAW-B's Tuesday trainings repeat every week (booked five weeks
        // ago, four of them already held), Médecins du Monde's team meets every other Thursday, and a few one-off
        // events, so the week view and the month's occupancy have something to show.
        var meetingRoom = new Room(lab, "Salle de réunion du 3e étage", 20, "Projecteur, tableau blanc", now);
        var hall = new Room(lab, "Salle polyvalente du rez-de-chaussée", 60, "Sono, cuisine, accès PMR", now);
        db.Rooms.AddRange(meetingRoom, hall);
        var bookedAt = now.AddDays(-35);
        var today = DateOnly.FromDateTime(InBrussels(now).DateTime);
        var tuesday = Next(today.AddDays(-28), DayOfWeek.Tuesday);
        db.Bookings.AddRange(Booking.Series(meetingRoom, o["sawb"].Id,
            Enumerable.Range(0, 12).Select(i => At(tuesday.AddDays(7 * i), 9, 0, 12, 30)), "Formation des porteurs de projet", null, bookedAt));
        var thursday = Next(today.AddDays(-21), DayOfWeek.Thursday);
        db.Bookings.AddRange(Booking.Series(meetingRoom, o["mdm"].Id,
            Enumerable.Range(0, 6).Select(i => At(thursday.AddDays(14 * i), 14, 0, 16, 0)), "Réunion de l'équipe RGPD", null, bookedAt));
        foreach (var (days, organisation, purpose) in new[] { (-12, "financite", "Assemblée générale"), (-5, "vwv", "Permanence d'accueil"), (9, "sawb", "Soirée des occupants") })
        {
            var occurrence = At(Next(today.AddDays(days), DayOfWeek.Friday), 17, 0, 21, 0);
            db.Bookings.Add(new Booking(hall, o[organisation].Id, occurrence.StartsAt, occurrence.EndsAt, purpose, null, bookedAt));
        }
    }

    // The demo speaks Brussels time, as the place does; UTC when the machine has no time-zone data.
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTimeOffset InBrussels(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Brussels);

    private static DateOnly Next(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    private static Occurrence At(DateOnly day, int fromHour, int fromMinute, int untilHour, int untilMinute)
    {
        DateTimeOffset Local(int hour, int minute)
        {
            var wall = day.ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(wall, Brussels.GetUtcOffset(wall));
        }
        return new Occurrence(Local(fromHour, fromMinute), Local(untilHour, untilMinute));
    }
}
