using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Impact.Sources;

public sealed record ChoiceOption(string Key, string Text);

public sealed record QuestionOption(Guid Id, int Number, string Text, QuestionType Type, IReadOnlyList<ChoiceOption> Choices);

/// <summary>One of the lab's questionnaires as a source can use it: its questions that give a figure.</summary>
public sealed record QuestionnaireOption(Guid Id, string Title, bool IsDraft, IReadOnlyList<QuestionOption> Questions);

/// <summary>Where one indicator's figures come from, in words, and the measurement proposed now, if any.</summary>
public sealed record IndicatorSourceView(
    Guid IndicatorId, IndicatorSource Source, bool FromCatalogue,
    Guid? QuestionnaireId, string? QuestionnaireTitle, string? QuestionText, AnswerComputation? Computation, string? ChoiceText,
    PlatformFigure? Figure, Cycle? FigureCycle, ParticipationLevel? FigureLevel,
    ProposedMeasurement? Proposal);

/// <summary>The sources of a hypothesis's indicators, their proposals, and what this person may do with them.</summary>
public sealed record HypothesisSourcing(bool MayConfirm, bool MayChangeSource, bool MayCollect, IReadOnlyList<QuestionnaireOption> Questionnaires, IReadOnlyDictionary<Guid, IndicatorSourceView> Indicators)
{
    public IReadOnlyList<QuestionnaireOption> Drafts => [.. Questionnaires.Where(q => q.IsDraft)];
}

