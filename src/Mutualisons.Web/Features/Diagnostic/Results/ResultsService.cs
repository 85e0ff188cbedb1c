using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Results;

/// <summary>
/// Reading a questionnaire's answers: counts, percentages and averages computed by PostgreSQL (responses are
/// never all loaded), free texts by page, one response at a time, and exports streamed row by row.
/// Answers name organisations, so only people with the right to run questionnaires read them.
/// </summary>
public sealed class ResultsService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor, IStringLocalizer<SharedResource> l)
{
    public const int TextPageSize = 20;
    public const int ResponsePageSize = 50;

    public async Task<QuestionnaireResults?> GetAsync(Guid labId, Guid id, ResultsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await AllowedAsync(db, labId, id, cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }
        var language = ProductLocalization.CurrentLanguage;
        // Submitted and unfinished responses of every version in one pass over the questionnaire's responses.
        var perVersion = await db.QuestionnaireResponses.Where(r => r.QuestionnaireId == id).GroupBy(r => r.VersionId)
            .Select(g => new { VersionId = g.Key, Submitted = g.Count(r => r.SubmittedAt != null), InProgress = g.Count(r => r.SubmittedAt == null) })
            .ToDictionaryAsync(g => g.VersionId, cancellationToken);
        var versions = (await db.QuestionnaireVersions.Where(v => v.QuestionnaireId == id).OrderByDescending(v => v.Number)
                .Select(v => new { v.Id, v.Number }).ToListAsync(cancellationToken))
            .Select(v => new VersionChoice(v.Id, v.Number, perVersion.GetValueOrDefault(v.Id)?.Submitted ?? 0))
            .ToList();
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        // The response rate of personal links, counted as the sending page counts it.
        var rate = await db.QuestionnaireInvitations.Where(i => i.QuestionnaireId == id).GroupBy(_ => 1)
            .Select(g => new { Invited = g.Count(i => i.RevokedAt == null), Submitted = g.Count(i => i.SubmittedAt != null) })
            .SingleOrDefaultAsync(cancellationToken);
        var (invited, invitedSubmitted) = (rate?.Invited ?? 0, rate?.Submitted ?? 0);
        var sectors = await db.QuestionnaireResponses.Where(r => r.QuestionnaireId == id && r.OrganisationId != null)
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => o.Sector)
            .Where(s => s != "").Distinct().OrderBy(s => s).ToListAsync(cancellationToken);

