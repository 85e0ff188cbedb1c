using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Impact;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Impact.Frame;

/// <summary>The frame of an evaluation; <see cref="Input"/> is what the form starts from (empty when none is written yet).</summary>
public sealed record FrameView(string LabName, Guid? OrganisationId, string? OrganisationName, bool MayEdit, bool Exists, DateTimeOffset? UpdatedAt, FrameInput Input);

/// <summary>
/// The evaluation frame of a lab, and of each member organisation that evaluates on its own. Everyone in the
/// lab reads them; the lab's is written by those who measure impact, an organisation's also by its representative.
/// </summary>
public sealed class EvaluationFrameService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<FrameInput> validator)
{
    /// <param name="organisationId">Null for the lab's own frame.</param>
    public async Task<FrameView?> GetFrameAsync(Guid labId, Guid? organisationId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is not { } place)
        {
            return null;
        }
        string? organisationName = null;
        if (organisationId is { } id)
        {
            organisationName = await db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships).Where(ms => ms.OrganisationId == id)
                .Join(db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => o.Name)
                .SingleOrDefaultAsync(cancellationToken);
            if (organisationName is null)
            {
                return null;
            }
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var frame = await db.EvaluationFrames.AsNoTracking().SingleOrDefaultAsync(f => f.LabId == labId && f.OrganisationId == organisationId, cancellationToken);
        return new FrameView(labName, organisationId, organisationName, May(place.Role, place.Represents, organisationId), frame is not null, frame?.UpdatedAt,
            frame is null ? new FrameInput() : FrameInput.Of(frame));
    }

    /// <summary>
    /// Writes the frame: the first one when <see cref="FrameInput.Version"/> is null, else the one seen at that
    /// version (a frame saved meanwhile by someone else is a conflict).
    /// </summary>
    public Task<SaveResult> SaveFrameAsync(Guid labId, Guid? organisationId, FrameInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = writes.In(labId, (role, represents) => May(role, represents, organisationId)).Validating(input, validator);
        if (input.Version is not { } version)
        {
            return scope.CreateAsync<EvaluationFrame>(async write =>
            {
                var about = await AboutAsync(write, labId, organisationId);
                if (await write.Db.EvaluationFrames.AnyAsync(f => f.LabId == labId && f.OrganisationId == organisationId, write.CancellationToken))
                {
                    throw new DomainException("Impact.FrameExists", "This frame is already written: reload to see it.");
                }
                return (new EvaluationFrame(labId, organisationId, input.ToText(), write.Now), about);
            }, cancellationToken);
        }
        return scope.ChangeAsync<EvaluationFrame>(
            write => write.Db.EvaluationFrames.SingleOrDefaultAsync(f => f.LabId == labId && f.OrganisationId == organisationId, write.CancellationToken),
            version, AuditSubject.EvaluationFrame, AuditAction.Changed,
            async (frame, write) =>
            {
                frame.Revise(input.ToText(), write.Now);
                return await AboutAsync(write, labId, organisationId);
            }, cancellationToken);
    }

    /// <summary>The lab's frame needs the right to measure impact; an organisation's, the right to define that organisation's impact.</summary>
    private static bool May(LabRole role, Guid? represents, Guid? organisationId) =>
        organisationId is { } id ? role.MayDefineImpactOf(id, represents) : role.Allows(LabRight.MeasureImpact);

    /// <summary>What the audit line names: the lab's frame, or the organisation's (which must be a member: else "not found").</summary>
    private static async Task<string> AboutAsync(LabWrite write, Guid labId, Guid? organisationId)
    {
        if (organisationId is not { } id)
        {
            return AuditText.Key("ImpactFrame.OfTheLab");
        }
        var name = await write.Db.Mutualisations.Where(m => m.Id == labId).SelectMany(m => m.Memberships).Where(ms => ms.OrganisationId == id)
            .Join(write.Db.Organisations, ms => ms.OrganisationId, o => o.Id, (ms, o) => o.Name)
            .SingleOrDefaultAsync(write.CancellationToken) ?? throw LabWrite.NotFound();
        return $"{AuditText.Key("ImpactFrame.Of")} {name}";
    }
}