/// <summary>
/// Sources an indicator (a question of the lab's questionnaires, a platform figure, or by hand), collects it by
/// questionnaire, and turns the proposals computed from answers into measurements once a person confirms them.
/// Every change goes through <see cref="LabWrites"/>.
/// </summary>
public sealed class IndicatorSourceService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IStringLocalizer<SharedResource> localizer,
    IValidator<CollectInput> collectValidator,
    IValidator<QuestionSourceInput> questionValidator,
    IValidator<FigureSourceInput> figureValidator)
{
    public async Task<HypothesisSourcing?> GetSourcingAsync(Guid labId, Guid hypothesisId, CancellationToken cancellationToken = default)
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
        var proposals = await ProposalQueries.ProposalsAsync(db, labId, hypothesis.Indicators, DateTimeOffset.UtcNow, cancellationToken);
        var language = ProductLocalization.CurrentLanguage;
        var questionnaires = (await db.Questionnaires.AsNoTracking().Where(q => q.LabId == labId).OrderByDescending(q => q.CreatedAt).ToListAsync(cancellationToken))
            .Select(q => new QuestionnaireOption(q.Id, q.TitleIn(language), q.CurrentVersionId is null,
                [.. q.Draft.Questions.Where(x => IndicatorSourcing.ComputationsFor(x.Type).Count > 0)
                    .Select(x => new QuestionOption(x.Id, q.Draft.NumberOf(x.Id), x.Text.In(language), x.Type, ChoicesOf(x, language)))]))
            .ToList();
        var byId = questionnaires.ToDictionary(q => q.Id);
        var mayDefine = place.Role.MayDefineImpactOf(hypothesis.OrganisationId, place.Represents);
        return new HypothesisSourcing(place.Role.Allows(LabRight.MeasureImpact), mayDefine, mayDefine && place.Role.Allows(LabRight.RunQuestionnaires), questionnaires,
            hypothesis.Indicators.ToDictionary(i => i.Id, i =>
            {
                var questionnaire = i.QuestionnaireId is { } id ? byId.GetValueOrDefault(id) : null;
                var question = questionnaire?.Questions.FirstOrDefault(x => x.Id == i.QuestionId);
                return new IndicatorSourceView(i.Id, i.Source, i.CatalogueKey is not null, i.QuestionnaireId, questionnaire?.Title,
                    question is null ? null : $"Q{question.Number}. {question.Text}", i.Computation,
                    i.Choice is { } choice ? question?.Choices.FirstOrDefault(c => c.Key == choice)?.Text ?? choice : null,
                    i.Figure, i.FigureCycle, i.FigureLevel, proposals.GetValueOrDefault(i.Id));
            }));
    }

    /// <summary>
    /// Adds the indicator's ready question to a draft of this lab (or to a new questionnaire) and links them. A
    /// questionnaire of another lab is "not found"; a published one is refused beside the questionnaire field.
    /// </summary>
    public async Task<SaveResult> CollectAsync(Guid labId, Guid hypothesisId, Guid indicatorId, CollectInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await OrganisationOfAsync(labId, hypothesisId, cancellationToken) is not { } organisationId)
        {
            return SaveResult.NotFound;
        }
        return (await writes.In(labId, (role, represents) => role.MayDefineImpactOf(organisationId, represents) && role.Allows(LabRight.RunQuestionnaires))
            .Validating(input, collectValidator)
            .ChangeAsync<ImpactHypothesis>(hypothesisId, null, async (hypothesis, write) =>
            {
                Questionnaire questionnaire;
                if (input.QuestionnaireId is { } questionnaireId)
                {
                    questionnaire = await write.Db.Questionnaires.SingleOrDefaultAsync(q => q.Id == questionnaireId && q.LabId == labId, write.CancellationToken)
                        ?? throw LabWrite.NotFound();
                }
                else
                {
                    var content = new QuestionnaireContent();
                    var title = input.NewTitle!.Trim();
                    // French is required to publish: a title typed in another language stands in for it until translated.
                    content.Title.Set(ProductLocalization.French, title);
                    if (LocalizedText.Languages.Contains(ProductLocalization.CurrentLanguage))
                    {
                        content.Title.Set(ProductLocalization.CurrentLanguage, title);
                    }
                    questionnaire = new Questionnaire(labId, content, write.Actor.UserId, write.Now);
                    write.Db.Questionnaires.Add(questionnaire);
                    write.AlsoAudit(AuditAction.Created, AuditSubject.Questionnaire, questionnaire.Id, title);
                }
                // An indicator copied from the lab's own catalogue asks that entry's question (while the entry exists).
                ReadyQuestion? ready = null;
                if (LabCatalogueEntry.IdOf(hypothesis.IndicatorOf(indicatorId).CatalogueKey) is { } entryId
                    && await write.Db.LabCatalogueEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.LabId == labId, write.CancellationToken) is { } entry)
                {
                    ready = entry.ReadyQuestion(ProductLocalization.CurrentLanguage);
                }
                var question = hypothesis.CollectByQuestionnaire(indicatorId, questionnaire, write.Now, ready);
                var indicator = hypothesis.IndicatorOf(indicatorId);
                if (input.QuestionnaireId is not null)
                {
                    write.AlsoAudit(AuditAction.Changed, AuditSubject.Questionnaire, questionnaire.Id, $"{AuditText.Key("Impact.QuestionAdded")} {question.Text.In(ProductLocalization.French)}");
                }
                return $"{AuditText.Key("Impact.CollectedBy")} {indicator.Name} → {questionnaire.TitleIn(ProductLocalization.French)}";
            }, cancellationToken))
            .Beside(localizer, ("Impact.QuestionnairePublished", nameof(CollectInput.QuestionnaireId)), ("Impact.QuestionnaireOfAnotherLab", nameof(CollectInput.QuestionnaireId)));
    }

    public async Task<SaveResult> SourceFromQuestionAsync(Guid labId, Guid hypothesisId, Guid indicatorId, QuestionSourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await ChangeAsync(labId, hypothesisId, scope => scope.Validating(input, questionValidator), async (hypothesis, write) =>
        {
            var questionnaire = await write.Db.Questionnaires.SingleOrDefaultAsync(q => q.Id == input.QuestionnaireId && q.LabId == labId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            hypothesis.SourceFromQuestion(indicatorId, questionnaire, input.QuestionId!.Value, input.Computation!.Value, input.Choice);
            return $"{AuditText.Key("Impact.SourcedFromQuestion")} {hypothesis.IndicatorOf(indicatorId).Name} → {questionnaire.TitleIn(ProductLocalization.French)}";
        }, cancellationToken)).Beside(localizer,
            ("Impact.QuestionNotFound", nameof(QuestionSourceInput.QuestionId)),
            ("Impact.QuestionNotMeasurable", nameof(QuestionSourceInput.QuestionId)),
            ("Impact.ComputationDoesNotFitQuestion", nameof(QuestionSourceInput.Computation)),
            ("Impact.UnitDoesNotFitSource", nameof(QuestionSourceInput.Computation)),
            ("Impact.ChoiceRequired", nameof(QuestionSourceInput.Choice)));
    }

    public async Task<SaveResult> SourceFromFigureAsync(Guid labId, Guid hypothesisId, Guid indicatorId, FigureSourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await ChangeAsync(labId, hypothesisId, scope => scope.Validating(input, figureValidator), (hypothesis, _) =>
        {
            hypothesis.SourceFromFigure(indicatorId, input.Figure, input.Cycle, input.Level);
            return ValueTask.FromResult($"{AuditText.Key("Impact.SourcedFromFigure")} {hypothesis.IndicatorOf(indicatorId).Name}");
        }, cancellationToken)).Beside(localizer, ("Impact.UnitDoesNotFitSource", nameof(FigureSourceInput.Figure)), ("Impact.FigureNeedsLevel", nameof(FigureSourceInput.Level)));
    }

    public Task<SaveResult> SourceByHandAsync(Guid labId, Guid hypothesisId, Guid indicatorId, CancellationToken cancellationToken = default) =>
        ChangeAsync(labId, hypothesisId, scope => scope, (hypothesis, _) =>
        {
            hypothesis.SourceByHand(indicatorId);
            return ValueTask.FromResult($"{AuditText.Key("Impact.SourcedByHand")} {hypothesis.IndicatorOf(indicatorId).Name}");
        }, cancellationToken);

    /// <summary>
    /// Confirms the proposal the person saw: it is computed again inside the write, and if newer answers changed
    /// it the person is asked to look again. It becomes a measurement dated today, recorded by whoever confirms.
    /// </summary>
    public Task<SaveResult> ConfirmAsync(Guid labId, Guid hypothesisId, Guid indicatorId, ProposalSeen seen, CancellationToken cancellationToken = default) =>
        SettleAsync(labId, hypothesisId, indicatorId, seen, (hypothesis, proposal, write) =>
        {
            var indicator = hypothesis.IndicatorOf(indicatorId);
            var note = indicator.Source == IndicatorSource.Questionnaire
                ? localizer["Impact.ProposalNote", proposal.Respondents].Value
                : localizer["Impact.FigureNote"].Value;
            var measurement = hypothesis.ConfirmProposal(proposal, DateOnly.FromDateTime(Formats.BrusselsDay(write.Now)), note, write.Actor.UserId, write.Now);
            write.Db.Measurements.Add(measurement);
            return $"{AuditText.Key("Impact.ProposalConfirmed")} {indicator.Name} : {measurement.Value} ({DayText.Of(measurement.MeasuredOn)})";
        }, cancellationToken);

    public Task<SaveResult> DismissAsync(Guid labId, Guid hypothesisId, Guid indicatorId, ProposalSeen seen, CancellationToken cancellationToken = default) =>
        SettleAsync(labId, hypothesisId, indicatorId, seen, (hypothesis, proposal, _) =>
        {
            hypothesis.DismissProposal(proposal);
            return $"{AuditText.Key("Impact.ProposalDismissed")} {hypothesis.IndicatorOf(indicatorId).Name} : {proposal.Value}";
        }, cancellationToken);

    private Task<SaveResult> SettleAsync(Guid labId, Guid hypothesisId, Guid indicatorId, ProposalSeen seen, Func<ImpactHypothesis, ProposedMeasurement, LabWrite, string> settle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return writes.In(labId, LabRight.MeasureImpact).ChangeAsync<ImpactHypothesis>(hypothesisId, null, async (hypothesis, write) =>
        {
            var indicator = hypothesis.IndicatorOf(indicatorId);
            var proposals = await ProposalQueries.ProposalsAsync(write.Db, labId, [indicator], write.Now, write.CancellationToken);
            var proposal = proposals.GetValueOrDefault(indicatorId) ?? throw new DomainException("Impact.NothingProposed", "Nothing is proposed for this indicator now.");
            // A platform figure is "now" at every reading: only its value tells whether it moved.
            if (proposal.Value != seen.Value || (indicator.Source == IndicatorSource.Questionnaire && proposal.Through != seen.Through))
            {
                throw new DomainException("Impact.ProposalChanged", "New answers changed the proposal.");
            }
            return settle(hypothesis, proposal, write);
        }, cancellationToken);
    }

    private async Task<SaveResult> ChangeAsync(Guid labId, Guid hypothesisId, Func<LabWrites.LabWriteScope, LabWrites.LabWriteScope> prepare, Func<ImpactHypothesis, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken)
    {
        if (await OrganisationOfAsync(labId, hypothesisId, cancellationToken) is not { } organisationId)
        {
            return SaveResult.NotFound;
        }
        return await prepare(writes.In(labId, (role, represents) => role.MayDefineImpactOf(organisationId, represents))).ChangeAsync(hypothesisId, null, change, cancellationToken);
    }

    private async Task<Guid?> OrganisationOfAsync(Guid labId, Guid hypothesisId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ImpactHypotheses.Where(h => h.Id == hypothesisId && h.LabId == labId).Select(h => (Guid?)h.OrganisationId).SingleOrDefaultAsync(cancellationToken);
    }

    private List<ChoiceOption> ChoicesOf(QuestionDefinition question, string language) => question.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice =>
            [.. question.Options.Select(o => new ChoiceOption(o.Key, o.Text.In(language))), .. question.AllowOther ? [new ChoiceOption(QuestionDefinition.OtherChoice, localizer["Impact.Choice.Other"])] : Array.Empty<ChoiceOption>()],
        QuestionType.YesNo => [new(QuestionDefinition.Yes, localizer["Impact.Choice.Yes"]), new(QuestionDefinition.No, localizer["Impact.Choice.No"])],
        QuestionType.ResourceKind => [.. Enum.GetValues<ResourceKind>().Select(k => new ChoiceOption(k.ToString(), localizer.Enum(k)))],
        _ => [],
    };
}
