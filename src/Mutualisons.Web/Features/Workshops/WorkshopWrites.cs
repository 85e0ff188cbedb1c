using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Workshops;

/// <summary>
/// A facilitator's change to a workshop, through the lab's one write path, with its signal sent in the same
/// transaction: the phones and screens hear of it only once it is committed.
/// </summary>
internal static class WorkshopWrites
{
    public static Task<SaveResult> ChangeWorkshopAsync(this LabWrites.LabWriteScope scope, Guid workshopId, uint? version, WorkshopChange signal,
        Func<Workshop, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken) =>
        scope.ChangeAsync<Workshop>(workshopId, version, async (workshop, write) =>
        {
            var summary = await change(workshop, write);
            await write.BeginTransactionAsync();
            await WorkshopSignals.NotifyAsync(write.Db, workshopId, signal, write.CancellationToken);
            return summary;
        }, cancellationToken);

    public static Task<SaveResult> ChangeWorkshopAsync(this LabWrites.LabWriteScope scope, Guid workshopId, uint? version, WorkshopChange signal,
        Func<Workshop, string> change, CancellationToken cancellationToken) =>
        scope.ChangeWorkshopAsync(workshopId, version, signal, (workshop, _) => ValueTask.FromResult(change(workshop)), cancellationToken);

    /// <summary>Rows of the workshop stored on their own (notes, clusters, participants): the workshop's row is not written.</summary>
    public static Task<SaveResult> ChangeRoomPartsAsync(this LabWrites.LabWriteScope scope, Guid workshopId, WorkshopChange signal,
        Func<Workshop, LabWrite, ValueTask<string>> change, CancellationToken cancellationToken) =>
        scope.ChangePartsAsync<Workshop>(workshopId, Domain.Audit.AuditAction.Changed, Workshop.AuditSubject, async (workshop, write) =>
        {
            var summary = await change(workshop, write);
            await write.BeginTransactionAsync();
            await WorkshopSignals.NotifyAsync(write.Db, workshopId, signal, write.CancellationToken);
            return summary;
        }, cancellationToken);
}
