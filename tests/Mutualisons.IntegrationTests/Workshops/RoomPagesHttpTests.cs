using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Workshops;

namespace Mutualisons.IntegrationTests.Workshops;

/// <summary>The demo labs, with a tight join limit so that guessing from one address is seen to stop.</summary>
public sealed class RoomPagesFixture : AppFixture
{
    public const int JoinLimit = 8;

    private WebApplicationFactory<Program>? _peers;

    protected override bool SeedDemoData => true;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["RateLimiting:WorkshopJoinPermitLimit"] = JoinLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:WorkshopJoinWindowSeconds"] = "300",
    };

    /// <summary>The app where each client comes from an address of its own, so tests never share a budget.</summary>
    public WebApplicationFactory<Program> Peers => _peers ??= Factory.WithPeerAddresses();
}

/// <summary>
/// The participants' pages through the app's HTTP pipeline: the door (code, form, cookie), the room page's posts
/// and their redirects, what is refused and why, the join limit per address and the room's event stream.
/// </summary>
public sealed partial class RoomPagesHttpTests(RoomPagesFixture app) : CleanDatabaseTest(app), IClassFixture<RoomPagesFixture>
{
    private static int _lastAddress;

    private sealed record Room(Guid WorkshopId, string Code, Guid IdeasId, Guid VoteId, Guid OrganisationId);

    private static string NextAddress() => $"198.51.100.{Interlocked.Increment(ref _lastAddress)}";

    private static HttpClient Phone(RoomPagesFixture app) => app.Peers.ClientFrom(NextAddress());

    /// <summary>The page's text as read, entities decoded.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(html);

