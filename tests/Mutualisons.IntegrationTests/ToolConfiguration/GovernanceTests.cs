using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.ToolConfiguration.Governance;

namespace Mutualisons.IntegrationTests.ToolConfiguration;

/// <summary>Bodies, decisions and the decision log through the services, on a real database: rights, other labs, who may vote, the log.</summary>
public sealed class GovernanceTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;
    private const string Paula = DemoAppFixture.Participant;
    private const string Omar = DemoAppFixture.Observer;

    private async Task<(Guid Lab, Dictionary<string, Guid> Organisations)> BotaAsync()
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
        var ids = lab.Memberships.Select(m => m.OrganisationId).ToList();
        return (lab.Id, await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Name, o => o.Id));
    }

    private async Task<Guid> BodyAsync(Guid lab, DecisionMode mode, IEnumerable<Guid> organisations, int? quorum = null, bool hidden = false, bool anonymous = false)
    {
        var input = new BodyInput { Name = $"Assemblée {mode}", Kind = BodyKind.OccupantsAssembly, Mode = mode, Voters = VoterKind.Organisations, QuorumPercent = quorum,
            ResultsHiddenUntilClose = hidden, Anonymous = anonymous };
        foreach (var organisation in organisations)
        {
            input.Members[organisation] = 1;
        }
        var saved = await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CreateBodyAsync(lab, input));
        Assert.True(saved.Succeeded, saved.MessageKey);
        return saved.Id!.Value;
    }

    private async Task<Guid> ProposeAsync(Guid lab, Guid body, string title = "Tester l'éco-label un an")
    {
        var saved = await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ProposeAsync(lab, new ProposalInput { BodyId = body, Title = title, Deadline = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.True(saved.Succeeded, saved.MessageKey);
        return saved.Id!.Value;
    }

    private Task<SaveResult> VoteAsync(string who, Guid lab, Guid decision, Guid? organisation, DecisionPosition position, string? reason = null) =>
        app.AsAsync<GovernanceService, SaveResult>(who, s => s.VoteAsync(lab, decision, new VoteInput { OrganisationId = organisation, Position = position, Reason = reason }));

    [Fact]
    public async Task Bota_75s_demo_shows_two_bodies_and_the_councils_trial_decided_by_consent()
    {
        var (lab, _) = await BotaAsync();

        var bodies = (await app.AsAsync<GovernanceService, BodiesView?>(Omar, s => s.GetBodiesAsync(lab)))!;
        var log = (await app.AsAsync<GovernanceService, DecisionLogView?>(Omar, s => s.GetLogAsync(lab)))!;

        Assert.Equal(["Assemblée des occupants", "Groupe pilote"], bodies.Bodies.Select(b => b.Name));
        Assert.Equal(ModeStatus.Evaluated, bodies.Bodies[0].Status);
        var trial = Assert.Single(log.Decisions);
        Assert.Equal((DecisionOutcome.Adopted, "Conseil des occupants de la coopérative"), (trial.Outcome!.Value, trial.Subject!.TargetName));
        var view = (await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, trial.Id)))!;
        Assert.Contains(view.Ballots, b => b.VoterName == "Réseau Financité" && b.ThroughProxy);
    }

    [Fact]
    public async Task A_consent_decision_with_an_objection_answered_and_withdrawn_is_adopted_and_its_log_keeps_every_step()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var body = await BodyAsync(lab, DecisionMode.Consent, [mdm]);
        var decision = await ProposeAsync(lab, body);

        Assert.True((await VoteAsync(Paula, lab, decision, mdm, DecisionPosition.Objection, "Qui paie l'audit ?")).Succeeded);
        Assert.Equal(DecisionOutcome.Rejected, (await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, decision)))!.Tally!.Outcome);
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.AnswerObjectionAsync(lab, decision, mdm, "La coopérative."))).Succeeded);
        Assert.True((await VoteAsync(Paula, lab, decision, mdm, DecisionPosition.For, "D'accord")).Succeeded);
        var version = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!.Version;
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CloseAsync(lab, decision, "Essai d'un an, par consentement.", version))).Succeeded);

        var view = (await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, decision)))!;
        Assert.Equal(DecisionOutcome.Adopted, view.Outcome);
        Assert.Equal(
            [DecisionLogKind.Opened, DecisionLogKind.PositionGiven, DecisionLogKind.ObjectionAnswered, DecisionLogKind.ObjectionWithdrawn, DecisionLogKind.Closed],
            view.Log.Select(l => l.Kind));
        var log = (await app.AsAsync<GovernanceService, DecisionLogView?>(Omar, s => s.GetLogAsync(lab)))!;
        Assert.Contains(log.Decisions, d => d.Id == decision && d.Outcome == DecisionOutcome.Adopted && d.OutcomeStatement == "Essai d'un an, par consentement.");
        Assert.Equal("Rule.Decision.Closed", (await VoteAsync(Paula, lab, decision, mdm, DecisionPosition.Objection, "Trop tard")).MessageKey);
    }

    [Fact]
    public async Task Only_the_mandated_person_votes_for_an_organisation_and_only_once()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var sawb = organisations["SAW-B"];
        var body = await BodyAsync(lab, DecisionMode.Majority, [mdm, sawb], quorum: 50);
        var decision = await ProposeAsync(lab, body);

        Assert.Equal("Rule.Decision.NotMandated", (await VoteAsync(Omar, lab, decision, mdm, DecisionPosition.For)).MessageKey);
        Assert.Equal("Rule.Decision.NotMandated", (await VoteAsync(Paula, lab, decision, sawb, DecisionPosition.For)).MessageKey);
        var omar = await app.AccountAsync(Omar);
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(DemoAppFixture.Facilitator, s => s.DesignateProxyAsync(lab, decision, sawb, omar))).Succeeded);
        Assert.True((await VoteAsync(Omar, lab, decision, sawb, DecisionPosition.Abstain)).Succeeded);
        var tally = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!.Tally!;
        Assert.Equal((false, DecisionOutcome.NoQuorum), (tally.QuorumReached, tally.Outcome));
        Assert.True((await VoteAsync(Paula, lab, decision, mdm, DecisionPosition.For)).Succeeded);
        Assert.Equal(DecisionOutcome.Adopted, (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!.Tally!.Outcome);
    }

    [Fact]
    public async Task Rights_are_checked_on_the_lab_and_another_labs_people_find_nothing()
    {
        var (lab, organisations) = await BotaAsync();
        var body = await BodyAsync(lab, DecisionMode.Consent, [organisations["Médecins du Monde"]]);
        var decision = await ProposeAsync(lab, body);
        await using var db = app.CreateDbContext();
        var inCommon = await db.Mutualisations.Where(m => m.Name == "In Common").Select(m => m.Id).SingleAsync();
        var inCommonOrganisation = (await db.Mutualisations.SingleAsync(m => m.Id == inCommon)).Memberships[0].OrganisationId;

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<GovernanceService, SaveResult>(Omar, s => s.CreateBodyAsync(lab, new BodyInput { Name = "Non", Members = { [organisations["SAW-B"]] = 1 } }))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<GovernanceService, SaveResult>(Omar, s => s.CloseAsync(lab, decision, "Non", 0))).Status);
        Assert.Equal("Rule.Body.OrganisationNotMember", (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CreateBodyAsync(lab, new BodyInput { Name = "Mélange", Members = { [inCommonOrganisation] = 1 } }))).MessageKey);
        const string camille = DemoAppFixture.Coordination;
        Assert.Null(await app.AsAsync<GovernanceService, DecisionView?>(camille, s => s.GetDecisionAsync(inCommon, decision)));
        Assert.Null(await app.AsAsync<GovernanceService, DecisionView?>(camille, s => s.GetDecisionAsync(lab, decision)));
        Assert.Equal(SaveStatus.NotFound, (await VoteAsync(camille, inCommon, decision, null, DecisionPosition.For)).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<GovernanceService, SaveResult>(camille, s => s.ProposeAsync(inCommon, new ProposalInput { BodyId = body, Title = "Intrus", Deadline = "2099-01-01" }))).Status);
        Assert.Empty((await app.AsAsync<GovernanceService, DecisionLogView?>(camille, s => s.GetLogAsync(inCommon)))!.Decisions);
    }

    [Fact]
    public async Task Results_hidden_until_the_close_and_anonymous_positions_show_only_counts_then_positions_without_names()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var body = await BodyAsync(lab, DecisionMode.Consent, [mdm, organisations["SAW-B"]], hidden: true, anonymous: true);
        var decision = await ProposeAsync(lab, body);
        Assert.True((await VoteAsync(Paula, lab, decision, mdm, DecisionPosition.Objection, "Qui paie ?")).Succeeded);

        var during = (await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, decision)))!;
        Assert.Null(during.Tally);
        Assert.Empty(during.Ballots);
        Assert.Equal((1, 2), (during.Voted, during.VoterCount));
        var given = Assert.Single(during.Log, l => l.Kind == DecisionLogKind.PositionGiven);
        Assert.Equal((null, ""), (given.Position, given.Text));
        Assert.DoesNotContain(during.Log, l => l.VoterName == "Médecins du Monde");

        var version = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!.Version;
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CloseAsync(lab, decision, "Objection maintenue.", version))).Succeeded);
        var after = (await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, decision)))!;
        Assert.Equal(1, after.Tally!.Objections);
        var ballot = Assert.Single(after.Ballots);
        Assert.Equal((DecisionPosition.Objection, "Qui paie ?", (string?)null, (DateTimeOffset?)null), (ballot.Position, ballot.Reason, ballot.CastByName, ballot.At));
        Assert.NotEqual("Médecins du Monde", ballot.VoterName);
    }

    [Fact]
    public async Task The_pilot_group_extends_a_decision_and_records_a_proxy_and_an_observer_may_do_neither()
    {
        var (lab, organisations) = await BotaAsync();
        var sawb = organisations["SAW-B"];
        var body = await BodyAsync(lab, DecisionMode.Majority, [organisations["Médecins du Monde"], sawb]);
        var decision = await ProposeAsync(lab, body);
        var view = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!;
        Assert.Equal(["Médecins du Monde", "SAW-B"], view.MayDesignateFor.Select(o => o.Name));
        Assert.Empty((await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, decision)))!.MayDesignateFor);

        var later = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<GovernanceService, SaveResult>(Omar, s => s.ExtendAsync(lab, decision, new ExtensionInput { Deadline = later }, view.Version))).Status);
        Assert.Equal(SaveStatus.Invalid, (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ExtendAsync(lab, decision, new ExtensionInput { Deadline = "demain" }, view.Version))).Status);
        var earlier = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Rule.Decision.ExtendLater", (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ExtendAsync(lab, decision, new ExtensionInput { Deadline = earlier }, view.Version))).MessageKey);
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ExtendAsync(lab, decision, new ExtensionInput { Deadline = later }, view.Version))).Succeeded);

        var extended = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!;
        Assert.Equal(later, extended.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(extended.Log, l => l.Kind == DecisionLogKind.Extended);
        var omar = await app.AccountAsync(Omar);
        Assert.Contains(extended.People, p => p.Id == omar);
        // A stale page's extension is a conflict, not a second extension.
        Assert.Equal(SaveStatus.Conflict, (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ExtendAsync(lab, decision, new ExtensionInput { Deadline = later }, view.Version))).Status);
    }

    [Fact]
    public async Task Reminding_mails_the_mandated_person_or_the_proxy_of_each_organisation_that_has_not_voted_and_logs_it()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var sawb = organisations["SAW-B"];
        var body = await BodyAsync(lab, DecisionMode.Consent, [mdm, sawb]);
        var decision = await ProposeAsync(lab, body);
        var omar = await app.AccountAsync(Omar);
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.DesignateProxyAsync(lab, decision, sawb, omar))).Succeeded);
        var site = new Uri("https://mutualisons.test/");

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<DecisionReminderService, SaveResult>(Omar, s => s.RemindNowAsync(lab, decision, site))).Status);
        var reminded = await app.AsAsync<DecisionReminderService, SaveResult>(Pilot, s => s.RemindNowAsync(lab, decision, site));
        Assert.True(reminded.Succeeded, reminded.MessageKey);

        await using var db = app.CreateDbContext();
        var mails = await db.OutboxEmails.AsNoTracking().Where(m => m.Subject.Contains("Tester l'éco-label un an")).ToListAsync();
        Assert.Equal([Omar, Paula], mails.Select(m => m.To).Order());
        Assert.All(mails, m => Assert.Contains($"/labs/{lab}/decisions/{decision}", m.TextBody, StringComparison.Ordinal));
        Assert.Contains((await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!.Log, l => l.Kind == DecisionLogKind.Reminded && l.Text == "2");

        // A scheduled reminder waits in the scheduler; one after the deadline is refused.
        var tomorrow = new Mutualisons.Web.Features.Diagnostic.Sending.ReminderScheduleInput { Day = DateTime.UtcNow.Date.AddDays(2), Time = new TimeSpan(9, 0, 0) };
        Assert.True((await app.AsAsync<DecisionReminderService, SaveResult>(Pilot, s => s.ScheduleAsync(lab, decision, tomorrow, site))).Succeeded);
        Assert.Single(await app.AsAsync<DecisionReminderService, IReadOnlyList<DateTimeOffset>>(Pilot, s => s.ListScheduledAsync(decision)));
        var late = new Mutualisons.Web.Features.Diagnostic.Sending.ReminderScheduleInput { Day = DateTime.UtcNow.Date.AddDays(30), Time = new TimeSpan(9, 0, 0) };
        Assert.Equal("Rule.Decision.ReminderAfterClose", (await app.AsAsync<DecisionReminderService, SaveResult>(Pilot, s => s.ScheduleAsync(lab, decision, late, site))).MessageKey);
    }

    [Fact]
    public async Task Weights_are_changed_for_the_bodys_organisations_only_and_a_decision_already_put_keeps_its_own()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var sawb = organisations["SAW-B"];
        var body = await BodyAsync(lab, DecisionMode.Majority, [mdm, sawb]);
        var before = await ProposeAsync(lab, body, "Avant la pondération");
        var row = (await app.AsAsync<GovernanceService, BodiesView?>(Pilot, s => s.GetBodiesAsync(lab)))!.Bodies.Single(b => b.Id == body);

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<GovernanceService, SaveResult>(Omar, s => s.WeighAsync(lab, body, new WeightsInput { Weights = { [mdm] = 3, [sawb] = 1 } }, row.Version))).Status);
        Assert.Equal("Rule.Body.WeightsOfItsOrganisations", (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.WeighAsync(lab, body, new WeightsInput { Weights = { [mdm] = 3 } }, row.Version))).MessageKey);
        // A weight out of range is refused at the boundary, before the domain: a whole number from 1 to 100.
        var zero = await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.WeighAsync(lab, body, new WeightsInput { Weights = { [mdm] = 0, [sawb] = 1 } }, row.Version));
        Assert.Equal(SaveStatus.Invalid, zero.Status);
        Assert.Contains(zero.Errors!.Values.SelectMany(e => e), e => e.Contains("100", StringComparison.Ordinal));
        Assert.Equal(SaveStatus.Invalid, (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.WeighAsync(lab, body, new WeightsInput { Weights = { [mdm] = Body.MaxWeight + 1, [sawb] = 1 } }, row.Version))).Status);
        Assert.Equal(SaveStatus.Invalid, (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.WeighAsync(lab, body, new WeightsInput(), row.Version))).Status);
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.WeighAsync(lab, body, new WeightsInput { Weights = { [mdm] = 3, [sawb] = 1 } }, row.Version))).Succeeded);

        var after = (await app.AsAsync<GovernanceService, BodiesView?>(Pilot, s => s.GetBodiesAsync(lab)))!.Bodies.Single(b => b.Id == body);
        Assert.Equal(3, after.Weights.Single(w => w.VoterId == mdm).Weight);
        Assert.Equal(2, (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, before)))!.Tally!.TotalWeight);
        var later = await ProposeAsync(lab, body, "Après la pondération");
        Assert.Equal(4, (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, later)))!.Tally!.TotalWeight);
    }

    private static string InAWeek() => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task CloseAdoptedAsync(Guid lab, Guid decision, Guid mdm)
    {
        Assert.True((await VoteAsync(Paula, lab, decision, mdm, DecisionPosition.For)).Succeeded);
        var version = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!.Version;
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CloseAsync(lab, decision, "Adopté.", version))).Succeeded);
    }

    [Fact]
    public async Task A_decision_on_a_bodys_mode_shows_in_the_log_and_its_csv_and_once_evaluated_records_the_mode_as_adopted_in_one_click()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var deciding = await BodyAsync(lab, DecisionMode.Consent, [mdm]);
        var tried = await BodyAsync(lab, DecisionMode.Majority, [organisations["SAW-B"]]);
        var proposed = await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ProposeAsync(lab, new ProposalInput
        {
            BodyId = deciding, Title = "Adopter la majorité de l'assemblée", Deadline = InAWeek(), Subject = DecisionSubjectKind.DecisionMode, TargetId = tried,
        }));
        Assert.True(proposed.Succeeded, proposed.MessageKey);
        var decision = proposed.Id!.Value;

        var row = (await app.AsAsync<GovernanceService, DecisionLogView?>(Omar, s => s.GetLogAsync(lab)))!.Decisions.Single(d => d.Id == decision);
        Assert.Equal(new SubjectLine(DecisionSubjectKind.DecisionMode, tried, "Assemblée Majority", null), row.Subject);
        var csv = new StringWriter();
        Assert.True(await app.AsAsync<GovernanceService, bool>(Omar, s => s.WriteLogCsvAsync(lab, csv)));
        Assert.Contains(csv.ToString().Split('\n'), line => line.Contains("Adopter la majorité de l'assemblée", StringComparison.Ordinal) && line.Contains("Assemblée Majority", StringComparison.Ordinal));
        Assert.Null((await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, decision)))!.CarryOver);

        await CloseAdoptedAsync(lab, decision, mdm);
        var closed = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!;
        Assert.Equal(CarryOverState.AwaitsEvaluation, closed.CarryOver!.State);
        Assert.Equal("Rule.Body.AdoptOnlyWhenEvaluated", (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CarryOverAsync(lab, decision, closed.CarryOver.TargetVersion))).MessageKey);
        var body = (await app.AsAsync<GovernanceService, BodiesView?>(Pilot, s => s.GetBodiesAsync(lab)))!.Bodies.Single(b => b.Id == tried);
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.EvaluateModeAsync(lab, tried, "Une majorité nette à chaque vote.", body.Version))).Succeeded);
        var ready = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, decision)))!.CarryOver!;
        Assert.Equal(CarryOverState.Ready, ready.State);

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<GovernanceService, SaveResult>(Omar, s => s.CarryOverAsync(lab, decision, ready.TargetVersion))).Status);
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CarryOverAsync(lab, decision, ready.TargetVersion))).Succeeded);

        var adopted = (await app.AsAsync<GovernanceService, BodiesView?>(Omar, s => s.GetBodiesAsync(lab)))!.Bodies.Single(b => b.Id == tried);
        Assert.Equal((ModeStatus.Adopted, decision), (adopted.Status, adopted.AdoptedBy!.Id));
        Assert.Equal(CarryOverState.Done, (await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, decision)))!.CarryOver!.State);
    }

    [Fact]
    public async Task An_adopted_decision_on_an_experiments_validation_rule_applies_the_rule_it_proposed()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var deciding = await BodyAsync(lab, DecisionMode.Consent, [mdm]);
        Guid council;
        await using (var db = app.CreateDbContext())
        {
            council = await db.Experiments.Where(e => e.LabId == lab && e.Title == "Conseil des occupants de la coopérative").Select(e => e.Id).SingleAsync();
        }
        var proposed = await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ProposeAsync(lab, new ProposalInput
        {
            BodyId = deciding, Title = "Valider sans objection non résolue", Deadline = InAWeek(), Subject = DecisionSubjectKind.ValidationRule, TargetId = council,
            ProposedRule = ValidationRule.NoUnresolvedObjection,
        }));
        Assert.True(proposed.Succeeded, proposed.MessageKey);
        await CloseAdoptedAsync(lab, proposed.Id!.Value, mdm);

        var view = (await app.AsAsync<GovernanceService, DecisionView?>(Pilot, s => s.GetDecisionAsync(lab, proposed.Id!.Value)))!;
        Assert.Equal((DecisionSubjectKind.ValidationRule, "Conseil des occupants de la coopérative", ValidationRule.NoUnresolvedObjection, CarryOverState.Ready),
            (view.Subject!.Kind, view.Subject.TargetName, view.Subject.ProposedRule, view.CarryOver!.State));
        Assert.True((await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CarryOverAsync(lab, proposed.Id!.Value, view.CarryOver.TargetVersion))).Succeeded);

        await using var check = app.CreateDbContext();
        Assert.Equal(ValidationRule.NoUnresolvedObjection, await check.Experiments.Where(e => e.Id == council).Select(e => e.ValidationRule).SingleAsync());
        Assert.Equal(CarryOverState.Done, (await app.AsAsync<GovernanceService, DecisionView?>(Omar, s => s.GetDecisionAsync(lab, proposed.Id!.Value)))!.CarryOver!.State);
    }

    [Fact]
    public async Task A_proposal_about_another_labs_experiment_or_body_is_not_found_and_a_subject_without_its_target_is_refused_at_the_boundary()
    {
        var (lab, organisations) = await BotaAsync();
        var deciding = await BodyAsync(lab, DecisionMode.Consent, [organisations["Médecins du Monde"]]);
        Guid inCommon;
        Guid foreignExperiment;
        Guid foreignBody;
        await using (var db = app.CreateDbContext())
        {
            inCommon = await db.Mutualisations.Where(m => m.Name == "In Common").Select(m => m.Id).SingleAsync();
            var experiment = new Experiment(inCommon, new ExperimentDescription("Carte commune", null, null, Mutualisons.Domain.Labs.CooperationLevel.Simple, null, null), null, DateTimeOffset.UtcNow);
            var body = new Body(inCommon, "Comité In Common", BodyKind.PilotGroup, null, new DecisionRule(DecisionMode.Consent, VoterKind.People), null, DateTimeOffset.UtcNow);
            db.AddRange(experiment, body);
            await db.SaveChangesAsync();
            (foreignExperiment, foreignBody) = (experiment.Id, body.Id);
        }
        Task<SaveResult> Propose(DecisionSubjectKind? subject, Guid? target, ValidationRule? rule = null) =>
            app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.ProposeAsync(lab, new ProposalInput
            {
                BodyId = deciding, Title = "Intrusion", Deadline = InAWeek(), Subject = subject, TargetId = target, ProposedRule = rule,
            }));

        Assert.Equal(SaveStatus.NotFound, (await Propose(DecisionSubjectKind.Experiment, foreignExperiment)).Status);
        Assert.Equal(SaveStatus.NotFound, (await Propose(DecisionSubjectKind.ValidationRule, foreignExperiment, ValidationRule.AllApprove)).Status);
        Assert.Equal(SaveStatus.NotFound, (await Propose(DecisionSubjectKind.DecisionMode, foreignBody)).Status);
        var noTarget = await Propose(DecisionSubjectKind.DecisionMode, null);
        Assert.Equal(SaveStatus.Invalid, noTarget.Status);
        Assert.Contains(nameof(ProposalInput.TargetId), noTarget.Errors!.Keys);
        Assert.Equal(SaveStatus.Invalid, (await Propose(null, foreignBody)).Status);
        var noRule = await Propose(DecisionSubjectKind.ValidationRule, foreignExperiment);
        Assert.Contains(nameof(ProposalInput.ProposedRule), noRule.Errors!.Keys);
        await using var check = app.CreateDbContext();
        Assert.False(await check.Decisions.AnyAsync(d => d.Title == "Intrusion"));
    }

    [Fact]
    public async Task Carrying_over_a_decision_is_for_the_labs_own_people_and_a_decision_about_nothing_has_nothing_to_carry()
    {
        var (lab, organisations) = await BotaAsync();
        var mdm = organisations["Médecins du Monde"];
        var deciding = await BodyAsync(lab, DecisionMode.Consent, [mdm]);
        var decision = await ProposeAsync(lab, deciding);
        await CloseAdoptedAsync(lab, decision, mdm);
        await using var db = app.CreateDbContext();
        var inCommon = await db.Mutualisations.Where(m => m.Name == "In Common").Select(m => m.Id).SingleAsync();

        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<GovernanceService, SaveResult>(Pilot, s => s.CarryOverAsync(lab, decision, 0))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<GovernanceService, SaveResult>(DemoAppFixture.Coordination, s => s.CarryOverAsync(inCommon, decision, 0))).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<GovernanceService, SaveResult>(DemoAppFixture.Coordination, s => s.CarryOverAsync(lab, decision, 0))).Status);
    }
}
