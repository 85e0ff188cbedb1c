using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.Resources.MapData;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// In Common's collaborative map of Brussels' alternatives: five associations contribute, two approvals
/// validate a contribution, a small taxonomy (food, second hand, mobility, energy, places to meet), thirty
/// entries of which four still wait for approval (one of them approved once already).
/// </summary>
public static class DemoMapData
{
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public static void Seed(MutualisonsDbContext db, Guid lab, IReadOnlyDictionary<string, Organisation> o)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(o);
        var since = On(2019, 1, 15);
        var set = new MapDataSet(lab, "Carte des alternatives bruxelloises",
            "Les initiatives durables et solidaires de Bruxelles, tenues ensemble par les associations d'In Common.", null, MapDataVisibility.Everyone, 2, since);
        string[] contributors = ["dewey", "ps", "transition", "mycelium", "aia"];
        foreach (var key in contributors)
        {
            set.AddContributor(o[key].Id, since);
        }
        var food = set.AddCategory(null, "Alimentation", "Voeding", "Food");
        var markets = set.AddCategory(food.Id, "Marchés et GASAP", "Markten en voedselteams", "Markets and CSAs");
        var groceries = set.AddCategory(food.Id, "Épiceries", "Kruideniers", "Grocery shops");
        var gardens = set.AddCategory(food.Id, "Potagers collectifs", "Samentuinen", "Community gardens");
        var reuse = set.AddCategory(null, "Réemploi", "Hergebruik", "Reuse");
        var repair = set.AddCategory(reuse.Id, "Repair cafés", "Repair cafés", "Repair cafés");
        var giving = set.AddCategory(reuse.Id, "Donneries", "Weggeefwinkels", "Give-away shops");
        var mobility = set.AddCategory(null, "Mobilité", "Mobiliteit", "Mobility");
        var energy = set.AddCategory(null, "Énergie", "Energie", "Energy");
        var meet = set.AddCategory(null, "Lieux de rencontre", "Ontmoetingsplaatsen", "Places to meet");
        db.MapDataSets.Add(set);

