using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Publics.Activities;
using Mutualisons.Web.Features.Publics.Stakeholders;

namespace Mutualisons.IntegrationTests.Publics;

public sealed class ActivityRevisionTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;

    private async Task<uint> VersionAsync(Guid activity)
    {
        await using var db = app.CreateDbContext();
        return (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity)).Version;
    }

    [Fact]
    public async Task Revising_a_held_activity_moves_the_levels_it_gave_to_the_cycles_it_now_serves()
    {
        Guid lab;
        await using (var db = app.CreateDbContext())
        {
            lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        }
        var ana = (await app.AsAsync<StakeholderService, SaveResult>(Pilot, s => s.AddStakeholderAsync(lab, new StakeholderInput { Name = "Ana", Kind = StakeholderKind.Person }))).Id!.Value;
        var input = new ActivityInput { Title = "Atelier mal classé", Cycles = [Cycle.Impact], Date = DateTime.UtcNow.Date, LevelOffered = ParticipationLevel.Discussion };
        var activity = (await app.AsAsync<ActivityService, SaveResult>(Pilot, s => s.PlanActivityAsync(lab, input))).Id!.Value;
        Assert.True((await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.RecordHeldAsync(lab, activity, [ana], null, await VersionAsync(activity)))).Succeeded);

        var revised = new ActivityInput { Title = "Atelier des publics", Cycles = [Cycle.Publics], Date = DateTime.UtcNow.Date, LevelOffered = ParticipationLevel.Deliberation };
        var stale = await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.ReviseAsync(lab, activity, revised, await VersionAsync(activity) - 1));
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        var saved = await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.ReviseAsync(lab, activity, revised, await VersionAsync(activity)));

        Assert.True(saved.Succeeded, saved.MessageKey);
        var levels = (await app.AsAsync<StakeholderService, StakeholderDetails?>(Pilot, s => s.GetStakeholderAsync(lab, ana)))!.Participation.ToDictionary(p => p.Cycle, p => p.Reached);
        Assert.Null(levels[Cycle.Impact]);
        Assert.Equal(ParticipationLevel.Deliberation, levels[Cycle.Publics]);
        var activities = (await app.AsAsync<ActivityService, LabActivities?>(Pilot, s => s.GetActivitiesAsync(lab)))!;
        Assert.Equal("Atelier des publics", activities.Activities.Single(a => a.Id == activity).Title);

        var invalid = await app.AsAsync<ActivityService, SaveResult>(Pilot, async s => await s.ReviseAsync(lab, activity, new ActivityInput { Title = "" }, await VersionAsync(activity)));
        Assert.Equal(SaveStatus.Invalid, invalid.Status);
    }
}
