using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Publics;
using Mutualisons.Web.Features.Publics.Activities;
using Mutualisons.Web.Features.Publics.Dashboard;
using Mutualisons.Web.Features.Publics.Exports;
using Mutualisons.Web.Features.Publics.PilotGroup;
using Mutualisons.Web.Features.Publics.Stakeholders;

namespace Mutualisons.IntegrationTests.Publics;

public sealed class ParticipationTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<Guid> LabAsync(string name = "Bota 75")
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> StakeholderAsync(Guid lab, string name, StakeholderKind kind = StakeholderKind.Organisation) =>
        (await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.AddStakeholderAsync(lab, new StakeholderInput { Name = name, Kind = kind, Interest = "Partager la cantine" }))).Id!.Value;

    private async Task<Guid> ActivityAsync(Guid lab, string title, ParticipationLevel level, Cycle[] cycles, params Guid[] invited) =>
        (await app.AsAsync<ActivityService, SaveResult>(Pilot, s => s.PlanActivityAsync(lab, new ActivityInput
        {
            Title = title, Kind = ActivityKind.Workshop, LevelOffered = level, Cycles = [.. cycles], Date = DateTime.UtcNow.Date, Invited = [.. invited],
        }))).Id!.Value;

    private async Task<uint> ActivityVersionAsync(Guid activity)
    {
        await using var db = app.CreateDbContext();
        return (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity)).Version;
    }

    private async Task<StakeholderDetails> DetailsAsync(Guid lab, Guid stakeholder, string who = Pilot) =>
        (await app.AsAsync<StakeholderService, StakeholderDetails?>(who, s => s.GetStakeholderAsync(lab, stakeholder)))!;

    [Fact]
    public async Task Attending_a_held_activity_raises_the_reached_level_to_the_highest_offered_in_each_cycle_it_serves()
    {
        var lab = await LabAsync();
        var ana = await StakeholderAsync(lab, "Occupants du 2e étage");
        var bram = await StakeholderAsync(lab, "Cantine");
        var consultation = await ActivityAsync(lab, "Questionnaire cantine", ParticipationLevel.Consultation, [Cycle.Diagnostic, Cycle.Publics], ana, bram);
        var deliberation = await ActivityAsync(lab, "Atelier des pistes", ParticipationLevel.Deliberation, [Cycle.Publics], ana);

        var held = await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.RecordHeldAsync(lab, consultation, [ana, bram], "Six pistes", await ActivityVersionAsync(consultation)));
        Assert.True(held.Succeeded, held.MessageKey);
        Assert.True((await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.RecordHeldAsync(lab, deliberation, [ana], null, await ActivityVersionAsync(deliberation)))).Succeeded);

        var anaLevels = (await DetailsAsync(lab, ana)).Participation.ToDictionary(p => p.Cycle, p => p.Reached);
        Assert.Equal(ParticipationLevel.Consultation, anaLevels[Cycle.Diagnostic]);
        Assert.Equal(ParticipationLevel.Deliberation, anaLevels[Cycle.Publics]);
        Assert.Null(anaLevels[Cycle.Impact]);
        var bramLevels = (await DetailsAsync(lab, bram)).Participation.ToDictionary(p => p.Cycle, p => p.Reached);
        Assert.Equal(ParticipationLevel.Consultation, bramLevels[Cycle.Publics]);

        var dashboard = (await app.AsAsync<PublicsDashboardService, PublicsDashboard?>(Pilot, s => s.GetDashboardAsync(lab)))!;
        var thisMonth = dashboard.Opening.Single(m => m.Year == DateTime.UtcNow.Year && m.Month == DateTime.UtcNow.Month);
        // Both reach Consultation in Diagnostic and Publics (4), then Ana Deliberation in Publics (1).
        Assert.Equal([(ParticipationLevel.Consultation, 4), (ParticipationLevel.Deliberation, 1)], thisMonth.RaisedTo.OrderBy(r => r.Key).Select(r => (r.Key, r.Value)));

        var history = (await DetailsAsync(lab, ana)).History;
        Assert.Contains(history, h => h.Cycle == Cycle.Publics && h.From == ParticipationLevel.Consultation && h.To == ParticipationLevel.Deliberation && h.Reason == "Atelier des pistes" && h.By is null);
        Assert.Contains(history, h => h.Cycle == Cycle.Diagnostic && h.From is null && h.To == ParticipationLevel.Consultation);
    }

    [Fact]
    public async Task Correcting_the_attendance_lowers_the_level_of_who_was_not_there_after_all()
    {
        var lab = await LabAsync();
        var absent = await StakeholderAsync(lab, "Absente finalement");
        var activity = await ActivityAsync(lab, "Table de conversation", ParticipationLevel.Discussion, [Cycle.CoreMethods], absent);
        Assert.True((await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.RecordHeldAsync(lab, activity, [absent], null, await ActivityVersionAsync(activity)))).Succeeded);
        Assert.Equal(ParticipationLevel.Discussion, (await DetailsAsync(lab, absent)).Participation.Single(p => p.Cycle == Cycle.CoreMethods).Reached);

        Assert.True((await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.RecordHeldAsync(lab, activity, [], null, await ActivityVersionAsync(activity)))).Succeeded);

        var details = await DetailsAsync(lab, absent);
        Assert.Null(details.Participation.Single(p => p.Cycle == Cycle.CoreMethods).Reached);
        Assert.Equal(2, details.History.Count(h => h.Cycle == Cycle.CoreMethods));
    }

    [Fact]
    public async Task Targets_and_hand_adjustments_are_kept_in_the_history_and_an_adjustment_needs_a_reason()
    {
        var lab = await LabAsync();
        var stakeholder = await StakeholderAsync(lab, "Futurs usagers", StakeholderKind.PublicCategory);

        var version = (await DetailsAsync(lab, stakeholder)).Version;
        Assert.True((await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.SetTargetAsync(lab, stakeholder, Cycle.Impact, ParticipationLevel.Deliberation, version))).Succeeded);
        version = (await DetailsAsync(lab, stakeholder)).Version;
        var noReason = await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.AdjustReachedAsync(lab, stakeholder, Cycle.Impact, ParticipationLevel.Discussion, " ", version));
        Assert.Equal("Rule.Stakeholder.AdjustmentReasonRequired", noReason.MessageKey);
        Assert.True((await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.AdjustReachedAsync(lab, stakeholder, Cycle.Impact, ParticipationLevel.Discussion, "Échanges par mail", version))).Succeeded);

        var details = await DetailsAsync(lab, stakeholder);
        var impact = details.Participation.Single(p => p.Cycle == Cycle.Impact);
        Assert.Equal((ParticipationLevel.Deliberation, ParticipationLevel.Discussion, "Échanges par mail"), (impact.Target, impact.Reached, impact.AdjustmentReason));
        Assert.Equal(2, details.History.Count);
        Assert.All(details.History, h => Assert.Equal("Pieter (groupe pilote)", h.By));

        var stale = await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.SetTargetAsync(lab, stakeholder, Cycle.Impact, ParticipationLevel.Collaboration, version));
        Assert.Equal(SaveStatus.Conflict, stale.Status);
    }

    [Fact]
    public async Task The_dashboard_counts_levels_and_raises_the_alerts_in_the_database()
    {
        var lab = await LabAsync("Headquarters for Change");
        const string who = DemoAppFixture.Coordination;
        var bral = (await app.AsAsync<StakeholderService, SaveResult>(who, s => s.AddStakeholderAsync(lab, new StakeholderInput { Name = "BRAL" })))!.Id!.Value;
        var associations = (await app.AsAsync<StakeholderService, SaveResult>(who, s => s.AddStakeholderAsync(lab, new StakeholderInput { Name = "Associations bruxelloises", Kind = StakeholderKind.PublicCategory })))!.Id!.Value;
        var version = (await app.AsAsync<StakeholderService, StakeholderDetails?>(who, s => s.GetStakeholderAsync(lab, associations)))!.Version;
        await app.AsAsync<StakeholderService, SaveResult>(who, s => s.SetTargetAsync(lab, associations, Cycle.Diagnostic, ParticipationLevel.Consultation, version));
        var day = (await app.AsAsync<ActivityService, SaveResult>(who, s => s.PlanActivityAsync(lab, new ActivityInput
        {
            Title = "Deuxième atelier", Cycles = [Cycle.Publics], Date = DateTime.UtcNow.Date.AddDays(7), LevelOffered = ParticipationLevel.Deliberation,
        }))).Id!.Value;
        for (var i = 0; i < 2; i++)
        {
            var v = await ActivityVersionAsync(day);
            Assert.True((await app.AsAsync<ActivityService, SaveResult>(who, s => s.PostponeAsync(lab, day, DateTime.UtcNow.Date.AddDays(30 * (i + 1)), "Mobilisation trop faible", v))).Succeeded);
        }

        var dashboard = (await app.AsAsync<PublicsDashboardService, PublicsDashboard?>(who, s => s.GetDashboardAsync(lab)))!;

        // The lab's three organisations are stakeholders from the start, besides the two added here.
        Assert.Equal(5, dashboard.StakeholderCount);
        Assert.Equal("Associations bruxelloises", dashboard.Matrix[0].Name);
        Assert.Contains(dashboard.Matrix, r => r.Name == "BRAL" && r.Id == bral);
        Assert.True(dashboard.Matrix[0].Levels[Cycle.Diagnostic].BelowTarget);
        Assert.Equal(1, dashboard.Alerts.BelowTargetCount);
        Assert.Equal((associations, Cycle.Diagnostic), (dashboard.Alerts.BelowTarget[0].StakeholderId, dashboard.Alerts.BelowTarget[0].Cycle));
        Assert.Equal(Enum.GetValues<Cycle>(), dashboard.Alerts.CyclesWithNoOneAboveInformation);
        Assert.Equal(2, Assert.Single(dashboard.Alerts.PostponedTwice).Postponements);
        Assert.Equal(1, dashboard.Alerts.PostponedTwiceCount);
        Assert.NotNull(dashboard.Alerts.WeeksWithoutActivity);
        Assert.All(dashboard.Distribution, d => Assert.Equal(5, d.NotReached));
        Assert.True(dashboard.CanTrack);
        Assert.NotEqual(Guid.Empty, bral);
    }

    [Fact]
    public async Task The_matrix_and_history_export_to_csv_with_formulas_neutralised()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr");
        var lab = await LabAsync("In Common");
        const string who = DemoAppFixture.Coordination;
        var id = (await app.AsAsync<StakeholderService, SaveResult>(who, s => s.AddStakeholderAsync(lab, new StakeholderInput { Name = "=HYPERLINK(\"http://evil\")" }))).Id!.Value;
        var version = (await app.AsAsync<StakeholderService, StakeholderDetails?>(who, s => s.GetStakeholderAsync(lab, id)))!.Version;
        await app.AsAsync<StakeholderService, SaveResult>(who, s => s.SetTargetAsync(lab, id, Cycle.Diagnostic, ParticipationLevel.Discussion, version));

        using var matrix = new StringWriter();
        Assert.True(await app.AsAsync<PublicsExportService, bool>(who, s => s.WriteMatrixCsvAsync(lab, matrix)));
        // French Excel splits on semicolons, and every record ends with CRLF.
        var lines = matrix.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Nom;Type de partie prenante;Diagnostiquer les besoins — Objectif;Diagnostiquer les besoins — Niveau atteint", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\")\";Organisation;Discussion;", StringComparison.Ordinal));

        using var history = new StringWriter();
        Assert.True(await app.AsAsync<PublicsExportService, bool>(who, s => s.WriteHistoryCsvAsync(lab, history)));
        Assert.Contains("objectif;;Discussion;Camille (coordination)", history.ToString(), StringComparison.Ordinal);

        using var nothing = new StringWriter();
        Assert.False(await app.AsAsync<PublicsExportService, bool>(DemoAppFixture.Pilot, s => s.WriteMatrixCsvAsync(lab, nothing)));
        Assert.Empty(nothing.ToString());
    }

    [Fact]
    public async Task The_pilot_group_records_mandates_and_responsibilities()
    {
        var lab = await LabAsync();
        var group = (await app.AsAsync<PilotGroupService, PilotGroupView?>(Pilot, s => s.GetPilotGroupAsync(lab)))!;
        var sawb = group.Organisations.Single(o => o.Name == "SAW-B").OrganisationId;

        var missingDate = await app.AsAsync<PilotGroupService, SaveResult>(Pilot, s => s.RecordMandateAsync(lab, sawb, new MandateInput { GreenLight = true }, group.Version));
        Assert.Contains(nameof(MandateInput.GreenLightOn), missingDate.Errors!.Keys);

        var saved = await app.AsAsync<PilotGroupService, SaveResult>(Pilot, s => s.RecordMandateAsync(lab, sawb, new MandateInput
        {
            DecisionMaker = "Conseil d'administration", TimeGivers = "Responsable RH, 2 h par semaine", BudgetMargin = "500 €", GreenLight = true, GreenLightOn = "2018-12-04",
        }, group.Version));
        Assert.True(saved.Succeeded, saved.MessageKey);

        group = (await app.AsAsync<PilotGroupService, PilotGroupView?>(Pilot, s => s.GetPilotGroupAsync(lab)))!;
        var pilot = group.Members.Single(m => m.Name == "Pieter (groupe pilote)");
        Assert.True((await app.AsAsync<PilotGroupService, SaveResult>(Pilot, s => s.DescribeResponsibilitiesAsync(lab, pilot.PersonId, "Relance les groupes de travail", group.Version))).Succeeded);

        group = (await app.AsAsync<PilotGroupService, PilotGroupView?>(DemoAppFixture.Observer, s => s.GetPilotGroupAsync(lab)))!;
        var mandate = group.Organisations.Single(o => o.OrganisationId == sawb).Mandate!;
        Assert.Equal(("Conseil d'administration", true, new DateTimeOffset(2018, 12, 4, 0, 0, 0, TimeSpan.Zero)), (mandate.DecisionMaker, mandate.GreenLight, mandate.GreenLightOn!.Value));
        Assert.Equal("Relance les groupes de travail", group.Members.Single(m => m.PersonId == pilot.PersonId).Responsibilities);
        Assert.False(group.CanTrack);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<PilotGroupService, SaveResult>(DemoAppFixture.Observer, s => s.RecordMandateAsync(lab, sawb, new MandateInput(), group.Version))).Status);
        Assert.Null(await app.AsAsync<PilotGroupService, PilotGroupView?>(Pilot, async s => await s.GetPilotGroupAsync(await LabAsync("In Common"))));
    }

    [Fact]
    public async Task The_directory_lists_only_who_chose_to_be_listed_and_only_what_they_show()
    {
        var lab = await LabAsync();
        await app.AsAsync<DirectoryService, SaveResult>(DemoAppFixture.Participant, s => s.SaveMineAsync(new ProfileInput
        {
            ItLead = true, French = true, English = true, Interests = "RGPD, football", Listed = true, ShowLanguages = true, ShowInterests = true, ShowEmail = false,
        }));
        await app.AsAsync<DirectoryService, SaveResult>(DemoAppFixture.Observer, s => s.SaveMineAsync(new ProfileInput { HrLead = true, Interests = "Secret", Listed = false, ShowInterests = true }));

        var directory = (await app.AsAsync<DirectoryService, LabDirectory?>(DemoAppFixture.Pilot, s => s.GetAsync(lab)))!;
        var paula = Assert.Single(directory.Entries);
        Assert.Equal(("Paula (Médecins du Monde)", "Médecins du Monde", "RGPD, football", null), (paula.Name, paula.Organisation, paula.Interests, paula.Email));
        Assert.Equal([Domain.Organisations.Language.French, Domain.Organisations.Language.English], paula.Languages);

        Assert.Single((await app.AsAsync<DirectoryService, LabDirectory?>(DemoAppFixture.Pilot, s => s.GetAsync(lab, "football")))!.Entries);
        Assert.Empty((await app.AsAsync<DirectoryService, LabDirectory?>(DemoAppFixture.Pilot, s => s.GetAsync(lab, null, Domain.Organisations.Language.Dutch)))!.Entries);
        Assert.Single((await app.AsAsync<DirectoryService, LabDirectory?>(DemoAppFixture.Pilot, s => s.GetAsync(lab, null, null, Domain.Organisations.ContactRole.ItLead)))!.Entries);
        Assert.Null(await app.AsAsync<DirectoryService, LabDirectory?>(DemoAppFixture.Pilot, async s => await s.GetAsync(await LabAsync("In Common"))));
    }

    [Fact]
    public async Task The_lab_organisations_are_registered_once_and_a_stakeholder_can_be_described_again()
    {
        var lab = await LabAsync("In Common");
        const string who = DemoAppFixture.Coordination;

        Assert.True((await app.AsAsync<StakeholderService, SaveResult>(who, s => s.RegisterLabOrganisationsAsync(lab))).Succeeded);
        Assert.True((await app.AsAsync<StakeholderService, SaveResult>(who, s => s.RegisterLabOrganisationsAsync(lab))).Succeeded);

        await using var db = app.CreateDbContext();
        var names = await db.Stakeholders.Where(s => s.LabId == lab && s.Kind == StakeholderKind.Organisation).Select(s => s.Name).ToListAsync();
        foreach (var organisation in new[] { "Dewey", "Petites Singularités", "Réseau Transition", "Mycélium", "Agroecology in Action" })
        {
            Assert.Single(names, organisation);
        }

        var dewey = await db.Stakeholders.Where(s => s.LabId == lab && s.Name == "Dewey").Select(s => new { s.Id, s.Version }).SingleAsync();
        var invalid = await app.AsAsync<StakeholderService, SaveResult>(who, s => s.DescribeStakeholderAsync(lab, dewey.Id, new StakeholderInput { Name = "" }, dewey.Version));
        Assert.Equal(SaveStatus.Invalid, invalid.Status);
        var described = await app.AsAsync<StakeholderService, SaveResult>(who, s => s.DescribeStakeholderAsync(lab, dewey.Id,
            new StakeholderInput { Name = "Dewey asbl", Kind = StakeholderKind.Organisation, Interest = "Cartes des initiatives" }, dewey.Version));
        Assert.True(described.Succeeded);
        Assert.Equal("Cartes des initiatives", (await DetailsAsync(lab, dewey.Id, who)).Interest);
    }

    [Fact]
    public async Task Reading_is_for_lab_members_and_keeping_the_register_for_facilitators_and_the_pilot_group()
    {
        var bota = await LabAsync();
        var hq = await LabAsync("Headquarters for Change");

        Assert.Null(await app.AsAsync<PublicsDashboardService, PublicsDashboard?>(DemoAppFixture.Pilot, s => s.GetDashboardAsync(hq)));
        Assert.Null(await app.AsAsync<ActivityService, LabActivities?>(DemoAppFixture.Pilot, s => s.GetActivitiesAsync(hq)));
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<StakeholderService, SaveResult>(DemoAppFixture.Pilot, s => s.AddStakeholderAsync(hq, new StakeholderInput { Name = "Intrus" }))).Status);

        var observerView = await app.AsAsync<PublicsDashboardService, PublicsDashboard?>(DemoAppFixture.Observer, s => s.GetDashboardAsync(bota));
        Assert.False(observerView!.CanTrack);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<StakeholderService, SaveResult>(DemoAppFixture.Observer, s => s.AddStakeholderAsync(bota, new StakeholderInput { Name = "Essai" }))).Status);

        var other = await StakeholderAsync(bota, "Seulement à Bota");
        var hqActivity = (await app.AsAsync<ActivityService, SaveResult>(DemoAppFixture.Coordination, s => s.PlanActivityAsync(hq, new ActivityInput
        {
            Title = "Visite", Cycles = [Cycle.Diagnostic], Date = DateTime.UtcNow.Date, LevelOffered = ParticipationLevel.Information,
        }))).Id!.Value;
        var crossed = await app.AsAsync<ActivityService, SaveResult>(DemoAppFixture.Coordination, async s => await s.RecordHeldAsync(hq, hqActivity, [other], null, await ActivityVersionAsync(hqActivity)));
        Assert.Equal("Rule.Activity.UnknownStakeholder", crossed.MessageKey);
    }
}
