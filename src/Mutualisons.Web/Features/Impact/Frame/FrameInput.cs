using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;

namespace Mutualisons.Web.Features.Impact.Frame;

/// <summary>The evaluation frame as the form edits it.</summary>
public sealed class FrameInput
{
    public HashSet<EvaluationPurpose> Purposes { get; init; } = [];

    public HashSet<EvaluationAudience> Audiences { get; init; } = [];

    public string? WhoCarriesIt { get; set; }

    public string? TimeAndMeans { get; set; }

    public HashSet<EvaluationMethod> Methods { get; init; } = [];

    public HashSet<EvaluationTiming> Timings { get; init; } = [];

    public string? ComputationalNotes { get; set; }

    public string? SystemicNotes { get; set; }

    public string? EpistemicNotes { get; set; }

    public string? AxiologicalNotes { get; set; }

    /// <summary>The version the person saw; null for a first frame.</summary>
    public uint? Version { get; set; }

    public FrameText ToText() => new(Purposes, Audiences, WhoCarriesIt, TimeAndMeans, Methods, Timings, new Dictionary<ImpactComplexity, string?>
    {
        [ImpactComplexity.Computational] = ComputationalNotes,
        [ImpactComplexity.Systemic] = SystemicNotes,
        [ImpactComplexity.Epistemic] = EpistemicNotes,
        [ImpactComplexity.Axiological] = AxiologicalNotes,
    });

    public static FrameInput Of(EvaluationFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new()
        {
            Purposes = [.. frame.Purposes],
            Audiences = [.. frame.Audiences],
            WhoCarriesIt = frame.WhoCarriesIt,
            TimeAndMeans = frame.TimeAndMeans,
            Methods = [.. frame.Methods],
            Timings = [.. frame.Timings],
            ComputationalNotes = frame.ComputationalNotes,
            SystemicNotes = frame.SystemicNotes,
            EpistemicNotes = frame.EpistemicNotes,
            AxiologicalNotes = frame.AxiologicalNotes,
            Version = frame.Version,
        };
    }
}

public sealed class FrameInputValidator : AbstractValidator<FrameInput>
{
    public FrameInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleForEach(f => f.Purposes).IsInEnum();
        RuleForEach(f => f.Audiences).IsInEnum();
        RuleForEach(f => f.Methods).IsInEnum();
        RuleForEach(f => f.Timings).IsInEnum();
        RuleFor(f => f.WhoCarriesIt).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        foreach (var field in new System.Linq.Expressions.Expression<Func<FrameInput, string?>>[] { f => f.TimeAndMeans, f => f.ComputationalNotes, f => f.SystemicNotes, f => f.EpistemicNotes, f => f.AxiologicalNotes })
        {
            RuleFor(field).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        }
        // Everything else may wait, but a frame starts with why the team evaluates.
        RuleFor(f => f.Purposes).NotEmpty().WithMessage(_ => l["Validation.ImpactFrame.PurposeRequired"]);
    }
}
