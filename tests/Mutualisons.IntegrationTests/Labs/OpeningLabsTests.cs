using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Labs;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Labs;

namespace Mutualisons.IntegrationTests.Labs;

public sealed class OpeningLabsTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static NewLabInput Lab(string name) => new() { Name = name, ResourceKinds = [ResourceKind.Place], CooperationLevel = CooperationLevel.Simple };

    [Fact]
    public async Task A_facilitator_opens_a_lab_and_facilitates_it()
    {
        Assert.True(await app.AsAsync<LabService, bool>(DemoAppFixture.Facilitator, s => s.CanCreateAsync()));

        var opened = await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Facilitator, s => s.CreateAsync(Lab("Recyclerie partagée")));

        Assert.True(opened.Succeeded, opened.MessageKey);
        await using var db = app.CreateDbContext();
        var facilitator = await db.Users.Where(u => u.Email == DemoAppFixture.Facilitator).Select(u => u.Id).SingleAsync();
        var lab = await db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == opened.Id);
        Assert.Equal(LabRole.Facilitator, lab.RoleOf(facilitator));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LabId == lab.Id && a.Subject == AuditSubject.Lab && a.Action == AuditAction.Created));
    }

    [Fact]
    public async Task A_pilot_group_member_or_an_observer_does_not_open_labs()
    {
        Assert.False(await app.AsAsync<LabService, bool>(DemoAppFixture.Pilot, s => s.CanCreateAsync()));
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Pilot, s => s.CreateAsync(Lab("Pas pour moi")))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<LabService, SaveResult>(DemoAppFixture.Observer, s => s.CreateAsync(Lab("Pas pour moi non plus")))).Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Mutualisations.AnyAsync(m => m.Name.StartsWith("Pas pour moi")));
    }
}
