using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Organisations;
using Mutualisons.Domain.People;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Publics;

/// <summary>What one person shows in the directory; null parts are the ones they keep to themselves.</summary>
public sealed record DirectoryEntry(string Name, LabRole Role, string? Organisation, IReadOnlyList<ContactRole> Roles, string? Email, IReadOnlyList<Language>? Languages, string? Interests);

public sealed record LabDirectory(string LabName, IReadOnlyList<DirectoryEntry> Entries);

/// <summary>The profile form of the signed-in person (static page: one flag per choice).</summary>
public sealed class ProfileInput
{
    public bool DecisionMaker { get; set; }

    public bool Coordinator { get; set; }

    public bool ItLead { get; set; }

    public bool HrLead { get; set; }

    public bool CommunicationLead { get; set; }

    public bool FinanceLead { get; set; }

    public bool French { get; set; }

    public bool Dutch { get; set; }

    public bool English { get; set; }

    public string? Interests { get; set; }

    public bool Listed { get; set; }

    public bool ShowEmail { get; set; }

    public bool ShowLanguages { get; set; }

    public bool ShowInterests { get; set; }

    public IEnumerable<ContactRole> Roles()
    {
        if (DecisionMaker) { yield return ContactRole.DecisionMaker; }
        if (Coordinator) { yield return ContactRole.Coordinator; }
        if (ItLead) { yield return ContactRole.ItLead; }
        if (HrLead) { yield return ContactRole.HrLead; }
        if (CommunicationLead) { yield return ContactRole.CommunicationLead; }
        if (FinanceLead) { yield return ContactRole.FinanceLead; }
    }

    public IEnumerable<Language> Languages()
    {
        if (French) { yield return Language.French; }
        if (Dutch) { yield return Language.Dutch; }
        if (English) { yield return Language.English; }
    }

    public static ProfileInput From(PersonProfile? profile) => profile is null ? new() : new()
    {
        DecisionMaker = profile.Roles.Contains(ContactRole.DecisionMaker),
        Coordinator = profile.Roles.Contains(ContactRole.Coordinator),
        ItLead = profile.Roles.Contains(ContactRole.ItLead),
        HrLead = profile.Roles.Contains(ContactRole.HrLead),
        CommunicationLead = profile.Roles.Contains(ContactRole.CommunicationLead),
        FinanceLead = profile.Roles.Contains(ContactRole.FinanceLead),
        French = profile.Languages.Contains(Language.French),
        Dutch = profile.Languages.Contains(Language.Dutch),
        English = profile.Languages.Contains(Language.English),
        Interests = profile.Interests,
        Listed = profile.Listed,
        ShowEmail = profile.ShowsEmail,
        ShowLanguages = profile.ShowsLanguages,
        ShowInterests = profile.ShowsInterests,
    };
}

public sealed class DirectoryService(IDbContextFactory<MutualisonsDbContext> dbFactory, CurrentActor currentActor)
{
    /// <summary>The people of a lab who chose to be listed, filtered; null when the person has no role in the lab.</summary>
    public async Task<LabDirectory?> GetAsync(Guid labId, string? search = null, Language? language = null, ContactRole? role = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RoleInAsync(actor, labId, cancellationToken) is null)
        {
            return null;
        }
        var name = await db.Mutualisations.Where(m => m.Id == labId).Select(m => m.Name).SingleAsync(cancellationToken);
        var listed = await db.Mutualisations.AsNoTracking().Where(m => m.Id == labId)
            .SelectMany(m => m.People)
            .Join(db.PersonProfiles.Where(p => p.Listed), p => p.PersonId, profile => profile.PersonId, (p, profile) => new { p.PersonId, p.Role, p.OrganisationId, profile })
            .Join(db.Users, x => x.PersonId, u => u.Id, (x, u) => new { x.Role, x.OrganisationId, x.profile, u.DisplayName, u.Email })
            .GroupJoin(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x, o })
            .SelectMany(x => x.o.DefaultIfEmpty(), (x, o) => new { x.x, Organisation = o == null ? null : o.Name })
            .ToListAsync(cancellationToken);

        var entries = listed
            .Select(e => new DirectoryEntry(
                e.x.DisplayName, e.x.Role, e.Organisation, e.x.profile.Roles,
                e.x.profile.ShowsEmail ? e.x.Email : null,
                e.x.profile.ShowsLanguages ? e.x.profile.Languages : null,
                e.x.profile.ShowsInterests ? e.x.profile.Interests : null))
            .Where(e => string.IsNullOrWhiteSpace(search)
                || e.Name.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase)
                || (e.Organisation?.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase) ?? false)
                || (e.Interests?.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase) ?? false))
            .Where(e => language is null || (e.Languages?.Contains(language.Value) ?? false))
            .Where(e => role is null || e.Roles.Contains(role.Value))
            .OrderBy(e => e.Name, StringComparer.CurrentCulture)
            .ToList();
        return new LabDirectory(name, entries);
    }

    public async Task<ProfileInput> GetMineAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return ProfileInput.From(await db.PersonProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == actor.UserId, cancellationToken));
    }

    public async Task<SaveResult> SaveMineAsync(ProfileInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await currentActor.GetAsync();
        if (actor.UserId is not { } userId)
        {
            return SaveResult.Forbidden;
        }
        if (input.Interests?.Length > Domain.Common.Limits.ShortText)
        {
            return SaveResult.Refused("Profile.InterestsTooLong");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.PersonProfiles.SingleOrDefaultAsync(p => p.PersonId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new PersonProfile(userId);
            db.PersonProfiles.Add(profile);
        }
        profile.Describe(input.Roles(), input.Languages(), input.Interests);
        profile.Share(input.Listed, input.ShowEmail, input.ShowLanguages, input.ShowInterests);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(userId);
    }
}
