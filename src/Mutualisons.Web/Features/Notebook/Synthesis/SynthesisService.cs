using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Methods;
using Mutualisons.Domain.Notebook;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Diagnostic.Needs;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Labs;
using Mutualisons.Web.Features.Methods;
using Mutualisons.Web.Features.Publics;
using Mutualisons.Web.Features.Publics.Dashboard;
using Mutualisons.Web.Features.Resources;
using Mutualisons.Web.Features.ToolConfiguration.Experiments;
using Mutualisons.Web.Features.ToolConfiguration.Governance;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Notebook.Synthesis;

/// <summary>What the team asks the cahier for: its parts, its period (both ends optional, inclusive) and its language.</summary>
public sealed class SynthesisRequest
{
    public HashSet<SynthesisSection> Sections { get; init; } = [.. Enum.GetValues<SynthesisSection>()];

    /// <summary>yyyy-MM-dd or empty: from the start.</summary>
    public string? From { get; set; }

    /// <summary>yyyy-MM-dd or empty: until today.</summary>
    public string? To { get; set; }

    public string Language { get; set; } = ProductLocalization.French;
}

public sealed class SynthesisRequestValidator : AbstractValidator<SynthesisRequest>
{
    public SynthesisRequestValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(r => r.From).Must(d => string.IsNullOrEmpty(d) || DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"]);
        RuleFor(r => r.To)
            .Must(d => string.IsNullOrEmpty(d) || DayText.Parse(d) is not null).WithMessage(_ => l["Validation.Impact.DateRequired"])
            .Must((r, to) => DayText.Parse(r.From) is not { } from || DayText.Parse(to) is not { } end || from <= end).WithMessage(_ => l["Validation.Synthesis.PeriodReversed"]);
        RuleFor(r => r.Sections).NotEmpty().WithMessage(_ => l["Validation.Synthesis.NoSection"]);
        RuleFor(r => r.Language).Must(ProductLocalization.Cultures.Contains).WithMessage(_ => l["Validation.Synthesis.Language"]);
    }
}

/// <summary>The team's introduction, as its form edits it.</summary>
public sealed class IntroductionInput
{
    public string? Text { get; set; }

    public uint? Version { get; set; }
}

public sealed class IntroductionInputValidator : AbstractValidator<IntroductionInput>
{
    public IntroductionInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Text).MaximumLength(Domain.Common.Limits.Story).WithMessage(_ => l["Validation.TooLong", Domain.Common.Limits.Story]);
    }
}

/// <summary>The page's state: the introduction as saved, whether the person may change it.</summary>
public sealed record SynthesisSetup(string LabName, bool MayEdit, IntroductionInput Introduction);

