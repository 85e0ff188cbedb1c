using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Access;

/// <summary>Three wrong passwords from one address and one account name pause that address, and only it.</summary>
public sealed class SignInFixture : AppFixture
{
    private WebApplicationFactory<Program>? _peers;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["SignIn:MaxFailures"] = "3" };

    /// <summary>The same app, where each client says which address it connects from.</summary>
    public WebApplicationFactory<Program> Peers => _peers ??= Factory.WithPeerAddresses();
}

/// <summary>The sign-in page tells nothing about which addresses have an account, and no one can lock out anyone else.</summary>
public sealed class SignInTests(SignInFixture app) : IClassFixture<SignInFixture>
{
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        return await Forms.PostAsync(client, "/account/sign-in", page, [new("Input.Email", email), new("Input.Password", password)], "sign-in");
    }

    /// <summary>What the person sees: the failure message again, the locked-out page, or the way in.</summary>
    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!;
            return "redirect to " + (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return $"{(int)response.StatusCode} {(html.Contains("Adresse ou mot de passe incorrect.", StringComparison.Ordinal) ? "failed" : "other")}";
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answers_as_a_wrong_password_lockout_included()
    {
        await app.AccountAsync("real@example.org");
        using var known = app.Peers.ClientFrom("203.0.113.10");
        using var unknown = app.Peers.ClientFrom("203.0.113.11");

        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            knownAnswers.Add(await OutcomeAsync(await SignInAsync(known, "real@example.org", $"wrong password {i}")));
            unknownAnswers.Add(await OutcomeAsync(await SignInAsync(unknown, "nobody@example.org", $"wrong password {i}")));
        }

        Assert.Equal(["200 failed", "200 failed", "redirect to /account/locked-out", "redirect to /account/locked-out"], knownAnswers);
        Assert.Equal(knownAnswers, unknownAnswers);
        // Names that are no account are not kept in clear.
        await using var db = app.CreateDbContext();
        Assert.False(await db.SignInFailures.AnyAsync(f => f.AccountKey.Contains("nobody")));
    }

    [Fact]
    public async Task A_stranger_who_locks_their_own_address_out_leaves_the_owner_free_and_warned()
    {
        await app.AccountAsync("owner@example.org");
        using var stranger = app.Peers.ClientFrom("203.0.113.66");
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(stranger, "owner@example.org", $"guess {i}");
        }

        // Even the right password waits on the stranger's address…
        Assert.Equal("redirect to /account/locked-out", await OutcomeAsync(await SignInAsync(stranger, "owner@example.org", AppFixture.Password)));
        // …while the owner, from their own, comes in.
        using var owner = app.Peers.ClientFrom("198.51.100.7");
        Assert.Equal("redirect to /", await OutcomeAsync(await SignInAsync(owner, "owner@example.org", AppFixture.Password)));

        // The owner is told, once, by mail (sent in the background).
        var mails = 0;
        for (var wait = 0; wait < 50 && mails == 0; wait++)
        {
            await Task.Delay(200);
            await using var db = app.CreateDbContext();
            mails = await db.OutboxEmails.CountAsync(m => m.To == "owner@example.org" && m.HtmlBody.Contains("203.0.113.66"));
        }
        Assert.Equal(1, mails);
    }

    [Fact]
    public async Task A_wrong_password_takes_about_as_long_for_an_unknown_address_as_for_a_real_account()
    {
        await app.AccountAsync("timed@example.org");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            // A fresh address each time: no lockout interferes with the measure.
            foreach (var (email, times) in new[] { ("timed@example.org", known), ("nobody-timed@example.org", unknown) })
            {
                using var client = app.Peers.ClientFrom($"198.51.100.{100 + (2 * i) + (times == known ? 0 : 1)}");
                var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
                var clock = Stopwatch.StartNew();
                var response = await Forms.PostAsync(client, "/account/sign-in", page, [new("Input.Email", email), new("Input.Password", "not the password")], "sign-in");
                clock.Stop();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                if (i >= 2)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        var ratio = Median(known) / Median(unknown);
        // Before, 100 ms against 6 ms (a ratio of about 16). A generous bound: the machine is shared.
        Assert.InRange(ratio, 1 / 2.5, 2.5);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