    private async Task<Room> RoomAsync(bool start = true, DateTimeOffset? startedAt = null)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.SingleAsync(m => m.Name == "Bota 75");
        var activity = new Activity(lab.Id, "Atelier constitutif", ActivityKind.Workshop, null, [Cycle.Diagnostic], now, "Tri postal", ParticipationLevel.Deliberation, now);
        var workshop = new Workshop(lab.Id, activity.Id, "Atelier constitutif", now);
        var ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Que mettre en commun", IdeasPerPerson: 2));
        var vote = workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer", SourceStepId: ideas.Id, DotsPerPerson: 3, MaxDotsPerItem: 2));
        if (start)
        {
            workshop.Start(startedAt ?? now);
        }
        db.AddRange(activity, workshop);
        await db.SaveChangesAsync();
        return new Room(workshop.Id, workshop.JoinCode, ideas.Id, vote.Id, lab.Memberships[0].OrganisationId);
    }

    private async Task ChangeAsync(Guid workshopId, Action<Workshop> change)
    {
        await using var db = app.CreateDbContext();
        var workshop = await db.Workshops.SingleAsync(w => w.Id == workshopId);
        change(workshop);
        await db.SaveChangesAsync();
        await WorkshopSignals.NotifyAsync(db, workshopId, WorkshopChange.Room);
    }

    /// <summary>Joins through the form as a phone does; returns the response to the post.</summary>
    private static async Task<HttpResponseMessage> JoinAsync(HttpClient phone, Room room, string name)
    {
        var form = await phone.GetStringAsync(new Uri($"/w/{room.Code}", UriKind.Relative));
        return await Forms.PostAsync(phone, $"/w/{room.Code}", form, [new("name", name), new("organisation", room.OrganisationId.ToString())], "join");
    }

    private static async Task<string> FollowAsync(HttpClient phone, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await phone.GetStringAsync(response.Headers.Location);
    }

    [Fact]
    public async Task A_code_typed_loosely_leads_to_the_form_and_joining_keeps_the_secret_in_a_room_cookie()
    {
        var room = await RoomAsync();
        using var phone = Phone(app);

        using var typed = await phone.GetAsync(new Uri($"/w?code={room.Code[..4].ToLowerInvariant()}-{room.Code[4..]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        Assert.Equal($"/w/{room.Code}", typed.Headers.Location!.PathAndQueryOf());
        using var joined = await JoinAsync(phone, room, "Amina");

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/w/room/{room.WorkshopId}", joined.Headers.Location!.PathAndQueryOf());
        var cookie = Assert.Single(joined.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"mw_{room.WorkshopId:N}=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/w", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        using var roomPage = await phone.GetAsync(joined.Headers.Location);
        // Never kept by a cache, set once (by antiforgery on a page with forms).
        Assert.True(roomPage.Headers.CacheControl?.NoStore);
        Assert.Single(roomPage.Headers.GetValues("Cache-Control"));
        var page = await roomPage.Content.ReadAsStringAsync();
        Assert.Contains("Que mettre en commun", page, StringComparison.Ordinal);
        Assert.Contains("data-events=\"/w/room/", page, StringComparison.Ordinal);
        // The same phone scanning again goes straight back to the room.
        using var again = await phone.GetAsync(new Uri($"/w/{room.Code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/w/room/{room.WorkshopId}", again.Headers.Location!.PathAndQueryOf());
        await using var db = app.CreateDbContext();
        var participant = await db.WorkshopParticipants.SingleAsync(p => p.WorkshopId == room.WorkshopId);
        Assert.Equal(("Amina", room.OrganisationId), (participant.DisplayName, participant.OrganisationId!.Value));
    }

    [Fact]
    public async Task A_signed_in_member_of_the_lab_joins_as_themselves_for_the_organisation_they_represent()
    {
        var room = await RoomAsync();
        await using var db = app.CreateDbContext();
        var represented = await db.Organisations.Where(o => o.Name == "Médecins du Monde").Select(o => o.Id).SingleAsync();
        using var member = await Forms.SignedInClientAsync(app.Factory, "participante@mutualisons.test", AppFixture.DemoPassword);

        var form = await member.GetStringAsync(new Uri($"/w/{room.Code}", UriKind.Relative));
        // The form comes filled in with who they are; a name typed over it is theirs to give.
        Assert.Contains("value=\"Paula (Médecins du Monde)\"", Text(form), StringComparison.Ordinal);
        Assert.Matches($"value=\"{represented}\"\\s+checked", form);
        using var joined = await Forms.PostAsync(member, $"/w/{room.Code}", form, [new("name", "Paula"), new("organisation", represented.ToString())], "join");

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var user = await db.Users.Where(u => u.Email == "participante@mutualisons.test").Select(u => u.Id).SingleAsync();
        var participant = await db.WorkshopParticipants.SingleAsync(p => p.WorkshopId == room.WorkshopId);
        Assert.Equal(("Paula", (Guid?)user, (Guid?)represented), (participant.DisplayName, participant.UserId, participant.OrganisationId));
    }

    [Fact]
    public async Task A_join_form_without_a_name_is_refused_on_the_page_with_what_was_chosen_kept_and_no_one_joins()
    {
        var room = await RoomAsync();
        using var phone = Phone(app);

        var form = await phone.GetStringAsync(new Uri($"/w/{room.Code}", UriKind.Relative));
        using var refused = await Forms.PostAsync(phone, $"/w/{room.Code}", form, [new("name", "   "), new("organisation", "other"), new("other", "Collectif du quartier")], "join");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("data-refusal=\"Rule.Workshop.NameRequired\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Collectif du quartier\"", page, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.WorkshopParticipants.AnyAsync(p => p.WorkshopId == room.WorkshopId));
    }

    [Fact]
    public async Task Wrong_expired_and_unopened_codes_each_get_a_page_that_says_so()
    {
        var expired = await RoomAsync(startedAt: DateTimeOffset.UtcNow.AddDays(-2));
        var preparing = await RoomAsync(start: false);
        using var phone = Phone(app);

        using var unknown = await phone.GetAsync(new Uri("/w/ZZZZ9999", UriKind.Relative));
        using var malformed = await phone.GetAsync(new Uri("/w?code=12", UriKind.Relative));
        using var late = await phone.GetAsync(new Uri($"/w/{expired.Code}", UriKind.Relative));
        using var early = await phone.GetAsync(new Uri($"/w/{preparing.Code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(early.Headers.CacheControl?.NoStore);
        Assert.Contains("Code inconnu", Text(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.Contains("room-code-error", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("accueille plus de participants", Text(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("_handler", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("pas encore commencé", Text(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_valid_room_cookie_the_room_page_and_its_events_send_back_to_the_door()
    {
        var room = await RoomAsync();
        using var phone = Phone(app);

        using var page = await phone.GetAsync(new Uri($"/w/room/{room.WorkshopId}", UriKind.Relative));
        using var forged = new HttpRequestMessage(HttpMethod.Get, $"/w/room/{room.WorkshopId}");
        forged.Headers.Add("Cookie", $"mw_{room.WorkshopId:N}=not-a-secret");
        using var forgedPage = await phone.SendAsync(forged);
        using var events = await phone.GetAsync(new Uri($"/w/room/{room.WorkshopId}/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/w", page.Headers.Location!.PathAndQueryOf());
        Assert.Equal(HttpStatusCode.Redirect, forgedPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
    }

    [Fact]
    public async Task A_note_posted_to_a_step_the_room_has_left_is_refused_with_its_reason_and_the_text_given_back()
    {
        var room = await RoomAsync();
        using var phone = Phone(app);
        var page = await FollowAsync(phone, await JoinAsync(phone, room, "Amina"));
        var saved = await FollowAsync(phone, await Forms.PostAsync(phone, $"/w/room/{room.WorkshopId}", page, [new("text", "Un label écologique")], "note"));
        Assert.Contains("data-notice=\"Room.Saved\"", saved, StringComparison.Ordinal);
        Assert.Contains("Un label écologique", Text(saved), StringComparison.Ordinal);

        await ChangeAsync(room.WorkshopId, w => w.GoTo(room.VoteId));
        var refused = await FollowAsync(phone, await Forms.PostAsync(phone, $"/w/room/{room.WorkshopId}", saved, [new("text", "Une idée en retard")], "note"));

        Assert.Contains("data-notice=\"Rule.Workshop.StepClosed\"", refused, StringComparison.Ordinal);
        Assert.Contains("Par quoi commencer", refused, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(["Un label écologique"], await db.WorkshopNotes.Where(n => n.WorkshopId == room.WorkshopId).Select(n => n.Text).ToListAsync());
    }

    [Fact]
    public async Task A_refused_note_comes_back_in_its_field_and_dots_taps_set_a_count_that_never_counts_twice()
    {
        var room = await RoomAsync();
        using var phone = Phone(app);
        var page = await FollowAsync(phone, await JoinAsync(phone, room, "Amina"));
        var tooLong = new string('x', WorkshopStep.NoteLength + 1);
        var refused = await FollowAsync(phone, await Forms.PostAsync(phone, $"/w/room/{room.WorkshopId}", page, [new("text", tooLong)], "note"));
        Assert.Contains("data-notice=\"Rule.Workshop.NoteInvalid\"", refused, StringComparison.Ordinal);
        Assert.Contains(tooLong, refused, StringComparison.Ordinal);
        await FollowAsync(phone, await Forms.PostAsync(phone, $"/w/room/{room.WorkshopId}", refused, [new("text", "Un label")], "note"));

        await ChangeAsync(room.WorkshopId, w => w.GoTo(room.VoteId));
        var vote = await phone.GetStringAsync(new Uri($"/w/room/{room.WorkshopId}", UriKind.Relative));
        var plus = PlusButton().Match(vote).Groups[1].Value;
        var once = await FollowAsync(phone, await Forms.PostAsync(phone, $"/w/room/{room.WorkshopId}", vote, [new("tap", System.Net.WebUtility.HtmlDecode(plus))], "dots"));
        // The same tap sent again (a double tap, a resent form) sets the same count.
        var twice = await FollowAsync(phone, await Forms.PostAsync(phone, $"/w/room/{room.WorkshopId}", vote, [new("tap", System.Net.WebUtility.HtmlDecode(plus))], "dots"));

        Assert.Contains("data-dots-left=\"2\"", once, StringComparison.Ordinal);
        Assert.Contains("data-dots-left=\"2\"", twice, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.WorkshopAnswers.Where(a => a.StepId == room.VoteId).SumAsync(a => a.Dots));
    }

    [Fact]
    public async Task A_participant_taken_out_who_posts_again_is_refused_and_told_so()
    {
        var room = await RoomAsync();
        using var phone = Phone(app);
        var page = await FollowAsync(phone, await JoinAsync(phone, room, "Amina"));
        await using (var db = app.CreateDbContext())
        {
            var participant = await db.WorkshopParticipants.SingleAsync(p => p.WorkshopId == room.WorkshopId);
            participant.Remove(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var after = await FollowAsync(phone, await Forms.PostAsync(phone, $"/w/room/{room.WorkshopId}", page, [new("text", "Encore moi")], "note"));

        Assert.Contains("vous a retiré", Text(after), StringComparison.Ordinal);
        Assert.DoesNotContain("_handler", after, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        Assert.False(await check.WorkshopNotes.AnyAsync(n => n.WorkshopId == room.WorkshopId));
    }

    [Fact]
    public async Task Too_many_lookups_and_joins_from_one_address_get_a_readable_429_and_no_one_is_counted_twice()
    {
        var room = await RoomAsync();
        var address = NextAddress();
        // Phones behind one Wi-Fi: one address, each phone its own cookies. A join costs two counted requests.
        for (var i = 0; i < RoomPagesFixture.JoinLimit / 2; i++)
        {
            using var phone = app.Peers.ClientFrom(address);
            using var joined = await JoinAsync(phone, room, $"Personne {i}");
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        }
        using var late = app.Peers.ClientFrom(address);

        using var refused = await late.GetAsync(new Uri($"/w/{room.Code}", UriKind.Relative));
        using var guess = await late.GetAsync(new Uri("/w/ZZZZ9999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, guess.StatusCode);
        Assert.Contains("Trop de tentatives", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("href=\"/w\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another address keeps its own budget.
        using var neighbour = Phone(app);
        using var allowed = await neighbour.GetAsync(new Uri($"/w/{room.Code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(RoomPagesFixture.JoinLimit / 2, await db.WorkshopParticipants.CountAsync(p => p.WorkshopId == room.WorkshopId));
    }

    [Fact]
    public async Task The_room_s_event_stream_tells_the_phone_when_the_facilitator_moves_on()
    {
        var room = await RoomAsync();
        using var phone = Phone(app);
        await FollowAsync(phone, await JoinAsync(phone, room, "Amina"));
        await SignalProbe.ListeningAsync(app.Factory.Services);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/w/room/{room.WorkshopId}/events");
        using var response = await phone.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await reader.ReadLineAsync(timeout.Token);
        Assert.StartsWith("retry:", line, StringComparison.Ordinal);

        // Moved again until heard: the listener may not yet hear the very first signal.
        var heard = false;
        var moves = Task.Run(async () =>
        {
            for (var i = 0; i < 30 && !Volatile.Read(ref heard); i++)
            {
                await ChangeAsync(room.WorkshopId, w => w.Advance(i % 2 == 0 ? 1 : -1));
                await Task.Delay(500);
            }
        });
        while (!timeout.IsCancellationRequested)
        {
            line = await reader.ReadLineAsync(timeout.Token);
            if (line == "event: room")
            {
                Volatile.Write(ref heard, true);
                break;
            }
        }
        await moves;

        Assert.True(heard);
    }

    [GeneratedRegex("""name="tap" value="([^"]+\|1)" """)]
    private static partial Regex PlusButton();
}

internal static class RedirectLocations
{
    /// <summary>Where a redirect points, whether the app wrote it absolute or relative.</summary>
    public static string PathAndQueryOf(this Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
