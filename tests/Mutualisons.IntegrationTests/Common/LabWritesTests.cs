using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Labs;
using Mutualisons.Web.Features.Publics.Activities;
using Mutualisons.Web.Features.Publics.Dashboard;
using Mutualisons.Web.Features.Publics.Exports;
using Mutualisons.Web.Features.Publics.Stakeholders;

namespace Mutualisons.IntegrationTests.Common;

/// <summary>The one write path, seen through the services that use it: every answer it can give, and what it leaves in the database.</summary>
public sealed class LabWritesTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<Guid> LabAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<int> AuditCountAsync(Guid lab)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.LabId == lab);
    }

    private Task<SaveResult> AddStakeholderAsync(string who, Guid lab, string name) =>
        app.AsAsync<StakeholderService, SaveResult>(who, s => s.AddStakeholderAsync(lab, new StakeholderInput { Name = name, Kind = StakeholderKind.Person }));

    [Fact]
    public async Task A_lab_the_person_has_no_role_in_is_not_found_and_nothing_is_written()
    {
        var foreign = await LabAsync("Headquarters for Change");
        var before = await AuditCountAsync(foreign);

        var result = await AddStakeholderAsync(Pilot, foreign, "Intruse");

        Assert.Equal(SaveStatus.NotFound, result.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Stakeholders.AnyAsync(s => s.Name == "Intruse"));
        Assert.Equal(before, await AuditCountAsync(foreign));
    }

    [Fact]
    public async Task A_role_without_the_right_is_forbidden_and_nothing_is_written()
    {
        var bota = await LabAsync("Bota 75");
        var before = await AuditCountAsync(bota);

        var result = await AddStakeholderAsync(DemoAppFixture.Observer, bota, "Vue seulement");

        Assert.Equal(SaveStatus.Forbidden, result.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Stakeholders.AnyAsync(s => s.Name == "Vue seulement"));
        Assert.Equal(before, await AuditCountAsync(bota));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_the_newer_change_stays()
    {
        var bota = await LabAsync("Bota 75");
        var id = (await AddStakeholderAsync(Pilot, bota, "Conflit initial")).Id!.Value;
        uint seen;
        await using (var db = app.CreateDbContext())
        {
            seen = (await db.Stakeholders.AsNoTracking().SingleAsync(s => s.Id == id)).Version;
        }
        Assert.True((await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.SetTargetAsync(bota, id, Cycle.Impact, ParticipationLevel.Discussion, seen))).Succeeded);
        var before = await AuditCountAsync(bota);

        var stale = await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.SetTargetAsync(bota, id, Cycle.Impact, ParticipationLevel.Collaboration, seen));

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        var details = (await app.AsAsync<StakeholderService, StakeholderDetails?>(Pilot, s => s.GetStakeholderAsync(bota, id)))!;
        Assert.Equal(ParticipationLevel.Discussion, details.Participation.Single(p => p.Cycle == Cycle.Impact).Target);
        Assert.Single(details.History);
        Assert.Equal(before, await AuditCountAsync(bota));
    }

    [Fact]
    public async Task A_rule_of_the_method_refuses_with_its_code_and_nothing_is_written()
    {
        var bota = await LabAsync("Bota 75");
        var id = (await AddStakeholderAsync(Pilot, bota, "Sans raison")).Id!.Value;
        uint version;
        await using (var db = app.CreateDbContext())
        {
            version = (await db.Stakeholders.AsNoTracking().SingleAsync(s => s.Id == id)).Version;
        }
        var before = await AuditCountAsync(bota);

        var refused = await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.AdjustReachedAsync(bota, id, Cycle.Publics, ParticipationLevel.Discussion, " ", version));

        Assert.Equal((SaveStatus.Refused, "Rule.Stakeholder.AdjustmentReasonRequired"), (refused.Status, refused.MessageKey));
        var details = (await app.AsAsync<StakeholderService, StakeholderDetails?>(Pilot, s => s.GetStakeholderAsync(bota, id)))!;
        Assert.Empty(details.History);
        Assert.Equal(version, details.Version);
        Assert.Equal(before, await AuditCountAsync(bota));
    }

    [Fact]
    public async Task A_saved_change_writes_its_audit_entry_under_a_known_subject()
    {
        var bota = await LabAsync("Bota 75");

        var saved = await AddStakeholderAsync(Pilot, bota, "Auditée");

        Assert.True(saved.Succeeded, saved.MessageKey);
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.LabId == bota && a.SubjectId == saved.Id);
        Assert.Equal((AuditAction.Created, AuditSubject.Stakeholder, "Auditée"), (entry.Action, entry.Subject, entry.Summary));
        Assert.NotNull(entry.ActorId);
    }

    [Fact]
    public async Task An_invalid_input_is_refused_before_the_rights_are_even_read_and_touches_nothing()
    {
        var bota = await LabAsync("Bota 75");
        var before = await AuditCountAsync(bota);

        var invalid = await AddStakeholderAsync(Pilot, bota, "");

        Assert.Equal(SaveStatus.Invalid, invalid.Status);
        Assert.Equal(before, await AuditCountAsync(bota));
    }

    [Fact]
    public async Task A_stale_lab_change_adds_neither_the_organisation_nor_its_stakeholder()
    {
        var bota = await LabAsync("Bota 75");
        var people = (await app.AsAsync<PeopleService, LabPeople?>(DemoAppFixture.Facilitator, s => s.GetAsync(bota)))!;
        var outsider = people.OtherOrganisations[0];
        var before = await AuditCountAsync(bota);

        var stale = await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Facilitator,
            s => s.AddMemberAsync(bota, new AddMemberInput { OrganisationId = outsider.Id, Role = MembershipRole.Participant }, people.Version - 1));

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Stakeholders.AnyAsync(s => s.LabId == bota && s.OrganisationId == outsider.Id));
        Assert.False(await db.Mutualisations.Where(m => m.Id == bota).SelectMany(m => m.Memberships).AnyAsync(m => m.OrganisationId == outsider.Id));
        Assert.Equal(before, await AuditCountAsync(bota));
    }

    [Fact]
    public async Task Changing_a_lab_loads_neither_its_journal_nor_anyones_history()
    {
        var bota = await LabAsync("Bota 75");
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.Mutualisations.Where(m => m.Id == bota).SelectMany(m => m.Journal).AnyAsync());
        }
        var overview = (await app.AsAsync<LabService, LabOverview?>(Pilot, s => s.GetOverviewAsync(bota)))!;
        var journalBefore = overview.Journal.Count;
        var target = overview.CurrentFocus == Cycle.Impact ? Cycle.Diagnostic : Cycle.Impact;

        var moved = await app.AsAsync<LabService, SaveResult>(Pilot, s => s.MoveFocusAsync(bota, new MoveFocusInput { To = target, Reason = "Sans relire tout le journal", Version = overview.Version }));

        Assert.True(moved.Succeeded, moved.MessageKey);
        await using var check = app.CreateDbContext();
        // The aggregate as the write path loads it: its journal stays in the database.
        var lab = await check.Mutualisations.AsSplitQuery().SingleAsync(m => m.Id == bota);
        Assert.Empty(lab.Journal);
        Assert.Equal(journalBefore + 1, await check.Mutualisations.Where(m => m.Id == bota).SelectMany(m => m.Journal).CountAsync());
        Assert.Equal(target, lab.CurrentFocus);
    }
}
