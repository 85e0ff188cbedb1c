using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Publics;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Publics.Activities;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

/// <summary>
/// Turns who joined the room into attendance on the workshop's activity, so the participation ladder moves at
/// the level the activity offers, per organisation: the lab's stakeholders standing for an organisation that
/// has a participant still in the room are present, added to whoever the activity already had (nobody is
/// dropped). Participants who came for another organisation are counted on the page but move no ladder.
/// </summary>
public sealed class WorkshopAttendanceService(LabWrites writes)
{
    /// <summary>
    /// Records the attendance; running it again with nobody new changes nothing (no write, no audit line).
    /// Needs the rights to run workshops and to keep the participation record.
    /// </summary>
    public Task<SaveResult> RecordAttendanceAsync(Guid labId, Guid workshopId, CancellationToken cancellationToken = default) =>
        writes.In(labId, (role, _) => role.Allows(LabRight.RunWorkshops) && role.Allows(LabRight.TrackParticipation)).RunAsync(async write =>
        {
            var workshop = await write.Db.Workshops.AsNoTracking().IgnoreAutoIncludes().Where(w => w.Id == workshopId && w.LabId == labId)
                .Select(w => new { w.ActivityId, w.Title }).SingleOrDefaultAsync(write.CancellationToken);
            if (workshop is null)
            {
                return SaveResult.NotFound;
            }
            var activity = await write.Db.Activities.SingleOrDefaultAsync(a => a.Id == workshop.ActivityId && a.LabId == labId, write.CancellationToken);
            if (activity is null)
            {
                return SaveResult.NotFound;
            }
            var organisations = write.Db.WorkshopParticipants
                .Where(p => p.WorkshopId == workshopId && p.RemovedAt == null && p.OrganisationId != null).Select(p => p.OrganisationId);
            var came = await write.Db.Stakeholders.Where(s => s.LabId == labId && organisations.Contains(s.OrganisationId))
                .Select(s => s.Id).ToListAsync(write.CancellationToken);
            var present = activity.Present.Union(came).ToList();
            if (activity.Status == ActivityStatus.Held && present.Count == activity.Present.Count)
            {
                // Nobody new: the ladder already shows this attendance.
                return SaveResult.Saved(activity.Id);
            }
            await ActivityService.RecordPresenceAsync(write, activity, present, activity.Outputs);
            write.Db.Entry(activity).State = EntityState.Modified;
            write.AlsoAudit(AuditAction.Changed, AuditSubject.Activity, activity.Id,
                $"{activity.Title} — {AuditText.Key("WorkshopOutcomes.AttendanceRecorded")} : {present.Count} {AuditText.Key("Activities.Present")} ({workshop.Title})");
            return null;
        }, cancellationToken);
}
