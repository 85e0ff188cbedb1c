using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Workshops;

public enum WorkshopStepKind
{
    /// <summary>A text shown to everyone.</summary>
    Information,

    /// <summary>Sticky notes on a question.</summary>
    Ideas,

    /// <summary>Notes gathered into named clusters.</summary>
    Grouping,

    /// <summary>Dots spread over notes, clusters or a list.</summary>
    DotVote,

    /// <summary>Items placed on two axes (feasibility × expected impact by default).</summary>
    Matrix,

    /// <summary>Single choice, multiple choice, scale or ranking.</summary>
    Poll,

    /// <summary>A proposal: no objection, a concern, or an objection with its reason.</summary>
    ConsentRound,
}

public enum PollKind
{
    SingleChoice,
    MultipleChoice,
    Scale,
    Ranking,
}

/// <summary>How a step is set up; only what its kind uses is read.</summary>
public sealed record StepSettings(
    string Prompt,
    bool Anonymous = false,
    int IdeasPerPerson = StepSettings.DefaultIdeasPerPerson,
    Guid? SourceStepId = null,
    IReadOnlyList<string>? Options = null,
    int DotsPerPerson = StepSettings.DefaultDots,
    int MaxDotsPerItem = StepSettings.DefaultMaxPerItem,
    PollKind PollKind = PollKind.SingleChoice,
    string? AxisX = null,
    string? AxisY = null)
{
    public const int DefaultIdeasPerPerson = 5;
    public const int DefaultDots = 3;
    public const int DefaultMaxPerItem = 2;
}

/// <summary>
/// One step of a workshop: what it asks, how its answers are limited, whether it takes answers now and whether
/// the room may see the results.
/// </summary>
public sealed class WorkshopStep
{
    public const int MaxIdeasPerPerson = 20;
    public const int MaxDots = 20;
    public const int MaxOptions = 20;
    public const int OptionLength = 200;

    /// <summary>Short enough for a sticky note read from the back of the room.</summary>
    public const int NoteLength = 280;

    /// <summary>Both axes of a 2×2 placement run from 1 to 5, like an experiment's scores.</summary>
    public const int AxisMin = 1;
    public const int AxisMax = 5;

    private List<string> _options = [];

    private WorkshopStep()
    {
        Prompt = string.Empty;
        AxisX = string.Empty;
        AxisY = string.Empty;
    }

    internal WorkshopStep(Guid workshopId, int position, WorkshopStepKind kind) : this()
    {
        Id = Guid.CreateVersion7();
        WorkshopId = workshopId;
        Position = position;
        Kind = Guard.Defined(kind, "Workshop.StepKindInvalid");
        // Votes, placements and answers stay hidden until the facilitator reveals them; notes show as they come.
        ResultsRevealed = kind is WorkshopStepKind.Information or WorkshopStepKind.Ideas or WorkshopStepKind.Grouping;
    }

    public Guid Id { get; private set; }

    public Guid WorkshopId { get; private set; }

    public int Position { get; internal set; }

    public WorkshopStepKind Kind { get; private set; }

    /// <summary>The question, the text shown or the proposal.</summary>
    public string Prompt { get; private set; }

    /// <summary>Ideas: notes are shown without their author's name.</summary>
    public bool Anonymous { get; private set; }

    public int IdeasPerPerson { get; private set; }

    /// <summary>
    /// Grouping: the ideas step whose notes are gathered. Dot vote and 2×2: the step whose notes (an ideas step)
    /// or clusters (a grouping step) are the items; none means the step's own list of options.
    /// </summary>
    public Guid? SourceStepId { get; private set; }

    /// <summary>A poll's choices, or the items of a dot vote or a 2×2 that works on a list.</summary>
    public IReadOnlyList<string> Options => _options;

    public int DotsPerPerson { get; private set; }

    public int MaxDotsPerItem { get; private set; }

    public PollKind PollKind { get; private set; }

    /// <summary>The horizontal axis's name; empty means feasibility.</summary>
    public string AxisX { get; private set; }

