using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

/// <summary>What a note or cluster became: a need of cycle 1 or an experiment of cycle 4.</summary>
public enum OutcomeKind
{
    Need,
    Experiment,
}

/// <summary>The need or experiment a note or cluster became, with its words, to link to it.</summary>
public sealed record BecameView(Guid Id, OutcomeKind Kind, string Title);

/// <summary>A note of an ideas step as the outcomes page shows it, with what it became.</summary>
public sealed record OutcomeNote(Guid Id, Guid StepId, string Text, string? Author, string? Organisation, string? Cluster, bool Removed, BecameView? Became);

/// <summary>A cluster of a grouping step, its notes' words, and what it became.</summary>
public sealed record OutcomeCluster(Guid Id, Guid StepId, string Name, IReadOnlyList<string> Notes, BecameView? Became);

/// <summary>
/// The participants of one organisation: a lab organisation (whose stakeholders attendance marks present) or
/// another one named in words (counted, moving no ladder).
/// </summary>
public sealed record AttendanceGroup(Guid? OrganisationId, string Name, bool OfTheLab, bool HasStakeholder, bool Present, IReadOnlyList<AttendeeView> People)
{
    public int Counted => People.Count(p => !p.Removed);
}

public sealed record AttendeeView(string Name, bool Removed);

/// <summary>The workshop's activity: where its attendance goes and the level it offers.</summary>
public sealed record OutcomeActivity(Guid Id, string Title, ParticipationLevel LevelOffered, IReadOnlyList<Cycle> Cycles, ActivityStatus Status);

/// <summary>Everything the outcomes page shows, and what the person may do there.</summary>
public sealed record WorkshopOutcomes(
    Guid LabId,
    string LabName,
    Guid WorkshopId,
    string Title,
    WorkshopState State,
    OutcomeActivity? Activity,
    IReadOnlyList<StepResults> Steps,
    IReadOnlyList<OutcomeNote> Notes,
    IReadOnlyList<OutcomeCluster> Clusters,
    IReadOnlyList<AttendanceGroup> Attendance,
    bool MayRecordAttendance,
    bool MayMakeNeeds,
    bool MayMakeExperiments,
    bool MayExport)
{
    public int OtherOrganisationsCount => Attendance.Where(g => !g.OfTheLab).Sum(g => g.Counted);
}

/// <summary>The title the facilitator gives the need or experiment before confirming.</summary>
public sealed class ConversionInput
{
    public OutcomeKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>A need's words may be long; an experiment's title is a name.</summary>
    public int MaxLength => Kind == OutcomeKind.Need ? Limits.LongText : Limits.Name;
}

public sealed class ConversionInputValidator : AbstractValidator<ConversionInput>
{
    public ConversionInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => l["Validation.Invalid"]);
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => l["WorkshopOutcomes.TitleRequired"])
            .Must((input, title) => title.Length <= input.MaxLength).WithMessage(input => l["Validation.TooLong", input.MaxLength]);
    }
}

/// <summary>What a conversion made: its id, and whether the 2×2's scores could be used.</summary>
public sealed record ConversionResult(SaveResult Result, bool ScoresLeftEmpty);

/// <summary>A click on "make a need" or "make an experiment": what to convert, into what, and the words proposed as its title.</summary>
public sealed record ConversionRequest(WorkshopSource Source, OutcomeKind Kind, string Proposed);
