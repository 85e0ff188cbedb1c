using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.ToolConfiguration.Validation;

/// <summary>
/// Each organisation validates an experiment: the panel's data, positions given by an organisation's decision
/// maker (its cycle 2 mandate) or proxy, proxies designated, objections answered, and the lab's rule. Who may
/// answer for an organisation is the domain's rule; the lab's rights decide who may read and configure.
/// </summary>
public sealed class ValidationService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IStringLocalizer<SharedResource> l,
    IValidator<PositionInput> positionValidator,
    IValidator<ObjectionAnswerInput> answerValidator)
{
    public async Task<ValidationView?> GetAsync(Guid labId, Guid experimentId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var experiment = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Include(e => e.Validations)
            .SingleOrDefaultAsync(e => e.Id == experimentId && e.LabId == labId, cancellationToken);
        if (experiment is null)
        {
            return null;
        }
        var lab = await db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, cancellationToken);
        var decisionMakers = lab.DecisionMakers();
        var personIds = lab.People.Select(p => p.PersonId)
            .Concat(experiment.Validations.SelectMany(v => new[] { v.GivenBy, v.ProxyId }).OfType<Guid>())
            .Distinct().ToList();
        var organisationIds = experiment.Validations.Select(v => v.OrganisationId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var exchange = await db.ObjectionExchange.AsNoTracking().Where(t => t.ExperimentId == experimentId).OrderBy(t => t.At)
            .GroupJoin(db.Users, t => t.By, u => u.Id, (t, u) => new { t, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.t.OrganisationId, Row = new ExchangeRow(x.t.Turn, x.t.Text, u == null ? null : u.DisplayName, x.t.At) })
            .ToListAsync(cancellationToken);
        var open = experiment.Status == ExperimentStatus.AwaitingValidation;
        var mayConfigure = role.Allows(LabRight.ConfigureTools);
        string? NameOf(Guid? id) => id is { } i ? names.GetValueOrDefault(i) : null;
        var rows = experiment.Validations
            .Select(v =>
            {
                var decisionMaker = decisionMakers.TryGetValue(v.OrganisationId, out var d) ? d : (Guid?)null;
                var mandate = lab.Memberships.SingleOrDefault(m => m.OrganisationId == v.OrganisationId)?.Mandate;
                var isDecisionMaker = actor.UserId is { } me && decisionMaker == me;
                return new OrganisationPositionRow(
                    v.OrganisationId, organisations.GetValueOrDefault(v.OrganisationId, string.Empty),
                    NameOf(decisionMaker) ?? (mandate is { DecisionMaker.Length: > 0 } m ? m.DecisionMaker : null),
                    v.ProxyId, NameOf(v.ProxyId), v.Position, v.Text, NameOf(v.GivenBy), v.GivenAt, v.ThroughProxy,
                    open && (isDecisionMaker || (actor.UserId is { } you && v.ProxyId == you)),
                    open && (isDecisionMaker || mayConfigure),
                    [.. exchange.Where(t => t.OrganisationId == v.OrganisationId).Select(t => t.Row)]);
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var people = lab.People.Where(p => names.ContainsKey(p.PersonId)).Select(p => new ProxyOption(p.PersonId, names.GetValueOrDefault(p.PersonId, string.Empty)))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        return new ValidationView(experiment.Id, experiment.Version, experiment.Status, experiment.ValidationRule, open, mayConfigure, rows, people);
    }

    /// <summary>
    /// The organisation's position, given by the signed-in person: anyone in the lab may try, the domain lets only
    /// the organisation's mandated decision maker or its proxy answer. Each organisation answers on its own row,
    /// so no version is asked: a position does not overwrite anyone else's.
    /// </summary>
    public Task<SaveResult> GivePositionAsync(Guid labId, Guid experimentId, Guid organisationId, PositionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.View).Validating(input, positionValidator).ChangeAsync<Experiment>(experimentId, null, async (experiment, write) =>
        {
            var (decisionMakers, organisation) = await MandatesAsync(write, labId, organisationId);
            var outcome = experiment.GivePosition(organisationId, RequireUser(write), input.Position, input.Text, decisionMakers, ValidatedReason(experiment.ValidationRule), write.Now);
            Record(write, outcome.Turn, outcome.Move);
            return $"{experiment.Title} — {organisation} : {AuditText.Of(input.Position)}";
        }, cancellationToken);
    }

    /// <summary>
    /// Designates (or, with null, withdraws) the person who answers for the organisation on this experiment: its
    /// decision maker does, or the pilot group records a designation it received. The proxy must be a person of the lab.
    /// </summary>
    public Task<SaveResult> DesignateProxyAsync(Guid labId, Guid experimentId, Guid organisationId, Guid? proxyId, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.View).ChangeAsync<Experiment>(experimentId, null, async (experiment, write) =>
        {
            var lab = await write.Db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, write.CancellationToken);
            if (proxyId is { } proxy && lab.People.All(p => p.PersonId != proxy))
            {
                throw LabWrite.NotFound();
            }
            var role = await write.Db.RoleInAsync(write.Actor, labId, write.CancellationToken);
            experiment.DesignateProxy(organisationId, proxyId, RequireUser(write), role.Allows(LabRight.ConfigureTools), lab.DecisionMakers(), write.Now);
            var organisation = await OrganisationNameAsync(write, organisationId);
            var proxyName = proxyId is { } p ? await write.Db.Users.Where(u => u.Id == p).Select(u => u.DisplayName).SingleAsync(write.CancellationToken) : "—";
            return $"{experiment.Title} — {organisation} : {AuditText.Key("ExperimentValidation.Proxy")} {proxyName}";
        }, cancellationToken);

    /// <summary>The pilot group answers an organisation's objection; the exchange keeps it.</summary>
    public Task<SaveResult> AnswerObjectionAsync(Guid labId, Guid experimentId, Guid organisationId, ObjectionAnswerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.ConfigureTools).Validating(input, answerValidator).ChangeAsync<Experiment>(experimentId, null, async (experiment, write) =>
        {
            var turn = experiment.AnswerObjection(organisationId, write.Actor.UserId, input.Text, write.Now);
            Record(write, turn, null);
            return $"{experiment.Title} — {await OrganisationNameAsync(write, organisationId)} : {AuditText.Key("ExperimentValidation.Answered")}";
        }, cancellationToken);
    }

    /// <summary>Sets the lab's rule for this experiment, at the version seen; if the answers already meet it, it is validated.</summary>
    public Task<SaveResult> ChooseRuleAsync(Guid labId, Guid experimentId, ValidationRule rule, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.ConfigureTools).ChangeAsync<Experiment>(experimentId, version, (experiment, write) =>
        {
            var move = experiment.ChooseValidationRule(rule, write.Actor.UserId, ValidatedReason(rule), write.Now);
            Record(write, null, move);
            return $"{experiment.Title} — {AuditText.Of(rule)}";
        }, cancellationToken);

    private string ValidatedReason(ValidationRule rule) => l[$"ExperimentValidation.ValidatedBecause.{rule}"];

    private static void Record(LabWrite write, ObjectionExchange? turn, ExperimentMove? move)
    {
        // The exchange and the history are their own sets: what this write made is added, the past is not loaded.
        if (turn is not null)
        {
            write.Db.ObjectionExchange.Add(turn);
        }
        if (move is not null)
        {
            write.Db.ExperimentMoves.Add(move);
        }
    }

    private static Guid RequireUser(LabWrite write) => write.Actor.UserId ?? throw LabWrite.NotFound();

    private static async Task<(IReadOnlyDictionary<Guid, Guid> DecisionMakers, string Organisation)> MandatesAsync(LabWrite write, Guid labId, Guid organisationId)
    {
        var lab = await write.Db.Mutualisations.AsNoTracking().SingleAsync(m => m.Id == labId, write.CancellationToken);
        return (lab.DecisionMakers(), await OrganisationNameAsync(write, organisationId));
    }

    private static async Task<string> OrganisationNameAsync(LabWrite write, Guid organisationId) =>
        await write.Db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(write.CancellationToken) ?? string.Empty;
}
