using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Notebook;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;

namespace Mutualisons.Web.Features.Notebook;

/// <summary>The lab's stories: listed by cycle, read with their pictures, written and chosen for the notebook.</summary>
public sealed class StoryService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    UserMarkdown markdown,
    IValidator<StoryInput> validator,
    IValidator<StoryImageInput> imageValidator)
{
    private const int ExcerptLength = 240;

    public async Task<StoriesView?> GetStoriesAsync(Guid labId, Cycle? cycle = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var query = db.Stories.AsNoTracking().IgnoreAutoIncludes().Where(s => s.LabId == labId);
        if (cycle is { } only)
        {
            query = query.Where(s => s.Cycles.Contains(only));
        }
        var stories = await query.OrderByDescending(s => s.HappenedOn).ThenByDescending(s => s.CreatedAt)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.HappenedOn,
                s.Cycles,
                s.WrittenBy,
                s.InNotebook,
                s.Body,
                Images = s.Images.Count,
                Activity = db.Activities.Where(a => a.Id == s.ActivityId).Select(a => a.Title).FirstOrDefault(),
                Experiment = db.Experiments.Where(e => e.Id == s.ExperimentId).Select(e => e.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new StoriesView(labName, role.Allows(LabRight.KeepNotebook),
            [.. stories.Select(s => new StoryCard(s.Id, s.Title, s.HappenedOn, s.Cycles, s.WrittenBy, s.InNotebook, Excerpt(s.Body), s.Images, s.Activity, s.Experiment))],
            await LinksAsync(db, labId, cancellationToken));
    }

    public async Task<StoryView?> GetStoryAsync(Guid labId, Guid storyId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var story = await db.Stories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storyId && s.LabId == labId, cancellationToken);
        if (story is null)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var links = await LinksAsync(db, labId, cancellationToken);
        var input = new StoryInput
        {
            Title = story.Title,
            HappenedOn = DayText.Of(story.HappenedOn),
            Body = story.Body,
            Cycles = [.. story.Cycles],
            ActivityId = story.ActivityId,
            ExperimentId = story.ExperimentId,
            InNotebook = story.InNotebook,
            Version = story.Version,
        };
        return new StoryView(story.Id, story.Version, labName, role.Allows(LabRight.KeepNotebook), story.Title, story.HappenedOn, story.Cycles, story.WrittenBy,
            story.InNotebook, markdown.Render(story.Body),
            story.ActivityId is { } activity ? links.Activities.FirstOrDefault(a => a.Id == activity) : null,
            story.ExperimentId is { } experiment ? links.Experiments.FirstOrDefault(e => e.Id == experiment) : null,
            [.. story.Images.Select(i => new StoryPicture(i.Id, i.AltText, AppRoutes.StoryImage(labId, story.Id, i.Id)))],
            input, links);
    }

    /// <summary>Writes a story (<see cref="StoryInput.Version"/> null) or changes one at the version seen.</summary>
    public Task<SaveResult> SaveAsync(Guid labId, Guid? storyId, StoryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.KeepNotebook).Validating(input, validator);
        var happenedOn = DayText.Parse(input.HappenedOn);
        if (storyId is not { } id)
        {
            return scope.CreateAsync<Story>(async write =>
            {
                await RequireLinksAsync(write, input);
                var story = new Story(labId, write.Actor.UserId, write.Actor.DisplayName, write.Now);
                story.Tell(input.Title, happenedOn!.Value, input.Body, input.Cycles, write.Now);
                story.TieTo(input.ActivityId, input.ExperimentId);
                story.ChooseForNotebook(input.InNotebook);
                return (story, story.Title);
            }, cancellationToken);
        }
        return scope.ChangeAsync<Story>(id, input.Version, async (story, write) =>
        {
            await RequireLinksAsync(write, input);
            story.Tell(input.Title, happenedOn!.Value, input.Body, input.Cycles, write.Now);
            story.TieTo(input.ActivityId, input.ExperimentId);
            story.ChooseForNotebook(input.InNotebook);
            return story.Title;
        }, cancellationToken);
    }

    /// <summary>Puts the story in the notebook or takes it out.</summary>
    public Task<SaveResult> ChooseForNotebookAsync(Guid labId, Guid storyId, uint version, bool inNotebook, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.KeepNotebook).ChangeAsync<Story>(storyId, version, (story, _) =>
        {
            story.ChooseForNotebook(inNotebook);
            return $"{story.Title} — {AuditText.Key(inNotebook ? "Stories.InNotebook" : "Stories.NotInNotebook")}";
        }, cancellationToken);

    public Task<SaveResult> DeleteAsync(Guid labId, Guid storyId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.KeepNotebook).DeleteAsync<Story>(storyId, version, (story, _) => story.Title, cancellationToken);

    /// <summary>Adds a picture: its type is read from its bytes, its size and the story's count are the domain's rules.</summary>
    public Task<SaveResult> AddImageAsync(Guid labId, Guid storyId, uint version, StoryImageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.KeepNotebook).Validating(input, imageValidator).ChangeAsync<Story>(storyId, version, (story, write) =>
        {
            var bytes = input.Bytes!;
            var image = story.AddImage(StoryImage.Sniff(bytes) ?? string.Empty, bytes.Length, input.AltText, write.Now);
            write.Db.StoryImageContents.Add(new StoryImageContent(image, bytes));
            return $"{story.Title} — {AuditText.Key("Stories.PictureAdded")} : {image.AltText}";
        }, cancellationToken);
    }

    public Task<SaveResult> RemoveImageAsync(Guid labId, Guid storyId, uint version, Guid imageId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.KeepNotebook).ChangeAsync<Story>(storyId, version, (story, _) =>
        {
            var image = story.RemoveImage(imageId);
            return $"{story.Title} — {AuditText.Key("Stories.PictureRemoved")} : {image.AltText}";
        }, cancellationToken);

    /// <summary>A picture's bytes for whoever may read the lab; null when it is not theirs to see or not there.</summary>
    public async Task<StoredPicture?> ReadImageAsync(Guid labId, Guid storyId, Guid imageId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return null;
        }
        return await db.StoryImageContents.AsNoTracking()
            .Where(c => c.ImageId == imageId && db.Stories.Any(s => s.Id == storyId && s.LabId == labId && s.Images.Any(i => i.Id == imageId)))
            .Select(c => new StoredPicture(db.Set<StoryImage>().Where(i => i.Id == imageId).Select(i => i.ContentType).First(), c.Bytes))
            .SingleOrDefaultAsync(cancellationToken);
    }

    internal static async Task<NotebookLinks> LinksAsync(MutualisonsDbContext db, Guid labId, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().Where(a => a.LabId == labId).OrderByDescending(a => a.ScheduledAt)
            .Select(a => new LinkOption(a.Id, a.Title)).ToListAsync(cancellationToken);
        var experiments = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => e.LabId == labId).OrderBy(e => e.Title)
            .Select(e => new LinkOption(e.Id, e.Title)).ToListAsync(cancellationToken);
        return new NotebookLinks(activities, experiments);
    }

    private static async Task RequireLinksAsync(LabWrite write, StoryInput input)
    {
        if (input.ActivityId is { } activity && !await write.Db.Activities.AnyAsync(a => a.Id == activity && a.LabId == write.LabId, write.CancellationToken))
        {
            throw LabWrite.NotFound();
        }
        if (input.ExperimentId is { } experiment && !await write.Db.Experiments.AnyAsync(e => e.Id == experiment && e.LabId == write.LabId, write.CancellationToken))
        {
            throw LabWrite.NotFound();
        }
    }

    private string Excerpt(string body)
    {
        var text = markdown.ToPlainText(body).ReplaceLineEndings(" ");
        return text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength).TrimEnd(), "…");
    }
}

public sealed record StoriesView(string LabName, bool MayEdit, IReadOnlyList<StoryCard> Stories, NotebookLinks Links);

public sealed record StoryCard(Guid Id, string Title, DateOnly HappenedOn, IReadOnlyList<Cycle> Cycles, string WrittenBy, bool InNotebook, string Excerpt, int PictureCount,
    string? ActivityTitle, string? ExperimentTitle);

public sealed record StoryView(Guid Id, uint Version, string LabName, bool MayEdit, string Title, DateOnly HappenedOn, IReadOnlyList<Cycle> Cycles, string WrittenBy, bool InNotebook,
    MarkupString Body, LinkOption? Activity, LinkOption? Experiment, IReadOnlyList<StoryPicture> Pictures, StoryInput Input, NotebookLinks Links);

public sealed record StoryPicture(Guid Id, string AltText, string Url);

public sealed record StoredPicture(string ContentType, byte[] Bytes);

public sealed record LinkOption(Guid Id, string Title);

/// <summary>What a story or an inspiration can be tied to in the lab.</summary>
public sealed record NotebookLinks(IReadOnlyList<LinkOption> Activities, IReadOnlyList<LinkOption> Experiments);
