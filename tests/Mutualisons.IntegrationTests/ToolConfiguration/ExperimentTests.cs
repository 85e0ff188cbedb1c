using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Publics.Activities;
using Mutualisons.Web.Features.ToolConfiguration.Experiments;
using Mutualisons.Web.Features.ToolConfiguration.WorkingGroups;

namespace Mutualisons.IntegrationTests.ToolConfiguration;

/// <summary>Experiments and working groups through the services, on a real database: rights, cross-lab refusals, versions, links.</summary>
public sealed class ExperimentTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<Guid> LabAsync(string name = "Bota 75")
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private Task<SaveResult> SaveAsync(string who, Guid lab, Guid? id, ExperimentInput input) =>
        app.AsAsync<ExperimentService, SaveResult>(who, s => s.SaveAsync(lab, id, input));

    private Task<ExperimentView?> ViewAsync(string who, Guid lab, Guid id) =>
        app.AsAsync<ExperimentService, ExperimentView?>(who, s => s.GetExperimentAsync(lab, id));

    private Task<SaveResult> MoveAsync(string who, Guid lab, Guid id, ExperimentStatus to, string reason, uint version) =>
        app.AsAsync<ExperimentService, SaveResult>(who, s => s.MoveAsync(lab, id, new MoveInput { To = to, Reason = reason }, version));

    private async Task<Guid> GroupAsync(Guid lab, string name, params string[] members)
    {
        var lead = await AccountIdAsync(Pilot);
        var input = new WorkingGroupInput { Name = name, LeadId = lead, Deadline = "2026-06-30" };
        foreach (var member in members)
        {
            input.MemberIds.Add(await AccountIdAsync(member));
        }
        var saved = await app.AsAsync<WorkingGroupService, SaveResult>(Pilot, s => s.SaveAsync(lab, null, input));
        Assert.True(saved.Succeeded, saved.MessageKey);
        return saved.Id!.Value;
    }

    [Fact]
    public async Task Bota_75_shows_the_workshops_six_cooperation_measures_at_various_stages_with_their_working_groups()
    {
        var lab = await LabAsync();

        var portfolio = (await app.AsAsync<ExperimentService, PortfolioView?>(DemoAppFixture.Observer, s => s.GetPortfolioAsync(lab)))!;

        Assert.Equal(6, portfolio.Experiments.Count);
        Assert.True(portfolio.Experiments.Select(e => e.Status).Distinct().Count() >= 5);
        var ecoLabel = portfolio.Experiments.Single(e => e.Title.StartsWith("Éco-label", StringComparison.Ordinal));
        Assert.Equal((4, 5, PortfolioQuadrant.StartFirst, "GT Éco-label et coopérative"), (ecoLabel.Feasibility!.Value, ecoLabel.Impact!.Value, PortfolioQuadrants.Of(4, 5), ecoLabel.WorkingGroupName));
        Assert.Contains(portfolio.Experiments, e => e.CooperationLevel == CooperationLevel.MakingPossible && e.Status == ExperimentStatus.BeingTested);
        var groups = (await app.AsAsync<WorkingGroupService, WorkingGroupsView?>(DemoAppFixture.Observer, s => s.GetWorkingGroupsAsync(lab)))!;
        Assert.Equal(3, groups.Groups.Count);
        Assert.True(groups.Groups.Sum(g => g.OverdueSteps) >= 1);
        var expertise = (await ViewAsync(DemoAppFixture.Observer, lab, portfolio.Experiments.Single(e => e.Title == "Partage d'expertise").Id))!;
        Assert.Single(expertise.Needs);
        Assert.Single(expertise.Hypotheses);
        Assert.Single(expertise.Indicators);
    }

    [Fact]
    public async Task The_pilot_group_proposes_places_and_moves_an_experiment_and_every_move_is_kept_with_who_and_why()
    {
        var lab = await LabAsync();
        var group = await GroupAsync(lab, "GT Vitrine", DemoAppFixture.Participant);
        var created = await SaveAsync(Pilot, lab, null, new ExperimentInput
        {
            Title = "Vitrine commune au rez-de-chaussée",
            Budget = "500 €",
            CooperationLevel = CooperationLevel.Reinforced,
            Logic = MutualisationLogic.WeakProject,
            Feasibility = 4,
            ImpactScore = 3,
            WorkingGroupId = group,
        });
        Assert.True(created.Succeeded, created.MessageKey);
        var id = created.Id!.Value;

        var view = (await ViewAsync(Pilot, lab, id))!;
        Assert.Equal(ExperimentStatus.Proposed, view.Status);
        Assert.Equal("GT Vitrine", view.WorkingGroup!.Name);
        Assert.Contains(ExperimentStatus.Investigating, view.AllowedMoves);
        Assert.True((await MoveAsync(Pilot, lab, id, ExperimentStatus.Investigating, "Le GT s'en charge", view.Version)).Succeeded);
        view = (await ViewAsync(DemoAppFixture.Observer, lab, id))!;
        Assert.True((await MoveAsync(Pilot, lab, id, ExperimentStatus.Postponed, "Après l'été", view.Version)).Succeeded);

        view = (await ViewAsync(DemoAppFixture.Observer, lab, id))!;
        Assert.False(view.MayEdit);
        Assert.Equal((ExperimentStatus.Postponed, ExperimentStatus.Investigating), (view.Status, view.PostponedFrom));
        Assert.Equal(["Après l'été", "Le GT s'en charge"], view.History.Select(h => h.Reason));
        Assert.All(view.History, h => Assert.Equal("Pieter (groupe pilote)", h.ByName));
        var portfolio = (await app.AsAsync<ExperimentService, PortfolioView?>(DemoAppFixture.Observer, s => s.GetPortfolioAsync(lab)))!;
        Assert.Contains(portfolio.Experiments, e => e.Id == id && e.Feasibility == 4 && e.Impact == 3 && e.WorkingGroupName == "GT Vitrine");
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.LabId == lab && a.Subject == AuditSubject.Experiment && a.SubjectId == id));
    }

    [Fact]
    public async Task A_move_the_lifecycle_refuses_or_without_a_reason_saves_nothing()
    {
        var lab = await LabAsync();
        var id = (await SaveAsync(Pilot, lab, null, new ExperimentInput { Title = "Sans groupe" })).Id!.Value;
        var version = (await ViewAsync(Pilot, lab, id))!.Version;

        Assert.Equal("Rule.Experiment.WorkingGroupRequired", (await MoveAsync(Pilot, lab, id, ExperimentStatus.Investigating, "Allons-y", version)).MessageKey);
        Assert.Equal("Rule.Experiment.MoveNotAllowed", (await MoveAsync(Pilot, lab, id, ExperimentStatus.Adopted, "Déjà", version)).MessageKey);
        var noReason = await MoveAsync(Pilot, lab, id, ExperimentStatus.Dropped, " ", version);
        Assert.Equal(SaveStatus.Invalid, noReason.Status);
        Assert.Contains(nameof(MoveInput.Reason), noReason.Errors!.Keys);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.ExperimentMoves.CountAsync(m => m.ExperimentId == id));
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_overwrites_nothing()
    {
        var lab = await LabAsync();
        var id = (await SaveAsync(Pilot, lab, null, new ExperimentInput { Title = "Tables de conversation" })).Id!.Value;
        var seen = (await ViewAsync(Pilot, lab, id))!;

        seen.Input.Feasibility = 5;
        Assert.True((await SaveAsync(Pilot, lab, id, seen.Input)).Succeeded);
        var stale = new ExperimentInput { Title = "Autre titre", Version = seen.Version };
        Assert.Equal(SaveStatus.Conflict, (await SaveAsync(DemoAppFixture.Facilitator, lab, id, stale)).Status);
        Assert.Equal(SaveStatus.Conflict, (await MoveAsync(Pilot, lab, id, ExperimentStatus.Dropped, "Trop tard", seen.Version)).Status);

        var kept = (await ViewAsync(Pilot, lab, id))!;
        Assert.Equal(("Tables de conversation", 5, ExperimentStatus.Proposed), (kept.Input.Title, kept.Input.Feasibility, kept.Status));
    }

    [Fact]
    public async Task Another_labs_experiment_group_need_or_hypothesis_answers_not_found()
    {
        var bota = await LabAsync();
        var inCommon = await LabAsync("In Common");
        var id = (await SaveAsync(Pilot, bota, null, new ExperimentInput { Title = "Éco-label bis" })).Id!.Value;
        var botaGroup = await GroupAsync(bota, "GT Bota");
        Guid botaHypothesis;
        await using (var db = app.CreateDbContext())
        {
            botaHypothesis = await db.ImpactHypotheses.IgnoreAutoIncludes().Where(h => h.LabId == bota).Select(h => h.Id).FirstAsync();
        }
        var coordination = DemoAppFixture.Coordination;

        // The facilitator of In Common reads nothing of Bota 75's, even through their own lab's address.
        Assert.Null(await ViewAsync(coordination, bota, id));
        Assert.Null(await ViewAsync(coordination, inCommon, id));
        Assert.Null(await app.AsAsync<ExperimentService, PortfolioView?>(coordination, s => s.GetPortfolioAsync(bota)));
        Assert.Null(await app.AsAsync<WorkingGroupService, WorkingGroupView?>(coordination, s => s.GetWorkingGroupAsync(inCommon, botaGroup)));
        Assert.Equal(SaveStatus.NotFound, (await MoveAsync(coordination, inCommon, id, ExperimentStatus.Dropped, "Pas chez nous", 0)).Status);
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(coordination, bota, null, new ExperimentInput { Title = "Intrus" })).Status);
        // In their own lab, linking Bota 75's group or hypothesis is "not found" too, and nothing is created.
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(coordination, inCommon, null, new ExperimentInput { Title = "Carte", WorkingGroupId = botaGroup })).Status);
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(coordination, inCommon, null, new ExperimentInput { Title = "Carte", HypothesisIds = [botaHypothesis] })).Status);
        await using var check = app.CreateDbContext();
        Assert.False(await check.Experiments.AnyAsync(e => e.LabId == inCommon));
    }

    [Fact]
    public async Task An_observer_or_a_participant_reads_experiments_but_may_not_propose_or_move_them()
    {
        var lab = await LabAsync();
        var id = (await SaveAsync(Pilot, lab, null, new ExperimentInput { Title = "Apéros des occupants" })).Id!.Value;
        var version = (await ViewAsync(Pilot, lab, id))!.Version;

        Assert.Equal(SaveStatus.Forbidden, (await SaveAsync(DemoAppFixture.Observer, lab, null, new ExperimentInput { Title = "Non" })).Status);
        Assert.Equal(SaveStatus.Forbidden, (await MoveAsync(DemoAppFixture.Participant, lab, id, ExperimentStatus.Dropped, "Non", version)).Status);
        Assert.NotNull(await ViewAsync(DemoAppFixture.Participant, lab, id));
        Assert.Null(await app.AsAsync<ExperimentService, ExperimentChoices?>(DemoAppFixture.Observer, s => s.GetChoicesAsync(lab)));
    }

    [Fact]
    public async Task An_experiment_links_the_labs_needs_hypotheses_and_indicators()
    {
        var lab = await LabAsync();
        var choices = (await app.AsAsync<ExperimentService, ExperimentChoices?>(Pilot, s => s.GetChoicesAsync(lab)))!;
        var hypothesis = choices.Hypotheses[0];
        var indicator = choices.Indicators.First(i => i.HypothesisId == hypothesis.Id);
        await using (var db = app.CreateDbContext())
        {
            db.DiagnosticNeeds.Add(new Domain.Diagnostic.DiagnosticNeed(lab, "Mieux se connaître entre occupants", ResourceKind.Place, null, [], null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var need = (await app.AsAsync<ExperimentService, ExperimentChoices?>(Pilot, s => s.GetChoicesAsync(lab)))!.Needs.First(n => n.Text == "Mieux se connaître entre occupants");

        var id = (await SaveAsync(Pilot, lab, null, new ExperimentInput
        {
            Title = "Salles partagées au rez-de-chaussée",
            NeedIds = [need.Id],
            HypothesisIds = [hypothesis.Id],
            IndicatorIds = [indicator.Id],
        })).Id!.Value;

        var view = (await ViewAsync(DemoAppFixture.Observer, lab, id))!;
        Assert.Equal([need.Text], view.Needs.Select(n => n.Text));
        Assert.Equal([hypothesis.Statement], view.Hypotheses.Select(h => h.Statement));
        Assert.Equal([indicator.Name], view.Indicators.Select(i => i.Name));
    }

    [Fact]
    public async Task A_working_group_meeting_is_an_activity_of_the_lab_and_its_attendance_feeds_the_ladder()
    {
        var lab = await LabAsync();
        var group = await GroupAsync(lab, "GT Mieux se connaître", DemoAppFixture.Participant);
        var view = (await app.AsAsync<WorkingGroupService, WorkingGroupView?>(Pilot, s => s.GetWorkingGroupAsync(lab, group)))!;
        Assert.Equal(["Paula (Médecins du Monde)", "Pieter (groupe pilote)"], view.Members.Select(m => m.Name));

        var planned = await app.AsAsync<WorkingGroupService, SaveResult>(Pilot, s => s.PlanMeetingAsync(lab, group,
            new MeetingInput { Title = "Première réunion du GT", Date = "2026-03-12", LevelOffered = ParticipationLevel.Collaboration }, view.Version));
        Assert.True(planned.Succeeded, planned.MessageKey);

        view = (await app.AsAsync<WorkingGroupService, WorkingGroupView?>(Pilot, s => s.GetWorkingGroupAsync(lab, group)))!;
        var meeting = Assert.Single(view.Meetings);
        Assert.Equal(1, meeting.Invited);
        var activities = (await app.AsAsync<ActivityService, LabActivities?>(Pilot, s => s.GetActivitiesAsync(lab)))!;
        var activity = activities.Activities.Single(a => a.Id == meeting.ActivityId);
        Assert.Equal(ActivityKind.WorkingGroupMeeting, activity.Kind);
        Assert.Equal([Cycle.ToolConfiguration], activity.Cycles);
        var mdm = Assert.Single(activity.Invited);

        Assert.True((await app.AsAsync<ActivityService, SaveResult>(Pilot, s => s.RecordHeldAsync(lab, activity.Id, [mdm], null, activity.Version))).Succeeded);

        await using var db = app.CreateDbContext();
        var stakeholder = await db.Stakeholders.SingleAsync(s => s.Id == mdm);
        Assert.Equal(ParticipationLevel.Collaboration, stakeholder.In(Cycle.ToolConfiguration).Reached);
        Assert.Equal("Médecins du Monde", stakeholder.Name);
    }

    [Fact]
    public async Task Next_steps_are_owned_by_members_and_flagged_when_overdue()
    {
        var lab = await LabAsync();
        var group = await GroupAsync(lab, "GT Partage d'expertise", DemoAppFixture.Participant);
        var paula = await AccountIdAsync(DemoAppFixture.Participant);
        var observer = await AccountIdAsync(DemoAppFixture.Observer);
        var version = (await app.AsAsync<WorkingGroupService, WorkingGroupView?>(Pilot, s => s.GetWorkingGroupAsync(lab, group)))!.Version;

        Assert.Equal("Rule.WorkingGroup.OwnerNotMember", (await app.AsAsync<WorkingGroupService, SaveResult>(Pilot, s => s.AddNextStepAsync(lab, group,
            new NextStepInput { Text = "Devis d'un juriste RGPD", OwnerId = observer, DueOn = "2020-01-31" }, version))).MessageKey);
        Assert.True((await app.AsAsync<WorkingGroupService, SaveResult>(Pilot, s => s.AddNextStepAsync(lab, group,
            new NextStepInput { Text = "Devis d'un juriste RGPD", OwnerId = paula, DueOn = "2020-01-31" }, version))).Succeeded);

        var view = (await app.AsAsync<WorkingGroupService, WorkingGroupView?>(DemoAppFixture.Observer, s => s.GetWorkingGroupAsync(lab, group)))!;
        var step = Assert.Single(view.NextSteps);
        Assert.Equal(("Paula (Médecins du Monde)", true), (step.OwnerName, step.Overdue));
        var card = (await app.AsAsync<WorkingGroupService, WorkingGroupsView?>(Pilot, s => s.GetWorkingGroupsAsync(lab)))!.Groups.Single(g => g.Id == group);
        Assert.Equal((1, 1, 2), (card.OpenSteps, card.OverdueSteps, card.MemberCount));

        Assert.True((await app.AsAsync<WorkingGroupService, SaveResult>(Pilot, s => s.CompleteNextStepAsync(lab, group, step.Id, view.Version))).Succeeded);
        card = (await app.AsAsync<WorkingGroupService, WorkingGroupsView?>(Pilot, s => s.GetWorkingGroupsAsync(lab)))!.Groups.Single(g => g.Id == group);
        Assert.Equal((0, 0), (card.OpenSteps, card.OverdueSteps));
    }

    [Fact]
    public async Task A_person_without_a_role_in_the_lab_cannot_join_a_working_group()
    {
        var lab = await LabAsync();
        var outsider = await AccountIdAsync(DemoAppFixture.Coordination);
        var input = new WorkingGroupInput { Name = "GT fermé", LeadId = await AccountIdAsync(Pilot), MemberIds = [outsider] };

        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<WorkingGroupService, SaveResult>(Pilot, s => s.SaveAsync(lab, null, input))).Status);
    }
}
