using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Common.Exports;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.ToolConfiguration.Governance;

/// <summary>
/// The lab's governance: its bodies and their decision modes (tried, evaluated, adopted), proposals put to them,
/// votes cast by people or, for organisations, by their mandated person or proxy, and the decision log. The rules
/// are the domain's; this service checks rights on the lab and goes through the one write path.
/// </summary>
public sealed class GovernanceService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IStringLocalizer<SharedResource> l,
    IValidator<BodyInput> bodyValidator,
    IValidator<ProposalInput> proposalValidator,
    IValidator<VoteInput> voteValidator,
    IValidator<ExtensionInput> extensionValidator,
    IValidator<WeightsInput> weightsValidator,
    TimeProvider time)
{
    public async Task<BodiesView?> GetBodiesAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var lab = await db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, cancellationToken);
        var (organisations, people) = await VotersAsync(db, lab, cancellationToken);
        var names = organisations.Concat(people).ToDictionary(v => v.Id, v => v.Name);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.LabId == labId).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        return new BodiesView(lab.Name, role.Allows(LabRight.ConfigureTools),
            [.. bodies.Select(b => new BodyRow(b.Id, b.Version, b.Name, b.Kind, b.Rule, b.ModeStatus, b.EvaluationNote,
                [.. b.Members.Select(m => names.GetValueOrDefault(m.VoterId, "—") + (m.Weight > 1 ? $" ×{m.Weight}" : ""))],
                [.. b.Members.Select(m => new BodyWeight(m.VoterId, names.GetValueOrDefault(m.VoterId, "—"), m.Weight)).OrderBy(w => w.Name, StringComparer.CurrentCulture)],
                AdoptedBy(b)))],
            organisations, people);
    }

    /// <summary>The decision that adopted the body's mode, when one did (its title is the adoption step's note).</summary>
    private static VoterOption? AdoptedBy(Body body) =>
        body.ModeStatus == ModeStatus.Adopted && body.ModeSteps.LastOrDefault(s => s.Status == ModeStatus.Adopted) is { DecisionId: { } decision } step
            ? new VoterOption(decision, step.Note)
            : null;

    /// <summary>Creates a body; its voters must be the lab's organisations or people (another lab's are "not found").</summary>
    public Task<SaveResult> CreateBodyAsync(Guid labId, BodyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, bodyValidator).CreateAsync<Body>(async write =>
        {
            var lab = await write.Db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, write.CancellationToken);
            var body = new Body(labId, input.Name, input.Kind, null, input.ToRule(), write.Actor.UserId, write.Now);
            if (input.Voters == VoterKind.People && input.Members.Keys.Any(p => lab.People.All(x => x.PersonId != p)))
            {
                throw LabWrite.NotFound();
            }
            body.SetMembers(input.Members, [.. lab.Memberships.Select(m => m.OrganisationId)]);
            return (body, $"{body.Name} — {AuditText.Of(body.Rule.Mode)}");
        }, cancellationToken);
    }

    /// <summary>
    /// Changes the weights of a body's organisations, at the version seen; the voters stay the same. Decisions
    /// already put keep the weights they were put with.
    /// </summary>
    public Task<SaveResult> WeighAsync(Guid labId, Guid bodyId, WeightsInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var weights = input.Weights;
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, weightsValidator).ChangeAsync<Body>(bodyId, version, async (body, write) =>
        {
            if (body.Rule.Voters != VoterKind.Organisations || weights.Count != body.Members.Count || body.Members.Any(m => !weights.ContainsKey(m.VoterId)))
            {
                throw new Domain.Common.DomainException("Body.WeightsOfItsOrganisations", "Weights are given to each of the body's organisations, and to them only.");
            }
            var lab = await write.Db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, write.CancellationToken);
            body.SetMembers(weights, [.. lab.Memberships.Select(m => m.OrganisationId)]);
            return $"{body.Name} — {AuditText.Key("Bodies.WeightsChanged")}";
        }, cancellationToken);
    }

    /// <summary>Notes how the body's mode worked (being tried → evaluated).</summary>
    public Task<SaveResult> EvaluateModeAsync(Guid labId, Guid bodyId, string note, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<Body>(bodyId, version, (body, write) =>
        {
            write.Db.Add(body.Evaluate(note, write.Actor.UserId, write.Now));
            return $"{body.Name} — {AuditText.Of(ModeStatus.Evaluated)} : {note}";
        }, cancellationToken);

    /// <summary>Adopts the body's mode once evaluated.</summary>
    public Task<SaveResult> AdoptModeAsync(Guid labId, Guid bodyId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<Body>(bodyId, version, (body, write) =>
        {
            write.Db.Add(body.Adopt(write.Actor.UserId, write.Now));
            return $"{body.Name} — {AuditText.Of(ModeStatus.Adopted)}";
        }, cancellationToken);

    /// <summary>
    /// Puts a proposal to one of the lab's bodies, optionally about one thing of the lab (an experiment, a body's
    /// decision mode, an experiment's validation rule); a target of another lab is "not found".
    /// </summary>
    public Task<SaveResult> ProposeAsync(Guid labId, ProposalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, proposalValidator).CreateAsync<Decision>(async write =>
        {
            var body = await write.Db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == input.BodyId && b.LabId == labId, write.CancellationToken) ?? throw LabWrite.NotFound();
            var subject = await SubjectAsync(write.Db, labId, input, write.CancellationToken);
            var decision = new Decision(body, input.Title, input.Proposal, input.DeadlineAt()!.Value, subject, write.Actor.UserId, write.Now);
            return (decision, $"{decision.Title} — {body.Name}");
        }, cancellationToken);
    }

    /// <summary>
    /// Carries an adopted decision over to what it decided: a body's mode is recorded as adopted (once evaluated),
    /// an experiment's validation rule becomes the one proposed. A follow-up rather than part of the close, so that
    /// closing stays one write of the decision and the body keeps its own order (tried, evaluated, adopted).
    /// </summary>
    public async Task<SaveResult> CarryOverAsync(Guid labId, Guid decisionId, uint targetVersion, CancellationToken cancellationToken = default)
    {
        var scope = writes.In(labId, LabRight.ConfigureTools);
        var subject = await SubjectOfAsync(labId, decisionId, cancellationToken);
        return subject switch
        {
            (DecisionSubjectKind.DecisionMode, { } bodyId) => await scope.ChangeAsync<Body>(bodyId, targetVersion, async (body, write) =>
            {
                var decision = await DecisionOfLabAsync(write, labId, decisionId);
                write.Db.Add(body.AdoptAsDecided(decision, write.Actor.UserId, write.Now));
                return $"{body.Name} — {AuditText.Of(ModeStatus.Adopted)} : {decision.Title}";
            }, cancellationToken),
            (DecisionSubjectKind.ValidationRule, { } experimentId) => await scope.ChangeAsync<Experiment>(experimentId, targetVersion, async (experiment, write) =>
            {
                var decision = await DecisionOfLabAsync(write, labId, decisionId);
                if (experiment.ChooseValidationRuleAsDecided(decision, write.Actor.UserId, l[$"ExperimentValidation.ValidatedBecause.{decision.ProposedValidationRule}"], write.Now) is { } move)
                {
                    write.Db.Add(move);
                }
                return $"{experiment.Title} — {AuditText.Of(decision.ProposedValidationRule!.Value)} : {decision.Title}";
            }, cancellationToken),
            // Another lab's decision, an unknown one, or one with nothing to carry over: the same "not found".
            _ => await scope.ChangeAsync<Decision>(Guid.Empty, null, (_, _) => string.Empty, cancellationToken),
        };
    }

    private async Task<(DecisionSubjectKind?, Guid?)> SubjectOfAsync(Guid labId, Guid decisionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Decisions.AsNoTracking().IgnoreAutoIncludes().Where(d => d.Id == decisionId && d.LabId == labId)
            .Select(d => new { d.Subject, Target = d.Subject == DecisionSubjectKind.DecisionMode ? d.SubjectBodyId : d.ExperimentId }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? (null, null) : (row.Subject, row.Target);
    }

    private static async Task<Decision> DecisionOfLabAsync(LabWrite write, Guid labId, Guid decisionId) =>
        await write.Db.Decisions.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(d => d.Id == decisionId && d.LabId == labId, write.CancellationToken) ?? throw LabWrite.NotFound();

    /// <summary>The proposal's subject, built from the lab's own experiment or body: another lab's is "not found".</summary>
    private static async Task<DecisionSubject?> SubjectAsync(MutualisonsDbContext db, Guid labId, ProposalInput input, CancellationToken cancellationToken)
    {
        if (input.Subject is not { } kind || input.TargetId is not { } target)
        {
            return null;
        }
        if (kind == DecisionSubjectKind.DecisionMode)
        {
            var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == target && b.LabId == labId, cancellationToken) ?? throw LabWrite.NotFound();
            return DecisionSubject.ModeOf(body);
        }
        var experiment = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(e => e.Id == target && e.LabId == labId, cancellationToken) ?? throw LabWrite.NotFound();
        return kind == DecisionSubjectKind.ValidationRule ? DecisionSubject.ValidationRuleOf(experiment, input.ProposedRule!.Value) : DecisionSubject.About(experiment);
    }

    public async Task<DecisionLogView?> GetLogAsync(Guid labId, int take = 50, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var rows = await LogQuery(db, labId).Take(take).ToListAsync(cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().IgnoreAutoIncludes().Where(b => b.LabId == labId).OrderBy(b => b.Name).Select(b => new VoterOption(b.Id, b.Name)).ToListAsync(cancellationToken);
        var experiments = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => e.LabId == labId).OrderBy(e => e.Title).Select(e => new VoterOption(e.Id, e.Title)).ToListAsync(cancellationToken);
        // Bodies serve twice: who decides, and whose decision mode a proposal may decide about.
        return new DecisionLogView(labName, role.Allows(LabRight.ConfigureTools), rows, bodies, experiments);
    }

    /// <summary>The decision log as CSV, streamed from PostgreSQL oldest first; false when the lab is not the person's.</summary>
    public async Task<bool> WriteLogCsvAsync(Guid labId, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return false;
        }
        var csv = new CsvWriter(output, CsvFormat.For(ProductLocalization.CurrentLanguage));
        await csv.WriteRowAsync([l["Decisions.Opened"], l["Decisions.Title"], l["Decisions.Body"], l["Decisions.Mode"], l["Decisions.Deadline"], l["Decisions.Closed"],
            l["Decisions.Outcome"], l["Decisions.Statement"], l["Decisions.Subject"], l["Decisions.SubjectTarget"], l["Decisions.ProposedRule"]], cancellationToken);
        await foreach (var row in LogQuery(db, labId).Reverse().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await csv.WriteRowAsync([Formats.BrusselsDateTime(row.OpenedAt), row.Title, row.BodyName, l[$"DecisionMode.{row.Mode}"], Formats.BrusselsDateTime(row.Deadline),
                row.ClosedAt is { } closed ? Formats.BrusselsDateTime(closed) : string.Empty,
                row.Outcome is { } outcome ? l[$"DecisionOutcome.{outcome}"] : l["Decisions.Open"], row.OutcomeStatement,
                row.Subject is { } subject ? l[$"DecisionSubjectKind.{subject.Kind}"] : string.Empty, row.Subject?.TargetName ?? string.Empty,
                row.Subject?.ProposedRule is { } rule ? l[$"ValidationRule.{rule}"] : string.Empty], cancellationToken);
        }
        return true;
    }

    public async Task<DecisionView?> GetDecisionAsync(Guid labId, Guid decisionId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        // Voters, ballots and proxies one query each: joined, 200 voters and 200 ballots would be 40,000 rows.
        var decision = await db.Decisions.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == decisionId && d.LabId == labId, cancellationToken);
        if (decision is null)
        {
            return null;
        }
        var lab = await db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, cancellationToken);
        var (organisations, people) = await VotersAsync(db, lab, cancellationToken);
        var castBy = decision.Ballots.Select(b => b.CastBy).ToList();
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        foreach (var (id, name) in await db.Users.AsNoTracking().Where(u => castBy.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken))
        {
            names.TryAdd(id, name);
        }
        foreach (var organisation in organisations)
        {
            names.TryAdd(organisation.Id, organisation.Name);
        }
        var bodyName = await db.Bodies.IgnoreAutoIncludes().Where(b => b.Id == decision.BodyId).Select(b => b.Name).SingleAsync(cancellationToken);
        var (subject, carryOver) = await SubjectAndCarryOverAsync(db, decision, cancellationToken);
        var log = await db.DecisionLog.AsNoTracking().Where(x => x.DecisionId == decisionId).OrderBy(x => x.At)
            .GroupJoin(db.Users, x => x.By, u => u.Id, (x, u) => new { x, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.x.Kind, x.x.VoterId, x.x.Position, x.x.Text, By = u == null ? null : u.DisplayName, x.x.At })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var open = decision.IsOpenAt(now);
        // The body's rule decides what is shown: the count and positions only after the close, and never who took which.
        var shown = decision.ShowsResultsAt(now);
        var tally = shown ? Decision.Tally(decision.Rule, await DecisionCounts.SumsAsync(db, decision.Id, cancellationToken)) : null;
        var anonymous = decision.Rule.Anonymous;
        var someone = l["Decisions.AnonymousVoter"].Value;
        var makers = lab.DecisionMakers();
        IReadOnlyList<VoterOption> mayVoteFor = !open || actor.UserId is not { } me ? []
            : decision.Rule.Voters == VoterKind.People
                ? (decision.Voters.Any(v => v.VoterId == me) ? [new VoterOption(me, names.GetValueOrDefault(me, string.Empty))] : [])
                : [.. decision.Voters.Where(v => (makers.TryGetValue(v.VoterId, out var d) && d == me) || decision.Proxies.Any(p => p.OrganisationId == v.VoterId && p.ProxyId == me))
                    .Select(v => new VoterOption(v.VoterId, names.GetValueOrDefault(v.VoterId, string.Empty)))];
        // Who may designate a proxy, and for which organisations: the pilot group for any, a decision maker for their own.
        IReadOnlyList<VoterOption> mayDesignateFor = !open || decision.Rule.Voters != VoterKind.Organisations ? []
            : [.. decision.Voters.Where(v => role.Allows(LabRight.ConfigureTools) || (actor.UserId is { } self && makers.TryGetValue(v.VoterId, out var m) && m == self))
                .Select(v => new VoterOption(v.VoterId, names.GetValueOrDefault(v.VoterId, "—"))).OrderBy(v => v.Name, StringComparer.CurrentCulture)];
        return new DecisionView(
            decision.Id, decision.Version, lab.Name, decision.Title, decision.Proposal, bodyName, decision.Rule, decision.OpenedAt, decision.Deadline, decision.ClosedAt,
            open, decision.Outcome, decision.OutcomeStatement, tally,
            shown
                ? [.. decision.Ballots.OrderBy(b => anonymous ? b.Position.ToString() : b.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                    .Select(b => anonymous
                        ? new BallotRow(b.VoterId, someone, b.Position, b.Reason, null, false, null)
                        : new BallotRow(b.VoterId, names.GetValueOrDefault(b.VoterId, "—"), b.Position, b.Reason, names.GetValueOrDefault(b.CastBy), b.ThroughProxy, b.At))]
                : [],
            decision.Ballots.Count, decision.Voters.Count,
            mayVoteFor, role.Allows(LabRight.ConfigureTools),
            [.. log.Select(x => IsPosition(x.Kind)
                ? new LogRow(x.Kind, anonymous ? someone : x.VoterId is { } v ? names.GetValueOrDefault(v) : null, shown ? x.Position : null, shown ? x.Text : string.Empty, anonymous ? someone : x.By, x.At)
                : new LogRow(x.Kind, x.VoterId is { } v2 ? (anonymous && x.Kind == DecisionLogKind.ObjectionAnswered ? someone : names.GetValueOrDefault(v2)) : null, x.Position, x.Text, x.By, x.At))],
            subject, carryOver, mayDesignateFor, mayDesignateFor.Count > 0 ? people : []);
    }

    /// <summary>
    /// A vote by the signed-in person: anyone of the lab may try; the domain counts only a member of a body of
    /// people, or for an organisation its mandated decision maker or proxy, once, before the close.
    /// </summary>
    public Task<SaveResult> VoteAsync(Guid labId, Guid decisionId, VoteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.View).Validating(input, voteValidator).ChangeAsync<Decision>(decisionId, null, async (decision, write) =>
        {
            var lab = await write.Db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, write.CancellationToken);
            var by = write.Actor.UserId ?? throw LabWrite.NotFound();
            decision.Vote(input.OrganisationId, by, input.Position, input.Reason, lab.DecisionMakers(), write.Now);
            // The log is not loaded: what it holds is the line this vote wrote.
            write.Db.DecisionLog.AddRange(decision.Log);
            return $"{decision.Title} — {AuditText.Of(input.Position)}";
        }, cancellationToken);
    }

    /// <summary>An organisation's proxy for one decision: designated by its decision maker, or recorded by the pilot group.</summary>
    public Task<SaveResult> DesignateProxyAsync(Guid labId, Guid decisionId, Guid organisationId, Guid proxyId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.View).ChangeAsync<Decision>(decisionId, null, async (decision, write) =>
        {
            var lab = await write.Db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, write.CancellationToken);
            if (lab.People.All(p => p.PersonId != proxyId))
            {
                throw LabWrite.NotFound();
            }
            var role = await write.Db.RoleInAsync(write.Actor, labId, write.CancellationToken);
            var by = write.Actor.UserId ?? throw LabWrite.NotFound();
            write.Db.DecisionLog.Add(decision.DesignateProxy(organisationId, proxyId, by, role.Allows(LabRight.ConfigureTools), lab.DecisionMakers(), write.Now));
            return $"{decision.Title} — {AuditText.Key("Decisions.ProxyDesignated")}";
        }, cancellationToken);

    public Task<SaveResult> AnswerObjectionAsync(Guid labId, Guid decisionId, Guid voterId, string answer, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<Decision>(decisionId, null, (decision, write) =>
        {
            write.Db.DecisionLog.Add(decision.AnswerObjection(voterId, write.Actor.UserId, answer, write.Now));
            return $"{decision.Title} — {AuditText.Of(DecisionLogKind.ObjectionAnswered)}";
        }, cancellationToken);

    /// <summary>Closes it now (decided in a meeting, or at its deadline) with the outcome the rule gives and the statement.</summary>
    public Task<SaveResult> CloseAsync(Guid labId, Guid decisionId, string statement, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<Decision>(decisionId, version, (decision, write) =>
        {
            write.Db.DecisionLog.Add(decision.Close(statement, write.Actor.UserId, write.Now));
            return $"{decision.Title} — {AuditText.Of(decision.Outcome!.Value)}";
        }, cancellationToken);

    /// <summary>Gives the decision more time, until the end of the day chosen; the extension is logged.</summary>
    public Task<SaveResult> ExtendAsync(Guid labId, Guid decisionId, ExtensionInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, extensionValidator).ChangeAsync<Decision>(decisionId, version, (decision, write) =>
        {
            write.Db.DecisionLog.Add(decision.Extend(input.DeadlineAt()!.Value, write.Actor.UserId, write.Now));
            return $"{decision.Title} — {AuditText.Of(DecisionLogKind.Extended)} : {input.Deadline}";
        }, cancellationToken);
    }

    /// <summary>What the decision decided, and for an adopted one on a mode or a rule, whether it was carried over.</summary>
    private static async Task<(SubjectLine?, CarryOver?)> SubjectAndCarryOverAsync(MutualisonsDbContext db, Decision decision, CancellationToken cancellationToken)
    {
        switch (decision.Subject)
        {
            case DecisionSubjectKind.DecisionMode:
                var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == decision.SubjectBodyId, cancellationToken);
                var mode = new SubjectLine(DecisionSubjectKind.DecisionMode, body?.Id, body?.Name, null);
                if (body is null || decision.Outcome != DecisionOutcome.Adopted)
                {
                    return (mode, null);
                }
                var state = body.ModeSteps.Any(s => s.DecisionId == decision.Id) ? CarryOverState.Done
                    : body.ModeSteps.Any(s => s.Status == ModeStatus.BeingTried && s.At > decision.OpenedAt) ? CarryOverState.Outdated
                    : body.ModeStatus switch { ModeStatus.Adopted => CarryOverState.Done, ModeStatus.Evaluated => CarryOverState.Ready, _ => CarryOverState.AwaitsEvaluation };
                return (mode, new CarryOver(state, body.Version));
            case DecisionSubjectKind.Experiment or DecisionSubjectKind.ValidationRule:
                var experiment = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => e.Id == decision.ExperimentId)
                    .Select(e => new { e.Id, e.Title, e.ValidationRule, e.Version }).SingleOrDefaultAsync(cancellationToken);
                var line = new SubjectLine(decision.Subject.Value, experiment?.Id, experiment?.Title, decision.ProposedValidationRule);
                return experiment is null || decision.Subject != DecisionSubjectKind.ValidationRule || decision.Outcome != DecisionOutcome.Adopted
                    ? (line, null)
                    : (line, new CarryOver(experiment.ValidationRule == decision.ProposedValidationRule ? CarryOverState.Done : CarryOverState.Ready, experiment.Version));
            default:
                return (null, null);
        }
    }

    private static bool IsPosition(DecisionLogKind kind) => kind is DecisionLogKind.PositionGiven or DecisionLogKind.ObjectionWithdrawn;

    private static IQueryable<DecisionRow> LogQuery(MutualisonsDbContext db, Guid labId) =>
        db.Decisions.AsNoTracking().IgnoreAutoIncludes().Where(d => d.LabId == labId)
            .OrderByDescending(d => d.OpenedAt)
            .Select(d => new DecisionRow(d.Id, d.Title, db.Bodies.Where(b => b.Id == d.BodyId).Select(b => b.Name).First(), d.Rule.Mode, d.OpenedAt, d.Deadline, d.ClosedAt,
                d.Outcome, d.OutcomeStatement,
                d.Subject == null ? null : new SubjectLine(d.Subject.Value, d.ExperimentId ?? d.SubjectBodyId,
                    d.ExperimentId != null ? db.Experiments.Where(e => e.Id == d.ExperimentId).Select(e => e.Title).FirstOrDefault() : db.Bodies.Where(b => b.Id == d.SubjectBodyId).Select(b => b.Name).FirstOrDefault(),
                    d.ProposedValidationRule)));

    private static async Task<(List<VoterOption> Organisations, List<VoterOption> People)> VotersAsync(MutualisonsDbContext db, Domain.Labs.Mutualisation lab, CancellationToken cancellationToken)
    {
        var organisationIds = lab.Memberships.Select(m => m.OrganisationId).ToList();
        var personIds = lab.People.Select(p => p.PersonId).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new VoterOption(o.Id, o.Name)).ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new VoterOption(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        return (organisations, people);
    }
}
