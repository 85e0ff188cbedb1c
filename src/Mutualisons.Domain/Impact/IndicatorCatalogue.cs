using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Impact;

/// <summary>
/// A question ready to be added to a cycle 1 questionnaire so that its answers measure an indicator, with the
/// computation that turns the answers into a figure and, for a share, which answer is counted (an option by
/// its position, or "yes").
/// </summary>
public sealed record ReadyQuestion(
    QuestionType Type,
    LocalizedText Text,
    LocalizedText Help,
    AnswerComputation Computation,
    IReadOnlyList<LocalizedText> Options,
    int? CountedOption = null,
    LocalizedText? ScaleMinLabel = null,
    LocalizedText? ScaleMaxLabel = null)
{
    /// <summary>A new question with fresh identifiers each time, and the choice a share counts (null otherwise).</summary>
    public (QuestionDefinition Question, string? Choice) Create()
    {
        var question = new QuestionDefinition
        {
            Type = Type,
            Text = Text.Copy(),
            Help = Help.Copy(),
            Options = [.. Options.Select(o => new OptionDefinition { Text = o.Copy() })],
            ScaleMinLabel = ScaleMinLabel?.Copy() ?? new LocalizedText(),
            ScaleMaxLabel = ScaleMaxLabel?.Copy() ?? new LocalizedText(),
            Minimum = Type == QuestionType.Number ? 0 : null,
        };
        var choice = Computation != AnswerComputation.ShareChoosing ? null
            : Type == QuestionType.YesNo ? QuestionDefinition.Yes
            : question.Options[CountedOption ?? 0].Key;
        return (question, choice);
    }
}

/// <summary>One indicator of the built-in catalogue: what it measures, in which unit, how to collect it, and its ready question.</summary>
public sealed record CatalogueEntry(
    string Key,
    MutualisationLogic Logic,
    ImpactObjective Objective,
    LocalizedText Name,
    LocalizedText Definition,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    LocalizedText Collection,
    ReadyQuestion Question);

/// <summary>
/// Indicators of a mutualisation's added value, grouped by the logic they follow and the impact objective they
/// serve, in French, Dutch and English. Static data: a lab copies an entry into one of its hypotheses and edits
/// its copy; the catalogue itself never changes.
/// </summary>
public static class IndicatorCatalogue
{
    /// <summary>The section a ready question goes into when the questionnaire has none yet.</summary>
    public static LocalizedText SectionTitle { get; } = T("Mesurer notre impact", "Onze impact meten", "Measuring our impact");

    public static CatalogueEntry? Find(string? key) => All.FirstOrDefault(e => string.Equals(e.Key, key?.Trim(), StringComparison.Ordinal));

    /// <summary>
    /// The question that collects an indicator: its catalogue entry's, or for an indicator of the lab's own a
    /// plain question named after it (a score for a scale, yes/no for a percentage, a number to add up otherwise),
    /// whose translations the questionnaire editor then asks for.
    /// </summary>
    public static ReadyQuestion ReadyQuestionFor(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (Find(indicator.CatalogueKey) is { } entry && entry.Question.Computation.Fits(indicator.Unit))
        {
            return entry.Question;
        }
        return PlainQuestion(indicator.Name, Cultures.French, indicator.Unit);
    }

    /// <summary>
    /// A question written in one language (which also stands in for French), of the type <paramref name="unit"/> calls for: a score for a scale,
    /// yes/no for a percentage, a number to average, or to add up otherwise.
    /// </summary>
    public static ReadyQuestion PlainQuestion(string text, string language, IndicatorUnit unit)
    {
        var written = new LocalizedText();
        // French is required to publish: words in another language stand in for it until translated.
        written.Set(Cultures.French, text);
        if (LocalizedText.Languages.Contains(language))
        {
            written.Set(language, text);
        }
        return unit switch
        {
            IndicatorUnit.Scale1To5 => new ReadyQuestion(QuestionType.Scale, written, new LocalizedText(), AnswerComputation.MeanOfScale, []),
            IndicatorUnit.Percentage => new ReadyQuestion(QuestionType.YesNo, written, new LocalizedText(), AnswerComputation.ShareChoosing, []),
            IndicatorUnit.Number => new ReadyQuestion(QuestionType.Number, written, new LocalizedText(), AnswerComputation.MeanOfNumber, []),
            _ => new ReadyQuestion(QuestionType.Number, written, new LocalizedText(), AnswerComputation.SumOfNumber, []),
        };
    }

