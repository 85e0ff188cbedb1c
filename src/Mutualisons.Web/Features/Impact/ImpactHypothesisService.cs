using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Impact;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact;

/// <summary>The impact chain of one hypothesis: its indicators, their measurements, qualitative evidence and the conclusion.</summary>
public sealed class ImpactHypothesisService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IStringLocalizer<SharedResource> localizer,
    IValidator<HypothesisInput> hypothesisValidator,
    IValidator<IndicatorInput> indicatorValidator,
    IValidator<MeasurementInput> measurementValidator,
    IValidator<EvidenceInput> evidenceValidator,
    IValidator<ConclusionInput> conclusionValidator,
    IValidator<ReopenInput> reopenValidator)
{
    public async Task<HypothesisView?> GetHypothesisAsync(Guid labId, Guid hypothesisId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        var hypothesis = await db.ImpactHypotheses.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hypothesisId && h.LabId == labId, cancellationToken);
        if (hypothesis is null)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var organisationName = await db.Organisations.Where(o => o.Id == hypothesis.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var indicatorIds = hypothesis.Indicators.Select(i => i.Id).ToList();
        var measurements = (await db.Measurements.Where(m => indicatorIds.Contains(m.IndicatorId))
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt)
            .GroupJoin(db.Users, m => m.RecordedBy, u => u.Id, (m, u) => new { m, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.m.IndicatorId, Line = new MeasurementLine(x.m.Id, x.m.MeasuredOn, x.m.Value, x.m.Note, u == null ? null : u.DisplayName) })
            .ToListAsync(cancellationToken)).ToLookup(x => x.IndicatorId, x => x.Line);
        var names = hypothesis.Indicators.ToDictionary(i => i.Id, i => i.Name);
        var evidence = (await db.Evidence.Where(e => e.HypothesisId == hypothesisId)
            .OrderByDescending(e => e.ObservedOn).ThenByDescending(e => e.RecordedAt)
            .GroupJoin(db.Users, e => e.RecordedBy, u => u.Id, (e, u) => new { e, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.e, By = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken))
            .Select(x => new EvidenceLine(x.e.Id, x.e.IndicatorId, x.e.IndicatorId is { } id ? names.GetValueOrDefault(id) : null, x.e.Kind, x.e.Text, x.e.Source, x.e.ObservedOn, x.By))
            .ToList();
        var reopenings = await db.HypothesisReopenings.Where(r => r.HypothesisId == hypothesisId).OrderByDescending(r => r.At)
            .GroupJoin(db.Users, r => r.By, u => u.Id, (r, u) => new { r, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new ReopeningLine(x.r.At, u == null ? null : u.DisplayName, x.r.Reason))
            .ToListAsync(cancellationToken);
        return new HypothesisView(labName, hypothesis.Id, hypothesis.OrganisationId, organisationName, place.Role.MayDefineImpactOf(hypothesis.OrganisationId, place.Represents), hypothesis.Version,
            hypothesis.Statement, hypothesis.Stakeholders, hypothesis.Sign, hypothesis.Nature, hypothesis.Status,
            hypothesis.ImpactsMeasured, hypothesis.ImpactsNotSought, hypothesis.NextSteps, hypothesis.ConcludedAt, hypothesis.ConcludedUnmeasured,
            [.. hypothesis.Indicators.OrderBy(i => i.Name, StringComparer.CurrentCulture).Select(i => new IndicatorView(i.Id, i.Name, i.Unit, i.Direction, i.BaselineValue, i.BaselineDate, i.TargetValue, i.TargetDate, i.Source, [.. measurements[i.Id]]))],
            evidence, reopenings);
    }

    public Task<SaveResult> CreateHypothesisAsync(Guid labId, HypothesisInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organisationId = input.OrganisationId ?? Guid.Empty;
        return writes.In(labId, (role, represents) => role.MayDefineImpactOf(organisationId, represents)).Validating(input, hypothesisValidator).CreateAsync<ImpactHypothesis>(async write =>
        {
            if (!await write.Db.Mutualisations.AnyAsync(m => m.Id == labId && m.Memberships.Any(ms => ms.OrganisationId == organisationId), write.CancellationToken))
            {
                throw LabWrite.NotFound();
            }
            var hypothesis = new ImpactHypothesis(labId, organisationId, input.Statement, input.Stakeholders, input.Sign, input.Nature, write.Now);
            return (hypothesis, hypothesis.Statement);
        }, cancellationToken);
    }

    public async Task<SaveResult> ReviseHypothesisAsync(Guid labId, Guid hypothesisId, HypothesisInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await ChangeAsync(labId, hypothesisId, version, hypothesisValidator, input, (hypothesis, _) =>
        {
            hypothesis.Revise(input.Statement, input.Stakeholders, input.Sign, input.Nature);
            return hypothesis.Statement;
        }, cancellationToken);
    }

    public async Task<SaveResult> DeleteHypothesisAsync(Guid labId, Guid hypothesisId, uint version, CancellationToken cancellationToken = default)
    {
        if (await OrganisationOfAsync(labId, hypothesisId, cancellationToken) is not { } organisationId)
        {
            return SaveResult.NotFound;
        }
        return await writes.In(labId, (role, represents) => role.MayDefineImpactOf(organisationId, represents))
            .DeleteAsync<ImpactHypothesis>(hypothesisId, version, (hypothesis, _) => hypothesis.Statement, cancellationToken);
    }

    public async Task<SaveResult> AddIndicatorAsync(Guid labId, Guid hypothesisId, IndicatorInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await ChangeAsync(labId, hypothesisId, version, indicatorValidator, input, (hypothesis, write) =>
        {
            var indicator = hypothesis.AddIndicator(input.ToDefinition());
            write.Db.Add(indicator);
            return $"{AuditText.Key("Impact.Indicator")} {indicator.Name}";
        }, cancellationToken)).Beside(localizer, IndicatorFields);
    }

    public async Task<SaveResult> ReviseIndicatorAsync(Guid labId, Guid hypothesisId, Guid indicatorId, IndicatorInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await ChangeAsync(labId, hypothesisId, version, indicatorValidator, input, (hypothesis, _) =>
        {
            hypothesis.ReviseIndicator(indicatorId, input.ToDefinition());
            return $"{AuditText.Key("Impact.Indicator")} {input.Name}";
        }, cancellationToken)).Beside(localizer, IndicatorFields);
    }

    public Task<SaveResult> RemoveIndicatorAsync(Guid labId, Guid hypothesisId, Guid indicatorId, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync<object?>(labId, hypothesisId, version, null, null, (hypothesis, write) =>
        {
            var indicator = hypothesis.IndicatorOf(indicatorId);
            hypothesis.RemoveIndicator(indicatorId);
            write.Db.Remove(indicator);
            return $"{AuditText.Key("Impact.IndicatorRemoved")} {indicator.Name}";
        }, cancellationToken);

    public async Task<SaveResult> RecordMeasurementAsync(Guid labId, Guid hypothesisId, MeasurementInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await ChangeAsync(labId, hypothesisId, version, measurementValidator, input, (hypothesis, write) =>
        {
            var measurement = hypothesis.RecordMeasurement(input.IndicatorId, DayText.Parse(input.Date) ?? default, input.Value ?? 0, input.Note, write.Actor.UserId, write.Now);
            write.Db.Measurements.Add(measurement);
            return $"{hypothesis.IndicatorOf(input.IndicatorId).Name} : {measurement.Value} ({DayText.Of(measurement.MeasuredOn)})";
        }, cancellationToken)).Beside(localizer, ("Impact.ValueOutOfUnit", nameof(MeasurementInput.Value)), ("Impact.MeasurementBeforeBaseline", nameof(MeasurementInput.Date)));
    }

    /// <summary>Corrects a measurement's day, value or note; who recorded it stays.</summary>
    public async Task<SaveResult> ReviseMeasurementAsync(Guid labId, Guid hypothesisId, Guid measurementId, MeasurementInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await ChangeAsync(labId, hypothesisId, version, measurementValidator, input, async (hypothesis, write) =>
        {
            var measurement = await write.Db.Measurements.SingleOrDefaultAsync(m => m.Id == measurementId, write.CancellationToken) ?? throw LabWrite.NotFound();
            if (hypothesis.Indicators.All(i => i.Id != measurement.IndicatorId))
            {
                throw LabWrite.NotFound();
            }
            var before = $"{measurement.Value} ({DayText.Of(measurement.MeasuredOn)})";
            var earliestOther = await write.Db.Measurements.Where(m => m.IndicatorId == measurement.IndicatorId && m.Id != measurementId)
                .MinAsync(m => (DateOnly?)m.MeasuredOn, write.CancellationToken);
            hypothesis.ReviseMeasurement(measurement, DayText.Parse(input.Date) ?? default, input.Value ?? 0, input.Note, earliestOther);
            return $"{AuditText.Key("Impact.MeasurementRevised")} {hypothesis.IndicatorOf(measurement.IndicatorId).Name} : {before} → {measurement.Value} ({DayText.Of(measurement.MeasuredOn)})";
        }, cancellationToken)).Beside(localizer, ("Impact.ValueOutOfUnit", nameof(MeasurementInput.Value)), ("Impact.MeasurementBeforeBaseline", nameof(MeasurementInput.Date)));
    }

    public Task<SaveResult> ForgetMeasurementAsync(Guid labId, Guid hypothesisId, Guid measurementId, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync<object?>(labId, hypothesisId, version, null, null, async (hypothesis, write) =>
        {
            var measurement = await write.Db.Measurements.SingleOrDefaultAsync(m => m.Id == measurementId, write.CancellationToken) ?? throw LabWrite.NotFound();
            if (hypothesis.Indicators.All(i => i.Id != measurement.IndicatorId))
            {
                throw LabWrite.NotFound();
            }
            hypothesis.ForgetMeasurement(measurement);
            write.Db.Measurements.Remove(measurement);
            return $"{AuditText.Key("Impact.MeasurementRemoved")} {hypothesis.IndicatorOf(measurement.IndicatorId).Name} : {measurement.Value} ({DayText.Of(measurement.MeasuredOn)})";
        }, cancellationToken);

    public Task<SaveResult> AddEvidenceAsync(Guid labId, Guid hypothesisId, EvidenceInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(labId, hypothesisId, version, evidenceValidator, input, (hypothesis, write) =>
        {
            var evidence = hypothesis.AddEvidence(input.IndicatorId, input.Kind, input.Text, input.Source, DayText.Parse(input.Date) ?? default, write.Actor.UserId, write.Now);
            write.Db.Evidence.Add(evidence);
            return $"{AuditText.Of(evidence.Kind)} : {evidence.Text}";
        }, cancellationToken);
    }

    /// <summary>Removes a quote or an observation; the page asks first.</summary>
    public Task<SaveResult> RemoveEvidenceAsync(Guid labId, Guid hypothesisId, Guid evidenceId, uint version, CancellationToken cancellationToken = default) =>
        ChangeAsync<object?>(labId, hypothesisId, version, null, null, async (hypothesis, write) =>
        {
            var evidence = await write.Db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.HypothesisId == hypothesisId, write.CancellationToken) ?? throw LabWrite.NotFound();
            hypothesis.RemoveEvidence(evidence);
            write.Db.Evidence.Remove(evidence);
            return $"{AuditText.Key("Impact.EvidenceRemoved")} {AuditText.Of(evidence.Kind)} : {evidence.Text}";
        }, cancellationToken);

    public Task<SaveResult> ConcludeAsync(Guid labId, Guid hypothesisId, ConclusionInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(labId, hypothesisId, version, conclusionValidator, input, (hypothesis, write) =>
        {
            hypothesis.Conclude(input.ImpactsMeasured, input.ImpactsNotSought, input.NextSteps, write.Actor.UserId, write.Now);
            return $"{AuditText.Key("Impact.Concluded")} {hypothesis.Statement}";
        }, cancellationToken);
    }

    public Task<SaveResult> ReopenAsync(Guid labId, Guid hypothesisId, ReopenInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(labId, hypothesisId, version, reopenValidator, input, (hypothesis, write) =>
        {
            hypothesis.Reopen(input.Reason, write.Actor.UserId, write.Now);
            return $"{AuditText.Key("Impact.Reopened")} {hypothesis.Statement} ({input.Reason})";
        }, cancellationToken);
    }

    private static readonly (string Rule, string Field)[] IndicatorFields =
    [
        ("Impact.IndicatorNameTaken", nameof(IndicatorInput.Name)),
        ("Impact.ValueOutOfUnit", nameof(IndicatorInput.BaselineValue)),
        ("Impact.MeasurementBeforeBaseline", nameof(IndicatorInput.BaselineDate)),
        ("Impact.UnitLocked", nameof(IndicatorInput.Unit)),
        ("Impact.TargetBeforeBaseline", nameof(IndicatorInput.TargetDate)),
    ];

    /// <summary>The organisation a hypothesis of this lab belongs to (it never changes), to decide who may write it.</summary>
    private async Task<Guid?> OrganisationOfAsync(Guid labId, Guid hypothesisId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ImpactHypotheses.Where(h => h.Id == hypothesisId && h.LabId == labId).Select(h => (Guid?)h.OrganisationId).SingleOrDefaultAsync(cancellationToken);
    }

    private Task<SaveResult> ChangeAsync<TInput>(Guid labId, Guid hypothesisId, uint version, IValidator<TInput>? validator, TInput input, Func<ImpactHypothesis, LabWrite, string> change, CancellationToken cancellationToken) =>
        ChangeAsync(labId, hypothesisId, version, validator, input, (hypothesis, write) => ValueTask.FromResult(change(hypothesis, write)), cancellationToken);

    private async Task<SaveResult> ChangeAsync<TInput>(Guid labId, Guid hypothesisId, uint version, IValidator<TInput>? validator, TInput input, Func<ImpactHypothesis, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken)
    {
        if (await OrganisationOfAsync(labId, hypothesisId, cancellationToken) is not { } organisationId)
        {
            return SaveResult.NotFound;
        }
        var scope = writes.In(labId, (role, represents) => role.MayDefineImpactOf(organisationId, represents));
        if (validator is not null)
        {
            scope = scope.Validating(input, validator);
        }
        return await scope.ChangeAsync(hypothesisId, version, change, cancellationToken);
    }
}