    /// <summary>The vertical axis's name; empty means expected impact.</summary>
    public string AxisY { get; private set; }

    public bool SubmissionsOpen { get; private set; }

    public bool ResultsRevealed { get; private set; }

    /// <summary>When the facilitator's timer runs out, if one runs.</summary>
    public DateTimeOffset? TimerEndsAt { get; private set; }

    /// <summary>Whether the step takes anything from participants.</summary>
    public bool TakesAnswers => Kind is not (WorkshopStepKind.Information or WorkshopStepKind.Grouping);

    /// <summary>Whether its items are the step's own options rather than another step's notes or clusters.</summary>
    public bool WorksOnOptions => Kind == WorkshopStepKind.Poll || (Kind is WorkshopStepKind.DotVote or WorkshopStepKind.Matrix && SourceStepId is null);

    internal void Configure(StepSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Prompt = Guard.RequiredText(settings.Prompt, Limits.LongText, "Workshop.PromptRequired", "The prompt");
        Anonymous = settings.Anonymous;
        IdeasPerPerson = Kind == WorkshopStepKind.Ideas ? InRange(settings.IdeasPerPerson, 1, MaxIdeasPerPerson, "Workshop.IdeasPerPersonInvalid") : 0;
        var options = (settings.Options ?? []).Select(o => o?.Trim() ?? string.Empty).Where(o => o.Length > 0).ToList();
        if (options.Count > MaxOptions || options.Any(o => o.Length > OptionLength))
        {
            throw new DomainException("Workshop.OptionsInvalid", $"At most {MaxOptions} options of {OptionLength} characters.");
        }
        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            throw new DomainException("Workshop.OptionsRepeated", "Two options say the same thing.");
        }
        SourceStepId = Kind is WorkshopStepKind.Grouping or WorkshopStepKind.DotVote or WorkshopStepKind.Matrix ? settings.SourceStepId : null;
        if (Kind == WorkshopStepKind.Grouping && SourceStepId is null)
        {
            throw new DomainException("Workshop.SourceRequired", "Say which ideas step's notes are grouped.");
        }
        _options = Kind == WorkshopStepKind.Poll || (Kind is WorkshopStepKind.DotVote or WorkshopStepKind.Matrix && SourceStepId is null) ? options : [];
        PollKind = Kind == WorkshopStepKind.Poll ? Guard.Defined(settings.PollKind, "Workshop.PollKindInvalid") : PollKind.SingleChoice;
        if (Kind == WorkshopStepKind.Poll && PollKind != PollKind.Scale && _options.Count < 2)
        {
            throw new DomainException("Workshop.OptionsRequired", "A poll offers at least two choices.");
        }
        if (Kind is WorkshopStepKind.DotVote or WorkshopStepKind.Matrix && SourceStepId is null && _options.Count == 0)
        {
            throw new DomainException("Workshop.ItemsRequired", "Say what is voted on or placed: another step's notes or a list.");
        }
        if (Kind == WorkshopStepKind.DotVote)
        {
            DotsPerPerson = InRange(settings.DotsPerPerson, 1, MaxDots, "Workshop.DotsInvalid");
            MaxDotsPerItem = InRange(settings.MaxDotsPerItem, 1, DotsPerPerson, "Workshop.MaxPerItemInvalid");
        }
        else
        {
            DotsPerPerson = 0;
            MaxDotsPerItem = 0;
        }
        AxisX = Kind == WorkshopStepKind.Matrix ? Guard.OptionalText(settings.AxisX, Limits.ShortText, "Workshop.AxisTooLong", "The axis") : string.Empty;
        AxisY = Kind == WorkshopStepKind.Matrix ? Guard.OptionalText(settings.AxisY, Limits.ShortText, "Workshop.AxisTooLong", "The axis") : string.Empty;
    }

    /// <summary>The settings as they stand, to edit them.</summary>
    public StepSettings Settings => new(Prompt, Anonymous, IdeasPerPerson == 0 ? StepSettings.DefaultIdeasPerPerson : IdeasPerPerson, SourceStepId, _options,
        DotsPerPerson == 0 ? StepSettings.DefaultDots : DotsPerPerson, MaxDotsPerItem == 0 ? StepSettings.DefaultMaxPerItem : MaxDotsPerItem, PollKind, AxisX, AxisY);

    public void OpenSubmissions() => SubmissionsOpen = TakesAnswers;

    public void CloseSubmissions() => SubmissionsOpen = false;

    public void Reveal(bool revealed) => ResultsRevealed = revealed;

    /// <summary>Runs a timer of <paramref name="minutes"/> from <paramref name="now"/>; zero stops it.</summary>
    public void SetTimer(int minutes, DateTimeOffset now) =>
        TimerEndsAt = InRange(minutes, 0, 120, "Workshop.TimerInvalid") == 0 ? null : Guard.Utc(now).AddMinutes(minutes);

    /// <summary>A note on this ideas step, the author having written <paramref name="alreadyWritten"/> here.</summary>
    public WorkshopNote Note(WorkshopParticipant author, string text, int alreadyWritten, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(author);
        author.RefuseIfRemoved();
        if (alreadyWritten >= IdeasPerPerson)
        {
            throw new DomainException("Workshop.IdeasLimit", $"Each person writes at most {IdeasPerPerson} notes here.");
        }
        return new WorkshopNote(WorkshopId, Id, author.Id, NoteText(text), now);
    }

    /// <summary>
    /// Checks that <paramref name="dots"/> on one item fit: at most <see cref="MaxDotsPerItem"/> on it and
    /// <see cref="DotsPerPerson"/> in all, <paramref name="dotsElsewhere"/> being those on the other items.
    /// </summary>
    public void CheckDots(int dots, int dotsElsewhere)
    {
        if (dots < 0)
        {
            throw new DomainException("Workshop.DotsNegative", "Dots cannot go below zero.");
        }
        if (dots > MaxDotsPerItem)
        {
            throw new DomainException("Workshop.DotsPerItem", $"At most {MaxDotsPerItem} dots on one item.");
        }
        if (dots + dotsElsewhere > DotsPerPerson)
        {
            throw new DomainException("Workshop.DotsSpent", $"Each person has {DotsPerPerson} dots.");
        }
    }

    public static void CheckPlacement(int x, int y)
    {
        if (x is < AxisMin or > AxisMax || y is < AxisMin or > AxisMax)
        {
            throw new DomainException("Workshop.PlacementOutside", $"Both positions go from {AxisMin} to {AxisMax}.");
        }
    }

    /// <summary>Checks a poll answer against the poll's kind: the choices' indexes, or the scale value.</summary>
    public IReadOnlyList<int> CheckPollAnswer(IReadOnlyList<int> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var count = PollKind == PollKind.Scale ? AxisMax : _options.Count;
        var low = PollKind == PollKind.Scale ? AxisMin : 0;
        if (choices.Any(c => c < low || c >= low + count) || choices.Distinct().Count() != choices.Count)
        {
            throw new DomainException("Workshop.ChoiceInvalid", "That choice is not one of the poll's.");
        }
        var valid = PollKind switch
        {
            PollKind.SingleChoice or PollKind.Scale => choices.Count == 1,
            PollKind.MultipleChoice => choices.Count >= 1,
            PollKind.Ranking => choices.Count == _options.Count,
            _ => false,
        };
        return valid ? choices : throw new DomainException(PollKind == PollKind.Ranking ? "Workshop.RankAll" : "Workshop.ChoiceRequired",
            PollKind == PollKind.Ranking ? "Rank every choice, each once." : "Choose an answer.");
    }

    public static string NoteText(string? text) => Guard.RequiredText(text, NoteLength, "Workshop.NoteInvalid", "The note");

    private static int InRange(int value, int min, int max, string code) =>
        value >= min && value <= max ? value : throw new DomainException(code, $"Between {min} and {max}.");
}
