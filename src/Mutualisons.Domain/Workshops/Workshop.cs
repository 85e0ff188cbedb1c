using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Workshops;

public enum WorkshopState
{
    /// <summary>The facilitator prepares the steps; nobody can join yet.</summary>
    Preparing,

    /// <summary>The room is open: participants join with the code and follow the current step.</summary>
    Running,

    /// <summary>The session is over: results stay, nobody joins or answers any more.</summary>
    Ended,
}

/// <summary>
/// A live workshop of a lab, held as one of its cycle 2 activities: the steps the facilitator prepared, the one
/// the room is on, and the short code participants join with. What participants send is stored in rows of
/// its own (notes, dots, placements, answers), so a busy room never writes this row.
/// </summary>
public sealed class Workshop : ILabOwned
{
    public const int MaxSteps = 40;

    /// <summary>A code lives as long as a day of workshop: guessing one within that time, rate limited, is hopeless.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(24);

    public static string AuditSubject => Audit.AuditSubject.Workshop;

    private readonly List<WorkshopStep> _steps = [];

    private Workshop()
    {
        Title = string.Empty;
        JoinCode = string.Empty;
    }

    public Workshop(Guid labId, Guid activityId, string title, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        ActivityId = activityId;
        Title = Guard.RequiredText(title, Limits.Name, "Workshop.TitleRequired", "The title");
        State = WorkshopState.Preparing;
        CreatedAt = Guard.Utc(now);
        JoinCode = Workshops.JoinCode.New();
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    /// <summary>The cycle 2 activity it is: its date, place, cycles and the participation level it offers.</summary>
    public Guid ActivityId { get; private set; }

    public string Title { get; private set; }

    public WorkshopState State { get; private set; }

    /// <summary>The short code participants type (or scan) to join while the room is open.</summary>
    public string JoinCode { get; private set; }

    public DateTimeOffset? CodeExpiresAt { get; private set; }

    /// <summary>The step the room is on; none before the first.</summary>
    public Guid? CurrentStepId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<WorkshopStep> Steps => [.. _steps.OrderBy(s => s.Position)];

    public WorkshopStep? CurrentStep => _steps.SingleOrDefault(s => s.Id == CurrentStepId);

    public void Rename(string title) => Title = Guard.RequiredText(title, Limits.Name, "Workshop.TitleRequired", "The title");

    public WorkshopStep AddStep(WorkshopStepKind kind, StepSettings settings)
    {
        RefuseWhenEnded();
        if (_steps.Count >= MaxSteps)
        {
            throw new DomainException("Workshop.TooManySteps", $"A workshop holds at most {MaxSteps} steps.");
        }
        var step = new WorkshopStep(Id, _steps.Count, kind);
        _steps.Add(step);
        try
        {
            ConfigureStep(step.Id, settings);
        }
        catch (DomainException)
        {
            _steps.Remove(step);
            throw;
        }
        return step;
    }

    /// <summary>
    /// Sets a step up. A step that works on another's notes names an earlier ideas step (or, to vote on or place
    /// clusters, a grouping step) of this workshop.
    /// </summary>
    public void ConfigureStep(Guid stepId, StepSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RefuseWhenEnded();
        var step = Step(stepId);
        if (settings.SourceStepId is { } sourceId && step.Kind is WorkshopStepKind.Grouping or WorkshopStepKind.DotVote or WorkshopStepKind.Matrix)
        {
            var source = _steps.SingleOrDefault(s => s.Id == sourceId);
            var fits = source is not null && source.Id != step.Id
                && (source.Kind == WorkshopStepKind.Ideas || (source.Kind == WorkshopStepKind.Grouping && step.Kind != WorkshopStepKind.Grouping));
            if (!fits)
            {
                throw new DomainException("Workshop.SourceInvalid", "Work on the notes of an ideas step, or the clusters of a grouping step, of this workshop.");
            }
        }
        step.Configure(settings);
    }

    public WorkshopStep Step(Guid stepId) =>
        _steps.SingleOrDefault(s => s.Id == stepId) ?? throw new DomainException("Workshop.StepUnknown", "The step is not one of this workshop's.");

    /// <summary>Moves a step up or down by one; the room may be on it.</summary>
    public void MoveStep(Guid stepId, int by)
    {
        RefuseWhenEnded();
        var ordered = Steps.ToList();
        var index = ordered.FindIndex(s => s.Id == stepId);
        if (index < 0)
        {
            throw new DomainException("Workshop.StepUnknown", "The step is not one of this workshop's.");
        }
        var target = Math.Clamp(index + Math.Sign(by), 0, ordered.Count - 1);
        var step = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, step);
        Renumber(ordered);
    }

    /// <summary>Removes a step the room is not on; what was sent to it goes with it.</summary>
    public void RemoveStep(Guid stepId)
    {
        RefuseWhenEnded();
        var step = Step(stepId);
        if (step.Id == CurrentStepId)
        {
            throw new DomainException("Workshop.StepIsCurrent", "The room is on this step: move to another one before removing it.");
        }
        if (_steps.Any(s => s.SourceStepId == stepId))
        {
            throw new DomainException("Workshop.StepIsSource", "Another step works on this step's notes: change that step first.");
        }
        _steps.Remove(step);
        Renumber(Steps.ToList());
    }