    public static IReadOnlyList<CatalogueEntry> All { get; } =
    [
        // Means: what pooling saves or frees.
        new("means.shared-area", MutualisationLogic.Means, ImpactObjective.Optimisation,
            T("Surface partagée", "Gedeelde oppervlakte", "Area shared"),
            T("Les mètres carrés que les membres utilisent en commun (bureaux, salles, stockage) plutôt que chacun de leur côté.",
              "Het aantal vierkante meter dat de leden samen gebruiken (kantoren, zalen, opslag) in plaats van elk apart.",
              "The square metres members use together (offices, rooms, storage) rather than each on their own."),
            IndicatorUnit.SquareMetres, IndicatorDirection.HigherIsBetter,
            T("Une fois par an, chaque membre indique la surface qu'il partage ; la plateforme fait la somme.",
              "Eén keer per jaar geeft elk lid de oppervlakte op die het deelt; het platform telt alles op.",
              "Once a year each member states the area it shares; the platform adds them up."),
            new(QuestionType.Number,
                T("Combien de mètres carrés votre organisation partage-t-elle avec d'autres membres ?", "Hoeveel vierkante meter deelt uw organisatie met andere leden?", "How many square metres does your organisation share with other members?"),
                T("Comptez les espaces utilisés en commun, même à temps partiel.", "Tel de ruimtes mee die u samen gebruikt, ook deeltijds.", "Count the spaces used together, even part-time."),
                AnswerComputation.SumOfNumber, [])),

        new("means.costs-saved", MutualisationLogic.Means, ImpactObjective.Optimisation,
            T("Coûts annuels économisés", "Jaarlijks bespaarde kosten", "Yearly costs saved"),
            T("Ce que les membres ne dépensent plus chaque année grâce à la mutualisation (loyer, matériel, services achetés ensemble).",
              "Wat de leden elk jaar niet meer uitgeven dankzij het delen (huur, materiaal, samen aangekochte diensten).",
              "What members no longer spend each year thanks to pooling (rent, equipment, services bought together)."),
            IndicatorUnit.Euros, IndicatorDirection.HigherIsBetter,
            T("Chaque membre estime l'économie de l'année écoulée à partir de ses comptes ; la plateforme additionne.",
              "Elk lid schat de besparing van het voorbije jaar op basis van zijn rekeningen; het platform telt op.",
              "Each member estimates last year's saving from its accounts; the platform adds them up."),
            new(QuestionType.Number,
                T("Combien d'euros votre organisation a-t-elle économisés cette année grâce à la mutualisation ?", "Hoeveel euro heeft uw organisatie dit jaar bespaard dankzij het delen van middelen?", "How many euros did your organisation save this year thanks to pooling?"),
                T("Une estimation suffit.", "Een schatting volstaat.", "An estimate is enough."),
                AnswerComputation.SumOfNumber, [])),

        new("means.hours-freed", MutualisationLogic.Means, ImpactObjective.Consolidation,
            T("Heures de travail libérées", "Vrijgekomen werkuren", "Staff hours freed"),
            T("Les heures par mois que le personnel ne passe plus à des tâches de gestion prises en charge en commun, et qu'il consacre à la mission.",
              "De uren per maand die het personeel niet langer aan gezamenlijk opgenomen beheerstaken besteedt, en aan de missie kan geven.",
              "The hours a month staff no longer spend on management tasks now handled together, and give to the mission instead."),
            IndicatorUnit.Hours, IndicatorDirection.HigherIsBetter,
            T("Chaque membre estime les heures libérées sur un mois ordinaire ; la plateforme additionne.",
              "Elk lid schat de vrijgekomen uren in een gewone maand; het platform telt op.",
              "Each member estimates the hours freed in an ordinary month; the platform adds them up."),
            new(QuestionType.Number,
                T("Combien d'heures de travail par mois la mutualisation libère-t-elle dans votre organisation ?", "Hoeveel werkuren per maand maakt het delen van middelen in uw organisatie vrij?", "How many staff hours a month does pooling free in your organisation?"),
                new LocalizedText(), AnswerComputation.SumOfNumber, [])),

        new("means.shared-services", MutualisationLogic.Means, ImpactObjective.Optimisation,
            T("Membres utilisant un service commun", "Leden die een gedeelde dienst gebruiken", "Members using a shared service"),
            T("La part des membres qui utilisent au moins un service mis en commun (informatique, comptabilité, accueil, matériel).",
              "Het aandeel leden dat minstens één gedeelde dienst gebruikt (IT, boekhouding, onthaal, materiaal).",
              "The share of members using at least one pooled service (IT, accounting, reception, equipment)."),
            IndicatorUnit.Percentage, IndicatorDirection.HigherIsBetter,
            T("Une question oui/non à chaque membre ; la plateforme calcule la part des « oui ».",
              "Een ja/nee-vraag aan elk lid; het platform berekent het aandeel 'ja'.",
              "A yes/no question to each member; the platform computes the share of 'yes'."),
            new(QuestionType.YesNo,
                T("Votre organisation utilise-t-elle au moins un service mis en commun ?", "Gebruikt uw organisatie minstens één gedeelde dienst?", "Does your organisation use at least one pooled service?"),
                new LocalizedText(), AnswerComputation.ShareChoosing, [])),

        // Project: activities coordinated or built together.
        new("project.joint-activities", MutualisationLogic.StrongProject, ImpactObjective.QuantitativeIncrease,
            T("Activités menées ensemble", "Samen georganiseerde activiteiten", "Joint activities held"),
            T("Le nombre moyen d'activités (ateliers, séances de sensibilisation, événements) qu'un membre a organisées avec au moins un autre membre.",
              "Het gemiddelde aantal activiteiten (workshops, sensibiliseringssessies, evenementen) dat een lid met minstens één ander lid organiseerde.",
              "The average number of activities (workshops, awareness sessions, events) a member held with at least one other member."),
            IndicatorUnit.Number, IndicatorDirection.HigherIsBetter,
            T("Chaque membre compte ses activités communes de l'année ; la moyenne évite de compter deux fois une activité partagée.",
              "Elk lid telt zijn gezamenlijke activiteiten van het jaar; het gemiddelde vermijdt dat een gedeelde activiteit dubbel telt.",
              "Each member counts its joint activities of the year; the mean avoids counting a shared activity twice."),
            new(QuestionType.Number,
                T("Combien d'activités votre organisation a-t-elle organisées cette année avec un autre membre ?", "Hoeveel activiteiten organiseerde uw organisatie dit jaar samen met een ander lid?", "How many activities did your organisation hold this year with another member?"),
                new LocalizedText(), AnswerComputation.MeanOfNumber, [])),

        new("project.people-reached", MutualisationLogic.StrongProject, ImpactObjective.QuantitativeIncrease,
            T("Personnes venues par un autre membre", "Mensen bereikt via een ander lid", "People reached through another member"),
            T("Les personnes qu'un membre a accueillies parce qu'elles avaient connu une activité d'un autre membre.",
              "De mensen die een lid ontving omdat ze een activiteit van een ander lid hadden leren kennen.",
              "The people a member welcomed because they had come across another member's activity."),
            IndicatorUnit.Count, IndicatorDirection.HigherIsBetter,
            T("Chaque membre estime ce nombre à partir de ses inscriptions ou en demandant « comment nous avez-vous connus ? » ; la plateforme additionne.",
              "Elk lid schat dit aantal op basis van inschrijvingen of door te vragen 'hoe hebt u ons leren kennen?'; het platform telt op.",
              "Each member estimates it from sign-ups or by asking 'how did you hear of us?'; the platform adds them up."),
            new(QuestionType.Number,
                T("Combien de personnes sont venues vers votre organisation par une activité d'un autre membre ?", "Hoeveel mensen kwamen bij uw organisatie terecht via een activiteit van een ander lid?", "How many people came to your organisation through another member's activity?"),
                new LocalizedText(), AnswerComputation.SumOfNumber, [])),

        new("project.cross-publicity", MutualisationLogic.WeakProject, ImpactObjective.QuantitativeIncrease,
            T("Membres qui relaient les activités des autres", "Leden die elkaars activiteiten bekendmaken", "Members publicising each other"),
            T("La part des membres qui ont annoncé une activité d'un autre membre dans leurs propres canaux.",
              "Het aandeel leden dat een activiteit van een ander lid via de eigen kanalen aankondigde.",
              "The share of members who announced another member's activity in their own channels."),
            IndicatorUnit.Percentage, IndicatorDirection.HigherIsBetter,
            T("Une question oui/non par période ; la plateforme calcule la part des « oui ».",
              "Een ja/nee-vraag per periode; het platform berekent het aandeel 'ja'.",
              "A yes/no question per period; the platform computes the share of 'yes'."),
            new(QuestionType.YesNo,
                T("Avez-vous annoncé une activité d'un autre membre dans votre lettre, votre site ou vos réseaux ?", "Hebt u een activiteit van een ander lid aangekondigd in uw nieuwsbrief, op uw website of sociale media?", "Did you announce another member's activity in your newsletter, website or social media?"),
                new LocalizedText(), AnswerComputation.ShareChoosing, [])),

        new("project.cooperation-quality", MutualisationLogic.StrongProject, ImpactObjective.QualityImprovement,
            T("Qualité de la coopération", "Kwaliteit van de samenwerking", "Quality of cooperation"),
            T("Comment les membres jugent leur travail en commun, de 1 (difficile) à 5 (fluide et utile).",
              "Hoe de leden hun samenwerking beoordelen, van 1 (moeizaam) tot 5 (vlot en nuttig).",
              "How members rate working together, from 1 (difficult) to 5 (smooth and useful)."),
            IndicatorUnit.Scale1To5, IndicatorDirection.HigherIsBetter,
            T("Une échelle de 1 à 5 à chaque membre ; la plateforme calcule la moyenne.",
              "Een schaal van 1 tot 5 aan elk lid; het platform berekent het gemiddelde.",
              "A 1-to-5 scale to each member; the platform computes the mean."),
            new(QuestionType.Scale,
                T("Comment jugez-vous la coopération avec les autres membres ?", "Hoe beoordeelt u de samenwerking met de andere leden?", "How do you rate cooperation with the other members?"),
                new LocalizedText(), AnswerComputation.MeanOfScale, [],
                ScaleMinLabel: T("Difficile", "Moeizaam", "Difficult"),
                ScaleMaxLabel: T("Fluide et utile", "Vlot en nuttig", "Smooth and useful"))),

        // Strategic: weighing together on the context.
        new("strategic.joint-advocacy", MutualisationLogic.Strategic, ImpactObjective.Consolidation,
            T("Actions de plaidoyer communes", "Gezamenlijke beleidsbeïnvloeding", "Joint advocacy actions"),
            T("Le nombre moyen d'actions de plaidoyer (courriers, rencontres avec des élus, campagnes) auxquelles un membre a pris part avec d'autres.",
              "Het gemiddelde aantal acties van beleidsbeïnvloeding (brieven, ontmoetingen met politici, campagnes) waaraan een lid samen met anderen deelnam.",
              "The average number of advocacy actions (letters, meetings with elected officials, campaigns) a member took part in with others."),
            IndicatorUnit.Number, IndicatorDirection.HigherIsBetter,
            T("Chaque membre compte les actions communes de l'année ; la moyenne évite les doubles comptes.",
              "Elk lid telt de gezamenlijke acties van het jaar; het gemiddelde vermijdt dubbeltellingen.",
              "Each member counts the year's joint actions; the mean avoids double counting."),
            new(QuestionType.Number,
                T("À combien d'actions de plaidoyer communes votre organisation a-t-elle pris part cette année ?", "Aan hoeveel gezamenlijke acties van beleidsbeïnvloeding nam uw organisatie dit jaar deel?", "How many joint advocacy actions did your organisation take part in this year?"),
                new LocalizedText(), AnswerComputation.MeanOfNumber, [])),

        new("strategic.shared-positions", MutualisationLogic.Strategic, ImpactObjective.Consolidation,
            T("Membres signataires d'une position commune", "Leden die een gezamenlijk standpunt ondertekenden", "Members signing a shared position"),
            T("La part des membres qui ont signé ou porté une position publique commune.",
              "Het aandeel leden dat een gezamenlijk publiek standpunt ondertekende of uitdroeg.",
              "The share of members who signed or carried a shared public position."),
            IndicatorUnit.Percentage, IndicatorDirection.HigherIsBetter,
            T("Une question oui/non après chaque prise de position ; la plateforme calcule la part des « oui ».",
              "Een ja/nee-vraag na elk standpunt; het platform berekent het aandeel 'ja'.",
              "A yes/no question after each position; the platform computes the share of 'yes'."),
            new(QuestionType.YesNo,
                T("Votre organisation a-t-elle signé une position commune avec d'autres membres ?", "Heeft uw organisatie samen met andere leden een gezamenlijk standpunt ondertekend?", "Did your organisation sign a shared position with other members?"),
                new LocalizedText(), AnswerComputation.ShareChoosing, [])),

        new("strategic.heard-together", MutualisationLogic.Strategic, ImpactObjective.QualityImprovement,
            T("Poids auprès des pouvoirs publics", "Gewicht bij de overheid", "Weight with public authorities"),
            T("Le sentiment des membres d'être mieux entendus ensemble que seuls, de 1 (pas du tout) à 5 (tout à fait).",
              "Het gevoel van de leden dat ze samen beter gehoord worden dan alleen, van 1 (helemaal niet) tot 5 (helemaal).",
              "How far members feel better heard together than alone, from 1 (not at all) to 5 (entirely)."),
            IndicatorUnit.Scale1To5, IndicatorDirection.HigherIsBetter,
            T("Une échelle de 1 à 5 à chaque membre ; la plateforme calcule la moyenne.",
              "Een schaal van 1 tot 5 aan elk lid; het platform berekent het gemiddelde.",
              "A 1-to-5 scale to each member; the platform computes the mean."),
            new(QuestionType.Scale,
                T("Ensemble, sommes-nous mieux entendus par les pouvoirs publics que chacun seul ?", "Worden we samen beter gehoord door de overheid dan elk afzonderlijk?", "Together, are we better heard by public authorities than each of us alone?"),
                new LocalizedText(), AnswerComputation.MeanOfScale, [],
                ScaleMinLabel: T("Pas du tout", "Helemaal niet", "Not at all"),
                ScaleMaxLabel: T("Tout à fait", "Helemaal", "Entirely"))),

        // Swarming and fertilisation: practices that travel.
        new("fertilisation.practices-taken-up", MutualisationLogic.SwarmingAndFertilisation, ImpactObjective.Multiplication,
            T("Pratiques reprises d'un autre membre", "Werkwijzen overgenomen van een ander lid", "Practices taken up from another member"),
            T("Les pratiques (méthodes, outils, façons d'accueillir) qu'un membre a reprises d'un autre membre et mises en œuvre chez lui.",
              "De werkwijzen (methodes, tools, manieren van onthaal) die een lid van een ander lid overnam en zelf toepast.",
              "The practices (methods, tools, ways of welcoming people) a member took from another and put to work at home."),
            IndicatorUnit.Count, IndicatorDirection.HigherIsBetter,
            T("Chaque membre compte les pratiques reprises dans l'année ; la plateforme additionne.",
              "Elk lid telt de overgenomen werkwijzen van het jaar; het platform telt op.",
              "Each member counts the practices taken up during the year; the platform adds them up."),
            new(QuestionType.Number,
                T("Combien de pratiques d'un autre membre votre organisation a-t-elle reprises cette année ?", "Hoeveel werkwijzen van een ander lid nam uw organisatie dit jaar over?", "How many practices of another member did your organisation take up this year?"),
                new LocalizedText(), AnswerComputation.SumOfNumber, [])),

        new("fertilisation.lessons-shared", MutualisationLogic.SwarmingAndFertilisation, ImpactObjective.QualityImprovement,
            T("Membres qui partagent réussites et échecs", "Leden die successen en mislukkingen delen", "Members sharing successes and failures"),
            T("La part des membres qui ont raconté aux autres une réussite ou un échec dont on peut apprendre.",
              "Het aandeel leden dat een succes of een mislukking waaruit anderen kunnen leren met de anderen deelde.",
              "The share of members who told the others about a success or a failure worth learning from."),
            IndicatorUnit.Percentage, IndicatorDirection.HigherIsBetter,
            T("Une question oui/non par période ; la plateforme calcule la part des « oui ».",
              "Een ja/nee-vraag per periode; het platform berekent het aandeel 'ja'.",
              "A yes/no question per period; the platform computes the share of 'yes'."),
            new(QuestionType.YesNo,
                T("Avez-vous partagé avec les autres membres une réussite ou un échec de votre organisation ?", "Hebt u een succes of een mislukking van uw organisatie met de andere leden gedeeld?", "Did you share a success or a failure of your organisation with the other members?"),
                new LocalizedText(), AnswerComputation.ShareChoosing, [])),

        new("fertilisation.reproduced-elsewhere", MutualisationLogic.SwarmingAndFertilisation, ImpactObjective.Multiplication,
            T("Pratiques reproduites ailleurs", "Werkwijzen elders overgenomen", "Practices reproduced elsewhere"),
            T("La part des membres dont une pratique a été reprise par une organisation extérieure à la mutualisation.",
              "Het aandeel leden van wie een werkwijze werd overgenomen door een organisatie buiten het samenwerkingsverband.",
              "The share of members one of whose practices was taken up by an organisation outside the mutualisation."),
            IndicatorUnit.Percentage, IndicatorDirection.HigherIsBetter,
            T("Une question à choix à chaque membre ; la plateforme calcule la part de ceux qui savent qu'une pratique a été reprise.",
              "Een keuzevraag aan elk lid; het platform berekent het aandeel dat weet dat een werkwijze werd overgenomen.",
              "A choice question to each member; the platform computes the share who know a practice was taken up."),
            new(QuestionType.SingleChoice,
                T("Une de vos pratiques a-t-elle été reprise par une organisation qui n'est pas membre ?", "Werd een van uw werkwijzen overgenomen door een organisatie die geen lid is?", "Has one of your practices been taken up by an organisation that is not a member?"),
                new LocalizedText(), AnswerComputation.ShareChoosing,
                [T("Oui, nous le savons", "Ja, dat weten we", "Yes, we know it was"),
                 T("Peut-être, on nous l'a demandé", "Misschien, er werd naar gevraagd", "Perhaps, we were asked about it"),
                 T("Non", "Nee", "No")],
                CountedOption: 0)),
    ];

    private static LocalizedText T(string fr, string nl, string en) => new(fr, nl, en);
}
