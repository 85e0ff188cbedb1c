using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Infrastructure.Persistence.DemoData;
using Npgsql;

namespace Mutualisons.IntegrationTests.Persistence;

public sealed class RoundTripTests(TestDatabaseFixture database) : CleanDatabaseTest(database), IClassFixture<TestDatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_organisation_comes_back_with_its_address_languages_and_contacts()
    {
        var organisation = new Organisation(new OrganisationProfile(
            "Atelier Partagé", OrganisationKind.Cooperative, "Réparation", "Réparer plutôt que jeter.", "https://atelier.example",
            new PostalAddress("Rue Haute 12", "1000", "Bruxelles", "Belgique", 50.84, 4.35),
            [Language.Dutch, Language.French],
            [new ContactPerson("Ana", ContactRole.ItLead, "ana@atelier.example"), new ContactPerson("Bram", ContactRole.DecisionMaker, null)]), Now);
        await using (var db = database.CreateDbContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        await using var reading = database.CreateDbContext();
        var loaded = await reading.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id);
        Assert.Equal("Atelier Partagé", loaded.Name);
        Assert.Equal(OrganisationKind.Cooperative, loaded.Kind);
        Assert.Equal(new PostalAddress("Rue Haute 12", "1000", "Bruxelles", "Belgique", 50.84, 4.35), loaded.Address);
        Assert.Equal([Language.French, Language.Dutch], loaded.Languages);
        Assert.Equal(["Ana", "Bram"], loaded.Contacts.Select(c => c.Name).Order());
        Assert.Equal(ContactRole.ItLead, loaded.Contacts.Single(c => c.Name == "Ana").Role);
        Assert.NotEqual(0u, loaded.Version);
    }

    [Fact]
    public async Task A_lab_comes_back_with_its_cycles_members_and_journal()
    {
        var member = new Organisation(new OrganisationProfile("Membre", OrganisationKind.Association, null, null, null, PostalAddress.Unknown, [Language.French], []), Now);
        var lab = new Mutualisation("Lab test", "Un lieu partagé", [ResourceKind.Place, ResourceKind.Data], CooperationLevel.Strategic, Now);
        lab.AddMember(member.Id, MembershipRole.PilotGroupMember, Now);
        lab.MoveFocus(Cycle.Impact, "Claire", "Les membres veulent d'abord définir leur impact.", Now.AddDays(1));
        lab.RecordCycle(Cycle.Diagnostic, CycleState.AdvancedEnough, "Questionnaire clos", Now.AddDays(2));
        await using (var db = database.CreateDbContext())
        {
            db.Organisations.Add(member);
            db.Mutualisations.Add(lab);
            await db.SaveChangesAsync();
        }

        await using var reading = database.CreateDbContext();
        var loaded = await reading.Mutualisations.AsNoTracking().Include(m => m.Journal).SingleAsync(m => m.Id == lab.Id);
        Assert.Equal([ResourceKind.Place, ResourceKind.Data], loaded.ResourceKinds);
        Assert.Equal(CooperationLevel.Strategic, loaded.CooperationLevel);
        Assert.Equal(5, loaded.Cycles.Count);
        Assert.Equal(CycleState.Exploring, loaded.CycleOf(Cycle.Impact).State);
        Assert.Equal(CycleState.AdvancedEnough, loaded.CycleOf(Cycle.Diagnostic).State);
        Assert.Equal("Questionnaire clos", loaded.CycleOf(Cycle.Diagnostic).Notes);
        Assert.Equal(Cycle.Impact, loaded.CurrentFocus);
        var entry = Assert.Single(loaded.Journal);
        Assert.Null(entry.From);
        Assert.Equal(Cycle.Impact, entry.To);
        Assert.Equal("Claire", entry.MovedBy);
        Assert.Equal(Now.AddDays(1), entry.MovedAt);
        Assert.Equal(MembershipRole.PilotGroupMember, Assert.Single(loaded.Memberships).Role);
    }

    [Fact]
    public async Task The_database_refuses_an_organisation_twice_in_a_lab()
    {
        var member = new Organisation(new OrganisationProfile("Deux fois", OrganisationKind.Association, null, null, null, PostalAddress.Unknown, [Language.French], []), Now);
        var lab = new Mutualisation("Lab unique", null, [ResourceKind.Data], CooperationLevel.Simple, Now);
        lab.AddMember(member.Id, MembershipRole.Participant, Now);
        await using (var db = database.CreateDbContext())
        {
            db.Organisations.Add(member);
            db.Mutualisations.Add(lab);
            await db.SaveChangesAsync();
        }

        // Bypass the domain, as a buggy import or a concurrent request could.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "insert into lab_memberships (mutualisation_id, organisation_id, role, joined_at) values (@lab, @org, 'Observer', now())", connection);
        insert.Parameters.AddWithValue("lab", lab.Id);
        insert.Parameters.AddWithValue("org", member.Id);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task The_database_refuses_a_membership_of_an_unknown_organisation()
    {
        var lab = new Mutualisation("Lab orphelin", null, [ResourceKind.Data], CooperationLevel.Simple, Now);
        lab.AddMember(Guid.NewGuid(), MembershipRole.Participant, Now);
        await using var db = database.CreateDbContext();
        db.Mutualisations.Add(lab);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    [Fact]
    public async Task A_stale_edit_of_an_organisation_is_refused_by_its_row_version()
    {
        var organisation = new Organisation(new OrganisationProfile("Version 1", OrganisationKind.Association, null, null, null, PostalAddress.Unknown, [Language.French], []), Now);
        await using (var db = database.CreateDbContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var mine = await first.Organisations.SingleAsync(o => o.Id == organisation.Id);
        var theirs = await second.Organisations.SingleAsync(o => o.Id == organisation.Id);

        theirs.Revise(new OrganisationProfile("Leur version", OrganisationKind.Association, null, null, null, PostalAddress.Unknown, [Language.French], []), Now);
        await second.SaveChangesAsync();

        mine.Revise(new OrganisationProfile("Ma version", OrganisationKind.Association, null, null, null, PostalAddress.Unknown, [Language.French], []), Now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

        await using var reading = database.CreateDbContext();
        Assert.Equal("Leur version", (await reading.Organisations.SingleAsync(o => o.Id == organisation.Id)).Name);
    }
}
