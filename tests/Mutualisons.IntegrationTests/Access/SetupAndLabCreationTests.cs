using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Account;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Labs;

namespace Mutualisons.IntegrationTests.Access;

/// <summary>A platform with no account yet: the first person sets it up, then opens the first lab.</summary>
public sealed class SetupAndLabCreationTests(AppFixture app) : CleanDatabaseTest(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_first_account_becomes_administrator_opens_a_lab_and_the_setup_closes()
    {
        Assert.False(await app.AsAsync<AccountService, bool>(null, s => s.IsSetUpAsync()));

        var (result, account) = await app.AsAsync<AccountService, (SaveResult, UserAccount?)>(null,
            s => s.SetUpAsync(new NewAccountInput { DisplayName = "Première", Email = "premiere@example.org", Password = "a long enough password" }));

        Assert.True(result.Succeeded);
        Assert.True(account!.IsPlatformAdmin);
        Assert.True(await app.AsAsync<AccountService, bool>(null, s => s.IsSetUpAsync()));
        var (second, _) = await app.AsAsync<AccountService, (SaveResult, UserAccount?)>(null,
            s => s.SetUpAsync(new NewAccountInput { DisplayName = "Seconde", Email = "seconde@example.org", Password = "a long enough password" }));
        Assert.Equal("Rule.Account.AlreadySetUp", second.MessageKey);

        var invalid = await app.AsAsync<LabService, SaveResult>("premiere@example.org", s => s.CreateAsync(new NewLabInput { Name = " " }));
        Assert.Equal(SaveStatus.Invalid, invalid.Status);
        Assert.Contains(nameof(NewLabInput.ResourceKinds), invalid.Errors!.Keys);

        var created = await app.AsAsync<LabService, SaveResult>("premiere@example.org",
            s => s.CreateAsync(new NewLabInput { Name = "Mundo-B", ResourceKinds = [ResourceKind.Place], CooperationLevel = CooperationLevel.Simple }));
        Assert.True(created.Succeeded);
        var labs = await app.AsAsync<LabService, IReadOnlyList<LabCard>>("premiere@example.org", s => s.ListAsync());
        Assert.Equal("Mundo-B", Assert.Single(labs).Name);
    }
}
