namespace Mutualisons.Domain.Diagnostic;

/// <summary>A ready-made questionnaire a facilitator can copy and adapt. Each call to <see cref="Create"/> gives a new, independent content.</summary>
public sealed record QuestionnaireTemplate(string Key, Func<QuestionnaireContent> Create);

/// <summary>
/// Starting points for cycle 1 (diagnose needs): a general diagnostic sent widely, then two deep-dives per resource,
/// data and place, as the Headquarters for Change, In Common and Bota 75 labs did. Every text is in French, Dutch
/// and English; every question, section and option gets fresh identifiers each time a template is used.
/// </summary>
public static class QuestionnaireTemplates
{
    public const string General = "general", Data = "data", Place = "place";

    public static IReadOnlyList<QuestionnaireTemplate> All { get; } =
    [
        new(General, CreateGeneral),
        new(Data, CreateData),
        new(Place, CreatePlace),
    ];

    public static QuestionnaireTemplate? Find(string key) =>
        All.FirstOrDefault(t => string.Equals(t.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static QuestionnaireContent CreateGeneral()
    {
        var staff = Ask(QuestionType.Number, required: true,
                T("Combien de personnes salariées compte votre organisation ?",
                  "Hoeveel betaalde medewerkers telt uw organisatie?",
                  "How many paid staff does your organisation have?"))
            .AtLeast(0)
            .WithHelp(T("Une estimation suffit. Indiquez 0 si vous n'avez pas de personnel salarié.",
                        "Een schatting volstaat. Vul 0 in als u geen betaalde medewerkers hebt.",
                        "An estimate is enough. Enter 0 if you have no paid staff."));

        var volunteers = Ask(QuestionType.Number, required: false,
                T("Et combien de bénévoles participent régulièrement à vos activités ?",
                  "En hoeveel vrijwilligers werken regelmatig mee aan uw activiteiten?",
                  "And how many volunteers regularly take part in your activities?"))
            .AtLeast(0);

        var decides = Ask(QuestionType.SingleChoice, required: false,
                T("Qui, dans votre organisation, peut décider de s'engager dans une mutualisation ?",
                  "Wie kan in uw organisatie beslissen om middelen met anderen te delen?",
                  "Who in your organisation can decide to commit to pooling resources?"))
            .WithOptions(
                Option("Le conseil d'administration", "De raad van bestuur", "The board"),
                Option("L'assemblée générale", "De algemene vergadering", "The general assembly"),
                Option("La coordination ou la direction", "De coördinatie of de directie", "The coordinator or the management"),
                Option("L'équipe, collectivement", "Het team, samen", "The team, collectively"))
            .OrOther()
            .WithHelp(T("Cela nous aide à savoir avec qui poursuivre la discussion.",
                        "Zo weten we met wie we het gesprek kunnen voortzetten.",
                        "This helps us know whom to continue the conversation with."));

        var resources = Ask(QuestionType.ResourceKind, required: true,
                T("Quelles ressources votre organisation serait-elle prête à mutualiser avec d'autres ?",
                  "Welke middelen zou uw organisatie met anderen willen delen?",
                  "Which resources would your organisation be willing to pool with others?"))
            .WithHelp(T("Plusieurs réponses possibles. Mutualiser, c'est partager une ressource ou la gérer en commun avec d'autres organisations.",
                        "Meerdere antwoorden mogelijk. Middelen delen betekent ze samen met andere organisaties gebruiken of beheren.",
                        "Several answers possible. Pooling means sharing a resource with other organisations or managing it together."));

        var needs = Ask(QuestionType.MultipleChoice, required: true,
                T("De quoi votre organisation a-t-elle le plus besoin aujourd'hui ?",
                  "Waar heeft uw organisatie vandaag het meest nood aan?",
                  "What does your organisation need most today?"))
            .WithOptions(
                Option("Un lieu pour mener nos activités", "Een plek voor onze activiteiten", "A place to run our activities"),
                Option("Des salles pour des réunions ou des événements", "Zalen voor vergaderingen of evenementen", "Rooms for meetings or events"),
                Option("Des données à jour sur les initiatives et les acteurs", "Actuele gegevens over initiatieven en organisaties", "Up-to-date data on initiatives and organisations"),
                Option("Des outils numériques : cartes, bases de données, agendas", "Digitale hulpmiddelen: kaarten, databanken, agenda's", "Digital tools: maps, databases, calendars"),
                Option("Du temps et des bras : bénévoles, personnel partagé", "Tijd en handen: vrijwilligers, gedeeld personeel", "Time and hands: volunteers, shared staff"),
                Option("Des expertises : RGPD, informatique, marchés publics, financements, assurances", "Expertise: AVG, IT, overheidsopdrachten, financiering, verzekeringen", "Expertise: GDPR, IT, public procurement, funding, insurance"),
                Option("De la visibilité et une communication commune", "Zichtbaarheid en gezamenlijke communicatie", "Visibility and joint communication"),
                Option("Des liens avec d'autres alternatives", "Contacten met andere alternatieven", "Connections with other alternatives"),
                Option("Des coûts de fonctionnement plus bas", "Lagere werkingskosten", "Lower running costs"))
            .OrOther()
            .WithHelp(T("Plusieurs réponses possibles. Ajoutez tout autre besoin dans « Autre ».",
                        "Meerdere antwoorden mogelijk. Vermeld andere behoeften bij ‘Andere’.",
                        "Several answers possible. Add any other need under 'Other'."));

        var needStory = Ask(QuestionType.LongText, required: false,
                T("Décrivez un besoin concret que vous n'arrivez pas à combler seuls.",
                  "Beschrijf een concrete behoefte waarin u alleen niet kunt voorzien.",
                  "Describe a concrete need you cannot meet on your own."))
            .WithHelp(T("Quelques phrases suffisent : ce qui manque, depuis quand, ce que vous avez déjà essayé.",
                        "Enkele zinnen volstaan: wat ontbreekt, sinds wanneer, wat u al geprobeerd hebt.",
                        "A few sentences are enough: what is missing, since when, what you have already tried."));

        var impacts = Ask(QuestionType.MultipleChoice, required: true,
                T("Quels aspects de votre impact social voulez-vous renforcer ?",
                  "Welke aspecten van uw maatschappelijke impact wilt u versterken?",
                  "Which aspects of your social impact do you want to strengthen?"))
            .WithOptions(
                Option("Consolider : faire durer ce qui existe malgré les menaces et les pressions",
                       "Consolideren: wat bestaat overeind houden ondanks bedreigingen en druk",
                       "Consolidate: keep what exists going despite threats and pressure"),
                Option("Optimiser : faire autant avec moins de moyens",
                       "Optimaliseren: evenveel doen met minder middelen",
                       "Optimise: achieve as much with fewer means"),
                Option("Améliorer la qualité de ce que nous apportons",
                       "De kwaliteit verbeteren van wat we bieden",
                       "Improve the quality of what we offer"),
                Option("Augmenter : toucher plus de personnes, de membres ou de publics",
                       "Uitbreiden: meer mensen, leden of doelgroepen bereiken",
                       "Grow: reach more people, members or audiences"),
                Option("Démultiplier : reproduire notre action ailleurs",
                       "Vermenigvuldigen: onze werking op andere plaatsen herhalen",
                       "Multiply: reproduce our work elsewhere"))
            .WithHelp(T("Plusieurs réponses possibles.", "Meerdere antwoorden mogelijk.", "Several answers possible."));

        var innovative = Ask(QuestionType.Scale, required: true,
                T("Mettre ces ressources en commun serait-il nouveau pour votre organisation et votre secteur ?",
                  "Zou het delen van deze middelen nieuw zijn voor uw organisatie en uw sector?",
                  "Would pooling these resources be new for your organisation and your sector?"))
            .WithScale(T("Rien de neuf : cela existe déjà", "Niets nieuws: dat bestaat al", "Nothing new: it already exists"),
                       T("Tout à fait inédit", "Helemaal nieuw", "Entirely new"))
            .WithHelp(T("Une idée peut être innovante pour un public précis même si elle existe ailleurs.",
                        "Een idee kan vernieuwend zijn voor een bepaald publiek, ook al bestaat het elders.",
                        "An idea can be innovative for a particular audience even if it exists elsewhere."));

        var forWhom = Ask(QuestionType.LongText, required: false,
                T("Pour qui serait-ce innovant, et en quoi ?",
                  "Voor wie zou het vernieuwend zijn, en waarom?",
                  "For whom would it be innovative, and how?"))
            .WithHelp(T("Votre équipe, vos publics, votre quartier, votre secteur, Bruxelles…",
                        "Uw team, uw doelgroepen, uw wijk, uw sector, Brussel…",
                        "Your team, your audiences, your neighbourhood, your sector, Brussels…"))
            .ShownWhen(innovative, "3", "4", "5");

        var priorities = Ask(QuestionType.Ranking, required: false,
                T("Qu'attendez-vous d'abord d'une mutualisation ? Classez, de la plus importante (1) à la moins importante.",
                  "Wat verwacht u in de eerste plaats van het delen van middelen? Rangschik van belangrijkst (1) tot minst belangrijk.",
                  "What do you expect first from pooling resources? Rank from most important (1) to least important."))
            .WithOptions(
                Option("Faire durer nos activités", "Onze activiteiten duurzaam verzekeren", "Keep our activities going over time"),
                Option("Alléger notre gestion et nous concentrer sur notre cœur de métier", "Ons beheer verlichten en ons op onze kerntaken toeleggen", "Lighten our management and focus on our core work"),
                Option("Renforcer notre réseau", "Ons netwerk versterken", "Strengthen our network"),
                Option("Faire monter nos équipes en compétences", "De vaardigheden van onze ploeg versterken", "Build our team's skills"),
                Option("Construire une communauté solidaire", "Een solidaire gemeenschap opbouwen", "Build a community of solidarity"));

        var workshop = Ask(QuestionType.YesNo, required: true,
                T("Souhaitez-vous participer à un atelier pour construire la mutualisation ensemble ?",
                  "Wilt u deelnemen aan een workshop om het delen van middelen samen vorm te geven?",
                  "Would you take part in a workshop to build the pooling together?"));

        var availability = Ask(QuestionType.ShortText, required: false,
                T("Quels moments vous conviennent le mieux ?",
                  "Welke momenten passen u het best?",
                  "Which times suit you best?"))
            .WithHelp(T("Par exemple : les jours de la semaine, en journée ou en soirée.",
                        "Bijvoorbeeld: welke weekdagen, overdag of 's avonds.",
                        "For example: which weekdays, daytime or evening."))
            .ShownWhen(workshop, QuestionDefinition.Yes);

        var comments = Ask(QuestionType.LongText, required: false,
                T("Souhaitez-vous ajouter quelque chose ?",
                  "Wilt u nog iets toevoegen?",
                  "Is there anything you would like to add?"));

        return new QuestionnaireContent
        {
            Title = T("Diagnostic des besoins : mutualiser des ressources entre alternatives",
                      "Behoefteanalyse: middelen delen tussen alternatieven",
                      "Needs diagnosis: pooling resources between alternatives"),
            Introduction = T(
                "Ce questionnaire nous aide à comprendre ce dont votre organisation a besoin et ce qu'elle serait prête à mettre en commun avec d'autres alternatives bruxelloises : associations, initiatives citoyennes, coopératives. Comptez une quinzaine de minutes. Vos réponses prépareront les ateliers de co-construction ; répondre n'engage pas votre organisation.",
                "Met deze vragenlijst willen we begrijpen wat uw organisatie nodig heeft en wat ze zou willen delen met andere Brusselse alternatieven: verenigingen, burgerinitiatieven, coöperaties. Reken op een kwartiertje. Uw antwoorden dienen om de co-creatieworkshops voor te bereiden; antwoorden verplicht uw organisatie tot niets.",
                "This questionnaire helps us understand what your organisation needs and what it would be ready to pool with other Brussels alternatives: associations, citizen initiatives, cooperatives. It takes about fifteen minutes. Your answers will prepare the co-creation workshops; answering does not commit your organisation to anything."),
            Sections =
            [
                Section(T("Votre organisation", "Uw organisatie", "Your organisation"),
                        T("Quelques repères pour situer vos réponses.",
                          "Enkele gegevens om uw antwoorden te kaderen.",
                          "A few facts to put your answers in context."),
                        staff, volunteers, decides),
                Section(T("Besoins et ressources", "Behoeften en middelen", "Needs and resources"),
                        T("Ce qui vous manque aujourd'hui et ce que vous pourriez partager.",
                          "Wat u vandaag mist en wat u zou kunnen delen.",
                          "What you lack today and what you could share."),
                        resources, needs, needStory),
                Section(T("Impact et innovation", "Impact en vernieuwing", "Impact and innovation"),
                        T("Mutualiser n'est pas une fin en soi : il s'agit de renforcer l'impact social de chaque organisation et celui des alternatives dans leur ensemble.",
                          "Middelen delen is geen doel op zich: het moet de maatschappelijke impact versterken van elke organisatie en van de alternatieven samen.",
                          "Pooling is not an end in itself: it should strengthen the social impact of each organisation and of the alternatives as a whole."),
                        impacts, innovative, forWhom, priorities),
                Section(T("Et après ?", "Hoe verder?", "What next?"),
                        T("Les réponses seront mises en discussion lors d'ateliers ouverts aux organisations intéressées.",
                          "De antwoorden worden besproken in workshops die openstaan voor alle geïnteresseerde organisaties.",
                          "The answers will be discussed in workshops open to interested organisations."),
                        workshop, availability, comments),
            ],
        };
    }

    private static QuestionnaireContent CreateData()
    {
        var daily = Ask(QuestionType.MultipleChoice, required: true,
                T("Quelles données votre organisation utilise-t-elle au quotidien ?",
                  "Welke gegevens gebruikt uw organisatie dagelijks?",
                  "Which data does your organisation use every day?"))
            .WithOptions(DataOptions())
            .OrOther()
            .WithHelp(T("Qu'elles soient produites par vous ou par d'autres. Plusieurs réponses possibles.",
                        "Of u ze nu zelf aanmaakt of van anderen haalt. Meerdere antwoorden mogelijk.",
                        "Whether you produce it or others do. Several answers possible."));

        var storage = Ask(QuestionType.MultipleChoice, required: false,
                T("Où ces données sont-elles tenues aujourd'hui ?",
                  "Waar worden deze gegevens vandaag bijgehouden?",
                  "Where is this data kept today?"))
            .WithOptions(
                Option("Dans des tableurs ou des documents internes", "In spreadsheets of interne documenten", "In spreadsheets or internal documents"),
                Option("Dans une base de données ou un outil en ligne", "In een databank of een online tool", "In a database or an online tool"),
                Option("Sur une carte ou un site web public", "Op een kaart of een openbare website", "On a map or a public website"),
                Option("Dans la tête des personnes, surtout", "Vooral in de hoofden van mensen", "Mostly in people's heads"))
            .OrOther();

        var freshness = Ask(QuestionType.Scale, required: false,
                T("Vos données sont-elles à jour ?",
                  "Zijn uw gegevens up-to-date?",
                  "Is your data up to date?"))
            .WithScale(T("Souvent dépassées", "Vaak verouderd", "Often out of date"),
                       T("Toujours à jour", "Altijd up-to-date", "Always up to date"));

        var focus = Ask(QuestionType.Ranking, required: true,
                T("Sur quelles données faudrait-il se concentrer en premier pour renforcer votre impact ? Classez-les, de la plus utile (1) à la moins utile.",
                  "Op welke gegevens moeten we ons eerst richten om uw impact te versterken? Rangschik ze van nuttigst (1) tot minst nuttig.",
                  "Which data should we focus on first to strengthen your impact? Rank it from most useful (1) to least useful."))
            .WithOptions(DataOptions());

        var tools = Ask(QuestionType.MultipleChoice, required: true,
                T("Quels outils partagés feraient vraiment grandir votre impact ?",
                  "Welke gedeelde hulpmiddelen zouden uw impact echt doen groeien?",
                  "Which shared tools would really make your impact grow?"))
            .WithOptions(
                Option("Une carte collaborative des alternatives", "Een gezamenlijke kaart van de alternatieven", "A collaborative map of alternatives"),
                Option("Une base de données partagée", "Een gedeelde databank", "A shared database"),
                Option("Un annuaire des organisations et de leurs personnes de contact", "Een gids van organisaties en hun contactpersonen", "A directory of organisations and their contact people"),
                Option("Un agenda commun des événements", "Een gemeenschappelijke evenementenkalender", "A shared events calendar"),
                Option("Un catalogue de matériel et de salles à prêter ou à louer", "Een catalogus van materiaal en zalen om te lenen of te huren", "A catalogue of equipment and rooms to lend or rent"),
                Option("Une bibliothèque de récits et de bonnes pratiques", "Een bibliotheek van verhalen en goede praktijken", "A library of stories and good practices"))
            .OrOther()
            .WithHelp(T("Des données partagées ne font grandir l'impact qu'à travers des outils qui les rendent utiles : ce sont les vecteurs de la mise à l'échelle.",
                        "Gedeelde gegevens vergroten de impact pas via hulpmiddelen die ze bruikbaar maken: dat zijn de hefbomen voor opschaling.",
                        "Shared data only grows impact through tools that make it useful: these are the vectors of scaling."));

        var use = Ask(QuestionType.LongText, required: false,
                T("Que feriez-vous concrètement avec ces outils ?",
                  "Wat zou u concreet met deze hulpmiddelen doen?",
                  "What would you actually do with these tools?"))
            .WithHelp(T("Par exemple : orienter vos publics, trouver des partenaires, montrer ce qui existe dans un quartier.",
                        "Bijvoorbeeld: uw doelgroepen doorverwijzen, partners vinden, tonen wat er in een wijk bestaat.",
                        "For example: refer your audiences, find partners, show what exists in a neighbourhood."));

        var located = Ask(QuestionType.YesNo, required: true,
                T("Vos données comportent-elles une adresse ou une position géographique ?",
                  "Bevatten uw gegevens een adres of een geografische locatie?",
                  "Does your data include an address or a geographic location?"))
            .WithHelp(T("Sans localisation, une donnée ne peut pas apparaître sur une carte.",
                        "Zonder locatie kunnen gegevens niet op een kaart verschijnen.",
                        "Without a location, data cannot appear on a map."));

        var export = Ask(QuestionType.YesNo, required: false,
                T("Vos outils actuels permettent-ils d'exporter vos données dans un format ouvert (CSV, par exemple) ?",
                  "Kunt u met uw huidige tools uw gegevens exporteren in een open formaat (bijvoorbeeld CSV)?",
                  "Can your current tools export your data in an open format (CSV, for example)?"));

        var categories = Ask(QuestionType.Scale, required: false,
                T("Seriez-vous prêts à classer vos données selon des catégories communes, définies avec les autres organisations ?",
                  "Zou u uw gegevens willen indelen volgens gemeenschappelijke categorieën, samen met de andere organisaties vastgelegd?",
                  "Would you be ready to sort your data into common categories, agreed with the other organisations?"))
            .WithScale(T("Pas du tout", "Helemaal niet", "Not at all"),
                       T("Tout à fait", "Helemaal wel", "Absolutely"));

        var openness = Ask(QuestionType.Scale, required: true,
                T("Dans quelle mesure seriez-vous prêts à partager vos données avec d'autres organisations ?",
                  "In welke mate zou u uw gegevens met andere organisaties willen delen?",
                  "To what extent would you be ready to share your data with other organisations?"))
            .WithScale(T("Pas du tout", "Helemaal niet", "Not at all"),
                       T("Entièrement, sous licence ouverte", "Volledig, onder een open licentie", "Fully, under an open licence"));

        var holdsBack = Ask(QuestionType.LongText, required: false,
                T("Qu'est-ce qui vous retient ?",
                  "Wat houdt u tegen?",
                  "What holds you back?"))
            .WithHelp(T("Confidentialité, RGPD, temps, compétences techniques, crainte de perdre la maîtrise de vos données…",
                        "Vertrouwelijkheid, AVG, tijd, technische vaardigheden, vrees om de controle over uw gegevens te verliezen…",
                        "Confidentiality, GDPR, time, technical skills, fear of losing control over your data…"))
            .ShownWhen(openness, "1", "2", "3");

        var keeper = Ask(QuestionType.YesNo, required: false,
                T("Une personne de votre organisation pourrait-elle aider à tenir les données partagées à jour ?",
                  "Zou iemand van uw organisatie kunnen helpen om de gedeelde gegevens actueel te houden?",
                  "Could someone in your organisation help keep the shared data up to date?"));

        return new QuestionnaireContent
        {
            Title = T("Diagnostic approfondi : mutualiser des données",
                      "Verdiepende analyse: gegevens delen",
                      "In-depth diagnosis: pooling data"),
            Introduction = T(
                "Ce questionnaire s'adresse aux organisations intéressées par la mise en commun de données, par exemple pour alimenter des cartes partagées. Il nous aide à choisir les données sur lesquelles se concentrer et les outils à construire ensemble. Comptez une dizaine de minutes.",
                "Deze vragenlijst richt zich tot organisaties die gegevens willen delen, bijvoorbeeld om gedeelde kaarten te voeden. Ze helpt ons kiezen op welke gegevens we ons richten en welke hulpmiddelen we samen bouwen. Reken op een tiental minuten.",
                "This questionnaire is for organisations interested in pooling data, for example to feed shared maps. It helps us choose which data to focus on and which tools to build together. It takes about ten minutes."),
            Sections =
            [
                Section(T("Vos données aujourd'hui", "Uw gegevens vandaag", "Your data today"),
                        T("Les données que vous produisez, utilisez ou cherchez au quotidien.",
                          "De gegevens die u dagelijks aanmaakt, gebruikt of zoekt.",
                          "The data you produce, use or look for every day."),
                        daily, storage, freshness),
                Section(T("Priorités pour la mise à l'échelle", "Prioriteiten voor opschaling", "Priorities for scaling"),
                        T("Mettre des données en commun n'augmente l'impact que si elles sont utiles et utilisées.",
                          "Gegevens delen verhoogt de impact alleen als ze nuttig zijn en ook gebruikt worden.",
                          "Pooling data only raises impact if the data is useful and actually used."),
                        focus, tools, use),
                Section(T("Partage et interopérabilité", "Delen en interoperabiliteit", "Sharing and interoperability"),
                        T("Pour être croisées et cartographiées, des données doivent être localisables, classées de la même façon et lisibles par d'autres outils.",
                          "Om gegevens te kunnen combineren en in kaart te brengen, moeten ze een locatie hebben, op dezelfde manier ingedeeld zijn en leesbaar zijn voor andere tools.",
                          "To be combined and mapped, data must be locatable, sorted the same way and readable by other tools."),
                        located, export, categories, openness, holdsBack, keeper),
            ],
        };
    }

    private static OptionDefinition[] DataOptions() =>
    [
        Option("Adresses et lieux d'activités", "Adressen en activiteitslocaties", "Addresses and activity locations"),
        Option("Agenda des événements", "Evenementenkalender", "Event calendars"),
        Option("Coordonnées des organisations partenaires", "Contactgegevens van partnerorganisaties", "Partner organisations' contact details"),
        Option("Offre de services et d'activités", "Aanbod aan diensten en activiteiten", "Services and activities on offer"),
        Option("Ressources disponibles : salles, matériel, équipements", "Beschikbare middelen: zalen, materiaal, uitrusting", "Available resources: rooms, materials, equipment"),
        Option("Chiffres sur nos publics et nos activités", "Cijfers over ons publiek en onze activiteiten", "Figures on our audiences and activities"),
        Option("Données sur le territoire : quartiers, espaces verts, mobilité", "Gegevens over het grondgebied: wijken, groen, mobiliteit", "Local area data: neighbourhoods, green spaces, mobility"),
        Option("Récits d'expériences, réussites et échecs", "Ervaringsverhalen, successen en mislukkingen", "Stories of experience, successes and failures"),
    ];

    private static QuestionnaireContent CreatePlace()
    {
        var current = Ask(QuestionType.SingleChoice, required: true,
                T("Votre organisation dispose-t-elle aujourd'hui d'un lieu adapté à ses activités ?",
                  "Beschikt uw organisatie vandaag over een plek die past bij haar activiteiten?",
                  "Does your organisation have a place suited to its activities today?"))
            .WithOptions(
                Option("Oui, et il nous convient", "Ja, en die voldoet", "Yes, and it suits us"),
                Option("Oui, mais il ne suffit pas ou plus", "Ja, maar die volstaat niet (meer)", "Yes, but it is not, or no longer, enough"),
                Option("Non, nous en cherchons un", "Nee, we zoeken er een", "No, we are looking for one"),
                Option("Non, et nous n'en avons pas besoin", "Nee, en we hebben er geen nodig", "No, and we do not need one"));

        var functions = Ask(QuestionType.MultipleChoice, required: true,
                T("Pour quelles fonctions auriez-vous besoin d'un lieu partagé ?",
                  "Voor welke functies zou u een gedeelde plek nodig hebben?",
                  "For which functions would you need a shared place?"))
            .WithOptions(
                Option("Bureaux, postes de travail", "Kantoren, werkplekken", "Offices, workstations"),
                Option("Salles de réunion", "Vergaderzalen", "Meeting rooms"),
                Option("Salle d'événements ou de spectacle", "Evenementen- of voorstellingszaal", "Events or performance hall"),
                Option("Atelier, fablab", "Werkplaats, fablab", "Workshop, fablab"),
                Option("Boutique ou point de vente", "Winkel of verkooppunt", "Shop or sales point"),
                Option("Espace de stockage", "Opslagruimte", "Storage space"),
                Option("Cuisine, cantine", "Keuken, kantine", "Kitchen, canteen"),
                Option("Accueil du public, permanences", "Onthaal van het publiek, spreekuren", "Welcoming the public, drop-in hours"),
                Option("Espace pour des initiatives qui démarrent", "Ruimte voor startende initiatieven", "Space for initiatives just starting out"))
            .OrOther()
            .WithHelp(T("Plusieurs réponses possibles.", "Meerdere antwoorden mogelijk.", "Several answers possible."));

        var frequency = Ask(QuestionType.SingleChoice, required: false,
                T("À quelle fréquence utiliseriez-vous ce lieu ?",
                  "Hoe vaak zou u deze plek gebruiken?",
                  "How often would you use this place?"))
            .WithOptions(
                Option("Tous les jours", "Dagelijks", "Every day"),
                Option("Chaque semaine", "Wekelijks", "Every week"),
                Option("Quelques fois par mois", "Enkele keren per maand", "A few times a month"),
                Option("De temps en temps, pour des événements", "Af en toe, voor evenementen", "From time to time, for events"));

        var conditions = Ask(QuestionType.MultipleChoice, required: true,
                T("À quelles conditions partager un lieu deviendrait-il pour vous une véritable coopération, au-delà du partage des murs et des frais ?",
                  "Onder welke voorwaarden zou een gedeelde plek voor u uitgroeien tot echte samenwerking, verder dan het delen van muren en kosten?",
                  "Under which conditions would sharing a place become real cooperation for you, beyond sharing walls and costs?"))
            .WithOptions(
                Option("Une gouvernance partagée entre occupants", "Gedeeld bestuur door de gebruikers", "Governance shared among the occupants"),
                Option("Des projets communs entre organisations", "Gemeenschappelijke projecten tussen organisaties", "Joint projects between organisations"),
                Option("Une communication commune qui fait se croiser nos publics", "Gezamenlijke communicatie die onze doelgroepen samenbrengt", "Joint communication that brings our audiences together"),
                Option("Des services partagés : accueil, informatique, comptabilité", "Gedeelde diensten: onthaal, IT, boekhouding", "Shared services: reception, IT, accounting"),
                Option("Des moments pour apprendre à se connaître", "Momenten om elkaar te leren kennen", "Time to get to know each other"),
                Option("Un message porté ensemble auprès des pouvoirs publics", "Een gezamenlijke boodschap aan de overheid", "A message carried together to the public authorities"),
                Option("Des espaces pensés pour les rencontres", "Ruimtes die ontmoetingen uitlokken", "Spaces designed for people to meet"))
            .OrOther()
            .WithHelp(T("Plusieurs réponses possibles.", "Meerdere antwoorden mogelijk.", "Several answers possible."));

        var expectations = Ask(QuestionType.Ranking, required: false,
                T("Qu'attendez-vous d'abord d'un lieu partagé ? Classez, de la plus importante (1) à la moins importante.",
                  "Wat verwacht u in de eerste plaats van een gedeelde plek? Rangschik van belangrijkst (1) tot minst belangrijk.",
                  "What do you expect first from a shared place? Rank from most important (1) to least important."))
            .WithOptions(
                Option("Réduire nos frais et libérer du temps pour nos missions", "Onze kosten drukken en tijd vrijmaken voor onze opdracht", "Cut our costs and free time for our mission"),
                Option("Faire connaître nos activités aux publics des autres", "Onze activiteiten bekendmaken bij het publiek van de anderen", "Make our activities known to the others' audiences"),
                Option("Mener des actions communes", "Samen acties opzetten", "Run joint actions"),
                Option("Peser ensemble sur les politiques publiques", "Samen wegen op het overheidsbeleid", "Weigh together on public policy"),
                Option("Échanger nos pratiques et apprendre les uns des autres", "Praktijken uitwisselen en van elkaar leren", "Exchange practices and learn from each other"));

        var depth = Ask(QuestionType.Scale, required: true,
                T("Jusqu'où seriez-vous prêts à coopérer avec les autres occupants ?",
                  "Hoe ver zou u willen gaan in de samenwerking met de andere gebruikers?",
                  "How far would you be ready to cooperate with the other occupants?"))
            .WithScale(T("Partager les murs, sans plus", "Alleen het gebouw delen", "Share the walls, nothing more"),
                       T("Construire ensemble une offre coordonnée", "Samen een gecoördineerd aanbod uitbouwen", "Build a coordinated offer together"));

        var approve = Option("Nous l'approuvons", "We steunen het", "We approve of it");
        var approveWithConditions = Option("Nous l'approuvons, à certaines conditions", "We steunen het, onder voorwaarden", "We approve of it, with conditions");
        var disapprove = Option("Nous ne l'approuvons pas", "We steunen het niet", "We do not approve of it");
        var approval = Ask(QuestionType.SingleChoice, required: true,
                T("Que pensez-vous de cette proposition de lieu fédérateur ?",
                  "Wat vindt u van dit voorstel voor een verbindende plek?",
                  "What do you think of this proposal for a federating place?"))
            .WithOptions(approve, approveWithConditions, disapprove);

        var whichConditions = Ask(QuestionType.LongText, required: false,
                T("À quelles conditions ?",
                  "Onder welke voorwaarden?",
                  "Under which conditions?"))
            .ShownWhen(approval, approveWithConditions.Key);

        var why = Ask(QuestionType.LongText, required: false,
                T("Qu'est-ce qui vous fait hésiter, et qu'est-ce qui devrait changer ?",
                  "Wat doet u twijfelen, en wat zou er moeten veranderen?",
                  "What makes you hesitate, and what would need to change?"))
            .ShownWhen(approval, disapprove.Key);

        var activities = Ask(QuestionType.YesNo, required: false,
                T("Votre organisation envisagerait-elle d'y mener une partie de ses activités ?",
                  "Zou uw organisatie er een deel van haar activiteiten willen organiseren?",
                  "Would your organisation consider holding some of its activities there?"))
            .ShownWhen(approval, approve.Key, approveWithConditions.Key);

        return new QuestionnaireContent
        {
            Title = T("Diagnostic approfondi : un lieu partagé",
                      "Verdiepende analyse: een gedeelde plek",
                      "In-depth diagnosis: a shared place"),
            Introduction = T(
                "Ce questionnaire explore vos besoins d'espace et votre intérêt pour un lieu fédérateur, où des alternatives bruxelloises mèneraient leurs activités et coopéreraient. Comptez une dizaine de minutes.",
                "Deze vragenlijst peilt naar uw ruimtebehoeften en uw interesse in een verbindende plek, waar Brusselse alternatieven hun activiteiten organiseren en samenwerken. Reken op een tiental minuten.",
                "This questionnaire explores your space needs and your interest in a federating place, where Brussels alternatives would hold their activities and work together. It takes about ten minutes."),
            Sections =
            [
                Section(T("Vos besoins d'espace", "Uw ruimtebehoeften", "Your space needs"),
                        T("Les espaces dont vous disposez et ceux qui vous manquent.",
                          "De ruimtes waarover u beschikt en de ruimtes die u mist.",
                          "The spaces you have and those you lack."),
                        current, functions, frequency),
                Section(T("Du partage à la coopération", "Van delen naar samenwerken", "From sharing to cooperation"),
                        T("Partager un lieu peut simplement réduire les coûts, ou devenir le point d'appui de projets et d'actions communes. Qu'est-ce qui ferait la différence pour vous ?",
                          "Een plek delen kan gewoon de kosten drukken, of het vertrekpunt worden van gezamenlijke projecten en acties. Wat zou voor u het verschil maken?",
                          "Sharing a place can simply cut costs, or become the base for joint projects and actions. What would make the difference for you?"),
                        conditions, expectations, depth),
                Section(T("La proposition de lieu fédérateur", "Het voorstel van een verbindende plek", "The federating place proposal"),
                        T("Plusieurs organisations proposent de créer à Bruxelles un lieu fédérateur : un espace reconnu où les alternatives organiseraient leurs activités, de façon permanente ou ponctuelle, où différents mouvements sociaux se croiseraient et coopéreraient, et où des initiatives naissantes pourraient s'installer et grandir.",
                          "Verschillende organisaties stellen voor om in Brussel een verbindende plek te creëren: een herkenbare ruimte waar alternatieven vast of af en toe hun activiteiten organiseren, waar verschillende sociale bewegingen elkaar ontmoeten en samenwerken, en waar startende initiatieven zich kunnen vestigen en groeien.",
                          "Several organisations propose to create a federating place in Brussels: a recognised space where alternatives would hold their activities, permanently or from time to time, where different social movements would meet and work together, and where new initiatives could settle and grow."),
                        approval, whichConditions, why, activities),
            ],
        };
    }

    private static LocalizedText T(string fr, string nl, string en) => new(fr, nl, en);

    private static OptionDefinition Option(string fr, string nl, string en) => new() { Text = T(fr, nl, en) };

    private static SectionDefinition Section(LocalizedText title, LocalizedText description, params QuestionDefinition[] questions) =>
        new() { Title = title, Description = description, Questions = [.. questions] };

    private static QuestionDefinition Ask(QuestionType type, bool required, LocalizedText text) =>
        new() { Type = type, Required = required, Text = text };

    private static QuestionDefinition WithHelp(this QuestionDefinition question, LocalizedText help)
    {
        question.Help = help;
        return question;
    }

    private static QuestionDefinition WithOptions(this QuestionDefinition question, params OptionDefinition[] options)
    {
        question.Options = [.. options];
        return question;
    }

    /// <summary>Adds "other, please specify" to a choice question.</summary>
    private static QuestionDefinition OrOther(this QuestionDefinition question)
    {
        question.AllowOther = true;
        return question;
    }

    private static QuestionDefinition WithScale(this QuestionDefinition question, LocalizedText minLabel, LocalizedText maxLabel)
    {
        question.ScaleMinLabel = minLabel;
        question.ScaleMaxLabel = maxLabel;
        return question;
    }

    private static QuestionDefinition AtLeast(this QuestionDefinition question, decimal minimum)
    {
        question.Minimum = minimum;
        return question;
    }

    /// <summary>Shows the question only when an earlier question was answered with one of these choices.</summary>
    private static QuestionDefinition ShownWhen(this QuestionDefinition question, QuestionDefinition source, params string[] values)
    {
        question.Condition = new DisplayCondition { QuestionId = source.Id, Values = [.. values] };
        return question;
    }
}
