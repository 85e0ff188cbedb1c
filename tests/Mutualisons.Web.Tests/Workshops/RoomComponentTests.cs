using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Workshops;
using Mutualisons.Web.Features.Workshops.Room;
using Mutualisons.Web.Localization;
using QRCoder;

namespace Mutualisons.Web.Tests.Workshops;

public sealed partial class RoomComponentTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public RoomComponentTests()
    {
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void The_join_qr_code_is_an_inline_svg_named_for_screen_readers_with_the_code_printed_under_it()
    {
        var qr = _context.Render<JoinQrCode>(p => p.Add(x => x.JoinUrl, "https://labs.example/w/ABCD2345"));

        var svg = qr.Find("svg.join-qr-code");
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = qr.Find($"#{svg.GetAttribute("aria-labelledby")}");
        Assert.Equal("QR code pour rejoindre l'atelier, code ABCD 2345", title.TextContent);
        Assert.Equal("ABCD 2345", qr.Find(".join-qr-text").TextContent);
        Assert.Equal("labs.example/w", qr.Find(".join-qr-address").TextContent);
    }

    [Fact]
    public void The_drawn_path_covers_exactly_the_dark_modules_of_the_code()
    {
        const string url = "https://labs.example/w/ABCD2345";
        var (size, path) = JoinQrCode.Draw(url);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);

        var drawn = new bool[size, size];
        foreach (Match run in Run().Matches(path))
        {
            var (x, y, width) = (int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture));
            for (var i = 0; i < width; i++)
            {
                Assert.False(drawn[y, x + i], "A module is drawn twice.");
                drawn[y, x + i] = true;
            }
        }

        Assert.Equal(data.ModuleMatrix.Count, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                Assert.Equal(data.ModuleMatrix[y][x], drawn[y, x]);
            }
        }
    }

    private static readonly RoomPulse Voting = new(WorkshopState.Running, Guid.NewGuid(), SubmissionsOpen: true, LiveResults: false, Removed: false);

    [Fact]
    public void A_phone_reloads_when_the_room_moves_but_not_for_answers_it_cannot_see_nor_for_someone_joining()
    {
        Assert.Equal("room", RoomEvents.Worth(WorkshopChange.Room, Voting, Voting));
        Assert.Null(RoomEvents.Worth(WorkshopChange.Answers, Voting, Voting));
        Assert.Null(RoomEvents.Worth(WorkshopChange.Participants, Voting, Voting));
        Assert.Equal("answers", RoomEvents.Worth(WorkshopChange.Answers, Voting, Voting with { LiveResults = true }));
        Assert.Equal("room", RoomEvents.Worth(WorkshopChange.Participants, Voting, Voting with { Removed = true }));
        Assert.Equal("room", RoomEvents.Worth(WorkshopChange.Answers, Voting, Voting with { StepId = Guid.NewGuid() }));
        Assert.Equal("room", RoomEvents.Worth(WorkshopChange.Answers, Voting, null));
    }

    [Fact]
    public void A_phone_reads_nothing_for_answers_unless_it_shows_live_results()
    {
        Assert.False(RoomEvents.NeedsRead(WorkshopChange.Answers, Voting));
        Assert.True(RoomEvents.NeedsRead(WorkshopChange.Answers, Voting with { LiveResults = true }));
        Assert.True(RoomEvents.NeedsRead(WorkshopChange.Room, Voting));
        Assert.True(RoomEvents.NeedsRead(WorkshopChange.Participants, Voting));
    }

    [Fact]
    public void Phones_follow_a_grouping_once_shown_but_not_an_open_vote()
    {
        var workshop = new Workshop(Guid.NewGuid(), Guid.NewGuid(), "Atelier", DateTimeOffset.UtcNow);
        var ideas = workshop.AddStep(WorkshopStepKind.Ideas, new StepSettings("Vos idées ?"));
        var grouping = workshop.AddStep(WorkshopStepKind.Grouping, new StepSettings("Regroupons", SourceStepId: ideas.Id));
        var vote = workshop.AddStep(WorkshopStepKind.DotVote, new StepSettings("Par quoi commencer ?", Options: ["A", "B"], DotsPerPerson: 3, MaxDotsPerItem: 2));
        grouping.Reveal(false);
        Assert.False(WorkshopRoomService.LiveOnPhones(grouping));
        grouping.Reveal(true);
        Assert.True(WorkshopRoomService.LiveOnPhones(grouping));
        Assert.False(WorkshopRoomService.LiveOnPhones(ideas));
        vote.OpenSubmissions();
        vote.Reveal(true);
        Assert.False(WorkshopRoomService.LiveOnPhones(vote));
        vote.CloseSubmissions();
        Assert.True(WorkshopRoomService.LiveOnPhones(vote));
        Assert.False(WorkshopRoomService.LiveOnPhones(null));
    }

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex Run();
}
