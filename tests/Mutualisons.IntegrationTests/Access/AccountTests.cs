using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Account;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Labs;

namespace Mutualisons.IntegrationTests.Access;

public sealed class AccountTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private static int IterationsOf(string hash)
    {
        // Identity's v3 format: marker, PRF, iteration count (big-endian), salt size, salt, subkey.
        var bytes = Convert.FromBase64String(hash);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_210000_iterations_and_older_hashes_are_upgraded_at_sign_in()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var fresh = await users.FindByEmailAsync(DemoAppFixture.Observer);
        Assert.Equal(210_000, IterationsOf(fresh!.PasswordHash!));

        var old = new UserAccount { UserName = "old@example.org", Email = "old@example.org", DisplayName = "Old", CreatedAt = DateTimeOffset.UtcNow };
        old.PasswordHash = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(old, "an old but long password");
        Assert.True((await users.CreateAsync(old)).Succeeded);
        Assert.Equal(100_000, IterationsOf(old.PasswordHash));

        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserAccount>>();
        Assert.True((await signIn.CheckPasswordSignInAsync(old, "an old but long password", lockoutOnFailure: true)).Succeeded);

        var reloaded = await users.FindByEmailAsync("old@example.org");
        Assert.Equal(210_000, IterationsOf(reloaded!.PasswordHash!));
    }

    [Theory]
    [InlineData("elevenchars", false)]
    [InlineData("twelve chars", true)]
    [InlineData("aaaaaaaaaaaa", true)]
    public async Task Passwords_need_twelve_characters_and_nothing_else(string password, bool accepted)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var email = $"{Guid.NewGuid():N}@example.org";

        var result = await users.CreateAsync(new UserAccount { UserName = email, Email = email, DisplayName = "X", CreatedAt = DateTimeOffset.UtcNow }, password);

        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public async Task The_setup_page_is_closed_once_an_account_exists()
    {
        Assert.True(await app.AsAsync<AccountService, bool>(null, s => s.IsSetUpAsync()));

        var (result, account) = await app.AsAsync<AccountService, (SaveResult, UserAccount?)>(null,
            s => s.SetUpAsync(new NewAccountInput { DisplayName = "Intrus", Email = "intrus@example.org", Password = "a long enough password" }));

        Assert.Equal("Rule.Account.AlreadySetUp", result.MessageKey);
        Assert.Null(account);
    }

    [Fact]
    public async Task A_person_downloads_their_data_as_json()
    {
        var id = await app.AccountAsync(DemoAppFixture.Facilitator);

        var json = await app.AsAsync<AccountService, byte[]>(DemoAppFixture.Facilitator, s => s.ExportAsync(id));

        using var document = JsonDocument.Parse(json);
        Assert.Equal("Fatima (facilitatrice)", document.RootElement.GetProperty("account").GetProperty("DisplayName").GetString());
        var labs = document.RootElement.GetProperty("labRoles").EnumerateArray().Select(r => (r.GetProperty("Lab").GetString(), r.GetProperty("Role").GetString())).ToList();
        Assert.Contains(("Bota 75", "Facilitator"), labs);
        Assert.Contains(("In Common", "Observer"), labs);
    }

    [Fact]
    public async Task Deleting_an_account_keeps_its_contributions_attributed_to_a_deleted_user()
    {
        var id = await app.AccountAsync("leaving@example.org");
        Guid labId;
        await using (var db = app.CreateDbContext())
        {
            var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Headquarters for Change");
            lab.GrantRole(id, Domain.Access.LabRole.PilotGroupMember, null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            labId = lab.Id;
        }
        var version = (await app.AsAsync<LabService, LabOverview?>("leaving@example.org", s => s.GetOverviewAsync(labId)))!.Version;
        var focus = (await app.AsAsync<LabService, LabOverview?>("leaving@example.org", s => s.GetOverviewAsync(labId)))!.CurrentFocus;
        var moved = await app.AsAsync<LabService, SaveResult>("leaving@example.org", s => s.MoveFocusAsync(labId,
            new MoveFocusInput { To = focus == Cycle.Impact ? Cycle.Publics : Cycle.Impact, Reason = "Avant de partir", Version = version }));
        Assert.True(moved.Succeeded);

        var wrong = await app.AsAsync<AccountService, SaveResult>("leaving@example.org", s => s.DeleteAsync(id, "not my password"));
        Assert.Equal("Rule.Account.WrongPassword", wrong.MessageKey);
        var deleted = await app.AsAsync<AccountService, SaveResult>("leaving@example.org", s => s.DeleteAsync(id, AppFixture.Password));
        Assert.True(deleted.Succeeded);

        await using var check = app.CreateDbContext();
        Assert.False(await check.Users.AnyAsync(u => u.Id == id));
        var after = await check.Mutualisations.AsNoTracking().Include(m => m.Journal).SingleAsync(m => m.Id == labId);
        var entry = after.Journal.Single(j => j.Reason == "Avant de partir");
        Assert.Equal((null, string.Empty), (entry.MovedById, entry.MovedBy));
        Assert.Null(after.RoleOf(id));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.LabId == labId && a.ActorId == null && a.Summary.Contains("Avant de partir")));
    }

    [Fact]
    public async Task The_last_facilitator_of_a_lab_must_hand_over_before_deleting_their_account()
    {
        var id = await app.AccountAsync(DemoAppFixture.Coordination);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var account = (await users.FindByIdAsync(id.ToString()))!;
            await users.RemovePasswordAsync(account);
            await users.AddPasswordAsync(account, AppFixture.Password);
        }

        var result = await app.AsAsync<AccountService, SaveResult>(DemoAppFixture.Coordination, s => s.DeleteAsync(id, AppFixture.Password));

        Assert.Equal("Rule.Lab.LastFacilitator", result.MessageKey);
        await using var check = app.CreateDbContext();
        Assert.True(await check.Users.AnyAsync(u => u.Id == id));
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database()
    {
        using var client = app.Factory.CreateClient();
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }
}
