using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Domain.Notebook;

/// <summary>
/// A story (récit) of the lab: what happened on a day, told in Markdown by someone who was there, tied to the
/// cycles it illustrates and, where it tells of one, to an activity or an experiment. Stories are read by
/// everyone in the lab; the team picks those the notebook tells.
/// </summary>
public sealed class Story : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Story;

    /// <summary>More than this many pictures makes a gallery, not a story.</summary>
    public const int MaxImages = 6;

    private readonly List<Cycle> _cycles = [];
    private readonly List<StoryImage> _images = [];

    private Story()
    {
        Title = string.Empty;
        Body = string.Empty;
        WrittenBy = string.Empty;
    }

    public Story(Guid labId, Guid? writerId, string writtenBy, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        WrittenById = writerId;
        WrittenBy = writtenBy?.Trim() ?? string.Empty;
        CreatedAt = Guard.Utc(now);
        UpdatedAt = CreatedAt;
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The day the story took place (not the day it was written).</summary>
    public DateOnly HappenedOn { get; private set; }

    /// <summary>The story in Markdown; rendered through the sanitiser, never as given.</summary>
    public string Body { get; private set; }

    public IReadOnlyList<Cycle> Cycles => _cycles;

    /// <summary>The lab activity it tells of (a workshop, a meeting), if any.</summary>
    public Guid? ActivityId { get; private set; }

    /// <summary>The experiment it tells of, if any.</summary>
    public Guid? ExperimentId { get; private set; }

    /// <summary>Whether the team chose it for the notebook (cahier de synthèse).</summary>
    public bool InNotebook { get; private set; }

    public Guid? WrittenById { get; private set; }

    /// <summary>The writer's name as shown; empty once their account is deleted.</summary>
    public string WrittenBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Its pictures, in the order they were added; the bytes are stored apart and never loaded with the story.</summary>
    public IReadOnlyList<StoryImage> Images => _images;

    public void Tell(string title, DateOnly happenedOn, string body, IEnumerable<Cycle> cycles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        var wanted = cycles.Distinct().ToList();
        foreach (var cycle in wanted)
        {
            Guard.Defined(cycle, "Story.CycleUnknown");
        }
        if (wanted.Count == 0)
        {
            throw new DomainException("Story.CycleRequired", "A story illustrates at least one cycle.");
        }
        Title = Guard.RequiredText(title, Limits.Name, "Story.TitleRequired", "The title");
        Body = Guard.RequiredText(body, Limits.Story, "Story.BodyRequired", "The story");
        HappenedOn = happenedOn;
        _cycles.Clear();
        _cycles.AddRange(wanted.Order());
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>Ties the story to an activity and an experiment of this lab (or to neither); the caller checks they are the lab's.</summary>
    public void TieTo(Guid? activityId, Guid? experimentId)
    {
        ActivityId = activityId;
        ExperimentId = experimentId;
    }

    public void ChooseForNotebook(bool inNotebook) => InNotebook = inNotebook;

    /// <summary>Adds a picture's description; its bytes are saved beside it as a <see cref="StoryImageContent"/>.</summary>
    public StoryImage AddImage(string contentType, int length, string altText, DateTimeOffset now)
    {
        if (_images.Count >= MaxImages)
        {
            throw new DomainException("Story.TooManyImages", $"A story holds at most {MaxImages} pictures.");
        }
        var image = new StoryImage(Id, StoryImage.CheckedType(contentType), StoryImage.CheckedLength(length),
            Guard.RequiredText(altText, Limits.ShortText, "Story.AltTextRequired", "The description of the picture"), Guard.Utc(now));
        _images.Add(image);
        UpdatedAt = image.AddedAt;
        return image;
    }

    public StoryImage RemoveImage(Guid imageId)
    {
        var image = _images.SingleOrDefault(i => i.Id == imageId) ?? throw new DomainException("Story.ImageNotFound", "This picture is not one of the story's.");
        _images.Remove(image);
        return image;
    }

}

/// <summary>A picture of a story: its type, size and the text read in its place.</summary>
public sealed class StoryImage
{
    /// <summary>Pictures are kept small: phones take large photos, and the notebook prints them a few centimetres wide.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The formats browsers and the notebook's documents both show.</summary>
    public static readonly IReadOnlyList<string> ContentTypes = ["image/png", "image/jpeg", "image/webp"];

    private StoryImage()
    {
        ContentType = string.Empty;
        AltText = string.Empty;
    }

    internal StoryImage(Guid storyId, string contentType, int length, string altText, DateTimeOffset addedAt) : this()
    {
        Id = Guid.CreateVersion7();
        StoryId = storyId;
        ContentType = contentType;
        Length = length;
        AltText = altText;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }

    public Guid StoryId { get; private set; }

    public string ContentType { get; private set; }

    public int Length { get; private set; }

    /// <summary>What the picture shows, for screen readers and for when it cannot load.</summary>
    public string AltText { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>
    /// The type the bytes really are, read from their first bytes (a renamed file is not trusted), or null when
    /// they are none of <see cref="ContentTypes"/>.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        if (head.StartsWith(png))
        {
            return "image/png";
        }
        if (head.StartsWith(jpeg))
        {
            return "image/jpeg";
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return null;
    }

    internal static string CheckedType(string contentType) =>
        ContentTypes.Contains(contentType) ? contentType : throw new DomainException("Story.ImageType", "A picture is a PNG, JPEG or WebP image.");

    internal static int CheckedLength(int length) => length switch
    {
        <= 0 => throw new DomainException("Story.ImageEmpty", "The picture is empty."),
        > MaxBytes => throw new DomainException("Story.ImageTooLarge", $"A picture weighs at most {MaxBytes / (1024 * 1024)} MB."),
        _ => length,
    };
}

/// <summary>The bytes of a story's picture, in a row of their own so that reading stories never reads pictures.</summary>
public sealed class StoryImageContent
{
    private StoryImageContent()
    {
        Bytes = [];
    }

    public StoryImageContent(StoryImage image, byte[] bytes) : this()
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != image.Length)
        {
            throw new DomainException("Story.ImageLength", "The picture's bytes do not match its description.");
        }
        if (StoryImage.Sniff(bytes) != image.ContentType)
        {
            throw new DomainException("Story.ImageType", "A picture is a PNG, JPEG or WebP image.");
        }
        ImageId = image.Id;
        Bytes = bytes;
    }

    public Guid ImageId { get; private set; }

    public byte[] Bytes { get; private set; }
}
