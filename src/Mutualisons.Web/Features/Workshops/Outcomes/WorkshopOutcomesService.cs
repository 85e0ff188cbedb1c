using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Workshops.Outcomes;

/// <summary>
/// Reads what a workshop produced, at any time (even while it runs): each step's results, the notes and
/// clusters with what they became, and who came for which organisation. Anyone of the lab reads it; the
/// authors' names and the actions are for those who run workshops.
/// </summary>
public sealed class WorkshopOutcomesService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    public async Task<WorkshopOutcomes?> GetAsync(Guid labId, Guid workshopId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId && w.LabId == labId, cancellationToken);
        if (workshop is null)
        {
            return null;
        }
        var runs = role.Allows(LabRight.RunWorkshops);
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == workshop.ActivityId && a.LabId == labId)
            .Select(a => new OutcomeActivity(a.Id, a.Title, a.LevelOffered, a.Cycles, a.Status)).SingleOrDefaultAsync(cancellationToken);
        var steps = new List<StepResults>();
        foreach (var step in workshop.Steps)
        {
            steps.Add(await WorkshopReading.ResultsAsync(db, workshop, step, forFacilitator: runs, cancellationToken));
        }
        var notes = await NotesAsync(db, workshop, runs, cancellationToken);
        var clusters = await ClustersAsync(db, workshop, cancellationToken);
        var became = await BecameAsync(db, labId, [.. notes.Select(n => n.BecameId), .. clusters.Select(c => c.BecameId)], cancellationToken);
        var clusterNames = clusters.ToDictionary(c => c.Id, c => c.Name);
        return new WorkshopOutcomes(
            labId, labName, workshop.Id, workshop.Title, workshop.State, activity, steps,
            [.. notes.Select(n => new OutcomeNote(n.Id, n.StepId, n.Text, n.Author, n.Organisation, n.ClusterId is { } c ? clusterNames.GetValueOrDefault(c) : null, n.Removed, Of(became, n.BecameId)))],
            [.. clusters.Select(c => new OutcomeCluster(c.Id, c.StepId, c.Name, [.. notes.Where(n => n.ClusterId == c.Id && !n.Removed).Select(n => n.Text)], Of(became, c.BecameId)))],
            await AttendanceAsync(db, workshop, activity, runs, cancellationToken),
            runs && role.Allows(LabRight.TrackParticipation),
            runs && role.Allows(LabRight.RunQuestionnaires),
            runs && role.Allows(LabRight.ConfigureTools),
            runs);
    }

    /// <summary>Every ideas step's notes, those taken off the board included (marked) for those who run workshops.</summary>
    private static async Task<List<NoteView>> NotesAsync(MutualisonsDbContext db, Workshop workshop, bool runs, CancellationToken cancellationToken)
    {
        var notes = new List<NoteView>();
        foreach (var step in workshop.Steps.Where(s => s.Kind == WorkshopStepKind.Ideas))
        {
            notes.AddRange(await WorkshopReading.NotesAsync(db, workshop, step, names: runs, withRemoved: runs, cancellationToken));
        }
        return notes;
    }

    private static Task<List<ClusterRow>> ClustersAsync(MutualisonsDbContext db, Workshop workshop, CancellationToken cancellationToken) =>
        db.WorkshopClusters.AsNoTracking().Where(c => c.WorkshopId == workshop.Id).OrderBy(c => c.Name)
            .Select(c => new ClusterRow(c.Id, c.StepId, c.Name, c.BecameId)).ToListAsync(cancellationToken);

    /// <summary>The needs and experiments of this lab that notes or clusters became.</summary>
    internal static async Task<Dictionary<Guid, BecameView>> BecameAsync(MutualisonsDbContext db, Guid labId, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var needs = await db.DiagnosticNeeds.AsNoTracking().Where(n => n.LabId == labId && wanted.Contains(n.Id))
            .Select(n => new BecameView(n.Id, OutcomeKind.Need, n.Text)).ToListAsync(cancellationToken);
        var experiments = await db.Experiments.AsNoTracking().IgnoreAutoIncludes().Where(e => e.LabId == labId && wanted.Contains(e.Id))
            .Select(e => new BecameView(e.Id, OutcomeKind.Experiment, e.Title)).ToListAsync(cancellationToken);
        return needs.Concat(experiments).ToDictionary(b => b.Id);
    }

    /// <summary>Who came, by organisation: the lab's first (with whether their stakeholder is marked present), then the others named in words.</summary>
    internal static async Task<IReadOnlyList<AttendanceGroup>> AttendanceAsync(MutualisonsDbContext db, Workshop workshop, OutcomeActivity? activity, bool names, CancellationToken cancellationToken)
    {
        var participants = await db.WorkshopParticipants.AsNoTracking().Where(p => p.WorkshopId == workshop.Id).OrderBy(p => p.JoinedAt)
            .Select(p => new { p.DisplayName, p.OrganisationId, p.OtherOrganisation, p.RemovedAt }).ToListAsync(cancellationToken);
        var organisationIds = participants.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct().ToList();
        var organisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => s.LabId == workshop.LabId && s.OrganisationId != null && organisationIds.Contains(s.OrganisationId.Value))
            .Select(s => new { s.Id, OrganisationId = s.OrganisationId!.Value }).ToListAsync(cancellationToken);
        var present = activity is null
            ? []
            : (await db.Activities.AsNoTracking().Where(a => a.Id == activity.Id).Select(a => a.Present).SingleAsync(cancellationToken)).ToHashSet();
        var ofTheLab = participants.Where(p => p.OrganisationId is not null).GroupBy(p => p.OrganisationId!.Value).Select(g =>
        {
            var theirs = stakeholders.Where(s => s.OrganisationId == g.Key).Select(s => s.Id).ToList();
            return new AttendanceGroup(g.Key, organisationNames.GetValueOrDefault(g.Key, string.Empty), true, theirs.Count > 0, theirs.Count > 0 && theirs.All(present.Contains),
                [.. g.Select(p => new AttendeeView(names ? p.DisplayName : string.Empty, p.RemovedAt != null))]);
        }).OrderBy(g => g.Name, StringComparer.CurrentCulture);
        var others = participants.Where(p => p.OrganisationId is null).GroupBy(p => p.OtherOrganisation.Trim(), StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new AttendanceGroup(null, g.Key, false, false, false, [.. g.Select(p => new AttendeeView(names ? p.DisplayName : string.Empty, p.RemovedAt != null))]))
            .OrderBy(g => g.Name, StringComparer.CurrentCulture);
        return [.. ofTheLab, .. others];
    }

    private static BecameView? Of(Dictionary<Guid, BecameView> became, Guid? id) => id is { } found ? became.GetValueOrDefault(found) : null;

    private sealed record ClusterRow(Guid Id, Guid StepId, string Name, Guid? BecameId);
}
