using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Labs;
using Mutualisons.Web.Features.Notebook;

namespace Mutualisons.IntegrationTests.Notebook;

/// <summary>Stories with their pictures, inspirations and navigation check-ins: written by those who keep the notebook, read by the lab only.</summary>
public sealed class NotebookTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    /// <summary>The smallest valid PNG: a 1×1 transparent pixel.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private async Task<Guid> LabAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private static StoryInput Story(string title, params Cycle[] cycles) => new()
    {
        Title = title,
        HappenedOn = "2026-11-20",
        Body = "Nous avons **visité** le Tri postal.\n\n<script>alert('x')</script>\n\n[un lien](javascript:alert(1)) et ![une image](https://tracker.example/pixel.png)",
        Cycles = [.. cycles],
    };

    private Task<SaveResult> WriteAsync(string person, Guid lab, StoryInput input) => app.AsAsync<StoryService, SaveResult>(person, s => s.SaveAsync(lab, null, input));

    private async Task<uint> StoryVersionAsync(Guid story)
    {
        await using var db = app.CreateDbContext();
        return (await db.Stories.AsNoTracking().SingleAsync(s => s.Id == story)).Version;
    }

    [Fact]
    public async Task A_story_is_shown_with_its_markdown_made_harmless_and_listed_under_its_cycles()
    {
        var lab = await LabAsync("Bota 75");

        var saved = await WriteAsync(Pilot, lab, Story("Visite du Tri postal", Cycle.ToolConfiguration, Cycle.Publics));
        Assert.True(saved.Succeeded, saved.MessageKey);
        var view = (await app.AsAsync<StoryService, StoryView?>(DemoAppFixture.Observer, s => s.GetStoryAsync(lab, saved.Id!.Value)))!;

        Assert.Equal("Pieter (groupe pilote)", view.WrittenBy);
        Assert.Contains("<strong>visité</strong>", view.Body.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", view.Body.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", view.Body.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", view.Body.Value, StringComparison.Ordinal);
        Assert.False(view.MayEdit);
        var ofTools = (await app.AsAsync<StoryService, StoriesView?>(Pilot, s => s.GetStoriesAsync(lab, Cycle.ToolConfiguration)))!;
        var ofImpact = (await app.AsAsync<StoryService, StoriesView?>(Pilot, s => s.GetStoriesAsync(lab, Cycle.Impact)))!;
        Assert.Contains(ofTools.Stories, s => s.Title == "Visite du Tri postal");
        Assert.DoesNotContain(ofImpact.Stories, s => s.Title == "Visite du Tri postal");
    }

    [Fact]
    public async Task Only_those_who_keep_the_notebook_write_and_a_foreign_lab_is_not_found()
    {
        var bota = await LabAsync("Bota 75");
        var inCommon = await LabAsync("In Common");

        Assert.Equal(SaveStatus.Forbidden, (await WriteAsync(DemoAppFixture.Participant, bota, Story("Par une participante", Cycle.Impact))).Status);
        Assert.Equal(SaveStatus.Forbidden, (await WriteAsync(DemoAppFixture.Observer, bota, Story("Par un observateur", Cycle.Impact))).Status);
        Assert.Equal(SaveStatus.NotFound, (await WriteAsync(DemoAppFixture.Coordination, bota, Story("D'un autre lab", Cycle.Impact))).Status);
        Assert.Null(await app.AsAsync<StoryService, StoriesView?>(DemoAppFixture.Coordination, s => s.GetStoriesAsync(bota)));

        // An experiment of another lab cannot be tied to a Bota 75 story.
        Guid foreignExperiment;
        await using (var db = app.CreateDbContext())
        {
            var headquarters = await LabAsync("Headquarters for Change");
            var experiment = new Domain.ToolConfiguration.Experiment(headquarters,
                new Domain.ToolConfiguration.ExperimentDescription("Un test ailleurs", "x", new Domain.ToolConfiguration.ExperimentMeans(null, null, null, null), CooperationLevel.Simple, null, "x"), null, DateTimeOffset.UtcNow);
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync();
            foreignExperiment = experiment.Id;
        }
        var tied = Story("Lié ailleurs", Cycle.ToolConfiguration);
        tied.ExperimentId = foreignExperiment;
        Assert.Equal(SaveStatus.NotFound, (await WriteAsync(Pilot, bota, tied)).Status);

        await using var check = app.CreateDbContext();
        Assert.False(await check.Stories.AnyAsync(s => s.Title == "Par une participante" || s.Title == "Par un observateur" || s.Title == "D'un autre lab" || s.Title == "Lié ailleurs"));
        Assert.Equal(SaveStatus.NotFound, (await WriteAsync(Pilot, inCommon, Story("Pas mon lab", Cycle.Impact))).Status);
    }

    [Fact]
    public async Task A_picture_is_checked_from_its_bytes_and_served_to_the_lab_only()
    {
        var lab = await LabAsync("Bota 75");
        var story = (await WriteAsync(Pilot, lab, Story("Le plan des salles", Cycle.Diagnostic))).Id!.Value;

        var renamed = await app.AsAsync<StoryService, SaveResult>(Pilot, async s => await s.AddImageAsync(lab, story, await StoryVersionAsync(story),
            new StoryImageInput { AltText = "Un script renommé", Bytes = "<svg onload=alert(1)>"u8.ToArray(), Size = 21 }));
        Assert.Equal(SaveStatus.Invalid, renamed.Status);
        Assert.Contains(nameof(StoryImageInput.Bytes), renamed.Errors!.Keys);
        var tooLarge = await app.AsAsync<StoryService, SaveResult>(Pilot, async s => await s.AddImageAsync(lab, story, await StoryVersionAsync(story),
            new StoryImageInput { AltText = "Trop grande", Size = StoryImage.MaxBytes + 1 }));
        Assert.Equal(SaveStatus.Invalid, tooLarge.Status);

        var added = await app.AsAsync<StoryService, SaveResult>(Pilot, async s => await s.AddImageAsync(lab, story, await StoryVersionAsync(story),
            new StoryImageInput { AltText = "Le rez-de-chaussée", Bytes = Pixel, Size = Pixel.Length }));
        Assert.True(added.Succeeded, added.MessageKey);
        var view = (await app.AsAsync<StoryService, StoryView?>(Pilot, s => s.GetStoryAsync(lab, story)))!;
        var picture = Assert.Single(view.Pictures);
        Assert.Equal("Le rez-de-chaussée", picture.AltText);
        Assert.Equal(AppRoutes.StoryImage(lab, story, picture.Id), picture.Url);

        using (var member = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Observer, AppFixture.DemoPassword))
        {
            var response = await member.GetAsync(new Uri(picture.Url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pixel, await response.Content.ReadAsByteArrayAsync());
            Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
        }
        using (var outsider = await Forms.SignedInClientAsync(app.Factory, DemoAppFixture.Coordination, AppFixture.DemoPassword))
        {
            var response = await outsider.GetAsync(new Uri(picture.Url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            // The same picture through a lab the person does belong to is not found either.
            var inCommon = await LabAsync("In Common");
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(AppRoutes.StoryImage(inCommon, story, picture.Id), UriKind.Relative))).StatusCode);
        }

        // Removing the picture removes its bytes; deleting the story removes the rest.
        Assert.True((await app.AsAsync<StoryService, SaveResult>(Pilot, async s => await s.RemoveImageAsync(lab, story, await StoryVersionAsync(story), picture.Id))).Succeeded);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.StoryImageContents.AnyAsync(c => c.ImageId == picture.Id));
        }
        Assert.True((await app.AsAsync<StoryService, SaveResult>(Pilot, async s => await s.DeleteAsync(lab, story, await StoryVersionAsync(story)))).Succeeded);
        Assert.Null(await app.AsAsync<StoryService, StoryView?>(Pilot, s => s.GetStoryAsync(lab, story)));
    }

    [Fact]
    public async Task A_stale_edit_is_a_conflict_and_changes_nothing()
    {
        var lab = await LabAsync("Bota 75");
        var story = (await WriteAsync(Pilot, lab, Story("Première version", Cycle.Impact))).Id!.Value;
        var seen = await StoryVersionAsync(story);
        Assert.True((await app.AsAsync<StoryService, SaveResult>(Pilot, s => s.ChooseForNotebookAsync(lab, story, seen, true))).Succeeded);

        var stale = Story("Deuxième version", Cycle.Impact);
        stale.Version = seen;
        Assert.Equal(SaveStatus.Conflict, (await app.AsAsync<StoryService, SaveResult>(Pilot, s => s.SaveAsync(lab, story, stale))).Status);

        await using var db = app.CreateDbContext();
        var stored = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == story);
        Assert.Equal("Première version", stored.Title);
        Assert.True(stored.InNotebook);
    }

    [Fact]
    public async Task Inspirations_are_found_in_the_cycles_they_help_and_one_tied_to_none_helps_in_all()
    {
        var lab = await LabAsync("Bota 75");
        var input = new InspirationInput
        {
            Name = "Une ressourcerie de quartier",
            Where = "Forest",
            Lesson = "Partager un atelier de réparation.",
            Link = "https://example.org/ressourcerie",
            Opportunities = [MutualisationOpportunity.Solidarity],
            Cycles = [Cycle.Diagnostic],
        };
        Assert.True((await app.AsAsync<InspirationService, SaveResult>(Pilot, s => s.SaveAsync(lab, null, input))).Succeeded);
        var bad = new InspirationInput { Name = "Sans leçon", Lesson = "x", Link = "javascript:alert(1)" };
        var refused = await app.AsAsync<InspirationService, SaveResult>(Pilot, s => s.SaveAsync(lab, null, bad));
        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Contains(nameof(InspirationInput.Link), refused.Errors!.Keys);
        Assert.Contains(nameof(InspirationInput.Opportunities), refused.Errors!.Keys);

        var forDiagnostic = (await app.AsAsync<InspirationService, InspirationsView?>(DemoAppFixture.Observer, s => s.GetInspirationsAsync(lab, Cycle.Diagnostic)))!;
        var forImpact = (await app.AsAsync<InspirationService, InspirationsView?>(DemoAppFixture.Observer, s => s.GetInspirationsAsync(lab, Cycle.Impact)))!;
        Assert.Contains(forDiagnostic.Inspirations, i => i.Name == "Une ressourcerie de quartier");
        Assert.DoesNotContain(forImpact.Inspirations, i => i.Name == "Une ressourcerie de quartier");
        // The demo's TIESS is tied to no cycle: it helps in every one.
        Assert.Contains(forImpact.Inspirations, i => i.Name == "TIESS");
        Assert.Null(await app.AsAsync<InspirationService, InspirationsView?>(DemoAppFixture.Coordination, s => s.GetInspirationsAsync(lab)));
    }

    [Fact]
    public async Task A_check_in_keeps_the_labs_focus_and_joins_the_journal_on_one_timeline()
    {
        var lab = await LabAsync("Bota 75");
        var focus = (await app.AsAsync<LabService, LabOverview?>(Pilot, s => s.GetOverviewAsync(lab)))!.CurrentFocus;

        var input = new CheckInInput { HeldOn = "2026-11-30", WhereWeAre = "Les indicateurs avancent.", Weather = NavigationWeather.Stormy, Facilitation = FacilitationNeed.Yes };
        Assert.True((await app.AsAsync<CheckInService, SaveResult>(Pilot, s => s.RecordAsync(lab, input))).Succeeded);
        Assert.Equal(SaveStatus.Forbidden, (await app.AsAsync<CheckInService, SaveResult>(DemoAppFixture.Participant, s => s.RecordAsync(lab, input))).Status);
        Assert.Equal(SaveStatus.Invalid, (await app.AsAsync<CheckInService, SaveResult>(Pilot, s => s.RecordAsync(lab, new CheckInInput { HeldOn = "hier", WhereWeAre = "" }))).Status);

        var view = (await app.AsAsync<CheckInService, NavigationView?>(DemoAppFixture.Observer, s => s.GetNavigationAsync(lab)))!;
        var latest = view.Timeline.First(e => e.CheckIn is not null);
        Assert.Equal(new DateOnly(2026, 11, 30), latest.Day);
        Assert.Equal(focus, latest.CheckIn!.Focus);
        Assert.True(view.OutsideHelpCalledFor);
        Assert.Contains(view.Timeline, e => e.Move is not null);
        Assert.False(view.MayRecord);
        Assert.Null(await app.AsAsync<CheckInService, NavigationView?>(DemoAppFixture.Coordination, s => s.GetNavigationAsync(lab)));
    }
}
