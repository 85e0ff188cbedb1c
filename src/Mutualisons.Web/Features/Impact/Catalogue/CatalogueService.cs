using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Catalogue;

/// <summary>A hypothesis an entry can be copied into, named by its organisation.</summary>
public sealed record HypothesisTarget(Guid Id, string OrganisationName, string Statement);

/// <summary>
/// The catalogue page of a lab: the lab's name, its own entries, whether this person may write them, and the
/// hypotheses this person may add indicators to.
/// </summary>
public sealed record CatalogueView(string LabName, bool MayEdit, IReadOnlyList<LabEntryView> LabEntries, IReadOnlyList<HypothesisTarget> Hypotheses);

/// <summary>Copies a catalogue entry into a hypothesis, with the lab's own baseline and target.</summary>
public sealed class CopyEntryInput
{
    public string EntryKey { get; set; } = string.Empty;

    public Guid? HypothesisId { get; set; }

    public decimal? BaselineValue { get; set; }

    public string? BaselineDate { get; set; }

    public decimal? TargetValue { get; set; }

    public string? TargetDate { get; set; }

    /// <summary>A lab entry's unit as the form knows it, to warn before saving; a built-in entry's own unit is used, and the domain checks the stored one.</summary>
    public IndicatorUnit Unit { get; set; }

    /// <summary>The unit the values must fit: the built-in entry's, else the one the form knows.</summary>
    public IndicatorUnit EntryUnit => IndicatorCatalogue.Find(EntryKey)?.Unit ?? Unit;
}

public sealed class CopyEntryInputValidator : AbstractValidator<CopyEntryInput>
{
    public CopyEntryInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(c => c.EntryKey).Must(k => IndicatorCatalogue.Find(k) is not null || LabCatalogueEntry.IdOf(k) is not null).WithMessage(_ => l["Validation.Impact.EntryUnknown"]);
        RuleFor(c => c.HypothesisId).NotNull().WithMessage(_ => l["Validation.Impact.HypothesisRequired"]);
        RuleFor(c => c.BaselineValue)
            .NotNull().WithMessage(_ => l["Validation.Impact.ValueRequired"])
            .Must((c, v) => v is not { } value || c.EntryUnit.Fits(value))
            .WithMessage(c => l[$"Validation.Impact.Unit.{c.EntryUnit}"]);
        RuleFor(c => c.BaselineDate).Must(d => DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
        RuleFor(c => c.TargetValue)
            .Must((c, v) => v is not { } value || c.EntryUnit.Fits(value))
            .WithMessage(c => l[$"Validation.Impact.Unit.{c.EntryUnit}"])
            .NotNull().When(c => !string.IsNullOrEmpty(c.TargetDate)).WithMessage(_ => l["Validation.Impact.TargetIncomplete"]);
        RuleFor(c => c.TargetDate)
            .Must(d => DayText.Parse(d) is not null).When(c => c.TargetValue is not null || !string.IsNullOrEmpty(c.TargetDate)).WithMessage(_ => l["Validation.Impact.TargetIncomplete"])
            .Must((c, d) => DayText.Parse(d) is not { } target || DayText.Parse(c.BaselineDate) is not { } baseline || target >= baseline).WithMessage(_ => l["Validation.Impact.TargetBeforeBaseline"]);
    }
}

/// <summary>The built-in indicator catalogue of a lab: browsed by everyone in it, copied into hypotheses by those who write them.</summary>
public sealed class CatalogueService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IStringLocalizer<SharedResource> localizer,
    IValidator<CopyEntryInput> validator)
{
    public async Task<CatalogueView?> GetAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var hypotheses = await db.ImpactHypotheses.AsNoTracking().Where(h => h.LabId == labId && h.Status != HypothesisStatus.Concluded)
            .Join(db.Organisations, h => h.OrganisationId, o => o.Id, (h, o) => new { h.Id, h.OrganisationId, OrganisationName = o.Name, h.Statement, h.CreatedAt })
            .OrderBy(h => h.OrganisationName).ThenBy(h => h.CreatedAt)
            .ToListAsync(cancellationToken);
        var entries = await db.LabCatalogueEntries.AsNoTracking().Where(e => e.LabId == labId).OrderBy(e => e.Logic).ThenBy(e => e.Name).ToListAsync(cancellationToken);
        return new CatalogueView(labName, place.Role.Allows(LabRight.MeasureImpact),
            [.. entries.Select(e => new LabEntryView(e.Id, e.Key, e.CopiedFrom, e.Version, LabEntryInput.Of(e)))],
            [.. hypotheses
            .Where(h => place.Role.MayDefineImpactOf(h.OrganisationId, place.Represents))
            .Select(h => new HypothesisTarget(h.Id, h.OrganisationName, h.Statement))]);
    }

    /// <summary>Adds a copy of the entry to the hypothesis, named in the reader's language; the id returned is the hypothesis's.</summary>
    public async Task<SaveResult> CopyAsync(Guid labId, CopyEntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var hypothesisId = input.HypothesisId ?? Guid.Empty;
        Guid? organisationId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            organisationId = await db.ImpactHypotheses.Where(h => h.Id == hypothesisId && h.LabId == labId).Select(h => (Guid?)h.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        }
        if (input.HypothesisId is not null && organisationId is null)
        {
            return SaveResult.NotFound;
        }
        return (await writes.In(labId, (role, represents) => organisationId is { } organisation && role.MayDefineImpactOf(organisation, represents))
            .Validating(input, validator)
            .ChangeAsync<ImpactHypothesis>(hypothesisId, null, async (hypothesis, write) =>
            {
                Indicator indicator;
                if (LabCatalogueEntry.IdOf(input.EntryKey) is { } entryId)
                {
                    // The lab's own entry: another lab's answers "not found".
                    var own = await write.Db.LabCatalogueEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.LabId == labId, write.CancellationToken) ?? throw LabWrite.NotFound();
                    indicator = hypothesis.AddFromLabCatalogue(own, input.BaselineValue ?? 0, DayText.Parse(input.BaselineDate) ?? default, input.TargetValue, DayText.Parse(input.TargetDate));
                }
                else
                {
                    var entry = IndicatorCatalogue.Find(input.EntryKey) ?? throw new DomainException("Impact.EntryUnknown", "No such catalogue entry.");
                    indicator = hypothesis.AddFromCatalogue(entry, ProductLocalization.CurrentLanguage, input.BaselineValue ?? 0, DayText.Parse(input.BaselineDate) ?? default,
                        input.TargetValue, DayText.Parse(input.TargetDate));
                }
                write.Db.Add(indicator);
                return $"{AuditText.Key("Impact.CopiedFromCatalogue")} {indicator.Name}";
            }, cancellationToken))
            .Beside(localizer,
                ("Impact.IndicatorNameTaken", nameof(CopyEntryInput.HypothesisId)),
                ("Impact.HypothesisConcluded", nameof(CopyEntryInput.HypothesisId)),
                ("Impact.ValueOutOfUnit", nameof(CopyEntryInput.BaselineValue)),
                ("Impact.TargetBeforeBaseline", nameof(CopyEntryInput.TargetDate)));
    }
}
