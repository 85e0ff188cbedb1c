using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Account;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.IntegrationTests.Access;

public sealed partial class InvitationFlowTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private static readonly Uri Site = new("http://localhost/");

    private async Task<Guid> BotaAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
    }

    /// <summary>Invites by the real service and reads the token back from the mail in the outbox.</summary>
    private async Task<string> InviteAsync(string email, LabRole role = LabRole.Observer)
    {
        var bota = await BotaAsync();
        var result = await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Facilitator, s => s.InviteAsync(bota, new InviteInput { Email = email, Role = role }, Site));
        Assert.True(result.Succeeded, result.MessageKey);
        await using var db = app.CreateDbContext();
        var mail = await db.OutboxEmails.AsNoTracking().Where(m => m.To == email).OrderByDescending(m => m.CreatedAt).FirstAsync();
        return InvitationLink().Match(mail.HtmlBody).Groups[1].Value;
    }

    [Fact]
    public async Task An_invitation_mails_a_link_whose_token_is_not_stored()
    {
        var token = await InviteAsync("nouvelle@example.org");

        await using var db = app.CreateDbContext();
        var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "nouvelle@example.org");
        Assert.Equal(SecretToken.HashOf(token), invitation.TokenHash);
        Assert.False(await db.Invitations.AnyAsync(i => i.TokenHash == token));
        var view = await app.AsAsync<InvitationService, InvitationView?>(null, s => s.FindAsync(token));
        Assert.Equal((InvitationState.Pending, "Bota 75", LabRole.Observer, false), (view!.State, view.LabName, view.Role, view.AccountExists));
    }

    [Fact]
    public async Task Accepting_creates_the_account_joins_the_lab_and_the_link_then_works_no_more()
    {
        var token = await InviteAsync("lina@example.org", LabRole.PilotGroupMember);

        var (result, account) = await app.AsAsync<InvitationService, (SaveResult, Infrastructure.Identity.UserAccount?)>(null,
            s => s.AcceptWithNewAccountAsync(token, new NewAccountInput { DisplayName = "Lina", Email = "lina@example.org", Password = "une phrase assez longue" }));

        Assert.True(result.Succeeded, result.MessageKey);
        await using (var db = app.CreateDbContext())
        {
            var lab = await db.Mutualisations.AsNoTracking().SingleAsync(m => m.Name == "Bota 75");
            Assert.Equal(LabRole.PilotGroupMember, lab.RoleOf(account!.Id));
        }

        var reused = await app.AsAsync<InvitationService, SaveResult>(null, s => s.AcceptAsync(token, account!.Id));
        Assert.Equal("Rule.Invitation.AlreadyUsed", reused.MessageKey);
        var view = await app.AsAsync<InvitationService, InvitationView?>(null, s => s.FindAsync(token));
        Assert.Equal(InvitationState.Accepted, view!.State);
        Assert.Equal(string.Empty, view.LabName);
    }

    [Fact]
    public async Task An_existing_account_is_linked_and_an_invitation_never_lowers_a_role()
    {
        var pilotId = await app.AccountAsync(DemoAppFixture.Pilot);
        var token = await InviteAsync(DemoAppFixture.Pilot, LabRole.Observer);

        var view = await app.AsAsync<InvitationService, InvitationView?>(null, s => s.FindAsync(token));
        Assert.True(view!.AccountExists);
        var result = await app.AsAsync<InvitationService, SaveResult>(DemoAppFixture.Pilot, s => s.AcceptAsync(token, pilotId));

        Assert.True(result.Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Equal(LabRole.PilotGroupMember, (await db.Mutualisations.AsNoTracking().SingleAsync(m => m.Name == "Bota 75")).RoleOf(pilotId));
    }

    [Fact]
    public async Task Two_people_using_one_link_at_once_give_one_member_and_one_audit_line()
    {
        var pilotId = await app.AccountAsync(DemoAppFixture.Pilot);
        var observerId = await app.AccountAsync(DemoAppFixture.Observer);
        var token = await InviteAsync("shared-link@example.org", LabRole.Observer);
        var bota = await BotaAsync();

        var results = await Task.WhenAll(
            app.AsAsync<InvitationService, SaveResult>(DemoAppFixture.Pilot, s => s.AcceptAsync(token, pilotId)),
            app.AsAsync<InvitationService, SaveResult>(DemoAppFixture.Observer, s => s.AcceptAsync(token, observerId)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.MessageKey == "Rule.Invitation.AlreadyUsed");
        await using var db = app.CreateDbContext();
        var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "shared-link@example.org");
        Assert.Contains(invitation.AcceptedBy, new Guid?[] { pilotId, observerId });
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.LabId == bota && e.Subject == AuditSubject.Person && e.Summary.Contains("shared-link@example.org")));
    }

    [Fact]
    public async Task Expired_withdrawn_unknown_and_malformed_links_are_refused_and_reveal_nothing()
    {
        var bota = await BotaAsync();
        var facilitator = await app.AccountAsync(DemoAppFixture.Facilitator);
        var (expired, expiredToken) = Invitation.Create(bota, "late@example.org", LabRole.Observer, null, facilitator, DateTimeOffset.UtcNow.AddDays(-10));
        await using (var db = app.CreateDbContext())
        {
            db.Invitations.Add(expired);
            await db.SaveChangesAsync();
        }
        var revokedToken = await InviteAsync("withdrawn@example.org");
        var revokedId = (await app.CreateDbContext().Invitations.SingleAsync(i => i.Email == "withdrawn@example.org")).Id;
        await app.AsAsync<PeopleService, SaveResult>(DemoAppFixture.Facilitator, s => s.RevokeInvitationAsync(bota, revokedId));

        var expiredView = await app.AsAsync<InvitationService, InvitationView?>(null, s => s.FindAsync(expiredToken));
        Assert.Equal((InvitationState.Expired, string.Empty, string.Empty), (expiredView!.State, expiredView.LabName, expiredView.Email));
        Assert.Equal(InvitationState.Revoked, (await app.AsAsync<InvitationService, InvitationView?>(null, s => s.FindAsync(revokedToken)))!.State);
        Assert.Null(await app.AsAsync<InvitationService, InvitationView?>(null, s => s.FindAsync("not-a-token")));
        Assert.Null(await app.AsAsync<InvitationService, InvitationView?>(null, s => s.FindAsync(new string('x', 5000))));

        var (late, account) = await app.AsAsync<InvitationService, (SaveResult, Infrastructure.Identity.UserAccount?)>(null,
            s => s.AcceptWithNewAccountAsync(expiredToken, new NewAccountInput { DisplayName = "Late", Email = "late@example.org", Password = "une phrase assez longue" }));
        Assert.Equal("Rule.Invitation.Expired", late.MessageKey);
        Assert.Null(account);
        await using var check = app.CreateDbContext();
        Assert.False(await check.Users.AnyAsync(u => u.Email == "late@example.org"));
    }

    [GeneratedRegex("/invitations/([A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
