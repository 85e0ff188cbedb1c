using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Infrastructure.Persistence.DemoData;
using Mutualisons.IntegrationTests.Support;

namespace Mutualisons.IntegrationTests.Persistence;

public sealed class DemoDataTests(TestDatabaseFixture database) : CleanDatabaseTest(database), IClassFixture<TestDatabaseFixture>
{
    [Fact]
    public async Task Demo_data_loads_the_three_labs_of_the_notebooks_once()
    {
        await using (var db = database.CreateDbContext())
        {
            Assert.True(await DemoDataSeeder.SeedIfEmptyAsync(db, TimeProvider.System));
        }
        await using (var db = database.CreateDbContext())
        {
            Assert.False(await DemoDataSeeder.SeedIfEmptyAsync(db, TimeProvider.System));
        }

        await using var reading = database.CreateDbContext();
        var labs = await reading.Mutualisations.AsNoTracking().Include(m => m.Journal).OrderBy(m => m.Name).ToListAsync();
        Assert.Equal(["Bota 75", "Headquarters for Change", "In Common"], labs.Select(l => l.Name));
        Assert.All(labs, lab =>
        {
            Assert.Equal(5, lab.Cycles.Count);
            Assert.Equal(4, lab.Journal.Count);
            Assert.NotNull(lab.CurrentFocus);
        });
        Assert.Equal(4, labs.Single(l => l.Name == "Bota 75").Memberships.Count);
        Assert.Equal(5, labs.Single(l => l.Name == "In Common").Memberships.Count);
        Assert.Contains(ResourceKind.Data, labs.Single(l => l.Name == "In Common").ResourceKinds);
        Assert.Equal(CooperationLevel.Strategic, labs.Single(l => l.Name == "Headquarters for Change").CooperationLevel);
        // Réseau Financité takes part in two labs: one organisation, two memberships.
        Assert.Equal(11, await reading.Organisations.CountAsync());
    }
}
