using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;

namespace Mutualisons.Domain.Methods;

/// <summary>Whether a method gathers words and stories, figures, or both.</summary>
public enum MethodNature
{
    Qualitative,
    Quantitative,
    Mixed,
}

/// <summary>What a method costs its organisers and participants, in time or in energy.</summary>
public enum MethodCost
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// A method of the core cycle: how a lab informs, consults, discusses, deliberates or collaborates with its
/// publics. Each fits some participation levels and some cycles, costs time and energy, suits a range of
/// group sizes (people or organisations taking part at once) and needs a few weeks to prepare and run.
/// </summary>
public sealed record MethodDefinition(
    string Key,
    LocalizedText Name,
    LocalizedText Summary,
    ActivityKind Kind,
    IReadOnlyList<ParticipationLevel> Levels,
    MethodNature Nature,
    MethodCost Time,
    MethodCost Energy,
    int SmallestGroup,
    int LargestGroup,
    int WeeksNeeded,
    IReadOnlyList<Cycle> Cycles,
    IReadOnlyList<LocalizedText> Steps,
    IReadOnlyList<LocalizedText> Pitfalls)
{
    public bool Offers(ParticipationLevel level) => Levels.Contains(level);

    public bool Serves(Cycle cycle) => Cycles.Contains(cycle);

    /// <summary>How many times the method must be run to reach this many (one session holds at most <see cref="LargestGroup"/>).</summary>
    public int RunsToReach(int people) => Math.Max(1, (int)Math.Ceiling(people / (double)LargestGroup));
}

/// <summary>
/// The built-in methods, drawn from what the living labs used and what they learned: a wide questionnaire
/// reaches many organisations cheaply where repeated workshops would exhaust them; bilateral meetings come
/// before a first workshop when the organisations' fragilities are at stake; a public day needs someone to
/// carry its follow-up.
/// </summary>
public static class MethodLibrary
{
    /// <summary>The method a working group's meetings follow unless they name another.</summary>
    public const string WorkingGroupKey = "working-group";

