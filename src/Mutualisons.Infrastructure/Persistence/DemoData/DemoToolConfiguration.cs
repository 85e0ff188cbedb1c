using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Infrastructure.Persistence.DemoData;

/// <summary>
/// Cycle 4 in Bota 75: the cooperation measures of the constitutive workshop (an eco-label, a council of
/// occupants, shared expertise, a who's who, crossing publics, healthy food) as experiments at various stages,
/// investigated by three working groups. Working groups are led by people, so this runs once the demo accounts
/// exist: <paramref name="pilot"/>, <paramref name="facilitator"/> and <paramref name="participant"/> are their ids.
/// </summary>
public static class DemoToolConfiguration
{
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public static async Task SeedAsync(MutualisonsDbContext db, Guid pilot, Guid facilitator, Guid participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleOrDefaultAsync(cancellationToken);
        if (lab == Guid.Empty || await db.Experiments.AnyAsync(e => e.LabId == lab, cancellationToken))
        {
            return;
        }
        var rooms = await db.ImpactHypotheses.IgnoreAutoIncludes().Where(h => h.LabId == lab).OrderBy(h => h.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var hours = rooms is null ? null : await db.Indicators.Where(i => i.HypothesisId == rooms.Id && i.Name.StartsWith("Heures")).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);

        // The needs the workshop shared (cycle 1), which the experiments answer.
        var knowEachOther = new DiagnosticNeed(lab, "Mieux se connaître entre occupants : sans se connaître, aucune coopération n'est possible.", ResourceKind.Place, ImpactObjective.Consolidation, [], null, On(2019, 2, 12));
        var expertise = new DiagnosticNeed(lab, "Des connaissances techniques que chacun cherche seul : RGPD, informatique, marchés publics, financements, assurances.", ResourceKind.WorkforceServicesExpertise, ImpactObjective.Optimisation, [], null, On(2019, 2, 12));
        var values = new DiagnosticNeed(lab, "Un fonctionnement du bâtiment conforme à nos valeurs écologiques, impossible chacun dans son coin.", ResourceKind.Place, ImpactObjective.QualityImprovement, [], null, On(2019, 2, 12));
        db.DiagnosticNeeds.AddRange(knowEachOther, expertise, values);

        var ecoGroup = new WorkingGroup(lab, "GT Éco-label et coopérative", "Instruire le label « entreprise éco-dynamique » et la place de chaque occupant dans la coopérative Bota 75.", pilot, new DateOnly(2019, 9, 30), On(2019, 6, 13));
        ecoGroup.Staff(pilot, [facilitator, participant]);
        var knowGroup = new WorkingGroup(lab, "GT Mieux se connaître", "Réunion des occupants, annuaire, apéros, tables de conversation bilingues : tout ce qui rend la coopération possible.", facilitator, new DateOnly(2019, 10, 31), On(2019, 6, 13));
        knowGroup.Staff(facilitator, [participant]);
        var expertiseGroup = new WorkingGroup(lab, "GT Partage d'expertise", "Recenser les expertises à mutualiser et chiffrer une formation commune ou un engagement via la coopérative.", participant, new DateOnly(2019, 12, 15), On(2019, 6, 13));
        expertiseGroup.Staff(participant, [pilot]);
        ecoGroup.AddNextStep("Demander un devis d'audit énergétique pour tout le bâtiment", pilot, new DateOnly(2019, 7, 15), On(2019, 6, 20));
        var list = knowGroup.AddNextStep("Lister les responsables IT et RH de chaque organisation", facilitator, new DateOnly(2019, 7, 1), On(2019, 6, 20));
        knowGroup.CompleteNextStep(list.Id, new DateOnly(2019, 6, 28));
        knowGroup.AddNextStep("Proposer une date pour la première réunion des occupants", participant, new DateOnly(2019, 9, 15), On(2019, 6, 20));
        expertiseGroup.AddNextStep("Recenser les besoins en RGPD de chaque occupant", participant, new DateOnly(2019, 10, 1), On(2019, 6, 20));
        var meeting = new Activity(lab, "Réunion du GT Éco-label", ActivityKind.WorkingGroupMeeting, ecoGroup.Name, [Cycle.ToolConfiguration], On(2019, 7, 4), "Bota 75, salle du 3e", ParticipationLevel.Collaboration, On(2019, 6, 20));
        ecoGroup.LinkMeeting(meeting);
        db.Activities.Add(meeting);
        db.WorkingGroups.AddRange(ecoGroup, knowGroup, expertiseGroup);

        Experiment Propose(string title, string description, ExperimentMeans means, CooperationLevel level, MutualisationLogic? logic, string impact) =>
            new(lab, new ExperimentDescription(title, description, means, level, logic, impact), null, On(2019, 6, 13));

        var ecoLabel = Propose("Éco-label « entreprise éco-dynamique »",
            "Obtenir ensemble le label de Bruxelles Environnement pour tout le bâtiment.",
            new ExperimentMeans("Audit énergétique : environ 1 500 €", "Une demi-journée par mois et par organisation", null, "Consommations d'énergie et de papier du bâtiment"),
            CooperationLevel.Simple, MutualisationLogic.Means,
            "La conformité à nos valeurs d'abord, l'image ensuite ; et surtout, ce n'est pas faisable chacun dans son coin : la mutualisation est ici nécessaire.");
        ecoLabel.Score(4, 5);
        ecoLabel.AssignTo(ecoGroup);
        var council = Propose("Conseil des occupants de la coopérative",
            "Une plateforme avec un·e représentant·e de chaque occupant, organe de conseil du CA de la coopérative Bota 75.",
            new ExperimentMeans(null, "Une réunion par trimestre", "Salle de réunion du rez-de-chaussée", null),
            CooperationLevel.Reinforced, MutualisationLogic.Strategic,
            "Une meilleure participation de chaque association, pour des décisions plus éclairées.");
        council.Score(4, 4);
        council.AssignTo(ecoGroup);
        var sharedExpertise = Propose("Partage d'expertise",
            "RGPD, informatique, marchés publics, recherche de financements, assurances : une formation par un·e expert·e ou un engagement commun via la coopérative.",
            new ExperimentMeans("Formations : 3 000 € par an à partager", "Une personne référente par organisation", null, null),
            CooperationLevel.Simple, MutualisationLogic.Means,
            "Un plus grand professionnalisme et, peut-être, des économies.");
        sharedExpertise.Score(3, 4);
        sharedExpertise.AssignTo(expertiseGroup);
        var whoIsWho = Propose("Annuaire des occupants",
            "Savoir qui est responsable IT ou RH de chaque organisation, mais aussi qui aime le foot ou le jardinage.",
            new ExperimentMeans(null, "Quelques heures pour le lancer", null, "Rôles, langues et centres d'intérêt que chacun choisit de montrer"),
            CooperationLevel.MakingPossible, MutualisationLogic.SwarmingAndFertilisation,
            "La possibilité même d'une coopération.");
        whoIsWho.Score(5, 3);
        whoIsWho.AssignTo(knowGroup);
        var crossing = Propose("Croisement des publics : éducation financière et santé",
            "Des animations d'éducation financière pour le public de Médecins du Monde ou de Vluchtelingenwerk ; Médecins du Monde dans le module santé de Financité.",
            new ExperimentMeans(null, "Deux animateurs, quelques séances par an", "Salles du bâtiment", "Besoins documentés des publics de chaque organisation"),
            CooperationLevel.Strategic, MutualisationLogic.StrongProject,
            "Des publics croisés, donc diversifiés et accrus ; puis un meilleur service, intégré et pensé à plusieurs.");
        crossing.Score(2, 5);
        var food = Propose("Alimentation saine et économie sociale",
            "Se passer le plus possible des supermarchés voisins : paniers de fruits ou repas livrés par l'économie sociale.",
            new ExperimentMeans("Selon les commandes", null, "La cantine", null),
            CooperationLevel.Simple, MutualisationLogic.Means,
            "Le bien-être des occupants, et des flux financiers réorientés de la grande distribution vers l'économie sociale.");
        food.Score(2, 3);
        food.AssignTo(ecoGroup);

        ecoLabel.Link([values], [], []);
        whoIsWho.Link([knowEachOther], [], []);
        council.Link([knowEachOther], [], []);
        sharedExpertise.Link([expertise], rooms is null ? [] : [rooms], hours is { } h ? [h] : []);

        void Move(Experiment experiment, ExperimentStatus to, Guid by, string why, DateTimeOffset at) => experiment.MoveTo(to, by, why, at);
        Move(ecoLabel, ExperimentStatus.Investigating, pilot, "Le GT Éco-label s'en charge.", On(2019, 6, 20));
        // Each organisation validates the eco-label: Médecins du Monde's mandate names Paula as the one who
        // decides, Réseau Financité designated Pieter as its proxy for this decision; both answered, SAW-B and
        // Vluchtelingenwerk have not yet.
        var bota = await db.Mutualisations.SingleAsync(m => m.Id == lab, cancellationToken);
        var organisations = await db.Organisations.Where(o => o.Name == "Médecins du Monde" || o.Name == "Réseau Financité").ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var mdm = organisations["Médecins du Monde"];
        var financite = organisations["Réseau Financité"];
        bota.RecordMandate(mdm, new Mandate("Paula, coordinatrice", "Paula, une demi-journée par mois", null, null, "Santé, accueil", On(2018, 10, 16), participant), On(2018, 10, 16));
        ecoLabel.MoveTo(ExperimentStatus.AwaitingValidation, pilot, "Faisable et à fort impact : chaque organisation doit donner son accord avant l'audit.", On(2019, 9, 10),
            [.. bota.Memberships.Select(m => m.OrganisationId)]);
        ecoLabel.ChooseValidationRule(ValidationRule.AllApprove, pilot, "—", On(2019, 9, 10));
        var makers = bota.DecisionMakers();
        ecoLabel.GivePosition(mdm, participant, ValidationPosition.ApproveWithConditions,
            "Si l'audit ne mobilise pas notre équipe médicale pendant les permanences.", makers, "—", On(2019, 9, 17));
        ecoLabel.DesignateProxy(financite, pilot, facilitator, recordedByTheLab: true, makers, On(2019, 9, 12));
        ecoLabel.GivePosition(financite, pilot, ValidationPosition.Approve, null, makers, "—", On(2019, 9, 19));
        Move(council, ExperimentStatus.Investigating, pilot, "Le GT en parle au CA de la coopérative.", On(2019, 6, 20));
        Move(council, ExperimentStatus.AwaitingValidation, pilot, "Le CA est d'accord pour un essai d'un an.", On(2019, 8, 29));
        Move(council, ExperimentStatus.Validated, facilitator, "Les quatre occupants ont donné leur feu vert.", On(2019, 9, 24));
        Move(sharedExpertise, ExperimentStatus.Investigating, participant, "Le GT recense d'abord les besoins.", On(2019, 6, 27));
        Move(whoIsWho, ExperimentStatus.Investigating, facilitator, "Premier pas pour mieux se connaître.", On(2019, 6, 20));
        Move(whoIsWho, ExperimentStatus.AwaitingValidation, facilitator, "Chacun choisit ce qu'il montre : à valider par chaque organisation.", On(2019, 7, 2));
        Move(whoIsWho, ExperimentStatus.Validated, facilitator, "Accord de chaque organisation.", On(2019, 7, 9));
        Move(whoIsWho, ExperimentStatus.BeingTested, facilitator, "L'annuaire est ouvert sur la plateforme.", On(2019, 7, 16));
        Move(food, ExperimentStatus.Investigating, pilot, "Le GT Éco-label l'ajoute à son programme.", On(2019, 6, 20));
        Move(food, ExperimentStatus.Postponed, pilot, "Aucun fournisseur ne livre encore le quartier ; à reprendre au printemps.", On(2019, 9, 10));

        var experiments = new[] { ecoLabel, council, sharedExpertise, whoIsWho, crossing, food };
        db.Experiments.AddRange(experiments);

        // Governance: the pilot group tries consent among its people; the occupants' assembly, one vote per
        // organisation, decided the council's one-year trial by consent (evaluated since).
        var pilotBody = new Body(lab, "Groupe pilote", BodyKind.PilotGroup, null, new DecisionRule(DecisionMode.Consent, VoterKind.People), facilitator, On(2019, 2, 12));
        pilotBody.SetMembers(new Dictionary<Guid, int> { [pilot] = 1, [facilitator] = 1 }, []);
        var assembly = new Body(lab, "Assemblée des occupants", BodyKind.OccupantsAssembly, null, new DecisionRule(DecisionMode.Consent, VoterKind.Organisations), facilitator, On(2019, 6, 13));
        assembly.SetMembers(bota.Memberships.ToDictionary(m => m.OrganisationId, _ => 1), [.. bota.Memberships.Select(m => m.OrganisationId)]);
        var trial = new Decision(assembly, "Essayer le conseil des occupants pendant un an", "Une réunion par trimestre, un·e représentant·e par occupant, avis au CA de la coopérative.",
            On(2019, 9, 20), DecisionSubject.About(council), facilitator, On(2019, 9, 3));
        trial.Vote(mdm, participant, DecisionPosition.For, null, makers, On(2019, 9, 5));
        trial.DesignateProxy(financite, pilot, facilitator, recordedByTheLab: true, makers, On(2019, 9, 4));
        trial.Vote(financite, pilot, DecisionPosition.For, "Avec un compte rendu partagé à chaque réunion.", makers, On(2019, 9, 6));
        trial.Close("Essai d'un an adopté par consentement : première réunion en octobre.", facilitator, On(2019, 9, 23));
        assembly.Evaluate("Le consentement a permis de décider en une réunion ; deux occupants sans décideur désigné n'ont pas pu se prononcer.", facilitator, On(2019, 12, 10));
        db.Bodies.AddRange(pilotBody, assembly);
        db.Decisions.Add(trial);

        // The action plan's SWOT board for the place, with the notebook's prompts, some items tied to the
        // experiments they lead to; and a first line on workforce and expertise.
        SwotItem Swot(ResourceKind theme, SwotQuadrant quadrant, string text, MutualisationOpportunity? opportunity = null, MutualisationRisk? risk = null, params Experiment[] linked)
        {
            var item = new SwotItem(lab, theme, pilot, On(2019, 9, 26));
            item.Describe(quadrant, text, opportunity, risk);
            item.LinkTo(linked);
            return item;
        }
        db.SwotItems.AddRange(
            Swot(ResourceKind.Place, SwotQuadrant.Strength, "Un bâtiment entier en plein centre, partagé par quatre occupants et une coopérative propriétaire.", linked: council),
            Swot(ResourceKind.Place, SwotQuadrant.Weakness, "Des consommations d'énergie mal connues, suivies par chacun dans son coin.", linked: ecoLabel),
            Swot(ResourceKind.Place, SwotQuadrant.Opportunity, "Un label commun et des charges partagées allègent les coûts de chaque occupant.", MutualisationOpportunity.SustainActivities, linked: [ecoLabel, food]),
            Swot(ResourceKind.Place, SwotQuadrant.Threat, "Des occupants qui se croisent sans se connaître, et des usages des salles qui se disputent.", risk: MutualisationRisk.RelationsBetweenPeople, linked: whoIsWho),
            Swot(ResourceKind.WorkforceServicesExpertise, SwotQuadrant.Opportunity, "Mettre en commun l'expertise RGPD et marchés publics.", MutualisationOpportunity.GrowSkills, linked: sharedExpertise));
        await db.SaveChangesAsync(cancellationToken);
    }
}