        (string Name, Guid Category, string Address, double Lat, double Lon, string Source)[] entries =
        [
            ("Marché bio de la place Flagey", markets.Id, "Place Flagey, 1050 Ixelles", 50.8275, 4.3722, "aia"),
            ("GASAP de Saint-Gilles", markets.Id, "Parvis de Saint-Gilles, 1060 Saint-Gilles", 50.8282, 4.3453, "aia"),
            ("Marché du Midi, stand des producteurs", markets.Id, "Boulevard du Midi, 1000 Bruxelles", 50.8370, 4.3352, "aia"),
            ("Voedselteam Schaerbeek", markets.Id, "Rue Royale Sainte-Marie, 1030 Schaerbeek", 50.8660, 4.3700, "transition"),
            ("Épicerie coopérative du quartier Nord", groceries.Id, "Rue du Progrès, 1210 Saint-Josse", 50.8580, 4.3610, "mycelium"),
            ("Épicerie sociale des Marolles", groceries.Id, "Rue Haute, 1000 Bruxelles", 50.8385, 4.3480, "mycelium"),
            ("Épicerie en vrac d'Etterbeek", groceries.Id, "Chaussée de Wavre, 1040 Etterbeek", 50.8330, 4.3850, "transition"),
            ("Supermarché coopératif d'Anderlecht", groceries.Id, "Rue Wayez, 1070 Anderlecht", 50.8360, 4.3090, "transition"),
            ("Potager du parc Josaphat", gardens.Id, "Parc Josaphat, 1030 Schaerbeek", 50.8630, 4.3860, "aia"),
            ("Jardin partagé de Forest", gardens.Id, "Avenue Van Volxem, 1190 Forest", 50.8190, 4.3270, "aia"),
            ("Ferme urbaine de Neder-Over-Heembeek", gardens.Id, "Rue de Meudon, 1120 Bruxelles", 50.8970, 4.3830, "aia"),
            ("Potager collectif de Molenbeek", gardens.Id, "Rue de Ribaucourt, 1080 Molenbeek", 50.8590, 4.3390, "transition"),
            ("Repair café d'Ixelles", repair.Id, "Rue de la Tulipe, 1050 Ixelles", 50.8340, 4.3700, "transition"),
            ("Repair café de Schaerbeek", repair.Id, "Place Colignon, 1030 Schaerbeek", 50.8670, 4.3780, "transition"),
            ("Atelier vélo participatif", repair.Id, "Rue de la Senne, 1000 Bruxelles", 50.8450, 4.3440, "dewey"),
            ("Repair café de Woluwe", repair.Id, "Place Saint-Lambert, 1200 Woluwe-Saint-Lambert", 50.8450, 4.4260, "mycelium"),
            ("Donnerie de Saint-Josse", giving.Id, "Rue Saint-Josse, 1210 Saint-Josse", 50.8520, 4.3700, "mycelium"),
            ("Give box du Parvis", giving.Id, "Parvis de la Trinité, 1050 Ixelles", 50.8260, 4.3600, "dewey"),
            ("Ressourcerie de Laeken", giving.Id, "Rue Marie-Christine, 1020 Laeken", 50.8780, 4.3530, "dewey"),
            ("Point vélo de la gare Centrale", mobility.Id, "Carrefour de l'Europe, 1000 Bruxelles", 50.8450, 4.3570, "dewey"),
            ("Voitures partagées du quartier Européen", mobility.Id, "Place du Luxembourg, 1050 Ixelles", 50.8390, 4.3720, "dewey"),
            ("Vélos cargos partagés d'Uccle", mobility.Id, "Place de Saint-Job, 1180 Uccle", 50.7950, 4.3600, "ps"),
            ("Coopérative citoyenne d'énergie", energy.Id, "Rue Josaphat, 1030 Schaerbeek", 50.8600, 4.3740, "ps"),
            ("Conseils rénovation énergie", energy.Id, "Rue Royale, 1000 Bruxelles", 50.8500, 4.3640, "ps"),
            ("Maison de quartier Bonnevie", meet.Id, "Rue Bonnevie, 1080 Molenbeek", 50.8560, 4.3330, "mycelium"),
            ("Tiers-lieu <numérique> libre", meet.Id, "Rue du Midi, 1000 Bruxelles", 50.8460, 4.3480, "ps"),
            // Still waiting for the organisations' approvals.
            ("Frigo solidaire de Koekelberg", groceries.Id, "Rue de Ganshoren, 1081 Koekelberg", 50.8620, 4.3260, "mycelium"),
            ("Atelier de couture solidaire", repair.Id, "Rue de Flandre, 1000 Bruxelles", 50.8530, 4.3450, "transition"),
            ("Borne de recharge citoyenne", energy.Id, "Avenue de la Couronne, 1050 Ixelles", 50.8260, 4.3790, "ps"),
            ("Café citoyen Les Voisins", meet.Id, "Chaussée de Haecht, 1030 Schaerbeek", 50.8640, 4.3690, "dewey"),
        ];
        var day = 0;
        foreach (var (name, category, address, lat, lon, source) in entries)
        {
            var at = since.AddDays(7 * ++day);
            var content = MapEntryContent.Of(name, [category], address, lat, lon,
                $"{name} : une initiative repérée par les associations d'In Common.", null, null, null, null, null, o[source].Id, DateOnly.FromDateTime(at.UtcDateTime));
            var entry = MapEntry.Propose(set, content, null, o[source].Id, at);
            if (day <= 26)
            {
                // Two other contributors approve: the entry shows.
                var others = contributors.Where(k => k != source).Take(2).ToList();
                entry.Approve(set, entry.Pending!.Id, MapReviewer.For(null, o[others[0]].Id), at.AddDays(1));
                entry.Approve(set, entry.Pending!.Id, MapReviewer.For(null, o[others[1]].Id), at.AddDays(2));
            }
            else if (day == 27)
            {
                entry.Approve(set, entry.Pending!.Id, MapReviewer.For(null, o["dewey"].Id), at.AddDays(1));
            }
            db.MapEntries.Add(entry);
        }
    }
}
