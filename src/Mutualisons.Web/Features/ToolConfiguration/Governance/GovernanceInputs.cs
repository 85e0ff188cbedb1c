using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Web.Features.ToolConfiguration.Governance;

/// <summary>A body of the lab: its name, kind, decision mode, who votes, and its voters with their weights.</summary>
public sealed class BodyInput
{
    public string Name { get; set; } = string.Empty;

    public BodyKind Kind { get; set; } = BodyKind.PilotGroup;

    public DecisionMode Mode { get; set; } = DecisionMode.Consent;

    public VoterKind Voters { get; set; } = VoterKind.Organisations;

    public int? QuorumPercent { get; set; }

    public int? ThresholdPercent { get; set; }

    /// <summary>The count and positions stay hidden until a decision closes.</summary>
    public bool ResultsHiddenUntilClose { get; set; }

    /// <summary>Positions are shown without who took them.</summary>
    public bool Anonymous { get; set; }

    /// <summary>Voter id (a person or an organisation) → weight.</summary>
    public Dictionary<Guid, int> Members { get; set; } = [];

    public DecisionRule ToRule() => new(Mode, Voters, Mode == DecisionMode.Majority ? QuorumPercent : null, Mode == DecisionMode.Majority ? ThresholdPercent : null,
        ResultsHiddenUntilClose, Anonymous);
}

public sealed class BodyInputValidator : AbstractValidator<BodyInput>
{
    public BodyInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name).NotEmpty().WithMessage(_ => l["Validation.Body.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Kind).IsInEnum();
        RuleFor(i => i.Mode).IsInEnum();
        RuleFor(i => i.Voters).IsInEnum();
        RuleFor(i => i.QuorumPercent).InclusiveBetween(1, 100).WithMessage(_ => l["Validation.Body.Quorum"]);
        RuleFor(i => i.ThresholdPercent).InclusiveBetween(51, 100).WithMessage(_ => l["Validation.Body.Threshold"]);
        RuleFor(i => i.Members).Must(m => m.Count > 0).WithMessage(_ => l["Validation.Body.MembersRequired"]);
        RuleForEach(i => i.Members).Must(m => m.Value is >= 1 and <= Body.MaxWeight).WithMessage(_ => l["Validation.Body.Weight", Body.MaxWeight]);
    }
}

/// <summary>More time for a decision: a new last day (Brussels evening), later than the current deadline.</summary>
public sealed class ExtensionInput
{
    /// <summary>yyyy-MM-dd, from a date input.</summary>
    public string? Deadline { get; set; }

    public DateTimeOffset? DeadlineAt() => new ProposalInput { Deadline = Deadline }.DeadlineAt();
}

public sealed class ExtensionInputValidator : AbstractValidator<ExtensionInput>
{
    public ExtensionInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Deadline).Must((input, _) => input.DeadlineAt() is not null).WithMessage(_ => l["Validation.Decision.DeadlineRequired"]);
    }
}

/// <summary>
/// A proposal put to a body, open until a day (Brussels evening), optionally about one thing of the lab: an
/// experiment, a body's decision mode, or an experiment's validation rule (with the rule proposed).
/// </summary>
public sealed class ProposalInput
{
    public Guid? BodyId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Proposal { get; set; }

    /// <summary>yyyy-MM-dd, from a date input.</summary>
    public string? Deadline { get; set; }

    /// <summary>What it decides about; none for a decision about nothing of the lab's.</summary>
    public DecisionSubjectKind? Subject { get; set; }

    /// <summary>The experiment (for an experiment or its validation rule) or the body (for its decision mode): one target at most.</summary>
    public Guid? TargetId { get; set; }

    /// <summary>The validation rule proposed, for a decision on an experiment's validation rule.</summary>
    public ValidationRule? ProposedRule { get; set; }

    /// <summary>The end of that day, UTC.</summary>
    public DateTimeOffset? DeadlineAt() =>
        DateOnly.TryParseExact(Deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero)
            : null;
}

public sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    public ProposalInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.BodyId).NotEmpty().WithMessage(_ => l["Validation.Decision.BodyRequired"]);
        RuleFor(i => i.Title).NotEmpty().WithMessage(_ => l["Validation.Decision.TitleRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Proposal).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(i => i.Deadline).Must((input, _) => input.DeadlineAt() is not null).WithMessage(_ => l["Validation.Decision.DeadlineRequired"]);
        // Whether the target is the lab's is checked where the lab is known: the service finds it in the lab or refuses.
        RuleFor(i => i.Subject).IsInEnum();
        RuleFor(i => i.TargetId).NotEmpty().When(i => i.Subject is not null).WithMessage(i => l[$"Validation.Decision.TargetRequired.{i.Subject}"]);
        RuleFor(i => i.TargetId).Null().When(i => i.Subject is null).WithMessage(_ => l["Validation.Decision.TargetWithoutSubject"]);
        RuleFor(i => i.ProposedRule).NotNull().When(i => i.Subject == DecisionSubjectKind.ValidationRule).WithMessage(_ => l["Validation.Decision.ProposedRuleRequired"])
            .IsInEnum();
        RuleFor(i => i.ProposedRule).Null().When(i => i.Subject != DecisionSubjectKind.ValidationRule).WithMessage(_ => l["Validation.Decision.ProposedRuleOnlyForRule"]);
    }
}

/// <summary>New weights for a body's organisations: each a whole number from 1 to <see cref="Body.MaxWeight"/>.</summary>
public sealed class WeightsInput
{
    /// <summary>Organisation id → weight.</summary>
    public Dictionary<Guid, int> Weights { get; set; } = [];
}

public sealed class WeightsInputValidator : AbstractValidator<WeightsInput>
{
    public WeightsInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        // Whether they are the body's organisations, and the lab's, is the domain's to say: the lab is known there.
        RuleFor(i => i.Weights).Must(w => w.Count > 0).WithMessage(_ => l["Validation.Body.MembersRequired"]);
        RuleForEach(i => i.Weights).Must(w => w.Key != Guid.Empty && w.Value is >= 1 and <= Body.MaxWeight).WithMessage(_ => l["Validation.Body.Weight", Body.MaxWeight]);
    }
}

/// <summary>A vote: for which organisation (in a body of organisations), the position, and why.</summary>
public sealed class VoteInput
{
    public Guid? OrganisationId { get; set; }

    public DecisionPosition Position { get; set; }

    public string? Reason { get; set; }
}

public sealed class VoteInputValidator : AbstractValidator<VoteInput>
{
    public VoteInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Position).IsInEnum();
        RuleFor(i => i.Reason).NotEmpty().WithMessage(_ => l["Validation.Decision.ReasonRequired"]).When(i => i.Position == DecisionPosition.Objection);
        RuleFor(i => i.Reason).MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}