        // By default the latest version that has answers, else the latest.
        var versionId = filter.VersionId is { } wanted && versions.Any(v => v.Id == wanted) ? wanted
            : (versions.FirstOrDefault(v => v.Submitted > 0) ?? versions.FirstOrDefault())?.Id;
        if (versionId is null)
        {
            return new QuestionnaireResults(labId, labName, id, questionnaire.TitleIn(language), versions, null, 0, 0, [], sectors, true, invited, invitedSubmitted);
        }
        var content = await db.QuestionnaireVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Content).SingleAsync(cancellationToken);
        var unfiltered = filter.Kind is null && string.IsNullOrWhiteSpace(filter.Sector);
        var responses = Filtered(db, id, versionId.Value, filter);
        var submitted = unfiltered ? perVersion.GetValueOrDefault(versionId.Value)?.Submitted ?? 0 : await responses.CountAsync(cancellationToken);
        var inProgress = perVersion.GetValueOrDefault(versionId.Value)?.InProgress ?? 0;
        // Unfiltered, the running totals; by kind or sector, one pass over the matching responses' answers.
        var groups = unfiltered
            ? await ResultTallies.ReadAsync(db, versionId.Value, cancellationToken)
            : await db.ResponseAnswers.Join(responses, a => a.ResponseId, r => r.Id, (a, r) => a)
                .GroupBy(a => new { a.QuestionId, a.Choice })
                .Select(g => new AnswerTotals(g.Key.QuestionId, g.Key.Choice, g.Count(), g.Count(a => a.Position == 0), g.Count(a => a.Text != null),
                    g.Average(a => a.Number), g.Min(a => a.Number), g.Max(a => a.Number)))
                .ToListAsync(cancellationToken);
        var answered = groups.GroupBy(g => g.QuestionId).ToDictionary(g => g.Key, g => g.Sum(x => x.Respondents));
        var texts = groups.GroupBy(g => g.QuestionId).ToDictionary(g => g.Key, g => g.Sum(x => x.Texts));
        var choices = groups.Where(g => g.Choice != null).Select(g => new { g.QuestionId, g.Choice, Count = g.Answers, Rank = (double?)g.Mean }).ToList();
        var numbers = groups.Where(g => g.Choice == null && g.Min != null)
            .ToDictionary(g => g.QuestionId, g => new { Min = g.Min!.Value, Max = g.Max!.Value, Mean = g.Mean!.Value });

        var results = new List<QuestionResult>();
        foreach (var question in content.Questions)
        {
            var count = answered.GetValueOrDefault(question.Id);
            var mine = choices.Where(c => c.QuestionId == question.Id).ToDictionary(c => c.Choice!);
            IReadOnlyList<ChoiceCount> counts = [.. ChoicesOf(question, language).Select(c =>
            {
                var n = mine.GetValueOrDefault(c.Choice)?.Count ?? 0;
                return new ChoiceCount(c.Choice, c.Label, n, count == 0 ? 0 : 100.0 * n / count);
            })];
            IReadOnlyList<RankAverage> ranks = question.Type == QuestionType.Ranking
                ? [.. question.Options.Select(o => new RankAverage(o.Key, o.Text.In(language), mine.GetValueOrDefault(o.Key)?.Rank ?? 0, mine.GetValueOrDefault(o.Key)?.Count ?? 0)).OrderBy(r => r.Count == 0).ThenBy(r => r.Average)]
                : [];
            double? scaleMean = question.Type == QuestionType.Scale && counts.Sum(c => c.Count) is var total and > 0
                ? counts.Sum(c => int.Parse(c.Choice, System.Globalization.CultureInfo.InvariantCulture) * c.Count) / (double)total
                : null;
            var summary = numbers.TryGetValue(question.Id, out var n) ? new NumberSummary(n.Min, n.Max, Math.Round(n.Mean, 2)) : null;
            results.Add(new QuestionResult(question, content.NumberOf(question.Id), count, question.Type == QuestionType.Ranking ? [] : counts, ranks, summary, scaleMean, texts.GetValueOrDefault(question.Id)));
        }
        return new QuestionnaireResults(labId, labName, id, questionnaire.TitleIn(language), versions, versionId, submitted, inProgress, results, sectors, true, invited, invitedSubmitted);
    }

    /// <summary>Free-text answers to one question (and "other" texts), newest first, with an optional search.</summary>
    public async Task<TextAnswers?> GetTextsAsync(Guid labId, Guid id, Guid versionId, Guid questionId, ResultsFilter filter, string? search, int page = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AllowedAsync(db, labId, id, cancellationToken) is null)
        {
            return null;
        }
        var responses = Filtered(db, id, versionId, filter);
        var query = db.ResponseAnswers.Where(a => a.QuestionId == questionId && a.Text != null)
            .Join(responses, a => a.ResponseId, r => r.Id, (a, r) => new { a.Text, r.Id, r.SubmittedAt, r.OrganisationId });
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{EscapeLike(search.Trim())}%";
            query = query.Where(x => EF.Functions.ILike(x.Text!, pattern, "\\"));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(x => x.SubmittedAt).ThenBy(x => x.Id)
            .Skip(Math.Max(page, 0) * TextPageSize).Take(TextPageSize)
            .Select(x => new TextAnswer(x.Id, db.Organisations.Where(o => o.Id == x.OrganisationId).Select(o => o.Name).FirstOrDefault(), x.Text!))
            .ToListAsync(cancellationToken);
        return new TextAnswers(items, total);
    }

    public async Task<ResponseList?> ListResponsesAsync(Guid labId, Guid id, int page = 0, bool submittedOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AllowedAsync(db, labId, id, cancellationToken) is null)
        {
            return null;
        }
        var query = db.QuestionnaireResponses.AsNoTracking().Where(r => r.QuestionnaireId == id && (!submittedOnly || r.SubmittedAt != null));
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .GroupJoin(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new { r, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new { x.r, Name = o == null ? null : o.Name, Kind = o == null ? (Domain.Organisations.OrganisationKind?)null : o.Kind })
            .OrderByDescending(x => x.r.SubmittedAt != null).ThenBy(x => x.Name).ThenByDescending(x => x.r.StartedAt)
            .Skip(Math.Max(page, 0) * ResponsePageSize).Take(ResponsePageSize)
            .Select(x => new ResponseRow(x.r.Id, x.Name, x.Kind, x.r.StartedAt, x.r.SubmittedAt, db.QuestionnaireVersions.Where(v => v.Id == x.r.VersionId).Select(v => v.Number).First()))
            .ToListAsync(cancellationToken);
        return new ResponseList(items, total);
    }

    public async Task<ResponseDetail?> GetResponseAsync(Guid labId, Guid id, Guid responseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await AllowedAsync(db, labId, id, cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }
        var response = await db.QuestionnaireResponses.AsNoTracking().Include(r => r.Answers)
            .SingleOrDefaultAsync(r => r.Id == responseId && r.QuestionnaireId == id, cancellationToken);
        if (response is null)
        {
            return null;
        }
        var version = await db.QuestionnaireVersions.AsNoTracking().SingleAsync(v => v.Id == response.VersionId, cancellationToken);
        var organisation = response.OrganisationId is { } orgId ? await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        return new ResponseDetail(labId, labName, id, questionnaire.TitleIn(ProductLocalization.CurrentLanguage), response.Id, organisation, version.Number,
            response.StartedAt, response.SubmittedAt, version.Content, response.Answers);
    }

    /// <summary>The layout of an export for a version, or null when the person may not read it.</summary>
    public async Task<(ResponseTable Table, string Title, Guid VersionId)?> ExportLayoutAsync(Guid labId, Guid id, Guid? versionId, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaire = await AllowedAsync(db, labId, id, cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }
        var version = await db.QuestionnaireVersions.AsNoTracking().Where(v => v.QuestionnaireId == id && (versionId == null || v.Id == versionId))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        return (new ResponseTable(version.Content, language, l), questionnaire.TitleIn(language), version.Id);
    }

    /// <summary>
    /// Submitted responses of a version, one at a time, read as one ordered stream of answer rows: memory stays
    /// the same whether there are ten responses or a hundred thousand.
    /// </summary>
    public async IAsyncEnumerable<ExportedResponse> StreamResponsesAsync(Guid versionId, ResultsFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questionnaireId = await db.QuestionnaireVersions.Where(v => v.Id == versionId).Select(v => v.QuestionnaireId).SingleAsync(cancellationToken);
        var rows = Filtered(db, questionnaireId, versionId, filter).AsNoTracking()
            .GroupJoin(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new { r, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new { x.r, o })
            .GroupJoin(db.ResponseAnswers, x => x.r.Id, a => a.ResponseId, (x, a) => new { x.r, x.o, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new
            {
                x.r.Id, x.r.SubmittedAt, x.r.Language,
                Organisation = x.o == null ? null : x.o.Name,
                Kind = x.o == null ? (Domain.Organisations.OrganisationKind?)null : x.o.Kind,
                Sector = x.o == null ? null : x.o.Sector,
                QuestionId = a == null ? (Guid?)null : a.QuestionId,
                Position = a == null ? 0 : a.Position,
                Choice = a == null ? null : a.Choice,
                Number = a == null ? null : a.Number,
                Text = a == null ? null : a.Text,
            })
            .OrderBy(x => x.SubmittedAt).ThenBy(x => x.Id).ThenBy(x => x.QuestionId).ThenBy(x => x.Position)
            .AsAsyncEnumerable();

        ExportedResponse? current = null;
        List<(Guid, string?, decimal?, string?)> answers = [];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (current is null || current.Id != row.Id)
            {
                if (current is not null)
                {
                    yield return current;
                }
                answers = [];
                current = new ExportedResponse(row.Id, row.SubmittedAt, row.Language, row.Organisation, row.Kind, row.Sector, answers);
            }
            if (row.QuestionId is { } questionId)
            {
                answers.Add((questionId, row.Choice, row.Number, row.Text));
            }
        }
        if (current is not null)
        {
            yield return current;
        }
    }

    private static IQueryable<Domain.Diagnostic.QuestionnaireResponse> Filtered(MutualisonsDbContext db, Guid id, Guid versionId, ResultsFilter filter)
    {
        var responses = db.QuestionnaireResponses.Where(r => r.QuestionnaireId == id && r.VersionId == versionId && r.SubmittedAt != null);
        if (filter.Kind is { } kind)
        {
            responses = responses.Where(r => db.Organisations.Any(o => o.Id == r.OrganisationId && o.Kind == kind));
        }
        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            responses = responses.Where(r => db.Organisations.Any(o => o.Id == r.OrganisationId && o.Sector == filter.Sector));
        }
        return responses;
    }

    private async Task<Questionnaire?> AllowedAsync(MutualisonsDbContext db, Guid labId, Guid id, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync();
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role || !role.Allows(LabRight.RunQuestionnaires))
        {
            return null;
        }
        return await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id && q.LabId == labId, cancellationToken);
    }

    /// <summary>The categories a question's answers fall into, in the order the respondent saw them.</summary>
    private IEnumerable<(string Choice, string Label)> ChoicesOf(QuestionDefinition question, string language) => question.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice =>
            [.. question.Options.Select(o => (o.Key, o.Text.In(language))), .. question.AllowOther ? new[] { (QuestionDefinition.OtherChoice, (string)l["Answer.Other"]) } : []],
        QuestionType.Scale => Enumerable.Range(QuestionDefinition.ScaleMin, QuestionDefinition.ScaleMax).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            i == QuestionDefinition.ScaleMin && question.ScaleMinLabel.In(language).Length > 0 ? $"{i} — {question.ScaleMinLabel.In(language)}"
            : i == QuestionDefinition.ScaleMax && question.ScaleMaxLabel.In(language).Length > 0 ? $"{i} — {question.ScaleMaxLabel.In(language)}"
            : i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        QuestionType.YesNo => [(QuestionDefinition.Yes, l["Common.Yes"]), (QuestionDefinition.No, l["Common.No"])],
        QuestionType.ResourceKind => Enum.GetValues<Domain.Labs.ResourceKind>().Select(k => (k.ToString(), l.Enum(k))),
        _ => [],
    };

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
