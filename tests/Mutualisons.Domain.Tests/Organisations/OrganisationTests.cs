using Mutualisons.Domain.Common;
using Mutualisons.Domain.Organisations;

namespace Mutualisons.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 14, 0, 0, TimeSpan.Zero);

    private static OrganisationProfile Profile(string name = "SAW-B", string? website = "https://saw-b.be", Language[]? languages = null) =>
        new(name, OrganisationKind.Network, " Économie sociale ", "Fédérer", website, PostalAddress.Unknown, languages ?? [Language.French], []);

    [Fact]
    public void An_organisation_keeps_its_profile_trimmed()
    {
        var organisation = new Organisation(Profile(name: "  SAW-B  "), Now);

        Assert.Equal("SAW-B", organisation.Name);
        Assert.Equal("Économie sociale", organisation.Sector);
        Assert.Equal("https://saw-b.be", organisation.Website);
        Assert.NotEqual(Guid.Empty, organisation.Id);
    }

    [Fact]
    public void An_organisation_needs_a_name()
    {
        Assert.Equal("Organisation.NameRequired", Assert.Throws<DomainException>(() => new Organisation(Profile(name: " "), Now)).Code);
        Assert.Equal("Organisation.NameRequired", Assert.Throws<DomainException>(() => new Organisation(Profile(name: new string('x', 201)), Now)).Code);
    }

    [Theory]
    [InlineData("saw-b.be")]
    [InlineData("ftp://saw-b.be")]
    [InlineData("javascript:alert(1)")]
    public void A_website_must_be_an_http_address(string website)
    {
        Assert.Equal("Organisation.WebsiteInvalid", Assert.Throws<DomainException>(() => new Organisation(Profile(website: website), Now)).Code);
    }

    [Fact]
    public void Languages_are_kept_once_in_a_stable_order()
    {
        var organisation = new Organisation(Profile(languages: [Language.English, Language.French, Language.English]), Now);
        Assert.Equal([Language.French, Language.English], organisation.Languages);
    }

    [Fact]
    public void Revising_replaces_the_profile_and_touches_the_update_time()
    {
        var organisation = new Organisation(Profile(), Now);
        var later = Now.AddDays(1);

        organisation.Revise(Profile(name: "SAW-B asbl") with { Contacts = [new ContactPerson("Marie", ContactRole.HrLead, "marie@saw-b.be")] }, later);

        Assert.Equal("SAW-B asbl", organisation.Name);
        Assert.Equal(ContactRole.HrLead, Assert.Single(organisation.Contacts).Role);
        Assert.Equal(later, organisation.UpdatedAt);
        Assert.Equal(Now, organisation.CreatedAt);
    }

    [Fact]
    public void Coordinates_go_together_and_stay_on_earth()
    {
        Assert.Equal("Organisation.CoordinatesIncomplete", Assert.Throws<DomainException>(() => new PostalAddress(null, null, "Bruxelles", null, 50.8, null)).Code);
        Assert.Equal("Organisation.CoordinatesOutOfRange", Assert.Throws<DomainException>(() => new PostalAddress(null, null, null, null, 91, 4)).Code);
        Assert.True(new PostalAddress("Rue Botanique 75", "1210", "Saint-Josse", "Belgique", 50.85, 4.37).IsGeolocated);
        Assert.False(PostalAddress.Unknown.IsGeolocated);
    }

    [Fact]
    public void A_contact_needs_a_name()
    {
        Assert.Equal("Organisation.ContactNameRequired", Assert.Throws<DomainException>(() => new ContactPerson("", ContactRole.ItLead, null)).Code);
    }
}
