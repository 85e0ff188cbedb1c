using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Organisations;

/// <summary>
/// An "alternative": an association, cooperative, citizen initiative or social-economy enterprise that
/// may pool resources with others in a mutualisation.
/// </summary>
public sealed class Organisation
{
    private readonly List<Language> _languages = [];
    private readonly List<ContactPerson> _contacts = [];

    private Organisation()
    {
        Name = string.Empty;
        Sector = string.Empty;
        Mission = string.Empty;
        Website = string.Empty;
        Address = PostalAddress.Unknown;
    }

    public Organisation(OrganisationProfile profile, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        CreatedAt = Guard.Utc(now);
        Apply(profile, now);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public string Sector { get; private set; }

    public string Mission { get; private set; }

    public string Website { get; private set; }

    public PostalAddress Address { get; private set; }

    public IReadOnlyList<Language> Languages => _languages;

    public IReadOnlyList<ContactPerson> Contacts => _contacts;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: a stale edit must not overwrite someone else's.</summary>
    public uint Version { get; private set; }

    public void Revise(OrganisationProfile profile, DateTimeOffset now) => Apply(profile, now);

    private void Apply(OrganisationProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Name = Guard.RequiredText(profile.Name, Limits.Name, "Organisation.NameRequired", "The name");
        Kind = Guard.Defined(profile.Kind, "Organisation.KindInvalid");
        Sector = Guard.OptionalText(profile.Sector, Limits.ShortText, "Organisation.SectorTooLong", "The sector");
        Mission = Guard.OptionalText(profile.Mission, Limits.LongText, "Organisation.MissionTooLong", "The mission");
        Website = NormaliseWebsite(profile.Website);
        Address = profile.Address ?? PostalAddress.Unknown;

        _languages.Clear();
        _languages.AddRange(profile.Languages.Select(l => Guard.Defined(l, "Organisation.LanguageInvalid")).Distinct().Order());

        _contacts.Clear();
        _contacts.AddRange(profile.Contacts);
        UpdatedAt = Guard.Utc(now);
    }

    private static string NormaliseWebsite(string? website)
    {
        var text = Guard.OptionalText(website, Limits.Url, "Organisation.WebsiteInvalid", "The website");
        if (text.Length == 0)
        {
            return text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainException("Organisation.WebsiteInvalid", "The website must be an http or https address.");
        }
        return text;
    }
}
