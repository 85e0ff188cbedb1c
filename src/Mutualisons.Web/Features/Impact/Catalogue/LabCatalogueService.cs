using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Catalogue;

/// <summary>One of the lab's own catalogue entries as the page shows it; <see cref="Input"/> is what its form starts from.</summary>
public sealed record LabEntryView(Guid Id, string Key, string? CopiedFrom, uint Version, LabEntryInput Input)
{
    public string Name => Input.Name;
}

/// <summary>What a lab writes about an indicator of its own catalogue.</summary>
public sealed class LabEntryInput
{
    public MutualisationLogic Logic { get; set; } = MutualisationLogic.Means;

    public ImpactObjective Objective { get; set; } = ImpactObjective.Consolidation;

    public string Name { get; set; } = string.Empty;

    public string? Definition { get; set; }

    public IndicatorUnit Unit { get; set; } = IndicatorUnit.Count;

    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;

    public string? Collection { get; set; }

    public string? Question { get; set; }

    public LabEntryText ToText() => new(Logic, Objective, Name, Definition, Unit, Direction, Collection, Question);

    public static LabEntryInput Of(LabCatalogueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new()
        {
            Logic = entry.Logic, Objective = entry.Objective, Name = entry.Name, Definition = entry.Definition, Unit = entry.Unit, Direction = entry.Direction,
            Collection = entry.Collection, Question = entry.Question,
        };
    }
}

public sealed class LabEntryInputValidator : AbstractValidator<LabEntryInput>
{
    public LabEntryInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(e => e.Name)
            .NotEmpty().WithMessage(_ => l["Validation.Impact.IndicatorNameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(e => e.Definition).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(e => e.Collection).MaximumLength(Limits.LongText).WithMessage(_ => l["Validation.TooLong", Limits.LongText]);
        RuleFor(e => e.Question).MaximumLength(Limits.ShortText).WithMessage(_ => l["Validation.TooLong", Limits.ShortText]);
        RuleFor(e => e.Logic).IsInEnum();
        RuleFor(e => e.Objective).IsInEnum();
        RuleFor(e => e.Unit).IsInEnum();
        RuleFor(e => e.Direction).IsInEnum();
    }
}

/// <summary>
/// The lab's own indicator catalogue: entries written by those who measure the lab's impact, from a blank page or
/// copied from the built-in catalogue (which never changes). Every change goes through <see cref="LabWrites"/>.
/// </summary>
public sealed class LabCatalogueService(LabWrites writes, IValidator<LabEntryInput> validator)
{
    public Task<SaveResult> CreateAsync(Guid labId, LabEntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.MeasureImpact).Validating(input, validator)
            .CreateAsync<LabCatalogueEntry>(write =>
            {
                var entry = new LabCatalogueEntry(labId, input.ToText(), null, write.Now);
                return (entry, entry.Name);
            }, cancellationToken);
    }

    /// <summary>Copies a built-in entry into the lab's catalogue, in the reader's language; the id returned is the copy's, to adapt it.</summary>
    public Task<SaveResult> CopyBuiltInAsync(Guid labId, string entryKey, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.MeasureImpact).CreateAsync<LabCatalogueEntry>(write =>
        {
            var builtIn = IndicatorCatalogue.Find(entryKey) ?? throw new DomainException("Impact.EntryUnknown", "No such catalogue entry.");
            var entry = LabCatalogueEntry.CopyOf(labId, builtIn, ProductLocalization.CurrentLanguage, write.Now);
            return (entry, $"{AuditText.Key("Impact.Catalogue.CopiedIntoLab")} {entry.Name}");
        }, cancellationToken);

    public Task<SaveResult> ReviseAsync(Guid labId, Guid entryId, LabEntryInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.MeasureImpact).Validating(input, validator)
            .ChangeAsync<LabCatalogueEntry>(entryId, version, (entry, _) =>
            {
                entry.Revise(input.ToText());
                return entry.Name;
            }, cancellationToken);
    }

    /// <summary>Deletes an entry; indicators already copied from it are the hypotheses' own and stay.</summary>
    public Task<SaveResult> DeleteAsync(Guid labId, Guid entryId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.MeasureImpact).DeleteAsync<LabCatalogueEntry>(entryId, version, (entry, _) => entry.Name, cancellationToken);
}
