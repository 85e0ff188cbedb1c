using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Organisations;

namespace Mutualisons.IntegrationTests.Organisations;

public sealed class OrganisationServiceTests(AppFixture app) : CleanDatabaseTest(app), IClassFixture<AppFixture>
{
    private const string Admin = "admin@organisations.test";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await app.AccountAsync(Admin, admin: true);
    }

    private static OrganisationInput Valid(string name) => new()
    {
        Name = name,
        Kind = OrganisationKind.Association,
        Sector = "Alimentation durable",
        City = "Schaerbeek",
        Languages = [Language.French],
        Contacts = [new ContactInput { Name = "Inès", Role = ContactRole.HrLead, Email = "ines@example.org" }],
    };

    [Fact]
    public async Task A_registered_organisation_is_found_by_part_of_its_name_sector_or_town_in_any_case()
    {
        var created = await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.CreateAsync(Valid("Potager Collectif du Nord")));
        Assert.True(created.Succeeded);

        foreach (var term in new[] { "potager coll", "ALIMENTATION", "schaer" })
        {
            var page = await app.AsAsync<OrganisationService, OrganisationPage>(Admin, s => s.SearchAsync(term));
            Assert.Contains(page.Rows, r => r.Id == created.Id && r.Name == "Potager Collectif du Nord");
        }
        var none = await app.AsAsync<OrganisationService, OrganisationPage>(Admin, s => s.SearchAsync("%"));
        Assert.DoesNotContain(none.Rows, r => r.Id == created.Id);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_messages_in_the_users_language_and_nothing_is_written()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var input = Valid(" ");
        input.Website = "ftp://nope";
        input.Latitude = 50.8;

        var result = await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.CreateAsync(input));

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Equal("De naam van de organisatie is verplicht.", Assert.Single(result.Errors![nameof(OrganisationInput.Name)]));
        Assert.Contains(nameof(OrganisationInput.Website), result.Errors.Keys);
        Assert.Contains(nameof(OrganisationInput.Longitude), result.Errors.Keys);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Organisations.AnyAsync(o => o.Website == "ftp://nope"));
    }

    [Fact]
    public async Task A_stale_edit_gets_a_conflict_and_overwrites_nothing()
    {
        var created = await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.CreateAsync(Valid("Maison des Savoirs")));
        var id = created.Id!.Value;
        var mine = await app.AsAsync<OrganisationService, OrganisationInput?>(Admin, s => s.GetForEditAsync(id));
        var theirs = await app.AsAsync<OrganisationService, OrganisationInput?>(Admin, s => s.GetForEditAsync(id));

        theirs!.Mission = "Leur mission";
        Assert.True((await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.UpdateAsync(id, theirs))).Succeeded);

        mine!.Mission = "Ma mission";
        var stale = await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.UpdateAsync(id, mine));

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        var stored = await app.AsAsync<OrganisationService, OrganisationInput?>(Admin, s => s.GetForEditAsync(id));
        Assert.Equal("Leur mission", stored!.Mission);
    }

    [Fact]
    public async Task Editing_replaces_contacts_and_languages()
    {
        var created = await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.CreateAsync(Valid("Réseau des Jardins")));
        var id = created.Id!.Value;
        var input = await app.AsAsync<OrganisationService, OrganisationInput?>(Admin, s => s.GetForEditAsync(id));
        input!.Languages.Add(Language.Dutch);
        input.Contacts.Clear();
        input.Contacts.Add(new ContactInput { Name = "Jef", Role = ContactRole.ItLead });

        Assert.True((await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.UpdateAsync(id, input))).Succeeded);

        var stored = await app.AsAsync<OrganisationService, OrganisationInput?>(Admin, s => s.GetForEditAsync(id));
        Assert.Equal([Language.French, Language.Dutch], stored!.Languages.Order());
        Assert.Equal("Jef", Assert.Single(stored.Contacts).Name);
    }

    [Fact]
    public async Task Deleting_removes_the_organisation_but_not_while_it_takes_part_in_a_lab()
    {
        var free = (await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.CreateAsync(Valid("Libre")))).Id!.Value;
        var busy = (await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.CreateAsync(Valid("Engagée")))).Id!.Value;
        await using (var db = app.CreateDbContext())
        {
            var lab = new Mutualisation("Lab de test", null, [ResourceKind.Place], CooperationLevel.Simple, DateTimeOffset.UtcNow);
            lab.AddMember(busy, MembershipRole.Participant, DateTimeOffset.UtcNow);
            db.Mutualisations.Add(lab);
            await db.SaveChangesAsync();
        }

        var freeVersion = (await app.AsAsync<OrganisationService, OrganisationInput?>(Admin, s => s.GetForEditAsync(free)))!.Version;
        var busyVersion = (await app.AsAsync<OrganisationService, OrganisationInput?>(Admin, s => s.GetForEditAsync(busy)))!.Version;
        Assert.True((await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.DeleteAsync(free, freeVersion))).Succeeded);
        var refused = await app.AsAsync<OrganisationService, SaveResult>(Admin, s => s.DeleteAsync(busy, busyVersion));

        Assert.Equal(SaveStatus.Refused, refused.Status);
        Assert.Equal("Rule.Organisation.StillInLabs", refused.MessageKey);
        await using var reading = app.CreateDbContext();
        Assert.False(await reading.Organisations.AnyAsync(o => o.Id == free));
        Assert.True(await reading.Organisations.AnyAsync(o => o.Id == busy));
    }
}
