using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact;

/// <summary>Each member organisation's impact statement in a lab, and its revisions.</summary>
public sealed class ImpactStatementService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<StatementInput> validator)
{
    /// <summary>The statement of an organisation of the lab (an empty form when it has none yet); null when the lab or the organisation is not there for this person.</summary>
    public async Task<StatementView?> GetStatementAsync(Guid labId, Guid organisationId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        var organisation = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships).Where(ms => ms.OrganisationId == organisationId)
            .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => new { o.Name, o.Mission })
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var statement = await db.ImpactStatements.AsNoTracking().SingleOrDefaultAsync(s => s.LabId == labId && s.OrganisationId == organisationId, cancellationToken);
        var revisions = statement is null ? [] : await db.ImpactStatementRevisions
            .Where(r => EF.Property<Guid>(r, "StatementId") == statement.Id)
            .OrderByDescending(r => r.Number)
            .GroupJoin(db.Users, r => r.By, u => u.Id, (r, u) => new { r, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new StatementRevisionLine(x.r.Number, x.r.At, u == null ? null : u.DisplayName, x.r.Changed, x.r.Mission, x.r.ChangeSought,
                x.r.Audiences, x.r.OtherAudiences, x.r.Natures, x.r.Attribution, x.r.ChangeDescription, x.r.Significance))
            .ToListAsync(cancellationToken);
        var input = statement is null
            ? new StatementInput { Mission = organisation.Mission }
            : new StatementInput
            {
                Mission = statement.Mission,
                ChangeSought = statement.ChangeSought,
                Audiences = [.. statement.Audiences],
                OtherAudiences = statement.OtherAudiences,
                Natures = [.. statement.Natures],
                Attribution = statement.Attribution,
                ChangeDescription = statement.ChangeDescription,
                Significance = statement.Significance,
                Version = statement.Version,
            };
        return new StatementView(labName, organisationId, organisation.Name, place.Role.MayDefineImpactOf(organisationId, place.Represents), statement is not null, input, revisions);
    }

    /// <summary>
    /// Writes the statement of an organisation of the lab: the first one when <see cref="StatementInput.Version"/>
    /// is null, else a revision of the one seen at that version. Its representative, the pilot group and the
    /// facilitators may; a statement written meanwhile by someone else is a conflict.
    /// </summary>
    public Task<SaveResult> SaveStatementAsync(Guid labId, Guid organisationId, StatementInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, (role, represents) => role.MayDefineImpactOf(organisationId, represents)).Validating(input, validator);
        if (input.Version is not { } version)
        {
            return scope.CreateAsync<ImpactStatement>(async write =>
            {
                await EnsureMemberAsync(write, labId, organisationId);
                if (await write.Db.ImpactStatements.AnyAsync(s => s.LabId == labId && s.OrganisationId == organisationId, write.CancellationToken))
                {
                    throw new DomainException("Impact.StatementExists", "This organisation already has a statement: reload to see it.");
                }
                var statement = new ImpactStatement(labId, organisationId, input.ToText(), write.Actor.UserId, write.Now);
                return (statement, await SummaryAsync(write, organisationId, statement));
            }, cancellationToken);
        }
        return scope.RunAsync(async write =>
        {
            var statement = await write.Db.ImpactStatements.SingleOrDefaultAsync(s => s.LabId == labId && s.OrganisationId == organisationId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            var entry = write.Db.Entry(statement);
            if (entry.Property(s => s.Version).CurrentValue != version)
            {
                throw new DbUpdateConcurrencyException();
            }
            entry.Property(s => s.Version).OriginalValue = version;
            if (statement.Revise(input.ToText(), write.Actor.UserId, write.Now))
            {
                write.AlsoAudit(Domain.Audit.AuditAction.Changed, ImpactStatement.AuditSubject, statement.Id, await SummaryAsync(write, organisationId, statement));
            }
        }, cancellationToken);
    }

    private static async Task EnsureMemberAsync(LabWrite write, Guid labId, Guid organisationId)
    {
        if (!await write.Db.Mutualisations.AnyAsync(m => m.Id == labId && m.Memberships.Any(ms => ms.OrganisationId == organisationId), write.CancellationToken))
        {
            throw LabWrite.NotFound();
        }
    }

    private static async Task<string> SummaryAsync(LabWrite write, Guid organisationId, ImpactStatement statement)
    {
        var name = await write.Db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(write.CancellationToken);
        var changed = statement.Revisions.Count > 0 ? statement.Revisions[^1].Changed : [];
        return $"{name} — {AuditText.Key("Impact.Statement")} {statement.RevisionCount}" + (changed.Count == 0 ? string.Empty : $" ({string.Join(", ", changed.Select(AuditText.Of))})");
    }
}
