using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Methods;
using Mutualisons.Domain.Publics;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;

namespace Mutualisons.Web.Features.Methods;

/// <summary>How often the lab used a library method in a cycle: activities held, and still to come.</summary>
public sealed record MethodUse(string MethodKey, Cycle Cycle, int Held, int Planned);

/// <summary>The methods page of a lab: its name and the methods its activities followed, per cycle.</summary>
public sealed record MethodsView(string LabName, IReadOnlyList<MethodUse> Uses);

/// <summary>What the chooser is asked, as the form holds it.</summary>
public sealed class MethodNeedInput
{
    public Cycle Cycle { get; set; } = Cycle.Diagnostic;

    public ParticipationLevel Level { get; set; } = ParticipationLevel.Consultation;

    public int? People { get; set; }

    public int? Weeks { get; set; }

    public MethodNeed ToNeed() => new(Cycle, Level, People ?? 1, Weeks ?? 0);
}

public sealed class MethodNeedInputValidator : AbstractValidator<MethodNeedInput>
{
    public MethodNeedInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(n => n.Cycle).IsInEnum();
        RuleFor(n => n.Level).IsInEnum();
        RuleFor(n => n.People)
            .NotNull().WithMessage(_ => l["Validation.Methods.PeopleRequired"])
            .InclusiveBetween(1, MethodChooser.MostPeople).WithMessage(_ => l["Validation.Methods.PeopleRange", MethodChooser.MostPeople]);
        RuleFor(n => n.Weeks)
            .NotNull().WithMessage(_ => l["Validation.Methods.WeeksRequired"])
            .InclusiveBetween(0, MethodChooser.MostWeeks).WithMessage(_ => l["Validation.Methods.WeeksRange", MethodChooser.MostWeeks]);
    }
}

/// <summary>The core cycle's methods: the library everyone in a lab reads, and which methods the lab's activities followed.</summary>
public sealed class MethodsService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    public async Task<MethodsView?> GetAsync(Guid labId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.PlaceInAsync(actor, labId, cancellationToken) is null)
        {
            return null;
        }
        var labName = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.LabId == labId && a.MethodKey != null && a.Status != ActivityStatus.Cancelled)
            .Select(a => new { a.MethodKey, a.Cycles, a.Status })
            .ToListAsync(cancellationToken);
        var uses = activities
            .SelectMany(a => a.Cycles.Select(c => (Key: a.MethodKey!, Cycle: c, Held: a.Status == ActivityStatus.Held)))
            .GroupBy(u => (u.Key, u.Cycle))
            .Select(g => new MethodUse(g.Key.Key, g.Key.Cycle, g.Count(u => u.Held), g.Count(u => !u.Held)))
            .OrderBy(u => u.MethodKey, StringComparer.Ordinal).ThenBy(u => u.Cycle)
            .ToList();
        return new MethodsView(labName, uses);
    }
}
