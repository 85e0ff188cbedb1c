using Mutualisons.Domain.Common;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Domain.People;

/// <summary>
/// What a person shares in the labs' "who's who": the roles they hold in their organisation, their languages
/// and interests. Nothing is listed until they choose to be, and they choose each part.
/// </summary>
public sealed class PersonProfile
{
    private readonly List<ContactRole> _roles = [];
    private readonly List<Language> _languages = [];

    private PersonProfile()
    {
        Interests = string.Empty;
    }

    public PersonProfile(Guid personId) : this() => PersonId = personId;

    public Guid PersonId { get; private set; }

    public IReadOnlyList<ContactRole> Roles => _roles;

    public IReadOnlyList<Language> Languages => _languages;

    /// <summary>Free words: "GDPR, fundraising, football".</summary>
    public string Interests { get; private set; }

    public bool Listed { get; private set; }

    public bool ShowsEmail { get; private set; }

    public bool ShowsLanguages { get; private set; }

    public bool ShowsInterests { get; private set; }

    public void Describe(IEnumerable<ContactRole> roles, IEnumerable<Language> languages, string? interests)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(languages);
        _roles.Clear();
        _roles.AddRange(roles.Select(r => Guard.Defined(r, "Profile.RoleInvalid")).Distinct().Order());
        _languages.Clear();
        _languages.AddRange(languages.Select(l => Guard.Defined(l, "Profile.LanguageInvalid")).Distinct().Order());
        Interests = Guard.OptionalText(interests, Limits.ShortText, "Profile.InterestsTooLong", "The interests");
    }

    /// <summary>The person decides whether they appear, and what of theirs is shown.</summary>
    public void Share(bool listed, bool email, bool languages, bool interests)
    {
        Listed = listed;
        ShowsEmail = listed && email;
        ShowsLanguages = listed && languages;
        ShowsInterests = listed && interests;
    }
}
