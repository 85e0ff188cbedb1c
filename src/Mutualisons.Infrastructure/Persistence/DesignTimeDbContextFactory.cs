using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mutualisons.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app or a server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MutualisonsDbContext>
{
    public MutualisonsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MutualisonsDbContext>();
        options.UseMutualisonsDatabase("Host=127.0.0.1;Database=mutualisons_design;Username=postgres");
        return new MutualisonsDbContext(options.Options);
    }
}
