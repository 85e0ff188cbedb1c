using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Persistence;

/// <summary>The reset every integration test starts from: nothing of the previous test is left, and the running app still works.</summary>
public sealed class CleanDatabaseTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_reset_forgets_what_was_written_keeps_the_demo_data_and_the_app_still_accepts_its_forms()
    {
        using var before = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await before.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        await app.AccountAsync("left-behind@example.org");

        await app.ResetAsync();

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "left-behind@example.org"));
            Assert.Equal(6, await db.Users.CountAsync());
            Assert.Equal(3, await db.Mutualisations.CountAsync());
        }
        // Antiforgery tokens are protected by the Data Protection keys, which live in the database too: a
        // page served before the reset and one served after both still post.
        using var client = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Observer, AppFixture.DemoPassword);
        var labs = await client.GetAsync(new Uri("/labs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, labs.StatusCode);
        var response = await Forms.PostAsync(before, "/account/sign-in", page, [new("Input.Email", DemoAppFixture.Pilot), new("Input.Password", AppFixture.DemoPassword)], "sign-in");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
