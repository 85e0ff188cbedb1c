using System.Globalization;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Results;

/// <summary>One exported response: who answered, when, and the stored values.</summary>
public sealed record ExportedResponse(Guid Id, DateTimeOffset? SubmittedAt, string Language, string? Organisation, OrganisationKind? Kind, string? Sector, IReadOnlyList<(Guid QuestionId, string? Choice, decimal? Number, string? Text)> Answers);

/// <summary>
/// The columns of an export: one per question, or one per option where a question gives several values
/// (multiple choice, ranking, resource kinds). Headers depend only on the version, so they stay stable.
/// </summary>
public sealed class ResponseTable
{
    private readonly List<(string Header, Func<ILookup<Guid, (Guid QuestionId, string? Choice, decimal? Number, string? Text)>, ExportCell> Cell)> _columns = [];
    private readonly IStringLocalizer _l;

    public ResponseTable(QuestionnaireContent content, string language, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(content);
        _l = l;
        foreach (var question in content.Questions)
        {
            var id = question.Id;
            var title = $"Q{content.NumberOf(id)}. {question.Text.In(language)}";
            switch (question.Type)
            {
                case QuestionType.MultipleChoice:
                    foreach (var option in question.Options)
                    {
                        var key = option.Key;
                        Add($"{title} — {option.Text.In(language)}", a => ExportCell.Of(a[id].Any(x => x.Choice == key) ? 1 : 0));
                    }
                    if (question.AllowOther)
                    {
                        Add($"{title} — {l["Answer.Other"]}", a => a[id].FirstOrDefault(x => x.Choice == QuestionDefinition.OtherChoice).Text);
                    }
                    break;
                case QuestionType.SingleChoice:
                    var labels = question.Options.ToDictionary(o => o.Key, o => o.Text.In(language));
                    Add(title, a => a[id].Select(x => x.Choice is { } c && labels.TryGetValue(c, out var label) ? label : x.Choice == QuestionDefinition.OtherChoice ? (string)l["Answer.Other"] : null).FirstOrDefault());
                    if (question.AllowOther)
                    {
                        Add($"{title} — {l["Answer.Other"]}", a => a[id].FirstOrDefault(x => x.Choice == QuestionDefinition.OtherChoice).Text);
                    }
                    break;
                case QuestionType.Ranking:
                    foreach (var option in question.Options)
                    {
                        var key = option.Key;
                        Add($"{title} — {option.Text.In(language)}", a => a[id].FirstOrDefault(x => x.Choice == key).Number is { } rank ? ExportCell.Of(rank) : ExportCell.Empty);
                    }
                    break;
                case QuestionType.ResourceKind:
                    foreach (var kind in Enum.GetValues<ResourceKind>())
                    {
                        var name = kind.ToString();
                        Add($"{title} — {l.Enum(kind)}", a => ExportCell.Of(a[id].Any(x => x.Choice == name) ? 1 : 0));
                    }
                    break;
                case QuestionType.YesNo:
                    Add(title, a => a[id].Select(x => x.Choice switch { QuestionDefinition.Yes => (string)l["Common.Yes"], QuestionDefinition.No => (string)l["Common.No"], _ => null }).FirstOrDefault());
                    break;
                case QuestionType.Scale:
                case QuestionType.Number:
                    Add(title, a => a[id].FirstOrDefault().Number is { } n ? ExportCell.Of(n) : ExportCell.Empty);
                    break;
                default:
                    Add(title, a => a[id].FirstOrDefault().Text);
                    break;
            }
        }
    }

    public IReadOnlyList<string> Headers =>
        [_l["Results.Response"], _l["Stakeholders.Organisation"], _l["Organisation.Kind"], _l["Organisation.Sector"], _l["Results.Language"], _l["Results.SubmittedAt"], .. _columns.Select(c => c.Header)];

    public IReadOnlyList<ExportCell> Row(ExportedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var answers = response.Answers.ToLookup(a => a.QuestionId);
        return
        [
            response.Id.ToString(), response.Organisation ?? _l["Results.OpenLink"], response.Kind is { } kind ? _l.Enum(kind) : null, response.Sector, response.Language,
            response.SubmittedAt?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            .. _columns.Select(c => c.Cell(answers)),
        ];
    }

    private void Add(string header, Func<ILookup<Guid, (Guid QuestionId, string? Choice, decimal? Number, string? Text)>, ExportCell> cell) => _columns.Add((header, cell));
}
