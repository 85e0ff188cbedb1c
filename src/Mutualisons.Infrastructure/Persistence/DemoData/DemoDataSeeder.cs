using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// The three living labs of the research notebooks, so a new user lands on a platform that already
/// tells their stories. Loaded only into an empty database.
/// </summary>
public static class DemoDataSeeder
{
    /// <param name="protectLink">Protects questionnaire link tokens (Data Protection); without it the demo questionnaires get no personal links.</param>
    public static async Task<bool> SeedIfEmptyAsync(MutualisonsDbContext db, TimeProvider time, Func<string, string>? protectLink = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Organisations.AnyAsync(cancellationToken) || await db.Mutualisations.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var organisations = Organisations(now);
        db.Organisations.AddRange(organisations.Values);
        var headquarters = HeadquartersForChange(organisations);
        var inCommon = InCommon(organisations);
        var bota = Bota75(organisations);
        var labs = new[] { bota, inCommon, headquarters };
        db.Mutualisations.AddRange(labs);
        // A lab's organisations are its first stakeholders, as when they join through the app.
        var byId = organisations.Values.ToDictionary(x => x.Id);
        db.Stakeholders.AddRange(labs.SelectMany(lab => lab.Memberships.Select(m =>
            Stakeholder.ForOrganisation(lab.Id, m.OrganisationId, byId[m.OrganisationId].Name, byId[m.OrganisationId].Website, m.JoinedAt))));
        await db.SaveChangesAsync(cancellationToken);
        PlaceQuestionnaire(db, headquarters.Id, organisations, protectLink);
        DataQuestionnaire(db, inCommon.Id, organisations, protectLink, now);
        BotaImpact(db, bota.Id, organisations);
        DemoResources.Seed(db, bota.Id, organisations, now);
        DemoLiveWorkshop.SeedPrepared(db, bota.Id, now);
        DemoMapData.Seed(db, inCommon.Id, organisations);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Dictionary<string, Organisation> Organisations(DateTimeOffset now)
    {
        Organisation Make(string name, OrganisationKind kind, string sector, string mission, string website, string street, string postalCode, string city, double lat, double lon, Language[] languages, params ContactPerson[] contacts) =>
            new(new OrganisationProfile(name, kind, sector, mission, website, new PostalAddress(street, postalCode, city, "Belgique", lat, lon), languages, contacts), now);

        Language[] fr = [Language.French];
        Language[] frNl = [Language.French, Language.Dutch];
        Language[] all = [Language.French, Language.Dutch, Language.English];

        return new Dictionary<string, Organisation>
        {
            ["mdm"] = Make("Médecins du Monde", OrganisationKind.Association, "Santé", "Soigner les personnes exclues des soins de santé et témoigner des obstacles à l'accès aux soins.", "https://medecinsdumonde.be", "Rue Botanique 75", "1210", "Saint-Josse-ten-Noode", 50.8553, 4.3667, all,
                new ContactPerson("Coordination Bota 75", ContactRole.Coordinator, null), new ContactPerson("Responsable informatique", ContactRole.ItLead, null)),
            ["vwv"] = Make("Vluchtelingenwerk Vlaanderen", OrganisationKind.Association, "Accueil des personnes réfugiées", "Défendre les droits des personnes en exil et soutenir leur accueil.", "https://vluchtelingenwerk.be", "Rue Botanique 75", "1210", "Saint-Josse-ten-Noode", 50.8553, 4.3667, [Language.Dutch, Language.French],
                new ContactPerson("Directie", ContactRole.DecisionMaker, null)),
            ["sawb"] = Make("SAW-B", OrganisationKind.Network, "Économie sociale", "Fédérer et accompagner les entreprises d'économie sociale.", "https://saw-b.be", "Rue Botanique 75", "1210", "Saint-Josse-ten-Noode", 50.8553, 4.3667, fr,
                new ContactPerson("Responsable RH", ContactRole.HrLead, null)),
            ["financite"] = Make("Réseau Financité", OrganisationKind.Association, "Finance solidaire", "Développer une finance responsable et solidaire.", "https://financite.be", "Rue Botanique 75", "1210", "Saint-Josse-ten-Noode", 50.8553, 4.3667, frNl,
                new ContactPerson("Coordination des projets", ContactRole.Coordinator, null), new ContactPerson("Direction", ContactRole.DecisionMaker, null)),
            ["dewey"] = Make("Dewey", OrganisationKind.Association, "Cartographie citoyenne", "Cartographier les initiatives durables de Bruxelles pour les rendre visibles.", "https://dewey.be", "", "1000", "Bruxelles", 50.8467, 4.3525, frNl),
            ["ps"] = Make("Petites Singularités", OrganisationKind.Association, "Logiciel libre", "Développer des outils numériques libres pour les collectifs.", "https://ps.zoethical.org", "", "1000", "Bruxelles", 50.8467, 4.3525, all,
                new ContactPerson("Coordination technique", ContactRole.ItLead, null)),
            ["transition"] = Make("Réseau Transition", OrganisationKind.Network, "Transition écologique", "Relier et soutenir les initiatives de transition en Wallonie et à Bruxelles.", "https://reseautransition.be", "", "1000", "Bruxelles", 50.8467, 4.3525, fr),
            ["mycelium"] = Make("Mycélium", OrganisationKind.CitizenInitiative, "Éducation permanente", "Relier les alternatives citoyennes par l'échange de savoirs.", "", "", "1000", "Bruxelles", 50.8467, 4.3525, fr),
            ["aia"] = Make("Agroecology in Action", OrganisationKind.CitizenInitiative, "Agroécologie", "Mettre en réseau les acteurs de l'agroécologie à Bruxelles.", "", "", "1000", "Bruxelles", 50.8467, 4.3525, all),
            ["bral"] = Make("BRAL", OrganisationKind.Association, "Mouvement urbain", "Porter la voix des habitants pour une ville durable.", "https://bral.brussels", "", "1000", "Bruxelles", 50.8467, 4.3525, [Language.Dutch, Language.French, Language.English],
                new ContactPerson("Coördinatie", ContactRole.DecisionMaker, null)),
            ["communa"] = Make("Communa", OrganisationKind.Association, "Occupation temporaire", "Transformer des bâtiments vides en lieux de vie et d'expérimentation.", "https://communa.be", "", "1060", "Saint-Gilles", 50.8283, 4.3459, frNl),
        };
    }

    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private static Mutualisation Bota75(Dictionary<string, Organisation> o)
    {
        var lab = new Mutualisation(
            "Bota 75",
            "Des associations qui partagent déjà un bâtiment cherchent ce qu'elles peuvent faire de plus ensemble à partir de ce lieu.",
            [ResourceKind.Place, ResourceKind.WorkforceServicesExpertise],
            CooperationLevel.Reinforced,
            On(2018, 9, 15));
        lab.AddMember(o["mdm"].Id, MembershipRole.PilotGroupMember, On(2018, 9, 15));
        lab.AddMember(o["financite"].Id, MembershipRole.PilotGroupMember, On(2018, 9, 15));
        lab.AddMember(o["vwv"].Id, MembershipRole.Participant, On(2018, 10, 1));
        lab.AddMember(o["sawb"].Id, MembershipRole.Participant, On(2018, 10, 1));

        lab.MoveFocus(Cycle.Publics, "Équipe Mutualisons", "Rencontres bilatérales avec chaque occupant : qui décide, qui peut donner du temps aux groupes de travail, avec quelles marges.", On(2018, 10, 2));
        lab.MoveFocus(Cycle.Diagnostic, "Équipe Mutualisons", "Mandat et feu vert obtenus : premier atelier pour savoir ce que nous pouvons faire de plus à partir du lieu déjà partagé.", On(2018, 12, 4));
        lab.MoveFocus(Cycle.ToolConfiguration, "Groupe pilote", "L'atelier a fait émerger six pistes d'expérimentation : constituer un groupe de travail par piste, avec un pilote.", On(2019, 2, 12));
        lab.MoveFocus(Cycle.Impact, "Groupe pilote", "Prioriser les pistes selon leur faisabilité et l'impact attendu avant que chaque organisation les valide.", On(2019, 4, 9));

        lab.RecordCycle(Cycle.Publics, CycleState.AdvancedEnough, "Mandats clairs de chaque organisation ; groupes de travail constitués.", On(2019, 1, 10));
        lab.RecordCycle(Cycle.Diagnostic, CycleState.AdvancedEnough, "Besoins partagés : se connaître, partager l'expertise (RGPD, informatique, marchés publics), un éco-label.", On(2019, 2, 12));
        lab.RecordCycle(Cycle.ToolConfiguration, CycleState.Exploring, "Éco-label, coopérative renforcée, annuaire des occupants, tables de conversation bilingues, alimentation saine.", On(2019, 3, 20));
        lab.RecordCycle(Cycle.Impact, CycleState.Exploring, "Pour chaque piste : hypothèse d'impact et premiers indicateurs.", On(2019, 4, 9));
        lab.RecordCycle(Cycle.CoreMethods, CycleState.Exploring, "Bilatérales plutôt qu'une grande réunion : la confiance d'abord.", On(2018, 10, 2));
        return lab;
    }

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    /// <summary>
    /// Cycle 3 in Bota 75: three occupants have written their impact statement (one revised since), and the
    /// shared meeting rooms are tested as a hypothesis with two indicators measured month by month.
    /// Médecins du Monde has not written its statement yet: its representative does it in the app.
    /// </summary>
    private static void BotaImpact(MutualisonsDbContext db, Guid labId, Dictionary<string, Organisation> o)
    {
        var financite = new ImpactStatement(labId, o["financite"].Id, new StatementText(
            o["financite"].Mission,
            "Que les personnes à bas revenus aient accès à des services financiers et à une épargne qui ont du sens.",
            [Audience.Beneficiaries, Audience.Volunteers], null, [EffectNature.Social, EffectNature.Economic],
            null, null, null), null, On(2019, 4, 16));
        financite.Revise(new StatementText(
            o["financite"].Mission,
            "Que les personnes à bas revenus aient accès à des services financiers et à une épargne qui ont du sens, et que les associations du bâtiment dépensent moins pour leurs locaux.",
            [Audience.Beneficiaries, Audience.Volunteers, Audience.Institutions], "Les autres occupants du Bota 75", [EffectNature.Social, EffectNature.Economic],
            "Sans nous, la plupart de nos groupes locaux n'auraient pas de lieu où se réunir : les réunions tenues au Bota 75 sont notre part.",
            "Des épargnants qui comprennent où va leur argent, et des bénévoles qui animent eux-mêmes des soirées d'information.",
            "Peu d'acteurs à Bruxelles mêlent éducation financière et finance solidaire : oui, dans notre quartier."), null, On(2019, 5, 21));
        var sawb = new ImpactStatement(labId, o["sawb"].Id, new StatementText(
            o["sawb"].Mission,
            "Des entreprises d'économie sociale plus nombreuses et plus solides, qui coopèrent entre elles.",
            [Audience.Users, Audience.Institutions, Audience.Staff], null, [EffectNature.Economic, EffectNature.Social],
            "Les entreprises accompagnées qui se créent ou se maintiennent, moins celles qui l'auraient fait sans accompagnement.",
            null, null), null, On(2019, 4, 23));
        var vwv = new ImpactStatement(labId, o["vwv"].Id, new StatementText(
            o["vwv"].Mission,
            "Que les personnes réfugiées soient accueillies dignement et connaissent leurs droits.",
            [Audience.Beneficiaries, Audience.Volunteers], null, [EffectNature.Social],
            null, "Des personnes qui trouvent seules leur chemin dans les démarches, et des bénévoles qui se sentent utiles.", null), null, On(2019, 5, 2));
        db.ImpactStatements.AddRange(financite, sawb, vwv);

        var rooms = new ImpactHypothesis(labId, o["financite"].Id,
            "Partager les salles de réunion du Bota 75 réduit nos frais de location et libère du temps pour accompagner nos groupes locaux.",
            "L'équipe et les bénévoles des groupes locaux", EffectSign.Positive, EffectNature.Economic, On(2019, 4, 30));
        var rent = rooms.AddIndicator(new IndicatorDefinition("Frais de location de salles par mois", IndicatorUnit.Euros, IndicatorDirection.LowerIsBetter, 1800, Day(2019, 1, 31), 600, Day(2019, 12, 31)));
        var hours = rooms.AddIndicator(new IndicatorDefinition("Heures d'accompagnement des groupes locaux par mois", IndicatorUnit.Hours, IndicatorDirection.HigherIsBetter, 40, Day(2019, 1, 31), 60, Day(2019, 12, 31)));
        db.ImpactHypotheses.Add(rooms);
        (int Month, decimal Rent, decimal Hours)[] months = [(2, 1650, 42), (3, 1400, 45), (4, 1150, 47), (5, 900, 52), (6, 850, 54)];
        foreach (var (month, euros, time) in months)
        {
            var on = new DateOnly(2019, month, 1).AddMonths(1).AddDays(-1);
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
            db.Measurements.Add(rooms.RecordMeasurement(rent.Id, on, euros, month == 4 ? "Deux salles partagées avec SAW-B depuis avril." : null, null, at));
            db.Measurements.Add(rooms.RecordMeasurement(hours.Id, on, time, null, null, at));
        }
        SharedAreaSurvey(db, labId, o, rooms);
        db.Evidence.Add(rooms.AddEvidence(null, EvidenceKind.Quote, "On ne perd plus une matinée à chercher une salle pour la soirée d'information.", "Une bénévole de Saint-Josse", Day(2019, 5, 14), null, On(2019, 5, 14)));
        BotaLevelTwo(db, labId, rooms);
    }

    /// <summary>
    /// The second level in Bota 75: the lab's evaluation frame, and the three logics it pursues with the shared
    /// rooms, each linked to Réseau Financité's hypothesis, to impact objectives and to scaling strategies.
    /// </summary>
    private static void BotaLevelTwo(MutualisonsDbContext db, Guid labId, ImpactHypothesis rooms)
    {
        db.EvaluationFrames.Add(new EvaluationFrame(labId, null, new FrameText(
            [EvaluationPurpose.UnderstandEffects, EvaluationPurpose.FindImprovements, EvaluationPurpose.ConvinceFunders],
            [EvaluationAudience.InternalStakeholders, EvaluationAudience.Funders],
            "Le groupe pilote, avec une personne par organisation",
            "Une demi-journée par trimestre pour relever les chiffres et en discuter ; pas de budget propre.",
            [EvaluationMethod.Indicators, EvaluationMethod.LogicModel],
            [EvaluationTiming.Before, EvaluationTiming.Continuous],
            new Dictionary<ImpactComplexity, string?>
            {
                [ImpactComplexity.Computational] = "Quatre occupants, des dizaines d'activités : on ne suit que les salles et le temps libéré.",
                [ImpactComplexity.Axiological] = "Les financeurs regardent les économies, les bénévoles le temps gagné : on montre les deux.",
            }), On(2019, 5, 7)));

        var means = new PursuedLogic(labId, MutualisationLogic.Means, new LogicAims(
            "Les salles partagées coûtent moins cher à chacun ; l'argent et le temps gagnés retournent à l'accompagnement.",
            [ImpactObjective.Consolidation, ImpactObjective.Optimisation], [ScalingStrategy.Protection, ScalingStrategy.Cooperation]), On(2019, 5, 7));
        means.Link(rooms);
        var project = new PursuedLogic(labId, MutualisationLogic.WeakProject, new LogicAims(
            "Chaque occupant relaie les soirées des autres : les publics se croisent.",
            [ImpactObjective.QuantitativeIncrease], [ScalingStrategy.Broadening]), On(2019, 5, 7));
        project.Link(rooms);
        var swarming = new PursuedLogic(labId, MutualisationLogic.SwarmingAndFertilisation, new LogicAims(
            "Les groupes locaux de Financité apprennent des permanences des autres occupants, et l'inverse.",
            [ImpactObjective.QualityImprovement], [ScalingStrategy.Fertilisation, ScalingStrategy.Learning]), On(2019, 6, 4));
        swarming.Link(rooms);
        db.PursuedLogics.AddRange(means, project, swarming);

        // The lab's own catalogue: a built-in entry adapted to the building, and one written from scratch.
        var relayed = LabCatalogueEntry.CopyOf(labId, IndicatorCatalogue.Find("project.cross-publicity")!, "fr", On(2019, 5, 7));
        relayed.Revise(new LabEntryText(MutualisationLogic.WeakProject, ImpactObjective.QuantitativeIncrease, "Occupants qui relaient les soirées des autres",
            "La part des occupants du Bota 75 qui ont annoncé une soirée d'un autre occupant dans leur lettre ou sur leurs réseaux.",
            IndicatorUnit.Percentage, IndicatorDirection.HigherIsBetter, "Une question oui/non à chaque occupant, chaque trimestre.",
            "Avez-vous annoncé une soirée d'un autre occupant du Bota 75 ce trimestre ?"));
        var lunches = new LabCatalogueEntry(labId, new LabEntryText(MutualisationLogic.SwarmingAndFertilisation, ImpactObjective.QualityImprovement, "Midis partagés entre occupants",
            "Les repas de midi pris ensemble par des équipes d'au moins deux occupants : là où les pratiques s'échangent.",
            IndicatorUnit.Count, IndicatorDirection.HigherIsBetter, "Chaque occupant compte les midis partagés du mois ; la plateforme additionne.",
            "Combien de midis votre équipe a-t-elle partagés ce mois-ci avec un autre occupant ?"), null, On(2019, 6, 4));
        db.LabCatalogueEntries.AddRange(relayed, lunches);
    }

    /// <summary>
    /// The catalogue's "area shared" indicator, collected by a short questionnaire three occupants answered: the
    /// hypothesis page shows the sum of their answers as a proposed measurement, waiting to be confirmed.
    /// </summary>
    private static void SharedAreaSurvey(MutualisonsDbContext db, Guid labId, Dictionary<string, Organisation> o, ImpactHypothesis rooms)
    {
        var area = rooms.AddFromCatalogue(IndicatorCatalogue.Find("means.shared-area")!, "fr", 0, Day(2019, 1, 31), 400, Day(2019, 12, 31));
        var content = new QuestionnaireContent { Title = new LocalizedText("Bilan du partage des lieux", "Balans van het delen van de ruimtes", "Review of the shared spaces") };
        var questionnaire = new Questionnaire(labId, content, null, On(2019, 6, 3));
        var question = rooms.CollectByQuestionnaire(area.Id, questionnaire, On(2019, 6, 3));
        var version = questionnaire.Publish(null, On(2019, 6, 4));
        questionnaire.Schedule(On(2019, 6, 4), On(2019, 7, 15), On(2019, 6, 4));
        db.Questionnaires.Add(questionnaire);
        db.QuestionnaireVersions.Add(version);
        foreach (var (key, metres, day) in new[] { ("financite", "120", 5), ("sawb", "85", 6), ("mdm", "40", 10) })
        {
            var response = QuestionnaireResponse.Start(questionnaire.Id, version.Id, null, o[key].Id, null, "fr", On(2019, 6, day));
            response.SaveSection(version.Content, 0, new Dictionary<Guid, SubmittedAnswer> { [question.Id] = new([metres]) }, "fr", On(2019, 6, day));
            response.Submit(version.Content, On(2019, 6, day));
            db.QuestionnaireResponses.Add(response);
        }
    }

    private static Mutualisation InCommon(Dictionary<string, Organisation> o)
    {
        var lab = new Mutualisation(
            "In Common",
            "Des acteurs associatifs mettent en commun leurs données cartographiques dans une bibliothèque collaborative, pour que chacun puisse faire ses propres cartes.",
            [ResourceKind.Data, ResourceKind.InformationCommunication],
            CooperationLevel.Reinforced,
            On(2018, 3, 1));
        lab.AddMember(o["dewey"].Id, MembershipRole.PilotGroupMember, On(2018, 3, 1));
        lab.AddMember(o["ps"].Id, MembershipRole.PilotGroupMember, On(2018, 3, 1));
        lab.AddMember(o["transition"].Id, MembershipRole.PilotGroupMember, On(2018, 3, 1));
        lab.AddMember(o["mycelium"].Id, MembershipRole.Participant, On(2018, 3, 1));
        lab.AddMember(o["aia"].Id, MembershipRole.Participant, On(2018, 3, 1));

        lab.MoveFocus(Cycle.Publics, "Réseau Transition", "Constituer le groupe pilote en tenant compte de l'histoire du projet et des rôles de chacun.", On(2018, 3, 6));
        lab.MoveFocus(Cycle.Diagnostic, "Dewey", "Savoir quelles données cartographiques les futurs utilisateurs emploient au quotidien.", On(2018, 6, 12));
        lab.MoveFocus(Cycle.ToolConfiguration, "Petites Singularités", "Ouvrir la bibliothèque de données collaborative : données géolocalisables, interopérables et catégorisées.", On(2018, 11, 20));
        lab.MoveFocus(Cycle.Publics, "Réseau Transition", "103 inscrits dont la moitié actifs : élargir aux acteurs de l'économie sociale.", On(2019, 3, 14));

        lab.RecordCycle(Cycle.Diagnostic, CycleState.AdvancedEnough, "Données utilisées au quotidien et outils porteurs de la mise à l'échelle identifiés.", On(2018, 10, 2));
        lab.RecordCycle(Cycle.ToolConfiguration, CycleState.Exploring, "Bibliothèque de données en ligne ; catégorisation commune en discussion.", On(2019, 2, 5));
        return lab;
    }

    private static Mutualisation HeadquartersForChange(Dictionary<string, Organisation> o)
    {
        var lab = new Mutualisation(
            "Headquarters for Change",
            "Un lieu fédérateur pour les alternatives bruxelloises : une vitrine où plusieurs mouvements sociaux se croisent et collaborent.",
            [ResourceKind.Place],
            CooperationLevel.Strategic,
            On(2018, 9, 20));
        lab.AddMember(o["bral"].Id, MembershipRole.PilotGroupMember, On(2018, 9, 20));
        lab.AddMember(o["financite"].Id, MembershipRole.PilotGroupMember, On(2019, 4, 30));
        lab.AddMember(o["communa"].Id, MembershipRole.Observer, On(2018, 9, 20));

        lab.MoveFocus(Cycle.Publics, "BRAL", "Ouvrir la co-création du lieu à un public plus large : une journée publique de co-création.", On(2018, 10, 16));
        lab.MoveFocus(Cycle.Impact, "BRAL", "Définir les objectifs du futur lieu dans le contexte bruxellois et un planning idéal à dix ans.", On(2018, 11, 24));
        lab.MoveFocus(Cycle.CoreMethods, "Équipe Mutualisons", "Le deuxième atelier a été annulé deux fois : repenser la méthode et le rôle de chacun.", On(2019, 4, 30));
        lab.MoveFocus(Cycle.Diagnostic, "Réseau Financité", "Questionnaire à une centaine d'associations sur leurs besoins et sur la proposition de lieu fédérateur.", On(2019, 5, 15));

        lab.RecordCycle(Cycle.Diagnostic, CycleState.Exploring, "Une vingtaine de réponses sur une centaine : un lieu est nécessaire, l'idée de lieu fédérateur est approuvée.", On(2019, 6, 20));
        lab.RecordCycle(Cycle.CoreMethods, CycleState.AdvancedEnough, "Communa fait un pas de côté ; BRAL et Financité testent l'idée par questionnaire.", On(2019, 4, 30));
        lab.RecordCycle(Cycle.Publics, CycleState.Revisiting, "Visite du Tri postal à Saint-Gilles, lieu non retenu ; remobiliser autour du questionnaire.", On(2019, 3, 21));
        return lab;
    }

    /// <summary>
    /// The place deep-dive Headquarters for Change sent to associations, published, with the answers of a few
    /// of them (and one still in progress), so results and exports have something to show.
    /// </summary>
    private static void PlaceQuestionnaire(MutualisonsDbContext db, Guid labId, Dictionary<string, Organisation> o, Func<string, string>? protectLink)
    {
        var content = QuestionnaireTemplates.Find(QuestionnaireTemplates.Place)!.Create();
        var questionnaire = new Questionnaire(labId, content, null, On(2019, 5, 15));
        var version = questionnaire.Publish(null, On(2019, 5, 16));
        questionnaire.Schedule(On(2019, 5, 16), On(2019, 6, 30), On(2019, 5, 16));
        db.Questionnaires.Add(questionnaire);
        db.QuestionnaireVersions.Add(version);

        var random = new Random(2019);
        string[] respondents = ["bral", "financite", "communa", "mdm", "sawb", "transition", "mycelium", "aia"];
        foreach (var (key, i) in respondents.Select((k, i) => (k, i)))
        {
            var invitation = Invite(db, questionnaire.Id, o[key].Id, protectLink, On(2019, 5, 16));
            var response = QuestionnaireResponse.Start(questionnaire.Id, version.Id, invitation?.Id, o[key].Id, null, i % 3 == 2 ? "nl" : "fr", On(2019, 5, 17 + i));
            SampleAnswers.Complete(response, version.Content, random, On(2019, 5, 18 + i));
            invitation?.MarkSubmitted(On(2019, 5, 18 + i));
            db.QuestionnaireResponses.Add(response);
        }
        foreach (var key in new[] { "vwv", "ps" })
        {
            Invite(db, questionnaire.Id, o[key].Id, protectLink, On(2019, 5, 16))?.Remind(On(2019, 6, 10));
        }
        var started = Invite(db, questionnaire.Id, o["dewey"].Id, protectLink, On(2019, 5, 16));
        started?.MarkStarted(On(2019, 6, 2));
        var unfinished = QuestionnaireResponse.Start(questionnaire.Id, version.Id, started?.Id, o["dewey"].Id, null, "fr", On(2019, 6, 2));
        SampleAnswers.Complete(unfinished, version.Content, random, On(2019, 6, 2), submit: false);
        db.QuestionnaireResponses.Add(unfinished);

        db.DiagnosticNeeds.Add(new DiagnosticNeed(labId, "Des salles de réunion et un espace d'événements partagés, accessibles en soirée.", ResourceKind.Place, ImpactObjective.QuantitativeIncrease, [], null, On(2019, 6, 20)));
        db.CandidateResources.Add(new CandidateResource(labId, "Lieu fédérateur", ResourceKind.Place, "Un bâtiment où plusieurs mouvements sociaux se croisent ; l'idée est approuvée par la plupart des répondants.", [], null, On(2019, 6, 20)));
    }

    /// <summary>In Common's data deep-dive, open now: links sent to the lab's organisations, one started.</summary>
    private static void DataQuestionnaire(MutualisonsDbContext db, Guid labId, Dictionary<string, Organisation> o, Func<string, string>? protectLink, DateTimeOffset now)
    {
        var questionnaire = new Questionnaire(labId, QuestionnaireTemplates.Find(QuestionnaireTemplates.Data)!.Create(), null, now);
        var version = questionnaire.Publish(null, now);
        db.Questionnaires.Add(questionnaire);
        db.QuestionnaireVersions.Add(version);
        foreach (var key in new[] { "dewey", "ps", "transition", "mycelium", "aia" })
        {
            var invitation = Invite(db, questionnaire.Id, o[key].Id, protectLink, now);
            if (key == "transition" && invitation is not null)
            {
                invitation.MarkStarted(now);
                var response = QuestionnaireResponse.Start(questionnaire.Id, version.Id, invitation.Id, o[key].Id, null, "fr", now);
                var first = version.Content.Sections[0];
                response.SaveSection(version.Content, 0, first.Questions.ToDictionary(q => q.Id, q => SampleAnswers.For(q, new Random(7))), "fr", now);
                db.QuestionnaireResponses.Add(response);
            }
        }
    }

    private static QuestionnaireInvitation? Invite(MutualisonsDbContext db, Guid questionnaireId, Guid organisationId, Func<string, string>? protectLink, DateTimeOffset at)
    {
        if (protectLink is null)
        {
            return null;
        }
        var (invitation, _) = QuestionnaireInvitation.Create(questionnaireId, organisationId, null, protectLink, at);
        db.QuestionnaireInvitations.Add(invitation);
        return invitation;
    }
}
