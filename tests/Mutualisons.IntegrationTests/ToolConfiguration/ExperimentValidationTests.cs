using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Publics.PilotGroup;
using Mutualisons.Web.Features.ToolConfiguration.Experiments;
using Mutualisons.Web.Features.ToolConfiguration.Validation;

namespace Mutualisons.IntegrationTests.ToolConfiguration;

/// <summary>Each organisation validates an experiment, through the services on a real database: who may answer, proxies, rights, other labs.</summary>
public sealed class ExperimentValidationTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;
    private const string Paula = DemoAppFixture.Participant;
    private const string Omar = DemoAppFixture.Observer;
    private const string Sam = "sam.sawb@example.org";
    private const string Wout = "wout.vwv@example.org";

    private async Task<(Guid Lab, Guid EcoLabel)> EcoLabelAsync()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        var experiment = await db.Experiments.Where(e => e.LabId == lab && e.Title.StartsWith("Éco-label")).Select(e => e.Id).SingleAsync();
        return (lab, experiment);
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>An account that represents <paramref name="organisation"/> in the lab, named decision maker in its mandate by the pilot group.</summary>
    private async Task<Guid> DecisionMakerAsync(Guid lab, string email, string organisation)
    {
        var person = await app.AccountAsync(email);
        var organisationId = await OrganisationAsync(organisation);
        await using (var db = app.CreateDbContext())
        {
            var bota = await db.Mutualisations.SingleAsync(m => m.Id == lab);
            bota.GrantRole(person, LabRole.Participant, organisationId, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var group = (await app.AsAsync<PilotGroupService, PilotGroupView?>(Pilot, s => s.GetPilotGroupAsync(lab)))!;
        var recorded = await app.AsAsync<PilotGroupService, SaveResult>(Pilot, s => s.RecordMandateAsync(lab, organisationId,
            new MandateInput { DecisionMaker = "Direction", DecisionMakerId = person }, group.Version));
        Assert.True(recorded.Succeeded, recorded.MessageKey);
        return organisationId;
    }

    private Task<ValidationView?> ViewAsync(string who, Guid lab, Guid experiment) =>
        app.AsAsync<ValidationService, ValidationView?>(who, s => s.GetAsync(lab, experiment));

    private Task<SaveResult> GiveAsync(string who, Guid lab, Guid experiment, Guid organisation, ValidationPosition position, string? text = null) =>
        app.AsAsync<ValidationService, SaveResult>(who, s => s.GivePositionAsync(lab, experiment, organisation, new PositionInput { Position = position, Text = text }));

    [Fact]
    public async Task Bota_75s_eco_label_awaits_validation_with_a_conditional_approval_and_a_proxy_answer()
    {
        var (lab, ecoLabel) = await EcoLabelAsync();

        var view = (await ViewAsync(Omar, lab, ecoLabel))!;

        Assert.True(view.IsOpen);
        Assert.False(view.MayConfigure);
        Assert.Equal(4, view.Organisations.Count);
        var mdm = view.Organisations.Single(o => o.Name == "Médecins du Monde");
        Assert.Equal((ValidationPosition.ApproveWithConditions, "Paula (Médecins du Monde)", false), (mdm.Position!.Value, mdm.GivenByName, mdm.ThroughProxy));
        Assert.Equal("Paula (Médecins du Monde)", mdm.DecisionMakerName);
        var financite = view.Organisations.Single(o => o.Name == "Réseau Financité");
        Assert.Equal((ValidationPosition.Approve, "Pieter (groupe pilote)", true), (financite.Position!.Value, financite.ProxyName, financite.ThroughProxy));
        Assert.Equal(["SAW-B", "Vluchtelingenwerk Vlaanderen"], view.NotAnswered.Select(o => o.Name).Order());
        Assert.All(view.Organisations, o => Assert.False(o.MayAnswer));
    }

    [Fact]
    public async Task Four_organisations_validate_one_through_a_proxy_and_the_experiment_becomes_validated()
    {
        var (lab, ecoLabel) = await EcoLabelAsync();
        var sawb = await DecisionMakerAsync(lab, Sam, "SAW-B");
        var vwv = await DecisionMakerAsync(lab, Wout, "Vluchtelingenwerk Vlaanderen");
        var omar = await app.AccountAsync(Omar);

        // SAW-B's decision maker designates Omar to answer for it on this experiment; Omar's answer counts for SAW-B.
        Assert.True((await app.AsAsync<ValidationService, SaveResult>(Sam, s => s.DesignateProxyAsync(lab, ecoLabel, sawb, omar))).Succeeded);
        Assert.True((await ViewAsync(Omar, lab, ecoLabel))!.Organisations.Single(o => o.OrganisationId == sawb).MayAnswer);
        var proxied = await GiveAsync(Omar, lab, ecoLabel, sawb, ValidationPosition.Approve);
        Assert.True(proxied.Succeeded, proxied.MessageKey);
        Assert.Equal(ExperimentStatus.AwaitingValidation, (await ViewAsync(Omar, lab, ecoLabel))!.Status);
        var last = await GiveAsync(Wout, lab, ecoLabel, vwv, ValidationPosition.Approve, "Goed voor ons");
        Assert.True(last.Succeeded, last.MessageKey);

        var view = (await ViewAsync(Pilot, lab, ecoLabel))!;
        Assert.Equal(ExperimentStatus.Validated, view.Status);
        Assert.False(view.IsOpen);
        Assert.True(view.Organisations.Single(o => o.OrganisationId == sawb).ThroughProxy);
        var experiment = (await app.AsAsync<ExperimentService, ExperimentView?>(Pilot, s => s.GetExperimentAsync(lab, ecoLabel)))!;
        var move = experiment.History[0];
        Assert.Equal((ExperimentStatus.AwaitingValidation, ExperimentStatus.Validated, "wout.vwv", "Toutes les organisations concernées l'ont approuvée."), (move.From, move.To, move.ByName, move.Reason));
    }

    [Fact]
    public async Task A_person_the_mandate_does_not_name_is_refused_and_nothing_is_saved()
    {
        var (lab, ecoLabel) = await EcoLabelAsync();
        var sawb = await OrganisationAsync("SAW-B");

        // Omar reads the lab but speaks for no one; Paula decides for Médecins du Monde, not for SAW-B; the pilot group does not vote in their place.
        Assert.Equal("Rule.Experiment.NotMandated", (await GiveAsync(Omar, lab, ecoLabel, sawb, ValidationPosition.Approve)).MessageKey);
        Assert.Equal("Rule.Experiment.NotMandated", (await GiveAsync(Paula, lab, ecoLabel, sawb, ValidationPosition.Approve)).MessageKey);
        Assert.Equal("Rule.Experiment.NotMandated", (await GiveAsync(DemoAppFixture.Facilitator, lab, ecoLabel, sawb, ValidationPosition.Approve)).MessageKey);
        // Pieter is Réseau Financité's proxy: he cannot be SAW-B's too.
        var pieter = await app.AccountAsync(Pilot);
        Assert.Equal("Rule.Experiment.AnswersForOneOrganisation",
            (await app.AsAsync<ValidationService, SaveResult>(DemoAppFixture.Facilitator, s => s.DesignateProxyAsync(lab, ecoLabel, sawb, pieter))).MessageKey);
        // Paula cannot designate a proxy for an organisation she does not decide for.
        var omar = await app.AccountAsync(Omar);
        Assert.Equal("Rule.Experiment.OnlyDecisionMakerDesignates",
            (await app.AsAsync<ValidationService, SaveResult>(Paula, s => s.DesignateProxyAsync(lab, ecoLabel, sawb, omar))).MessageKey);

        Assert.Null((await ViewAsync(Omar, lab, ecoLabel))!.Organisations.Single(o => o.OrganisationId == sawb).Position);
    }

    [Fact]
    public async Task An_objection_needs_a_reason_is_answered_by_the_pilot_group_and_withdrawn_by_its_author_and_the_exchange_is_kept()
    {
        var (lab, ecoLabel) = await EcoLabelAsync();
        var vwv = await DecisionMakerAsync(lab, Wout, "Vluchtelingenwerk Vlaanderen");

        var noReason = await GiveAsync(Wout, lab, ecoLabel, vwv, ValidationPosition.Objection, " ");
        Assert.Equal(SaveStatus.Invalid, noReason.Status);
        Assert.Contains(nameof(PositionInput.Text), noReason.Errors!.Keys);
        Assert.True((await GiveAsync(Wout, lab, ecoLabel, vwv, ValidationPosition.Objection, "Wie betaalt de audit?")).Succeeded);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<ValidationService, SaveResult>(Omar, s => s.AnswerObjectionAsync(lab, ecoLabel, vwv, new ObjectionAnswerInput { Text = "Moi" }))).Status);
        Assert.True((await app.AsAsync<ValidationService, SaveResult>(Pilot, s => s.AnswerObjectionAsync(lab, ecoLabel, vwv, new ObjectionAnswerInput { Text = "La coopérative la prend en charge." }))).Succeeded);
        Assert.True((await GiveAsync(Wout, lab, ecoLabel, vwv, ValidationPosition.Approve, "Dan akkoord")).Succeeded);

        var row = (await ViewAsync(Omar, lab, ecoLabel))!.Organisations.Single(o => o.OrganisationId == vwv);
        Assert.Equal(ValidationPosition.Approve, row.Position);
        Assert.Equal(
            [(ObjectionTurn.Objection, "Wie betaalt de audit?", "wout.vwv"), (ObjectionTurn.Answer, "La coopérative la prend en charge.", "Pieter (groupe pilote)"), (ObjectionTurn.Withdrawal, "Dan akkoord", "wout.vwv")],
            row.Exchange.Select(t => (t.Turn, t.Text, t.ByName)));
    }

    [Fact]
    public async Task Only_the_pilot_group_sets_the_rule_and_another_labs_people_find_nothing()
    {
        var (lab, ecoLabel) = await EcoLabelAsync();
        var sawb = await OrganisationAsync("SAW-B");
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(ValidationRule.AllApprove, await db.Experiments.Where(e => e.Id == ecoLabel).Select(e => e.ValidationRule).SingleAsync());
        }
        var version = (await ViewAsync(Pilot, lab, ecoLabel))!.Version;

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<ValidationService, SaveResult>(Omar, s => s.ChooseRuleAsync(lab, ecoLabel, ValidationRule.NoUnresolvedObjection, version))).Status);
        Assert.True((await app.AsAsync<ValidationService, SaveResult>(Pilot, s => s.ChooseRuleAsync(lab, ecoLabel, ValidationRule.NoUnresolvedObjection, version))).Succeeded);
        Assert.Equal(SaveStatus.Conflict, (await app.AsAsync<ValidationService, SaveResult>(Pilot, s => s.ChooseRuleAsync(lab, ecoLabel, ValidationRule.AllApprove, version))).Status);

        // Camille runs In Common: Bota 75's experiment is not found, under either lab.
        await using var read = app.CreateDbContext();
        var inCommon = await read.Mutualisations.Where(m => m.Name == "In Common").Select(m => m.Id).SingleAsync();
        const string camille = DemoAppFixture.Coordination;
        Assert.Null(await ViewAsync(camille, lab, ecoLabel));
        Assert.Null(await ViewAsync(camille, inCommon, ecoLabel));
        Assert.Equal(SaveStatus.NotFound, (await GiveAsync(camille, lab, ecoLabel, sawb, ValidationPosition.Approve)).Status);
        Assert.Equal(SaveStatus.NotFound, (await GiveAsync(camille, inCommon, ecoLabel, sawb, ValidationPosition.Approve)).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ValidationService, SaveResult>(camille, s => s.AnswerObjectionAsync(inCommon, ecoLabel, sawb, new ObjectionAnswerInput { Text = "Non" }))).Status);
        // A proxy must be someone of the lab: Camille is not in Bota 75.
        var camilleId = await app.AccountAsync(camille);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<ValidationService, SaveResult>(DemoAppFixture.Facilitator, s => s.DesignateProxyAsync(lab, ecoLabel, sawb, camilleId))).Status);
    }
}
