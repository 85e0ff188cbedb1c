using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.IntegrationTests.Diagnostic;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Answering;
using Mutualisons.Web.Features.Publics.Activities;
using Mutualisons.Web.Features.Publics.Dashboard;
using Mutualisons.Web.Features.Publics.Stakeholders;

namespace Mutualisons.IntegrationTests.Publics;

/// <summary>Cycles linked: organisations are stakeholders, answering a questionnaire is participation, and changes count when they took place.</summary>
public sealed class ParticipationLinksTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private async Task<Guid> LabAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task Adding_an_organisation_to_the_lab_makes_it_a_stakeholder_linked_by_its_id()
    {
        var bota = await LabAsync("Bota 75");
        var people = (await app.AsAsync<PeopleService, LabPeople?>(DemoAppFixture.Facilitator, s => s.GetAsync(bota)))!;
        var joining = people.OtherOrganisations.Single(o => o.Name == "Communa");

        var added = await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Facilitator,
            s => s.AddMemberAsync(bota, new AddMemberInput { OrganisationId = joining.Id, Role = MembershipRole.Participant }, people.Version));

        Assert.True(added.Succeeded, added.MessageKey);
        await using var db = app.CreateDbContext();
        var stakeholder = await db.Stakeholders.SingleAsync(s => s.LabId == bota && s.OrganisationId == joining.Id);
        Assert.Equal((StakeholderKind.Organisation, "Communa"), (stakeholder.Kind, stakeholder.Name));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LabId == bota && a.Subject == AuditSubject.Stakeholder && a.SubjectId == stakeholder.Id && a.Action == AuditAction.Created));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LabId == bota && a.Subject == AuditSubject.Membership && a.SubjectId == joining.Id));

        // The one-click import, kept for labs whose organisations joined before, adds no second one.
        Assert.True((await app.AsAsync<StakeholderService, SaveResult>(DemoAppFixture.Pilot, s => s.RegisterLabOrganisationsAsync(bota))).Succeeded);
        Assert.Equal(1, await db.Stakeholders.CountAsync(s => s.LabId == bota && s.OrganisationId == joining.Id));
    }

    [Fact]
    public async Task The_demo_labs_organisations_are_their_stakeholders()
    {
        await using var db = app.CreateDbContext();
        var memberships = await db.Mutualisations.SelectMany(m => m.Memberships.Select(x => new { LabId = m.Id, x.OrganisationId })).ToListAsync();
        var linked = await db.Stakeholders.Where(s => s.OrganisationId != null).Select(s => new { s.LabId, OrganisationId = s.OrganisationId!.Value }).ToListAsync();

        Assert.All(memberships, m => Assert.Contains(linked, l => l.LabId == m.LabId && l.OrganisationId == m.OrganisationId));
    }

    [Fact]
    public async Task A_submitted_response_raises_the_organisation_to_consultation_in_the_diagnosis_once()
    {
        var scenario = await new DiagnosticScenario(app).PublishAsync("Participation par questionnaire");
        const string organisation = "BRAL";
        var path = (await scenario.InviteAsync(organisation))[organisation];
        var token = path["/r/".Length..];
        KeyValuePair<string, StringValues>[] page1 = [new(AnswerFields.Name(scenario.Workshop.Id), "no")];
        KeyValuePair<string, StringValues>[] page2 = [new(AnswerFields.Name(scenario.Needs.Id), scenario.Needs.Options[0].Key)];

        Assert.True((await app.AsAsync<RespondentService, RespondentService.Outcome>(null, s => s.AnswerInvitationAsync(token, 0, RespondentMove.Next, page1, "fr"))).Redirect);
        Assert.True((await app.AsAsync<RespondentService, RespondentService.Outcome>(null, s => s.AnswerInvitationAsync(token, 1, RespondentMove.Submit, page2, "fr"))).Redirect);

        await using var db = app.CreateDbContext();
        var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
        var stakeholderId = await db.Stakeholders.Where(s => s.LabId == scenario.LabId && s.OrganisationId == organisationId).Select(s => s.Id).SingleAsync();
        var details = (await app.AsAsync<StakeholderService, StakeholderDetails?>(DiagnosticScenario.Facilitator, s => s.GetStakeholderAsync(scenario.LabId, stakeholderId)))!;
        Assert.Equal(ParticipationLevel.Consultation, details.Participation.Single(p => p.Cycle == Cycle.Diagnostic).Reached);
        var line = Assert.Single(details.History, h => h.Cycle == Cycle.Diagnostic);
        Assert.Equal((ParticipationAspect.Reached, (ParticipationLevel?)ParticipationLevel.Consultation, (string?)null), (line.Aspect, line.To, line.By));
        Assert.Equal(AuditTextKeyOfQuestionnaire, line.Reason);
    }

    private const string AuditTextKeyOfQuestionnaire = "{ActivityKind.Questionnaire}";

    [Fact]
    public async Task The_opening_chart_counts_an_activity_in_the_month_it_took_place_not_the_month_it_was_typed_in()
    {
        var lab = await LabAsync("In Common");
        const string who = DemoAppFixture.Coordination;
        var stakeholder = (await app.AsAsync<StakeholderService, SaveResult>(who, s => s.AddStakeholderAsync(lab, new StakeholderInput { Name = "Habitants du quartier", Kind = StakeholderKind.PublicCategory }))).Id!.Value;
        var tookPlace = DateTime.UtcNow.Date.AddMonths(-3);
        var activity = (await app.AsAsync<ActivityService, SaveResult>(who, s => s.PlanActivityAsync(lab, new ActivityInput
        {
            Title = "Balade de quartier", Cycles = [Cycle.ToolConfiguration], Date = tookPlace, LevelOffered = ParticipationLevel.Collaboration,
        }))).Id!.Value;
        uint version;
        await using (var db = app.CreateDbContext())
        {
            version = (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity)).Version;
        }

        Assert.True((await app.AsAsync<ActivityService, SaveResult>(who, s => s.RecordHeldAsync(lab, activity, [stakeholder], null, version))).Succeeded);

        var opening = (await app.AsAsync<PublicsDashboardService, PublicsDashboard?>(who, s => s.GetDashboardAsync(lab)))!.Opening;
        var then = opening.Single(m => m.Year == tookPlace.Year && m.Month == tookPlace.Month);
        Assert.Equal(1, then.RaisedTo[ParticipationLevel.Collaboration]);
        Assert.DoesNotContain(opening, m => m.Year == DateTime.UtcNow.Year && m.Month == DateTime.UtcNow.Month && m.RaisedTo.ContainsKey(ParticipationLevel.Collaboration));
    }
}
