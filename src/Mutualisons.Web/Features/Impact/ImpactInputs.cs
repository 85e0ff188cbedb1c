using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;

namespace Mutualisons.Web.Features.Impact;

/// <summary>Dates typed in a date input (yyyy-MM-dd).</summary>
public static class DayText
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Of(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class StatementInput
{
    public string? Mission { get; set; }

    public string? ChangeSought { get; set; }

    public HashSet<Audience> Audiences { get; init; } = [];

    public string? OtherAudiences { get; set; }

    public HashSet<EffectNature> Natures { get; init; } = [];

    public string? Attribution { get; set; }

    public string? ChangeDescription { get; set; }

    public string? Significance { get; set; }

    /// <summary>The version the person saw; null for a first statement.</summary>
    public uint? Version { get; set; }

    public StatementText ToText() => new(Mission, ChangeSought, Audiences, OtherAudiences, Natures, Attribution, ChangeDescription, Significance);
}

public sealed class StatementInputValidator : AbstractValidator<StatementInput>
{
    public StatementInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        foreach (var field in new System.Linq.Expressions.Expression<Func<StatementInput, string?>>[] { s => s.Mission, s => s.ChangeSought, s => s.Attribution, s => s.ChangeDescription, s => s.Significance })
        {
            RuleFor(field).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        }
        RuleFor(s => s.OtherAudiences).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleForEach(s => s.Audiences).IsInEnum();
        RuleForEach(s => s.Natures).IsInEnum();
        RuleFor(s => s)
            .Must(s => new[] { s.Mission, s.ChangeSought, s.OtherAudiences, s.Attribution, s.ChangeDescription, s.Significance }.Any(t => !string.IsNullOrWhiteSpace(t)) || s.Audiences.Count > 0 || s.Natures.Count > 0)
            .WithName(nameof(StatementInput.ChangeSought)).OverridePropertyName(nameof(StatementInput.ChangeSought))
            .WithMessage(_ => l["Validation.Impact.StatementEmpty"]);
    }
}

public sealed class HypothesisInput
{
    public Guid? OrganisationId { get; set; }

    public string Statement { get; set; } = string.Empty;

    public string? Stakeholders { get; set; }

    public EffectSign Sign { get; set; } = EffectSign.Positive;

    public EffectNature Nature { get; set; } = EffectNature.Social;
}

public sealed class HypothesisInputValidator : AbstractValidator<HypothesisInput>
{
    public HypothesisInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(h => h.OrganisationId).NotNull().WithMessage(_ => l["Validation.Impact.OrganisationRequired"]);
        RuleFor(h => h.Statement)
            .NotEmpty().WithMessage(_ => l["Validation.Impact.HypothesisRequired"])
            .MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(h => h.Stakeholders).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(h => h.Sign).IsInEnum();
        RuleFor(h => h.Nature).IsInEnum();
    }
}

public sealed class IndicatorInput
{
    public string Name { get; set; } = string.Empty;

    public IndicatorUnit Unit { get; set; } = IndicatorUnit.Count;

    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;

    public decimal? BaselineValue { get; set; }

    /// <summary>yyyy-MM-dd, from a date input.</summary>
    public string? BaselineDate { get; set; }

    public decimal? TargetValue { get; set; }

    public string? TargetDate { get; set; }

    public IndicatorDefinition ToDefinition() => new(
        Name, Unit, Direction, BaselineValue ?? 0, DayText.Parse(BaselineDate) ?? default, TargetValue, DayText.Parse(TargetDate));
}