    /// <summary>
    /// Adds a template's steps after those already prepared, each working on the copy of the template step it
    /// named. All or nothing: a step the workshop refuses adds none of them.
    /// </summary>
    public void CopySteps(IEnumerable<TemplateStep> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        RefuseWhenEnded();
        var list = template.ToList();
        if (_steps.Count + list.Count > MaxSteps)
        {
            throw new DomainException("Workshop.TooManySteps", $"A workshop holds at most {MaxSteps} steps.");
        }
        var before = _steps.ToList();
        var added = new List<WorkshopStep>();
        try
        {
            foreach (var item in list)
            {
                var sourceId = item.SourceIndex is { } index
                    ? (index >= 0 && index < added.Count ? added[index].Id : throw new DomainException("Workshop.SourceInvalid", "Work on the notes of an earlier step."))
                    : (Guid?)null;
                added.Add(AddStep(item.Kind, item.Settings with { SourceStepId = sourceId }));
            }
        }
        catch (DomainException)
        {
            _steps.Clear();
            _steps.AddRange(before);
            throw;
        }
    }

    /// <summary>The prepared steps as a template: each names the earlier step it works on by its position.</summary>
    public IReadOnlyList<TemplateStep> AsTemplate()
    {
        var ordered = Steps.ToList();
        return [.. ordered.Select(s => new TemplateStep(s.Kind, s.Settings with { SourceStepId = null },
            s.SourceStepId is { } sourceId ? ordered.FindIndex(o => o.Id == sourceId) : null))];
    }

    /// <summary>Opens the room on the first step: the code becomes valid for a day.</summary>
    public void Start(DateTimeOffset now)
    {
        RefuseWhenEnded();
        if (_steps.Count == 0)
        {
            throw new DomainException("Workshop.NoSteps", "Prepare at least one step before opening the room.");
        }
        if (State == WorkshopState.Running)
        {
            return;
        }
        State = WorkshopState.Running;
        StartedAt ??= Guard.Utc(now);
        CodeExpiresAt = Guard.Utc(now) + CodeLifetime;
        CurrentStepId ??= Steps[0].Id;
        CurrentStep!.OpenSubmissions();
    }

    /// <summary>Takes the room to another step: the one it leaves stops taking submissions.</summary>
    public void GoTo(Guid stepId)
    {
        RefuseUnlessRunning();
        var step = Step(stepId);
        if (CurrentStep is { } leaving && leaving.Id != step.Id)
        {
            leaving.CloseSubmissions();
        }
        CurrentStepId = step.Id;
        step.OpenSubmissions();
    }

    /// <summary>Next (+1) or previous (−1) step; nothing beyond the ends.</summary>
    public void Advance(int by)
    {
        RefuseUnlessRunning();
        var ordered = Steps;
        var index = CurrentStep is { } current ? ordered.ToList().IndexOf(current) : -1;
        var target = Math.Clamp(index + Math.Sign(by), 0, ordered.Count - 1);
        GoTo(ordered[target].Id);
    }

    /// <summary>Ends the session: the code stops working, every step stops taking submissions; results stay.</summary>
    public void End(DateTimeOffset now)
    {
        if (State == WorkshopState.Ended)
        {
            return;
        }
        foreach (var step in _steps)
        {
            step.CloseSubmissions();
        }
        State = WorkshopState.Ended;
        EndedAt = Guard.Utc(now);
        CodeExpiresAt = Guard.Utc(now);
    }

    /// <summary>A fresh code, when the old one leaked or ran out; those already in the room stay.</summary>
    public void RenewCode(DateTimeOffset now)
    {
        RefuseUnlessRunning();
        JoinCode = Workshops.JoinCode.New();
        CodeExpiresAt = Guard.Utc(now) + CodeLifetime;
    }

    /// <summary>Whether someone may join with the code at <paramref name="now"/>.</summary>
    public bool AcceptsJoins(DateTimeOffset now) => State == WorkshopState.Running && CodeExpiresAt > now;

    /// <summary>Refuses what participants send unless the room is open and on <paramref name="stepId"/>, taking submissions.</summary>
    public WorkshopStep OpenStep(Guid stepId, WorkshopStepKind expected)
    {
        if (State != WorkshopState.Running)
        {
            throw new DomainException("Workshop.NotRunning", "The workshop is not running.");
        }
        var step = Step(stepId);
        if (step.Id != CurrentStepId || !step.SubmissionsOpen)
        {
            throw new DomainException("Workshop.StepClosed", "This step no longer takes answers.");
        }
        if (step.Kind != expected)
        {
            throw new DomainException("Workshop.WrongStep", "This step does not take that kind of answer.");
        }
        return step;
    }

    private static void Renumber(List<WorkshopStep> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }
    }

    private void RefuseWhenEnded()
    {
        if (State == WorkshopState.Ended)
        {
            throw new DomainException("Workshop.Ended", "The workshop is over.");
        }
    }

    private void RefuseUnlessRunning()
    {
        if (State != WorkshopState.Running)
        {
            throw new DomainException("Workshop.NotRunning", "The workshop is not running.");
        }
    }
}
