using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Infrastructure.Persistence;

public sealed class MutualisonsDbContext(DbContextOptions<MutualisonsDbContext> options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Mutualisation> Mutualisations => Set<Mutualisation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MutualisonsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
