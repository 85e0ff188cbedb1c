using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Infrastructure.Identity;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Infrastructure.Persistence.DemoData;

namespace Mutualisons.Web.Hosting;

/// <summary>
/// One demo account per role on the demo labs, so a newcomer can try each view (Development only; the
/// password comes from DemoData:Password).
/// </summary>
public static class DemoAccounts
{
    public const string Domain = "mutualisons.test";

    public sealed record Demo(string Email, string Name, bool Admin, params (string Lab, LabRole Role, string? Organisation)[] Roles);

    public static readonly IReadOnlyList<Demo> All =
    [
        new($"admin@{Domain}", "Alex (administration)", true),
        new($"facilitatrice@{Domain}", "Fatima (facilitatrice)", false, ("Bota 75", LabRole.Facilitator, null), ("In Common", LabRole.Observer, null)),
        new($"pilote@{Domain}", "Pieter (groupe pilote)", false, ("Bota 75", LabRole.PilotGroupMember, null)),
        new($"participante@{Domain}", "Paula (Médecins du Monde)", false, ("Bota 75", LabRole.Participant, "Médecins du Monde")),
        new($"observateur@{Domain}", "Omar (observateur)", false, ("Bota 75", LabRole.Observer, null)),
        new($"coordination@{Domain}", "Camille (coordination)", false, ("In Common", LabRole.Facilitator, null), ("Headquarters for Change", LabRole.Facilitator, null)),
    ];

    public static async Task SeedIfNoAccountsAsync(IServiceProvider services, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var db = scope.ServiceProvider.GetRequiredService<MutualisonsDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await db.Users.AnyAsync())
        {
            return;
        }

        var labs = await db.Mutualisations.ToDictionaryAsync(m => m.Name);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id);
        foreach (var demo in All)
        {
            var account = new UserAccount { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.Name, IsPlatformAdmin = demo.Admin, CreatedAt = time.GetUtcNow() };
            var created = await users.CreateAsync(account, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {demo.Email}: {string.Join(", ", created.Errors.Select(e => e.Code))}");
            }
            foreach (var (lab, role, organisation) in demo.Roles)
            {
                if (labs.TryGetValue(lab, out var mutualisation))
                {
                    mutualisation.GrantRole(account.Id, role, organisation is null ? null : organisations[organisation], time.GetUtcNow());
                }
            }
        }
        await db.SaveChangesAsync();

        // Bota 75's working groups are led by demo people: its cycle 4 comes once they exist.
        var ids = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id);
        if (ids.TryGetValue($"pilote@{Domain}", out var pilot) && ids.TryGetValue($"facilitatrice@{Domain}", out var facilitator) && ids.TryGetValue($"participante@{Domain}", out var participant))
        {
            await DemoToolConfiguration.SeedAsync(db, pilot, facilitator, participant);
            await DemoNotebook.SeedAsync(db, (pilot, All.Single(d => d.Email == $"pilote@{Domain}").Name), (facilitator, All.Single(d => d.Email == $"facilitatrice@{Domain}").Name));
        }
    }
}
