using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Methods;
using Mutualisons.Web.Features.Publics.Activities;

namespace Mutualisons.IntegrationTests.Methods;

/// <summary>Activities record the library method they follow; the methods page counts them per cycle, for the lab's people only.</summary>
public sealed class MethodUseTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<Guid> LabAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Mutualisations.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<uint> VersionAsync(Guid activity)
    {
        await using var db = app.CreateDbContext();
        return (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity)).Version;
    }

    private Task<MethodsView?> ViewAsync(string person, Guid lab) => app.AsAsync<MethodsService, MethodsView?>(person, s => s.GetAsync(lab));

    private static int Held(MethodsView view, string key, Cycle cycle) => view.Uses.SingleOrDefault(u => u.MethodKey == key && u.Cycle == cycle)?.Held ?? 0;

    private static int Planned(MethodsView view, string key, Cycle cycle) => view.Uses.SingleOrDefault(u => u.MethodKey == key && u.Cycle == cycle)?.Planned ?? 0;

    [Fact]
    public async Task The_methods_an_activity_follows_are_counted_per_cycle_planned_then_held_and_a_cancelled_one_drops_out()
    {
        var lab = await LabAsync("Bota 75");
        var before = (await ViewAsync(Pilot, lab))!;

        var input = new ActivityInput { Title = "World café des occupants", MethodKey = "world-cafe", Cycles = [Cycle.Diagnostic, Cycle.Publics], Date = DateTime.UtcNow.Date, LevelOffered = ParticipationLevel.Discussion };
        var cafe = (await app.AsAsync<ActivityService, SaveResult>(Pilot, s => s.PlanActivityAsync(lab, input))).Id!.Value;
        var planned = (await ViewAsync(Pilot, lab))!;
        Assert.Equal(Planned(before, "world-cafe", Cycle.Diagnostic) + 1, Planned(planned, "world-cafe", Cycle.Diagnostic));
        Assert.Equal(Planned(before, "world-cafe", Cycle.Publics) + 1, Planned(planned, "world-cafe", Cycle.Publics));

        Assert.True((await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.RecordHeldAsync(lab, cafe, [], "Trois tables", await VersionAsync(cafe)))).Succeeded);
        var held = (await ViewAsync(Pilot, lab))!;
        Assert.Equal(Held(before, "world-cafe", Cycle.Diagnostic) + 1, Held(held, "world-cafe", Cycle.Diagnostic));
        Assert.Equal(Planned(before, "world-cafe", Cycle.Diagnostic), Planned(held, "world-cafe", Cycle.Diagnostic));

        var visit = (await app.AsAsync<ActivityService, SaveResult>(Pilot, s => s.PlanActivityAsync(lab, new ActivityInput
        {
            Title = "Visite du Tri postal", MethodKey = "site-visit", Kind = ActivityKind.SiteVisit, Cycles = [Cycle.ToolConfiguration], Date = DateTime.UtcNow.Date, LevelOffered = ParticipationLevel.Information,
        }))).Id!.Value;
        Assert.True((await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.CancelAsync(lab, visit, "Lieu non retenu", await VersionAsync(visit)))).Succeeded);
        Assert.Equal(Planned(before, "site-visit", Cycle.ToolConfiguration), Planned((await ViewAsync(Pilot, lab))!, "site-visit", Cycle.ToolConfiguration));
    }

    [Fact]
    public async Task A_method_the_library_does_not_hold_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var lab = await LabAsync("Bota 75");
        var input = new ActivityInput { Title = "Séance de tarot", MethodKey = "tarot-reading", Cycles = [Cycle.Diagnostic], Date = DateTime.UtcNow.Date };

        var refused = await app.AsAsync<ActivityService, SaveResult>(Pilot, s => s.PlanActivityAsync(lab, input));

        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Contains(nameof(ActivityInput.MethodKey), refused.Errors!.Keys);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Activities.AnyAsync(a => a.Title == "Séance de tarot"));
    }

    [Fact]
    public async Task Someone_outside_the_lab_reads_nothing_of_its_methods()
    {
        var bota = await LabAsync("Bota 75");

        Assert.NotNull(await ViewAsync(DemoAppFixture.Observer, bota));
        Assert.Null(await ViewAsync(DemoAppFixture.Coordination, bota));
        Assert.Null(await ViewAsync(Pilot, Guid.NewGuid()));
    }
}
