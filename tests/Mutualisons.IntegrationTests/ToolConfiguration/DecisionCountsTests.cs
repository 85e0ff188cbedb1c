using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.ToolConfiguration.Governance;

namespace Mutualisons.IntegrationTests.ToolConfiguration;

/// <summary>
/// PostgreSQL adds up a decision's ballots for its page; the close adds them up in memory. Both must give the
/// same tally under every rule, with weights, abstentions, stand-asides, objections and voters who did not vote.
/// </summary>
public sealed class DecisionCountsTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    public static TheoryData<DecisionMode, int?, int?, DecisionPosition[]> Cases => new()
    {
        { DecisionMode.Consent, null, null, [DecisionPosition.For, DecisionPosition.Objection, DecisionPosition.Abstain] },
        { DecisionMode.Consent, null, null, [DecisionPosition.For, DecisionPosition.For, DecisionPosition.Abstain, DecisionPosition.For] },
        { DecisionMode.Consensus, null, null, [DecisionPosition.For, DecisionPosition.StandAside, DecisionPosition.For, DecisionPosition.For, DecisionPosition.For] },
        { DecisionMode.Consensus, null, null, [DecisionPosition.For, DecisionPosition.Against] },
        { DecisionMode.Majority, 60, null, [DecisionPosition.For, DecisionPosition.Abstain, DecisionPosition.Against] },
        { DecisionMode.Majority, null, 66, [DecisionPosition.For, DecisionPosition.For, DecisionPosition.Against, DecisionPosition.Abstain, DecisionPosition.For] },
        { DecisionMode.Majority, null, null, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_sums_postgresql_makes_give_the_tally_the_close_gives(DecisionMode mode, int? quorum, int? threshold, DecisionPosition[] positions)
    {
        await using var db = app.CreateDbContext();
        var lab = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        // Five organisations weighing 1 to 5; each of the first ones takes the position given, the rest do not vote.
        var voters = Enumerable.Range(1, 5).ToDictionary(_ => Guid.NewGuid(), w => w);
        // The demo's accounts stand as the organisations' decision makers: ballots and log lines name real people.
        var people = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).Take(5).ToListAsync();
        Assert.Equal(5, people.Count);
        var makers = voters.Keys.Zip(people).ToDictionary(p => p.First, p => p.Second);
        var body = new Body(lab, $"Assemblée {mode}", BodyKind.OccupantsAssembly, null, new DecisionRule(mode, VoterKind.Organisations, quorum, threshold), null, DateTimeOffset.UtcNow);
        body.SetMembers(voters, voters.Keys.ToList());
        var decision = new Decision(body, "Ouvrir la cour le samedi", null, DateTimeOffset.UtcNow.AddDays(7), null, null, DateTimeOffset.UtcNow);
        foreach (var (organisation, position) in voters.Keys.Zip(positions))
        {
            decision.Vote(organisation, makers[organisation], position, "Parce que la cour est partagée", makers, DateTimeOffset.UtcNow);
        }
        db.AddRange(body, decision);
        await db.SaveChangesAsync();

        await using var read = app.CreateDbContext();
        var sums = await DecisionCounts.SumsAsync(read, decision.Id, CancellationToken.None);
        var stored = await read.Decisions.AsNoTracking().SingleAsync(d => d.Id == decision.Id);

        Assert.Equal(15, sums.TotalWeight);
        Assert.Equal(voters.Values.Take(positions.Length).Sum(), sums.VotedWeight);
        Assert.Equal(stored.Count(), Decision.Tally(stored.Rule, sums));
    }

    [Fact]
    public async Task A_decision_that_does_not_exist_adds_up_to_nothing()
    {
        await using var db = app.CreateDbContext();

        Assert.Equal(new DecisionSums(0, 0, 0, 0, 0, 0, 0), await DecisionCounts.SumsAsync(db, Guid.NewGuid(), CancellationToken.None));
    }
}
