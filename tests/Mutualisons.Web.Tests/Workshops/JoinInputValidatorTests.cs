using Mutualisons.Web.Features.Workshops.Room;

namespace Mutualisons.Web.Tests.Workshops;

public sealed class JoinInputValidatorTests
{
    private readonly JoinInputValidator _validator = new();

    private string? Refusal(JoinInput input) => _validator.Validate(input).Errors.Select(e => e.ErrorCode).FirstOrDefault();

    [Fact]
    public void A_name_and_an_organisation_of_the_lab_or_another_one_named_join()
    {
        Assert.Null(Refusal(new JoinInput("Amina", Guid.NewGuid(), null)));
        Assert.Null(Refusal(new JoinInput("Amina", null, "Collectif du quartier")));
        Assert.Null(Refusal(new JoinInput("Amina", null, null)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_phone_without_a_name_is_told_to_give_one(string? name) =>
        Assert.Equal("Rule.Workshop.NameRequired", Refusal(new JoinInput(name, Guid.NewGuid(), null)));

    [Fact]
    public void A_name_longer_than_a_badge_holds_is_refused_and_so_is_a_too_long_other_organisation()
    {
        Assert.Equal("Rule.Workshop.NameRequired", Refusal(new JoinInput(new string('a', 61), Guid.NewGuid(), null)));
        Assert.Equal("Rule.Workshop.OrganisationTooLong", Refusal(new JoinInput("Amina", null, new string('o', 201))));
        // Another organisation's name only counts when no lab organisation was chosen.
        Assert.Null(Refusal(new JoinInput("Amina", Guid.NewGuid(), new string('o', 201))));
    }
}