/// <summary>
/// Builds the lab's cahier de synthèse from what the lab holds, in the language asked: the cover, the team's
/// introduction, the map of cycles with the navigation journal and check-ins, then per cycle its landmarks (the
/// moves that brought the lab there, and the experiments' decisions), the stories chosen for the notebook and
/// its results, and an annex of methods and participants. It reads through the same services as the pages, so
/// the person's rights on the lab apply; dated things are kept to the period.
/// </summary>
public sealed class SynthesisService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IStringLocalizer<SharedResource> localizer,
    UserMarkdown markdown,
    TimeProvider time,
    IValidator<SynthesisRequest> requestValidator,
    IValidator<IntroductionInput> introductionValidator,
    LabService labs,
    CheckInService checkIns,
    NeedsService needs,
    PublicsDashboardService publics,
    ImpactOverviewService impact,
    ExperimentService experiments,
    MethodsService methods,
    DirectoryService directory,
    ResourceService resources,
    GovernanceService governance)
{
    public async Task<SynthesisSetup?> GetSetupAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var notebook = await db.SynthesisNotebooks.AsNoTracking().SingleOrDefaultAsync(n => n.LabId == labId, cancellationToken);
        return new SynthesisSetup(labName, role.Allows(LabRight.KeepNotebook), new IntroductionInput { Text = notebook?.Introduction, Version = notebook?.Version });
    }

    /// <summary>Writes the introduction: the first save creates the lab's notebook, later ones change it at the version seen.</summary>
    public Task<SaveResult> SaveIntroductionAsync(Guid labId, IntroductionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, LabRight.KeepNotebook).Validating(input, introductionValidator);
        if (input.Version is not { } version)
        {
            return scope.CreateAsync<SynthesisNotebook>(write =>
            {
                var notebook = new SynthesisNotebook(labId, write.Now);
                notebook.Introduce(input.Text, write.Now);
                return (notebook, AuditText.Key("Synthesis.Introduction"));
            }, cancellationToken);
        }
        return scope.ChangeAsync<SynthesisNotebook>(
            db => db.Db.SynthesisNotebooks.SingleOrDefaultAsync(n => n.LabId == labId, db.CancellationToken), version, Domain.Audit.AuditSubject.SynthesisNotebook, Domain.Audit.AuditAction.Changed,
            (notebook, write) =>
            {
                notebook.Introduce(input.Text, write.Now);
                return ValueTask.FromResult(AuditText.Key("Synthesis.Introduction"));
            }, cancellationToken);
    }

    /// <summary>The request's problems, field by field, or null when it can be built.</summary>
    public async Task<SaveResult?> CheckAsync(SynthesisRequest request, CancellationToken cancellationToken = default)
    {
        var validation = await requestValidator.ValidateAsync(request, cancellationToken);
        return validation.IsValid ? null : SaveResult.Invalid(validation);
    }

    /// <summary>The cahier, or null when the lab is not the person's (or the request is not valid: check it first).</summary>
    public async Task<SynthesisDocument?> BuildAsync(Guid labId, SynthesisRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CheckAsync(request, cancellationToken) is not null)
        {
            return null;
        }
        // Off the page's synchronisation context: a Blazor circuit puts its own culture back on every
        // continuation it runs, and the whole document must stay in the language asked.
        return await Task.Run(() => BuildInLanguageAsync(labId, request, cancellationToken), cancellationToken);
    }

    private async Task<SynthesisDocument?> BuildInLanguageAsync(Guid labId, SynthesisRequest request, CancellationToken cancellationToken)
    {
        // The whole document in the language asked, whatever the page's: dates, numbers and texts. An async
        // method's culture change stays inside it.
        var culture = CultureInfo.GetCultureInfo(request.Language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var lab = await labs.GetOverviewAsync(labId, cancellationToken);
        if (lab is null)
        {
            return null;
        }
        var from = DayText.Parse(request.From);
        var to = DayText.Parse(request.To);
        bool InPeriod(DateOnly day) => (from is null || day >= from) && (to is null || day <= to);
        DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(Formats.BrusselsDay(moment));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var blocks = new List<SynthesisBlock>();
        var sections = request.Sections;
        var journal = lab.Journal.Where(j => InPeriod(DayOf(j.MovedAt))).OrderBy(j => j.MovedAt).ToList();
        var stories = await StoriesAsync(db, labId, InPeriod, cancellationToken);
        var methodUses = sections.Contains(SynthesisSection.Methods) || sections.Contains(SynthesisSection.Annex)
            ? (await methods.GetAsync(labId, cancellationToken))?.Uses ?? []
            : [];

        if (sections.Contains(SynthesisSection.Introduction))
        {
            var introduction = await db.SynthesisNotebooks.Where(n => n.LabId == labId).Select(n => n.Introduction).SingleOrDefaultAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(introduction))
            {
                blocks.Add(new HeadingBlock(1, localizer["Synthesis.Introduction"]));
                blocks.AddRange(Paragraphs(introduction));
            }
        }
        if (sections.Contains(SynthesisSection.CycleMap))
        {
            await CycleMapAsync(blocks, lab, journal, labId, InPeriod, cancellationToken);
        }
        foreach (var (section, cycle) in new[] { (SynthesisSection.Diagnostic, Cycle.Diagnostic), (SynthesisSection.Publics, Cycle.Publics), (SynthesisSection.Impact, Cycle.Impact), (SynthesisSection.ToolConfiguration, Cycle.ToolConfiguration), (SynthesisSection.Methods, Cycle.CoreMethods) })
        {
            if (!sections.Contains(section))
            {
                continue;
            }
            blocks.Add(new HeadingBlock(1, localizer.Enum(cycle)));
            blocks.Add(new NoteBlock(localizer["Synthesis.CycleState", localizer.Enum(lab.CycleOf(cycle).State)]));
            Landmarks(blocks, journal.Where(j => j.To == cycle).ToList());
            Stories(blocks, stories.Where(s => s.Cycles.Contains(cycle)).ToList());
            blocks.Add(new HeadingBlock(2, localizer["Synthesis.Results"]));
            var before = blocks.Count;
            switch (cycle)
            {
                case Cycle.Diagnostic:
                    await DiagnosticAsync(blocks, labId, cancellationToken);
                    break;
                case Cycle.Publics:
                    await PublicsAsync(blocks, labId, from, to, cancellationToken);
                    break;
                case Cycle.Impact:
                    await ImpactAsync(blocks, labId, cancellationToken);
                    break;
                case Cycle.ToolConfiguration:
                    await ToolsAsync(blocks, db, labId, InPeriod, DayOf, cancellationToken);
                    await DecisionsAsync(blocks, labId, InPeriod, DayOf, cancellationToken);
                    break;
                default:
                    MethodsUsed(blocks, methodUses);
                    break;
            }
            if (blocks.Count == before)
            {
                blocks.Add(new ParagraphBlock(localizer["Synthesis.NoResults"]));
            }
        }
        if (sections.Contains(SynthesisSection.Annex))
        {
            await AnnexAsync(blocks, lab, labId, methodUses, cancellationToken);
        }

        var period = (from, to) switch
        {
            (null, null) => localizer["Synthesis.WholePeriod"].Value,
            ({ } start, null) => localizer["Synthesis.Since", ImpactDisplay.Day(start)].Value,
            (null, { } end) => localizer["Synthesis.Until", ImpactDisplay.Day(end)].Value,
            ({ } start, { } end) => localizer["Synthesis.Between", ImpactDisplay.Day(start), ImpactDisplay.Day(end)].Value,
        };
        return new SynthesisDocument(lab.Name, localizer["Synthesis.DocumentTitle"], lab.Description, period,
            localizer["Synthesis.GeneratedOn", Formats.Date(time.GetUtcNow())], request.Language, blocks);
    }

    private IEnumerable<SynthesisBlock> Paragraphs(string text) =>
        markdown.ToPlainText(text).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new ParagraphBlock(p.Replace('\n', ' ')));

    private async Task CycleMapAsync(List<SynthesisBlock> blocks, LabOverview lab, List<JournalLine> journal, Guid labId, Func<DateOnly, bool> inPeriod, CancellationToken cancellationToken)
    {
        blocks.Add(new HeadingBlock(1, localizer["Synthesis.CycleMap"]));
        blocks.Add(new ParagraphBlock(lab.CurrentFocus is { } focus ? localizer["Navigation.FocusIs", localizer.Enum(focus)] : localizer["Navigation.NoFocus"]));
        blocks.Add(new TableBlock(localizer["Synthesis.CyclesTable"], [localizer["Synthesis.Column.Cycle"], localizer["Synthesis.Column.State"], localizer["Synthesis.Column.LastActivity"], localizer["Synthesis.Column.Notes"]],
            [.. lab.Cycles.Select(c => (IReadOnlyList<string>)[localizer.Enum(c.Cycle), localizer.Enum(c.State), c.LastActivityAt is { } at ? Formats.Date(at) : "—", c.Notes])]));
        blocks.Add(new HeadingBlock(2, localizer["Lab.Journal"]));
        if (journal.Count == 0)
        {
            blocks.Add(new ParagraphBlock(localizer["Synthesis.NoMoves"]));
        }
        else
        {
            blocks.Add(new TableBlock(localizer["Synthesis.Moves"], [localizer["Synthesis.Column.Date"], localizer["Synthesis.Column.Move"], localizer["Synthesis.Column.Why"]],
                [.. journal.Select(j => (IReadOnlyList<string>)[Formats.Date(j.MovedAt), $"{(j.From is { } f ? localizer.Enum(f) : localizer["Lab.JournalStart"])} → {localizer.Enum(j.To)}", j.Reason])]));
        }
        var navigation = await checkIns.GetNavigationAsync(labId, cancellationToken);
        var held = navigation?.Timeline.Where(e => e.CheckIn is not null && inPeriod(e.Day)).OrderBy(e => e.Day).ToList() ?? [];
        blocks.Add(new HeadingBlock(2, localizer["Synthesis.CheckIns"]));
        if (held.Count == 0)
        {
            blocks.Add(new ParagraphBlock(localizer["Synthesis.NoCheckIns"]));
            return;
        }
        blocks.Add(new TableBlock(localizer["Synthesis.CheckIns"],
            [localizer["Synthesis.Column.Date"], localizer["Navigation.Weather"], localizer["Navigation.WhereWeAre"], localizer["Navigation.Worries"], localizer["Navigation.Facilitation"]],
            [.. held.Select(e => (IReadOnlyList<string>)[ImpactDisplay.Day(e.Day), localizer.Enum(e.CheckIn!.Weather), e.CheckIn.WhereWeAre, e.CheckIn.Worries, localizer.Enum(e.CheckIn.Facilitation)])]));
    }

    private void Landmarks(List<SynthesisBlock> blocks, List<JournalLine> moves)
    {
        blocks.Add(new HeadingBlock(2, localizer["Synthesis.Landmarks"]));
        blocks.Add(moves.Count == 0
            ? new ParagraphBlock(localizer["Synthesis.NoLandmarks"])
            : new BulletsBlock([.. moves.Select(m => $"{Formats.Date(m.MovedAt)} — {m.Reason}")]));
    }

    private void Stories(List<SynthesisBlock> blocks, List<NotebookStory> stories)
    {
        if (stories.Count == 0)
        {
            return;
        }
        blocks.Add(new HeadingBlock(2, localizer["Stories.Title"]));
        foreach (var story in stories)
        {
            blocks.Add(new HeadingBlock(3, story.Title));
            blocks.Add(new NoteBlock(localizer["Stories.ToldBy", ImpactDisplay.Day(story.HappenedOn), string.IsNullOrEmpty(story.WrittenBy) ? localizer["User.Deleted"] : story.WrittenBy]));
            blocks.AddRange(Paragraphs(story.Body));
            blocks.AddRange(story.Pictures);
        }
    }

    private async Task DiagnosticAsync(List<SynthesisBlock> blocks, Guid labId, CancellationToken cancellationToken)
    {
        if (await needs.GetAsync(labId, cancellationToken) is not { } outputs)
        {
            return;
        }
        if (outputs.Needs.Count > 0)
        {
            blocks.Add(new TableBlock(localizer["Synthesis.Needs"], [localizer["Synthesis.Column.Need"], localizer["Synthesis.Column.ResourceKind"], localizer["Synthesis.Column.Objective"], localizer["Synthesis.Column.Responses"]],
                [.. outputs.Needs.Select(n => (IReadOnlyList<string>)[n.Text, n.ResourceKind is { } k ? localizer.Enum(k) : "—", n.Impact is { } i ? localizer.Enum(i) : "—", n.Sources.Count.ToString(CultureInfo.CurrentCulture)])]));
        }
        if (outputs.Resources.Count > 0)
        {
            blocks.Add(new TableBlock(localizer["Synthesis.Resources"], [localizer["Synthesis.Column.Resource"], localizer["Synthesis.Column.ResourceKind"], localizer["Synthesis.Column.Description"]],
                [.. outputs.Resources.Select(r => (IReadOnlyList<string>)[r.Name, localizer.Enum(r.Kind), r.Description])]));
        }
    }

    private async Task PublicsAsync(List<SynthesisBlock> blocks, Guid labId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (await publics.GetDashboardAsync(labId, 0, cancellationToken) is not { } dashboard)
        {
            return;
        }
        var levels = Enum.GetValues<ParticipationLevel>();
        blocks.Add(new ParagraphBlock(localizer["Synthesis.StakeholderCount", dashboard.StakeholderCount]));
        blocks.Add(new TableBlock(localizer["Synthesis.Participation"], [localizer["Synthesis.Column.Cycle"], .. levels.Select(l => localizer.Enum(l)), localizer["Synthesis.Column.NotReached"]],
            [.. dashboard.Distribution.Select(d => (IReadOnlyList<string>)[localizer.Enum(d.Cycle), .. levels.Select(l => d.Counts.GetValueOrDefault(l).ToString(CultureInfo.CurrentCulture)), d.NotReached.ToString(CultureInfo.CurrentCulture)])]));
        var months = dashboard.Opening.Where(m => (from is null || new DateOnly(m.Year, m.Month, 1).AddMonths(1) > from) && (to is null || new DateOnly(m.Year, m.Month, 1) <= to)).ToList();
        if (months.Count > 0)
        {
            blocks.Add(new TableBlock(localizer["Synthesis.Opening"], [localizer["Synthesis.Column.Month"], .. levels.Select(l => localizer.Enum(l))],
                [.. months.Select(m => (IReadOnlyList<string>)[new DateTime(m.Year, m.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture), .. levels.Select(l => m.RaisedTo.GetValueOrDefault(l).ToString(CultureInfo.CurrentCulture))])]));
        }
    }

    private async Task ImpactAsync(List<SynthesisBlock> blocks, Guid labId, CancellationToken cancellationToken)
    {
        if (await impact.GetOverviewAsync(labId, cancellationToken) is not { } overview)
        {
            return;
        }
        var rows = new List<IReadOnlyList<string>>();
        foreach (var organisation in overview.Organisations)
        {
            if (organisation.Statement is { } statement && !string.IsNullOrWhiteSpace(statement.ChangeSought))
            {
                blocks.Add(new ParagraphBlock($"{organisation.Name} — {statement.ChangeSought}"));
            }
            foreach (var hypothesis in organisation.Hypotheses)
            {
                if (hypothesis.Indicators.Count == 0)
                {
                    rows.Add([organisation.Name, hypothesis.Statement, localizer.Enum(hypothesis.Status), "—", "—", "—", "—"]);
                }
                rows.AddRange(hypothesis.Indicators.Select(i => (IReadOnlyList<string>)[organisation.Name, hypothesis.Statement, localizer.Enum(hypothesis.Status), i.Name,
                    ImpactDisplay.Value(i.BaselineValue, i.Unit), i.TargetValue is { } t ? ImpactDisplay.Value(t, i.Unit) : "—",
                    i.LatestValue is { } v ? $"{ImpactDisplay.Value(v, i.Unit)} ({ImpactDisplay.Day(i.LatestOn!.Value)})" : "—"]));
            }
        }
        if (rows.Count > 0)
        {
            blocks.Add(new TableBlock(localizer["Synthesis.ImpactChain"],
                [localizer["Synthesis.Column.Organisation"], localizer["Synthesis.Column.Hypothesis"], localizer["Synthesis.Column.Status"], localizer["Synthesis.Column.Indicator"],
                 localizer["Synthesis.Column.Baseline"], localizer["Synthesis.Column.Target"], localizer["Synthesis.Column.Latest"]], rows));
        }
    }

    private async Task ToolsAsync(List<SynthesisBlock> blocks, MutualisonsDbContext db, Guid labId, Func<DateOnly, bool> inPeriod, Func<DateTimeOffset, DateOnly> dayOf, CancellationToken cancellationToken)
    {
        if (await experiments.GetPortfolioAsync(labId, cancellationToken) is not { } portfolio)
        {
            return;
        }
        if (portfolio.Experiments.Count > 0)
        {
            blocks.Add(new TableBlock(localizer["Synthesis.Portfolio"],
                [localizer["Synthesis.Column.Experiment"], localizer["Synthesis.Column.Status"], localizer["Synthesis.Column.Feasibility"], localizer["Synthesis.Column.ExpectedImpact"], localizer["Synthesis.Column.WorkingGroup"]],
                [.. portfolio.Experiments.OrderByDescending(e => (e.Feasibility ?? 0) + (e.Impact ?? 0)).Select(e => (IReadOnlyList<string>)[e.Title, localizer.Enum(e.Status),
                    e.Feasibility?.ToString(CultureInfo.CurrentCulture) ?? "—", e.Impact?.ToString(CultureInfo.CurrentCulture) ?? "—", e.WorkingGroupName ?? "—"])]));
        }
        // What the lab pools: the agreements and their totals (the means logic's figures).
        if (await resources.GetResourcesAsync(labId, cancellationToken) is { Agreements.Count: > 0 } pooled)
        {
            var totals = pooled.Totals;
            blocks.Add(new ParagraphBlock(localizer["Synthesis.PooledTotals", totals.Agreements, ResourceDisplay.Number(totals.SquareMetres), ResourceDisplay.Number(totals.HoursPerMonth),
                totals.DataSets, ResourceDisplay.Number(totals.YearlyCostsSaved)]));
            blocks.Add(new TableBlock(localizer["Synthesis.Agreements"],
                [localizer["Synthesis.Column.Agreement"], localizer["Synthesis.Column.Parties"], localizer["Synthesis.Column.Since"], localizer["Synthesis.Column.InForce"]],
                [.. pooled.Agreements.Select(a => (IReadOnlyList<string>)[a.Title, $"{a.Provider} → {a.Recipient}", ResourceDisplay.Day(a.StartsOn) + (a.EndsOn is { } end ? $" – {ResourceDisplay.Day(end)}" : string.Empty),
                    localizer[a.InForce ? "Synthesis.Yes" : "Synthesis.No"]])]));
        }
        var moves = await db.ExperimentMoves.AsNoTracking()
            .Join(db.Experiments.IgnoreAutoIncludes().Where(e => e.LabId == labId), m => m.ExperimentId, e => e.Id, (m, e) => new { e.Title, m.From, m.To, m.At, m.Reason })
            .OrderBy(m => m.At).ToListAsync(cancellationToken);
        var decided = moves.Where(m => inPeriod(dayOf(m.At))).ToList();
        if (decided.Count > 0)
        {
            blocks.Add(new TableBlock(localizer["Synthesis.DecisionLog"], [localizer["Synthesis.Column.Date"], localizer["Synthesis.Column.Experiment"], localizer["Synthesis.Column.Move"], localizer["Synthesis.Column.Why"]],
                [.. decided.Select(m => (IReadOnlyList<string>)[Formats.Date(m.At), m.Title, $"{localizer.Enum(m.From)} → {localizer.Enum(m.To)}", m.Reason])]));
        }
    }

    /// <summary>The decisions the lab's bodies took in the period (opened in it), oldest first.</summary>
    private async Task DecisionsAsync(List<SynthesisBlock> blocks, Guid labId, Func<DateOnly, bool> inPeriod, Func<DateTimeOffset, DateOnly> dayOf, CancellationToken cancellationToken)
    {
        if (await governance.GetLogAsync(labId, int.MaxValue, cancellationToken) is not { } log)
        {
            return;
        }
        var taken = log.Decisions.Where(d => inPeriod(dayOf(d.OpenedAt))).OrderBy(d => d.OpenedAt).ToList();
        if (taken.Count == 0)
        {
            return;
        }
        blocks.Add(new TableBlock(localizer["Synthesis.BodyDecisions"],
            [localizer["Synthesis.Column.Date"], localizer["Synthesis.Column.Proposal"], localizer["Synthesis.Column.Body"], localizer["Synthesis.Column.Outcome"], localizer["Synthesis.Column.Statement"]],
            [.. taken.Select(d => (IReadOnlyList<string>)[Formats.Date(d.OpenedAt), d.Subject?.TargetName is { } target ? $"{d.Title} ({target})" : d.Title, $"{d.BodyName} — {localizer.Enum(d.Mode)}",
                d.Outcome is { } outcome ? localizer.Enum(outcome) : localizer["Decisions.Open"], d.OutcomeStatement])]));
    }

    private void MethodsUsed(List<SynthesisBlock> blocks, IReadOnlyList<MethodUse> uses)
    {
        if (uses.Count == 0)
        {
            return;
        }
        var language = ProductLocalization.CurrentLanguage;
        blocks.Add(new TableBlock(localizer["Synthesis.MethodsUsed"], [localizer["Synthesis.Column.Method"], localizer["Synthesis.Column.Cycle"], localizer["Synthesis.Column.Held"], localizer["Synthesis.Column.Planned"]],
            [.. uses.OrderBy(u => u.Cycle).ThenByDescending(u => u.Held).Select(u => (IReadOnlyList<string>)[MethodLibrary.Find(u.MethodKey)?.Name.In(language) ?? u.MethodKey, localizer.Enum(u.Cycle),
                u.Held.ToString(CultureInfo.CurrentCulture), u.Planned.ToString(CultureInfo.CurrentCulture)])]));
    }

    private async Task AnnexAsync(List<SynthesisBlock> blocks, LabOverview lab, Guid labId, IReadOnlyList<MethodUse> methodUses, CancellationToken cancellationToken)
    {
        blocks.Add(new HeadingBlock(1, localizer["Synthesis.Annex"]));
        var language = ProductLocalization.CurrentLanguage;
        var used = methodUses.Select(u => u.MethodKey).Distinct().Select(MethodLibrary.Find).OfType<MethodDefinition>().ToList();
        blocks.Add(new HeadingBlock(2, localizer["Synthesis.MethodsUsed"]));
        blocks.Add(used.Count == 0
            ? new ParagraphBlock(localizer["Synthesis.NoMethods"])
            : new BulletsBlock([.. used.Select(m => $"{m.Name.In(language)} — {m.Summary.In(language)}")]));
        blocks.Add(new HeadingBlock(2, localizer["Synthesis.Organisations"]));
        blocks.Add(lab.Members.Count == 0
            ? new ParagraphBlock(localizer["Lab.NoMembers"])
            : new BulletsBlock([.. lab.Members.Select(m => $"{m.Name} ({localizer.Enum(m.Role)})")]));
        // People appear only when they chose to be in the lab's who's who.
        var people = (await directory.GetAsync(labId, cancellationToken: cancellationToken))?.Entries ?? [];
        blocks.Add(new HeadingBlock(2, localizer["Synthesis.People"]));
        blocks.Add(people.Count == 0
            ? new ParagraphBlock(localizer["Synthesis.NoPeople"])
            : new BulletsBlock([.. people.Select(p => p.Organisation is { } o ? $"{p.Name} — {o}" : p.Name)]));
    }

    private static async Task<List<NotebookStory>> StoriesAsync(MutualisonsDbContext db, Guid labId, Func<DateOnly, bool> inPeriod, CancellationToken cancellationToken)
    {
        var chosen = await db.Stories.AsNoTracking().Where(s => s.LabId == labId && s.InNotebook).OrderBy(s => s.HappenedOn).ToListAsync(cancellationToken);
        chosen = [.. chosen.Where(s => inPeriod(s.HappenedOn))];
        var imageIds = chosen.SelectMany(s => s.Images).Select(i => i.Id).ToList();
        var bytes = await db.StoryImageContents.AsNoTracking().Where(c => imageIds.Contains(c.ImageId)).ToDictionaryAsync(c => c.ImageId, c => c.Bytes, cancellationToken);
        return [.. chosen.Select(s => new NotebookStory(s.Title, s.HappenedOn, s.WrittenBy, s.Body, s.Cycles,
            [.. s.Images.Where(i => bytes.ContainsKey(i.Id)).Select(i => new PictureBlock(i.Id, i.ContentType, i.AltText, bytes[i.Id], AppRoutes.StoryImage(labId, s.Id, i.Id)))]))];
    }

    private sealed record NotebookStory(string Title, DateOnly HappenedOn, string WrittenBy, string Body, IReadOnlyList<Cycle> Cycles, IReadOnlyList<PictureBlock> Pictures);
}
