using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Web.Features.ToolConfiguration.Validation;

/// <summary>An organisation's position on an experiment: approve, approve with conditions, abstain or object, and what goes with it.</summary>
public sealed class PositionInput
{
    public ValidationPosition Position { get; set; }

    /// <summary>The conditions, the reason of an objection, or a note.</summary>
    public string? Text { get; set; }
}

public sealed class PositionInputValidator : AbstractValidator<PositionInput>
{
    public PositionInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Position).IsInEnum();
        RuleFor(i => i.Text).NotEmpty().WithMessage(_ => l["Validation.Position.ReasonRequired"]).When(i => i.Position == ValidationPosition.Objection);
        RuleFor(i => i.Text).NotEmpty().WithMessage(_ => l["Validation.Position.ConditionsRequired"]).When(i => i.Position == ValidationPosition.ApproveWithConditions);
        RuleFor(i => i.Text).MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}

/// <summary>The pilot group's answer to an objection.</summary>
public sealed class ObjectionAnswerInput
{
    public string Text { get; set; } = string.Empty;
}

public sealed class ObjectionAnswerInputValidator : AbstractValidator<ObjectionAnswerInput>
{
    public ObjectionAnswerInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Text)
            .NotEmpty().WithMessage(_ => l["Validation.Position.AnswerRequired"])
            .MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}

/// <summary>One turn of an objection's exchange, as the panel shows it.</summary>
public sealed record ExchangeRow(ObjectionTurn Turn, string Text, string? ByName, DateTimeOffset At);

/// <summary>A concerned organisation: who answers for it, its position, and what the current person may do for it.</summary>
public sealed record OrganisationPositionRow(
    Guid OrganisationId,
    string Name,
    string? DecisionMakerName,
    Guid? ProxyId,
    string? ProxyName,
    ValidationPosition? Position,
    string Text,
    string? GivenByName,
    DateTimeOffset? GivenAt,
    bool ThroughProxy,
    bool MayAnswer,
    bool MayDesignate,
    IReadOnlyList<ExchangeRow> Exchange);

/// <summary>A person of the lab who may be designated as a proxy.</summary>
public sealed record ProxyOption(Guid PersonId, string Name);

/// <summary>The validation panel of one experiment.</summary>
public sealed record ValidationView(
    Guid ExperimentId,
    uint Version,
    ExperimentStatus Status,
    ValidationRule Rule,
    bool IsOpen,
    bool MayConfigure,
    IReadOnlyList<OrganisationPositionRow> Organisations,
    IReadOnlyList<ProxyOption> People)
{
    public IReadOnlyList<OrganisationPositionRow> NotAnswered => [.. Organisations.Where(o => o.Position is null)];
}
