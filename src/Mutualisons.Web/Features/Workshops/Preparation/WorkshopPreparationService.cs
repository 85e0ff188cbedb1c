using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Audit;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Audit;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Publics.Activities;

namespace Mutualisons.Web.Features.Workshops.Preparation;

public sealed record WorkshopRow(Guid Id, string Title, WorkshopState State, DateTimeOffset ScheduledAt, string Place, ParticipationLevel Level, int Steps, int Participants);

public sealed record TemplateRow(Guid Id, string Name, int Steps, uint Version);

public sealed record LabWorkshops(Guid LabId, string LabName, bool MayRun, IReadOnlyList<WorkshopRow> Workshops, IReadOnlyList<TemplateRow> Templates);

/// <summary>
/// Preparing a lab's workshops: each one a cycle 2 activity with its sequence of steps, started from nothing,
/// from one of the platform's templates or from one the lab saved; steps added, set up, reordered and removed,
/// before and during the session. Every change tells the room, so phones on a changed step re-read it.
/// </summary>
public sealed class WorkshopPreparationService(
    IDbContextFactory<MutualisonsDbContext> dbFactory,
    CurrentActor currentActor,
    LabWrites writes,
    IValidator<ActivityInput> activityValidator,
    IValidator<StepInput> stepValidator,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<LabWorkshops?> GetAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is not { } role)
        {
            return null;
        }
        var name = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var workshops = await (
            from w in db.Workshops.AsNoTracking().IgnoreAutoIncludes()
            join a in db.Activities.AsNoTracking() on w.ActivityId equals a.Id
            where w.LabId == labId
            orderby a.ScheduledAt descending
            select new WorkshopRow(w.Id, w.Title, w.State, a.ScheduledAt, a.Place, a.LevelOffered,
                db.Set<WorkshopStep>().Count(s => s.WorkshopId == w.Id), db.WorkshopParticipants.Count(p => p.WorkshopId == w.Id && p.RemovedAt == null)))
            .ToListAsync(cancellationToken);
        var templates = await db.WorkshopTemplates.AsNoTracking().Where(t => t.LabId == labId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return new LabWorkshops(labId, name, role.Allows(LabRight.RunWorkshops), workshops,
            [.. templates.Select(t => new TemplateRow(t.Id, t.Name, t.Steps.Count, t.Version))]);
    }

    /// <summary>
    /// Plans the activity and its workshop in one write, its steps copied from <paramref name="template"/>
    /// ("builtin:diagnostic", a saved template's id, or none). The saved result's id is the workshop's.
    /// </summary>
    public Task<SaveResult> CreateAsync(Guid labId, ActivityInput input, string? template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.RunWorkshops).Validating(input, activityValidator).CreateAsync<Workshop>(async write =>
        {
            var activity = new Activity(labId, input.Title, input.Kind, input.Method, input.Cycles, ActivityService.Midday(input.Date!.Value), input.Place, input.LevelOffered, write.Now);
            activity.Follow(input.MethodKey);
            write.Db.Activities.Add(activity);
            write.AlsoAudit(AuditAction.Created, Activity.AuditSubject, activity.Id, activity.Title);
            var workshop = new Workshop(labId, activity.Id, input.Title, write.Now);
            if (!string.IsNullOrEmpty(template))
            {
                workshop.CopySteps(await TemplateStepsAsync(write, labId, template));
            }
            return (workshop, workshop.Title);
        }, cancellationToken);
    }

    /// <summary>Adds a template's steps after the workshop's own.</summary>
    public Task<SaveResult> CopyTemplateAsync(Guid labId, Guid workshopId, string template, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeWorkshopAsync(workshopId, version, WorkshopChange.Room, async (workshop, write) =>
        {
            workshop.CopySteps(await TemplateStepsAsync(write, labId, template));
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.TemplateCopied")}";
        }, cancellationToken);

    /// <summary>Keeps the workshop's steps as a template of the lab, to run such a workshop again.</summary>
    public Task<SaveResult> SaveAsTemplateAsync(Guid labId, Guid workshopId, string name, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).CreateAsync<WorkshopTemplate>(async write =>
        {
            var workshop = await write.Db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId && w.LabId == labId, write.CancellationToken)
                ?? throw LabWrite.NotFound();
            var template = new WorkshopTemplate(labId, name, workshop.AsTemplate(), write.Now);
            return (template, template.Name);
        }, cancellationToken);

    public Task<SaveResult> DeleteTemplateAsync(Guid labId, Guid templateId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).DeleteAsync<WorkshopTemplate>(templateId, version, (template, _) => template.Name, cancellationToken);

    public Task<SaveResult> RenameAsync(Guid labId, Guid workshopId, string title, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeWorkshopAsync(workshopId, version, WorkshopChange.Room, workshop =>
        {
            workshop.Rename(title);
            return workshop.Title;
        }, cancellationToken);

    public Task<SaveResult> AddStepAsync(Guid labId, Guid workshopId, StepInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.RunWorkshops).Validating(input, stepValidator).ChangeWorkshopAsync(workshopId, version, WorkshopChange.Room, workshop =>
        {
            workshop.AddStep(input.Kind, input.ToSettings());
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.StepAdded")} {AuditText.Of(input.Kind)}";
        }, cancellationToken);
    }

    public Task<SaveResult> ConfigureStepAsync(Guid labId, Guid workshopId, Guid stepId, StepInput input, uint version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return writes.In(labId, LabRight.RunWorkshops).Validating(input, stepValidator).ChangeWorkshopAsync(workshopId, version, WorkshopChange.Room, workshop =>
        {
            workshop.ConfigureStep(stepId, input.ToSettings());
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.StepChanged")} {workshop.Step(stepId).Position + 1}";
        }, cancellationToken);
    }

    public Task<SaveResult> MoveStepAsync(Guid labId, Guid workshopId, Guid stepId, int by, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeWorkshopAsync(workshopId, version, WorkshopChange.Room, workshop =>
        {
            workshop.MoveStep(stepId, by);
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.StepMoved")} {workshop.Step(stepId).Position + 1}";
        }, cancellationToken);

    public Task<SaveResult> RemoveStepAsync(Guid labId, Guid workshopId, Guid stepId, uint version, CancellationToken cancellationToken = default) =>
        writes.In(labId, LabRight.RunWorkshops).ChangeWorkshopAsync(workshopId, version, WorkshopChange.Room, workshop =>
        {
            var position = workshop.Step(stepId).Position + 1;
            workshop.RemoveStep(stepId);
            return $"{workshop.Title} — {AuditText.Key("Workshops.Audit.StepRemoved")} {position}";
        }, cancellationToken);

    private async Task<IReadOnlyList<TemplateStep>> TemplateStepsAsync(LabWrite write, Guid labId, string template)
    {
        if (template.StartsWith(BuiltInTemplates.Prefix, StringComparison.Ordinal)
            && BuiltInTemplates.Steps(template[BuiltInTemplates.Prefix.Length..], localizer) is { } builtIn)
        {
            return builtIn;
        }
        if (Guid.TryParse(template, out var templateId)
            && await write.Db.WorkshopTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId && t.LabId == labId, write.CancellationToken) is { } saved)
        {
            return saved.Steps;
        }
        throw new DomainException("Workshop.TemplateUnknown", "That template does not exist.");
    }
}
