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

/// <summary>A proposal put to a body, open until a day (Brussels evening), optionally about an experiment.</summary>
public sealed class ProposalInput
{
    public Guid? BodyId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Proposal { get; set; }

    /// <summary>yyyy-MM-dd, from a date input.</summary>
    public string? Deadline { get; set; }

    public Guid? ExperimentId { get; set; }

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