public sealed class IndicatorInputValidator : AbstractValidator<IndicatorInput>
{
    public IndicatorInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Impact.IndicatorNameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Unit).IsInEnum();
        RuleFor(i => i.Direction).IsInEnum();
        RuleFor(i => i.BaselineValue)
            .NotNull().WithMessage(_ => l["Validation.Impact.ValueRequired"])
            .Must((i, v) => v is not { } value || i.Unit.Fits(value)).WithMessage(i => l[$"Validation.Impact.Unit.{i.Unit}"]);
        RuleFor(i => i.BaselineDate).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
        RuleFor(i => i.TargetValue)
            .Must((i, v) => v is not { } value || i.Unit.Fits(value)).WithMessage(i => l[$"Validation.Impact.Unit.{i.Unit}"])
            .NotNull().When(i => !string.IsNullOrEmpty(i.TargetDate)).WithMessage(_ => l["Validation.Impact.TargetIncomplete"]);
        RuleFor(i => i.TargetDate)
            .Must(d => DayText.Parse(d) is not null).When(i => i.TargetValue is not null || !string.IsNullOrEmpty(i.TargetDate)).WithMessage(_ => l["Validation.Impact.TargetIncomplete"])
            .Must((i, d) => DayText.Parse(d) is not { } target || DayText.Parse(i.BaselineDate) is not { } baseline || target >= baseline).WithMessage(_ => l["Validation.Impact.TargetBeforeBaseline"]);
    }
}

public sealed class MeasurementInput
{
    public Guid IndicatorId { get; set; }

    /// <summary>yyyy-MM-dd, from a date input.</summary>
    public string? Date { get; set; }

    public decimal? Value { get; set; }

    public string? Note { get; set; }

    /// <summary>The indicator's unit and baseline as the form knows them, to warn before saving; the domain checks the stored ones.</summary>
    public IndicatorUnit Unit { get; set; }

    public DateOnly? BaselineDate { get; set; }
}

public sealed class MeasurementInputValidator : AbstractValidator<MeasurementInput>
{
    public MeasurementInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(m => m.Date)
            .Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"])
            .Must((m, d) => DayText.Parse(d) is not { } day || m.BaselineDate is not { } baseline || day >= baseline)
            .WithMessage(m => l["Validation.Impact.MeasurementBeforeBaseline", m.BaselineDate is { } b ? Localization.Formats.Date(new DateTimeOffset(b.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : string.Empty]);
        RuleFor(m => m.Value)
            .NotNull().WithMessage(_ => l["Validation.Impact.ValueRequired"])
            .Must((m, v) => v is not { } value || m.Unit.Fits(value)).WithMessage(m => l[$"Validation.Impact.Unit.{m.Unit}"]);
        RuleFor(m => m.Note).MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}

public sealed class EvidenceInput
{
    public Guid? IndicatorId { get; set; }

    public EvidenceKind Kind { get; set; } = EvidenceKind.Quote;

    public string Text { get; set; } = string.Empty;

    public string? Source { get; set; }

    public string? Date { get; set; }
}

public sealed class EvidenceInputValidator : AbstractValidator<EvidenceInput>
{
    public EvidenceInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(e => e.Kind).IsInEnum();
        RuleFor(e => e.Text)
            .NotEmpty().WithMessage(_ => l["Validation.Impact.EvidenceRequired"])
            .MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(e => e.Source).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(e => e.Date).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
    }
}

public sealed class ConclusionInput
{
    public string? ImpactsMeasured { get; set; }

    public string? ImpactsNotSought { get; set; }

    public string? NextSteps { get; set; }
}

public sealed class ConclusionInputValidator : AbstractValidator<ConclusionInput>
{
    public ConclusionInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(c => c.ImpactsMeasured)
            .Must((c, m) => !string.IsNullOrWhiteSpace(m) || !string.IsNullOrWhiteSpace(c.ImpactsNotSought)).WithMessage(_ => l["Validation.Impact.ConclusionRequired"])
            .MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(c => c.ImpactsNotSought).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(c => c.NextSteps).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
    }
}

public sealed class ReopenInput
{
    public string Reason { get; set; } = string.Empty;
}

public sealed class ReopenInputValidator : AbstractValidator<ReopenInput>
{
    public ReopenInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(r => r.Reason)
            .NotEmpty().WithMessage(_ => l["Validation.Impact.ReopenReasonRequired"])
            .MaximumLength(Limits.Reason).WithMessage(_ => l["Validation.TooLong", Limits.Reason]);
    }
}
