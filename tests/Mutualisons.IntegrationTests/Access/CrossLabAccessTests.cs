using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Labs;
using Mutualisons.Web.Features.Organisations;

namespace Mutualisons.IntegrationTests.Access;

/// <summary>
/// A person with a role in Bota 75 (and an observer in In Common) tries every lab page query and every
/// mutating operation on Headquarters for Change, where they have no role, by its ids: nothing is read,
/// nothing changes.
/// </summary>
public sealed class CrossLabAccessTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private static readonly Uri Site = new("http://localhost/");

    private async Task<(Guid Id, uint Version, int JournalCount)> LabAsync(string name)
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.AsNoTracking().Include(m => m.Journal).SingleAsync(m => m.Name == name);
        return (lab.Id, lab.Version, lab.Journal.Count);
    }

    [Fact]
    public async Task The_labs_list_shows_only_the_labs_a_person_has_a_role_in()
    {
        var names = async (string? who) => (await app.AsAsync<LabService, IReadOnlyList<LabCard>>(who, s => s.ListAsync())).Select(l => l.Name).ToList();

        Assert.Equal(["Bota 75", "In Common"], await names(DemoAppFixture.Facilitator));
        Assert.Equal(["Bota 75"], await names(DemoAppFixture.Pilot));
        Assert.Equal(["Headquarters for Change", "In Common"], await names(DemoAppFixture.Coordination));
        Assert.Equal(["Bota 75", "Headquarters for Change", "In Common"], await names(DemoAppFixture.Admin));
        Assert.Empty(await names(null));
    }

    [Fact]
    public async Task Every_lab_page_query_of_a_foreign_lab_finds_nothing()
    {
        var (hq, _, _) = await LabAsync("Headquarters for Change");
        const string who = DemoAppFixture.Facilitator;

        Assert.Null(await app.AsAsync<LabService, LabOverview?>(who, s => s.GetOverviewAsync(hq)));
        Assert.Null(await app.AsAsync<PeopleService, LabPeople?>(who, s => s.GetAsync(hq)));
        Assert.Null(await app.AsAsync<AuditService, LabAudit?>(who, s => s.GetAsync(hq)));
        Assert.Null(await app.AsAsync<LabService, LabOverview?>(null, s => s.GetOverviewAsync(hq)));
    }

    [Fact]
    public async Task Every_mutating_operation_on_a_foreign_lab_is_not_found_and_changes_nothing()
    {
        var (hq, version, journalCount) = await LabAsync("Headquarters for Change");
        var coordinationId = await app.AccountAsync(DemoAppFixture.Coordination);
        var bral = await OrganisationIdAsync("BRAL");
        var dewey = await OrganisationIdAsync("Dewey");
        var hqInvitation = (await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Coordination,
            s => s.InviteAsync(hq, new InviteInput { Email = "someone@example.org", Role = LabRole.Observer }, Site))).Id!.Value;
        (hq, version, journalCount) = await LabAsync("Headquarters for Change");
        const string who = DemoAppFixture.Facilitator;

        var attempts = new Dictionary<string, Func<Task<SaveResult>>>
        {
            ["move focus"] = () => app.AsAsync<LabService, SaveResult>(who, s => s.MoveFocusAsync(hq, new MoveFocusInput { To = Cycle.ToolConfiguration, Reason = "intrusion", Version = version })),
            ["record cycle"] = () => app.AsAsync<LabService, SaveResult>(who, s => s.RecordCycleAsync(hq, Cycle.Impact, new RecordCycleInput { State = CycleState.Revisiting, Version = version })),
            ["invite"] = () => app.AsAsync<PeopleService, SaveResult>(who, s => s.InviteAsync(hq, new InviteInput { Email = "intruder@example.org", Role = LabRole.Facilitator }, Site)),
            ["revoke invitation"] = () => app.AsAsync<PeopleService, SaveResult>(who, s => s.RevokeInvitationAsync(hq, hqInvitation)),
            ["change role"] = () => app.AsAsync<PeopleService, SaveResult>(who, s => s.ChangeRoleAsync(hq, coordinationId, LabRole.Observer, null, version)),
            ["remove person"] = () => app.AsAsync<PeopleService, SaveResult>(who, s => s.RemovePersonAsync(hq, coordinationId, version)),
            ["add organisation"] = () => app.AsAsync<PeopleService, SaveResult>(who, s => s.AddMemberAsync(hq, new AddMemberInput { OrganisationId = dewey }, version)),
            ["remove organisation"] = () => app.AsAsync<PeopleService, SaveResult>(who, s => s.RemoveMemberAsync(hq, bral, version)),
        };
        foreach (var (name, attempt) in attempts)
        {
            Assert.True((await attempt()).Status == SaveStatus.NotFound, $"{name} on a foreign lab was not refused as not found.");
        }

        await using var db = app.CreateDbContext();
        var after = await db.Mutualisations.AsNoTracking().Include(m => m.Journal).SingleAsync(m => m.Id == hq);
        Assert.Equal(version, after.Version);
        Assert.Equal(journalCount, after.Journal.Count);
        Assert.Equal(LabRole.Facilitator, after.RoleOf(coordinationId));
        Assert.Null((await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == hqInvitation)).RevokedAt);
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == "intruder@example.org"));
    }

    [Fact]
    public async Task An_invitation_of_another_lab_cannot_be_withdrawn_through_ones_own_lab()
    {
        var (bota, _, _) = await LabAsync("Bota 75");
        var (hq, _, _) = await LabAsync("Headquarters for Change");
        var hqInvitation = (await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Coordination,
            s => s.InviteAsync(hq, new InviteInput { Email = "guest@example.org", Role = LabRole.Observer }, Site))).Id!.Value;

        var result = await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Facilitator, s => s.RevokeInvitationAsync(bota, hqInvitation));

        Assert.Equal(SaveStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Roles_without_the_right_are_refused_in_their_own_lab()
    {
        var (bota, version, _) = await LabAsync("Bota 75");
        var (inCommon, inCommonVersion, _) = await LabAsync("In Common");
        var move = new MoveFocusInput { To = Cycle.CoreMethods, Reason = "Essai", Version = version };

        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Observer, s => s.MoveFocusAsync(bota, move))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Participant, s => s.RecordCycleAsync(bota, Cycle.Impact, new RecordCycleInput { State = CycleState.Exploring, Version = version }))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Facilitator, s => s.MoveFocusAsync(inCommon, new MoveFocusInput { To = Cycle.Impact, Reason = "Essai", Version = inCommonVersion }))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Pilot, s => s.InviteAsync(bota, new InviteInput { Email = "x@example.org", Role = LabRole.Observer }, Site))).Status);
        Assert.Null(await app.AsAsync<PeopleService, LabPeople?>(DemoAppFixture.Pilot, s => s.GetAsync(bota)));
        Assert.Null(await app.AsAsync<AuditService, LabAudit?>(DemoAppFixture.Observer, s => s.GetAsync(bota)));

        var overview = await app.AsAsync<LabService, LabOverview?>(DemoAppFixture.Observer, s => s.GetOverviewAsync(bota));
        Assert.Equal(LabRole.Observer, overview!.MyRole);
        Assert.False(overview.Can(LabRight.NavigateCycles));
    }

    [Fact]
    public async Task A_pilot_group_member_moves_the_focus_of_their_lab()
    {
        var (bota, version, count) = await LabAsync("Bota 75");
        var target = (await app.AsAsync<LabService, LabOverview?>(DemoAppFixture.Pilot, s => s.GetOverviewAsync(bota)))!.CurrentFocus == Cycle.Publics ? Cycle.Diagnostic : Cycle.Publics;

        var result = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Pilot, s => s.MoveFocusAsync(bota, new MoveFocusInput { To = target, Reason = "Nouveaux occupants", Version = version }));

        Assert.True(result.Succeeded);
        var (_, _, after) = await LabAsync("Bota 75");
        Assert.Equal(count + 1, after);
    }

    [Fact]
    public async Task A_participant_edits_their_own_organisation_only_and_only_the_administrator_deletes()
    {
        var mdm = await OrganisationIdAsync("Médecins du Monde");
        var sawb = await OrganisationIdAsync("SAW-B");
        const string who = DemoAppFixture.Participant;

        var own = await app.AsAsync<OrganisationService, OrganisationInput?>(who, s => s.GetForEditAsync(mdm));
        Assert.NotNull(own);
        own!.Mission = "Soigner et témoigner";
        Assert.True((await app.AsAsync<OrganisationService, SaveResult>(who, s => s.UpdateAsync(mdm, own))).Succeeded);

        Assert.Null(await app.AsAsync<OrganisationService, OrganisationInput?>(who, s => s.GetForEditAsync(sawb)));
        var other = (await app.AsAsync<OrganisationService, OrganisationInput?>(DemoAppFixture.Admin, s => s.GetForEditAsync(sawb)))!;
        other.Mission = "Réécrite par quelqu'un d'autre";
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<OrganisationService, SaveResult>(who, s => s.UpdateAsync(sawb, other))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<OrganisationService, SaveResult>(who, s => s.CreateAsync(other))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<OrganisationService, SaveResult>(DemoAppFixture.Facilitator, s => s.DeleteAsync(sawb, other.Version))).Status);

        var page = await app.AsAsync<OrganisationService, OrganisationPage>(who, s => s.SearchAsync(null));
        Assert.True(page.Rows.Single(r => r.Id == mdm).CanEdit);
        Assert.False(page.Rows.Single(r => r.Id == sawb).CanEdit);
        Assert.All(page.Rows, r => Assert.False(r.CanDelete));
        Assert.False(page.CanCreate);
    }

    [Fact]
    public async Task Only_facilitators_and_the_administrator_open_labs()
    {
        var result = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Participant,
            s => s.CreateAsync(new NewLabInput { Name = "Pirate", ResourceKinds = [ResourceKind.Data] }));

        Assert.Equal(SaveStatus.Forbidden, result.Status);
    }

    private async Task<Guid> OrganisationIdAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }
}