    public static IReadOnlyList<MethodDefinition> All { get; } =
    [
        new("wide-questionnaire",
            T("Questionnaire large", "Brede vragenlijst", "Wide questionnaire"),
            T("Un questionnaire envoyé à beaucoup d'organisations, qui y répondent quand elles le peuvent : il pose les bases que des rencontres plus participatives approfondiront ensuite.",
              "Een vragenlijst naar veel organisaties, die antwoorden wanneer het hen past: ze legt de basis die meer participatieve ontmoetingen later uitdiepen.",
              "A questionnaire sent to many organisations, who answer when they can: it lays the ground that more participatory meetings will deepen later."),
            ActivityKind.Questionnaire, [ParticipationLevel.Consultation], MethodNature.Mixed, MethodCost.Medium, MethodCost.Low, 20, 1000, 4,
            [Cycle.Diagnostic, Cycle.Impact],
            [
                T("Choisir ce que l'on veut savoir, et ce que l'on fera des réponses.", "Kiezen wat men wil weten, en wat men met de antwoorden zal doen.", "Decide what you want to know, and what you will do with the answers."),
                T("Partir d'un modèle, le raccourcir, le traduire.", "Vertrekken van een sjabloon, het inkorten, het vertalen.", "Start from a template, shorten it, translate it."),
                T("Envoyer un lien personnel à chaque organisation, avec une date de clôture.", "Elke organisatie een persoonlijke link sturen, met een einddatum.", "Send each organisation a personal link, with a closing date."),
                T("Relancer une ou deux fois, puis transformer les réponses en besoins.", "Eén of twee keer herinneren, en de antwoorden omzetten in noden.", "Remind once or twice, then turn the answers into needs."),
            ],
            [
                T("Attendez-vous à un taux de réponse modeste : une organisation sur cinq est déjà un bon résultat.", "Reken op een bescheiden responsgraad: één organisatie op vijf is al een goed resultaat.", "Expect a modest response rate: one organisation in five is already a good result."),
                T("Un questionnaire trop long décourage : gardez ce que vous utiliserez vraiment.", "Een te lange vragenlijst ontmoedigt: houd enkel wat u echt zult gebruiken.", "A long questionnaire puts people off: keep only what you will really use."),
            ]),

        new("bilateral-meetings",
            T("Rencontres bilatérales", "Bilaterale ontmoetingen", "Bilateral meetings"),
            T("Une rencontre avec chaque organisation, séparément, pour comprendre sa situation, savoir qui décide et qui pourra donner du temps.",
              "Een ontmoeting met elke organisatie afzonderlijk, om haar situatie te begrijpen en te weten wie beslist en wie tijd kan geven.",
              "A meeting with each organisation on its own, to understand its situation, who decides and who can give time."),
            ActivityKind.BilateralMeeting, [ParticipationLevel.Information, ParticipationLevel.Consultation, ParticipationLevel.Discussion], MethodNature.Qualitative, MethodCost.High, MethodCost.Medium, 1, 15, 2,
            [Cycle.Publics, Cycle.Diagnostic, Cycle.ToolConfiguration],
            [
                T("Expliquer le projet et ce qu'il demandera à l'organisation.", "Het project uitleggen en wat het van de organisatie zal vragen.", "Explain the project and what it will ask of the organisation."),
                T("Écouter ses besoins, ses craintes et ses marges de manœuvre.", "Luisteren naar haar noden, haar vrees en haar speelruimte.", "Listen to its needs, its fears and its room for manoeuvre."),
                T("Noter le mandat : qui décide, qui donne du temps, quel feu vert.", "Het mandaat noteren: wie beslist, wie tijd geeft, welk groen licht.", "Record the mandate: who decides, who gives time, which green light."),
            ],
            [
                T("Quand les fragilités des organisations (finances, impact, fonctionnement) seront sur la table, commencez par là plutôt que par un atelier : une salle de gens qui se connaissent mal n'est pas le lieu pour en parler.",
                  "Wanneer de kwetsbaarheden van de organisaties (financiën, impact, werking) ter sprake komen, begin hiermee eerder dan met een workshop: een zaal vol mensen die elkaar weinig kennen is daar niet de plaats voor.",
                  "When the organisations' fragilities (finances, impact, how they run) will be on the table, start here rather than with a workshop: a room of people who barely know each other is not the place for it."),
                T("Une rencontre par organisation prend du temps : au-delà d'une quinzaine, préférez un questionnaire.", "Eén ontmoeting per organisatie kost tijd: boven een vijftiental verkies een vragenlijst.", "One meeting per organisation takes time: beyond fifteen or so, prefer a questionnaire."),
            ]),

        new("co-creation-workshop",
            T("Atelier de co-création", "Co-creatieworkshop", "Co-creation workshop"),
            T("Un atelier où les organisations construisent ensemble une réponse : des idées, des regroupements, des priorités, des mesures à tester.",
              "Een workshop waarin de organisaties samen een antwoord bouwen: ideeën, groeperingen, prioriteiten, maatregelen om te testen.",
              "A workshop where the organisations build an answer together: ideas, groupings, priorities, measures to test."),
            ActivityKind.Workshop, [ParticipationLevel.Discussion, ParticipationLevel.Deliberation, ParticipationLevel.Collaboration], MethodNature.Qualitative, MethodCost.Medium, MethodCost.High, 6, 30, 3,
            [Cycle.Diagnostic, Cycle.Publics, Cycle.Impact, Cycle.ToolConfiguration],
            [
                T("Obtenir d'abord le feu vert de ceux qui décident.", "Eerst het groene licht krijgen van wie beslist.", "First get the green light of those who decide."),
                T("Préparer une séquence : information, idées, regroupement, vote, prochaines étapes.", "Een volgorde voorbereiden: informatie, ideeën, groeperen, stemmen, volgende stappen.", "Prepare a sequence: information, ideas, grouping, voting, next steps."),
                T("Inviter deux personnes par organisation.", "Twee personen per organisatie uitnodigen.", "Invite two people per organisation."),
                T("Garder les résultats dans le lab : besoins, expérimentations, groupes de travail.", "De resultaten in het lab bewaren: noden, experimenten, werkgroepen.", "Keep the results in the lab: needs, experiments, working groups."),
            ],
            [
                T("Répéter des ateliers pour un large échantillon coûte cher en temps et en énergie : un questionnaire large fait mieux ce travail.", "Workshops herhalen voor een brede steekproef kost veel tijd en energie: een brede vragenlijst doet dat beter.", "Repeating workshops for a large sample costs a lot of time and energy: a wide questionnaire does that job better."),
                T("Cadrez l'atelier sans étouffer la créativité : un cadre trop strict éteint l'enthousiasme, un cadre absent suscite des craintes ou de faux espoirs.", "Kader de workshop zonder de creativiteit te smoren: een te strak kader dooft het enthousiasme, geen kader wekt vrees of valse hoop.", "Frame the workshop without stifling creativity: too strict a frame kills enthusiasm, no frame raises fears or false hopes."),
            ]),

        new("public-co-creation-day",
            T("Journée publique de co-création", "Publieke co-creatiedag", "Public co-creation day"),
            T("Une journée ouverte à un public large pour imaginer ensemble ce que pourrait devenir la mutualisation : ses fonctions, ses valeurs, son horizon.",
              "Een dag open voor een breed publiek om samen te verbeelden wat de samenwerking kan worden: haar functies, waarden, horizon.",
              "A day open to a wide public to imagine together what the pooling could become: its functions, its values, its horizon."),
            ActivityKind.CoCreationDay, [ParticipationLevel.Information, ParticipationLevel.Consultation, ParticipationLevel.Discussion], MethodNature.Qualitative, MethodCost.High, MethodCost.High, 30, 150, 8,
            [Cycle.Publics, Cycle.Diagnostic],
            [
                T("Concevoir la journée avec les organisations qui la portent.", "De dag ontwerpen met de organisaties die hem dragen.", "Design the day with the organisations that carry it."),
                T("Mobiliser largement, plusieurs semaines à l'avance.", "Breed mobiliseren, enkele weken vooraf.", "Mobilise widely, several weeks ahead."),
                T("Décider avant la journée qui en portera la suite, et quand.", "Vóór de dag beslissen wie het vervolg draagt, en wanneer.", "Decide before the day who will carry its follow-up, and when."),
            ],
            [
                T("L'énergie d'une grande journée retombe vite : sans quelqu'un qui porte la suite, le rendez-vous suivant peut ne jamais avoir lieu.", "De energie van een grote dag zakt snel: zonder iemand die het vervolg draagt, vindt de volgende afspraak misschien nooit plaats.", "The energy of a big day fades fast: without someone carrying the follow-up, the next meeting may never happen."),
            ]),

        new("focus-group",
            T("Groupe de discussion", "Focusgroep", "Focus group"),
            T("Une discussion animée avec un petit groupe choisi, pour comprendre en profondeur un besoin ou un effet.",
              "Een begeleide discussie met een kleine gekozen groep, om een nood of een effect grondig te begrijpen.",
              "A facilitated discussion with a small chosen group, to understand a need or an effect in depth."),
            ActivityKind.Workshop, [ParticipationLevel.Consultation, ParticipationLevel.Discussion], MethodNature.Qualitative, MethodCost.Medium, MethodCost.Medium, 5, 12, 3,
            [Cycle.Diagnostic, Cycle.Impact],
            [
                T("Choisir des participants qui diffèrent entre eux.", "Deelnemers kiezen die van elkaar verschillen.", "Choose participants who differ from one another."),
                T("Préparer quelques questions ouvertes, pas plus.", "Enkele open vragen voorbereiden, niet meer.", "Prepare a few open questions, no more."),
                T("Restituer ce qui a été entendu aux participants.", "Wat gehoord werd aan de deelnemers teruggeven.", "Give back what was heard to the participants."),
            ],
            [
                T("L'animateur écoute et relance, il ne dirige pas les réponses.", "De begeleider luistert en vraagt door, hij stuurt de antwoorden niet.", "The facilitator listens and prompts, and does not steer the answers."),
            ]),

        new("world-cafe",
            T("World café", "World café", "World café"),
            T("Des tables de quelques personnes qui changent de table à chaque tour, pour croiser les idées d'un grand groupe.",
              "Tafels van enkele personen die elke ronde van tafel wisselen, om de ideeën van een grote groep te kruisen.",
              "Tables of a few people who move to another table each round, to cross the ideas of a large group."),
            ActivityKind.Workshop, [ParticipationLevel.Consultation, ParticipationLevel.Discussion], MethodNature.Qualitative, MethodCost.Medium, MethodCost.Medium, 12, 80, 3,
            [Cycle.Diagnostic, Cycle.Publics, Cycle.Impact],
            [
                T("Une question par table, un hôte qui reste à sa table.", "Eén vraag per tafel, een gastheer die aan zijn tafel blijft.", "One question per table, a host who stays at the table."),
                T("Trois tours de vingt minutes.", "Drie rondes van twintig minuten.", "Three rounds of twenty minutes."),
                T("Une mise en commun de ce que chaque table a récolté.", "Een terugkoppeling van wat elke tafel verzamelde.", "A plenary of what each table gathered."),
            ],
            [
                T("Sans récolte écrite à chaque table, les idées se perdent entre les tours.", "Zonder schriftelijke oogst aan elke tafel gaan de ideeën tussen de rondes verloren.", "Without a written harvest at each table, ideas get lost between rounds."),
            ]),

        new("site-visit",
            T("Visite de site", "Plaatsbezoek", "Site visit"),
            T("Aller voir ensemble un lieu ou une expérience ailleurs, pour ouvrir les perspectives ou juger un lieu possible.",
              "Samen een plek of een ervaring elders bezoeken, om perspectieven te openen of een mogelijke plek te beoordelen.",
              "Visit a place or an experience elsewhere together, to open perspectives or judge a possible place."),
            ActivityKind.SiteVisit, [ParticipationLevel.Information, ParticipationLevel.Discussion], MethodNature.Qualitative, MethodCost.Medium, MethodCost.Medium, 3, 25, 2,
            [Cycle.Diagnostic, Cycle.ToolConfiguration, Cycle.CoreMethods],
            [
                T("Partir avec une question précise.", "Vertrekken met een precieze vraag.", "Set out with a precise question."),
                T("Rencontrer ceux qui font vivre le lieu.", "Wie de plek doet leven ontmoeten.", "Meet the people who run the place."),
                T("Raconter la visite à ceux qui n'y étaient pas.", "Het bezoek vertellen aan wie er niet bij was.", "Tell the visit to those who were not there."),
            ],
            [
                T("Une visite sans retour vers le groupe reste l'expérience de quelques-uns.", "Een bezoek zonder terugkoppeling naar de groep blijft de ervaring van enkelen.", "A visit not brought back to the group stays the experience of a few."),
            ]),

        new(WorkingGroupKey,
            T("Groupe de travail", "Werkgroep", "Working group"),
            T("Quelques personnes de plusieurs organisations qui instruisent une mesure de coopération jusqu'à une proposition testable.",
              "Enkele personen uit verschillende organisaties die een samenwerkingsmaatregel uitwerken tot een testbaar voorstel.",
              "A few people from several organisations who investigate a cooperation measure up to a proposal that can be tested."),
            ActivityKind.WorkingGroupMeeting, [ParticipationLevel.Deliberation, ParticipationLevel.Collaboration], MethodNature.Mixed, MethodCost.High, MethodCost.Medium, 3, 10, 4,
            [Cycle.ToolConfiguration, Cycle.Impact],
            [
                T("Un pilote, des membres, une échéance.", "Een trekker, leden, een deadline.", "A lead, members, a deadline."),
                T("Des prochaines étapes avec un responsable et une date.", "Volgende stappen met een verantwoordelijke en een datum.", "Next steps with an owner and a date."),
                T("Une proposition soumise à la validation de chaque organisation.", "Een voorstel ter validatie aan elke organisatie.", "A proposal put to each organisation's validation."),
            ],
            [
                T("Sans mandat clair des organisations, le groupe avance sur des pistes que personne ne pourra mettre en œuvre.", "Zonder duidelijk mandaat van de organisaties werkt de groep aan pistes die niemand kan uitvoeren.", "Without a clear mandate from the organisations, the group works on leads no one will be able to carry out."),
            ]),

        new("story-telling",
            T("Récits", "Verhalen", "Story-telling"),
            T("Écrire ce qui s'est passé, les réussites comme les échecs, pour garder la mémoire du lab et la partager.",
              "Opschrijven wat er gebeurde, successen en mislukkingen, om het geheugen van het lab te bewaren en te delen.",
              "Write down what happened, successes and failures alike, to keep the lab's memory and share it."),
            ActivityKind.Workshop, [ParticipationLevel.Information, ParticipationLevel.Discussion], MethodNature.Qualitative, MethodCost.Low, MethodCost.Low, 1, 40, 1,
            [Cycle.Diagnostic, Cycle.Publics, Cycle.Impact, Cycle.ToolConfiguration, Cycle.CoreMethods],
            [
                T("Écrire peu après l'événement.", "Kort na de gebeurtenis schrijven.", "Write soon after the event."),
                T("Dire aussi ce qui n'a pas marché, et pourquoi.", "Ook zeggen wat niet werkte, en waarom.", "Say what did not work too, and why."),
                T("Relire le récit avec ceux qui y figurent.", "Het verhaal herlezen met wie erin voorkomt.", "Read the story again with those who appear in it."),
            ],
            [
                T("Un récit qui ne montre que les réussites n'apprend rien aux autres.", "Een verhaal dat enkel successen toont, leert anderen niets.", "A story that only shows successes teaches others nothing."),
            ]),

        new("information-session",
            T("Séance d'information", "Infosessie", "Information session"),
            T("Présenter le projet, ses étapes et ce qu'il demandera, à tous ceux qui pourraient s'y joindre.",
              "Het project, zijn stappen en wat het zal vragen voorstellen aan iedereen die zou kunnen aansluiten.",
              "Present the project, its steps and what it will ask to everyone who might join."),
            ActivityKind.Workshop, [ParticipationLevel.Information], MethodNature.Qualitative, MethodCost.Low, MethodCost.Low, 5, 200, 2,
            [Cycle.Publics, Cycle.Diagnostic],
            [
                T("Dire clairement ce qui est déjà décidé et ce qui ne l'est pas.", "Duidelijk zeggen wat al beslist is en wat niet.", "Say clearly what is already decided and what is not."),
                T("Annoncer la suite et comment y prendre part.", "Het vervolg aankondigen en hoe men eraan deelneemt.", "Announce what comes next and how to take part."),
            ],
            [
                T("Informer n'est pas impliquer : prévoyez l'étape suivante, plus participative.", "Informeren is niet betrekken: plan de volgende, meer participatieve stap.", "Informing is not involving: plan the next, more participatory step."),
            ]),
    ];

    public static MethodDefinition? Find(string? key) => key is null ? null : All.FirstOrDefault(m => m.Key == key);

    private static LocalizedText T(string fr, string nl, string en) => new(fr, nl, en);
}
