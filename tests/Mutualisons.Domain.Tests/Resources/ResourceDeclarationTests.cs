using Mutualisons.Domain.Common;
using Mutualisons.Domain.Resources;

namespace Mutualisons.Domain.Tests.Resources;

public sealed class ResourceDeclarationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Organisation = Guid.NewGuid();

    private static string Refusal(ResourceSide side, PooledResourceKind kind, ResourceDetails details) =>
        Assert.Throws<DomainException>(() => new ResourceDeclaration(Lab, Organisation, side, kind, details, null, Now)).Code;

    [Fact]
    public void A_declaration_without_a_title_or_an_organisation_is_refused()
    {
        Assert.Equal("Resources.TitleRequired", Refusal(ResourceSide.Need, PooledResourceKind.Service, new ResourceDetails(" ")));
        Assert.Equal("Resources.OrganisationRequired",
            Assert.Throws<DomainException>(() => new ResourceDeclaration(Lab, Guid.Empty, ResourceSide.Need, PooledResourceKind.Service, new ResourceDetails("Traduction"), null, Now)).Code);
    }

    [Fact]
    public void An_offered_place_says_its_size_and_its_hours_run_forward_on_named_days()
    {
        Assert.Equal("Resources.PlaceSizeRequired", Refusal(ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Salle")));
        Assert.Equal("Resources.AreaInvalid", Refusal(ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Salle", AreaSquareMetres: -4)));
        Assert.Equal("Resources.CapacityInvalid", Refusal(ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Salle", Capacity: 0)));
        Assert.Equal("Resources.TimeRangeInverted",
            Refusal(ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Salle", AreaSquareMetres: 40, Days: Weekdays.Tuesday, From: new TimeOnly(22, 0), Until: new TimeOnly(2, 0))));
        Assert.Equal("Resources.TimeRangeIncomplete",
            Refusal(ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Salle", AreaSquareMetres: 40, Days: Weekdays.Tuesday, From: new TimeOnly(9, 0))));
        Assert.Equal("Resources.DaysRequired",
            Refusal(ResourceSide.Offer, PooledResourceKind.Place, new ResourceDetails("Salle", AreaSquareMetres: 40, From: new TimeOnly(9, 0), Until: new TimeOnly(12, 0))));
        // A need may leave the size open: any room will do.
        Assert.Null(new ResourceDeclaration(Lab, Organisation, ResourceSide.Need, PooledResourceKind.Place, new ResourceDetails("Une salle le mardi", Days: Weekdays.Tuesday), null, Now).AreaSquareMetres);
    }

    [Fact]
    public void Expertise_names_its_skill_and_hours_and_a_data_set_its_theme()
    {
        Assert.Equal("Resources.SkillRequired", Refusal(ResourceSide.Offer, PooledResourceKind.Workforce, new ResourceDetails("Aide", HoursPerMonth: 4)));
        Assert.Equal("Resources.HoursRequired", Refusal(ResourceSide.Offer, PooledResourceKind.Workforce, new ResourceDetails("Aide", Skill: Skill.Gdpr)));
        Assert.Equal("Resources.HoursInvalid", Refusal(ResourceSide.Offer, PooledResourceKind.Workforce, new ResourceDetails("Aide", Skill: Skill.Gdpr, HoursPerMonth: 1000)));
        Assert.Equal("Resources.ThemeRequired", Refusal(ResourceSide.Offer, PooledResourceKind.DataSet, new ResourceDetails("Carte")));
    }

    [Fact]
    public void Only_the_fields_of_its_kind_are_kept()
    {
        var expertise = new ResourceDeclaration(Lab, Organisation, ResourceSide.Offer, PooledResourceKind.Workforce,
            new ResourceDetails("DPO", AreaSquareMetres: 40, Theme: "Cartes", Skill: Skill.Gdpr, HoursPerMonth: 8), null, Now);

        Assert.Null(expertise.AreaSquareMetres);
        Assert.Null(expertise.Theme);
        Assert.Equal((Skill.Gdpr, 8m), (expertise.Skill!.Value, expertise.HoursPerMonth!.Value));
    }
}
