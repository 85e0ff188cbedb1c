using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Labs;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

public sealed class DiagnosticOutputsTests
{
    private static readonly Guid ResponseA = new("0195a1b2-0000-7000-8000-0000000000a1");
    private static readonly Guid ResponseB = new("0195a1b2-0000-7000-8000-0000000000b2");

    [Fact]
    public void A_need_keeps_its_text_resource_impact_and_sources()
    {
        var need = new DiagnosticNeed(Lab, "  Un local de stockage partagé ", ResourceKind.Place, ImpactObjective.Optimisation, [ResponseA, ResponseB], Facilitator, Now);

        Assert.Equal("Un local de stockage partagé", need.Text);
        Assert.Equal(ResourceKind.Place, need.ResourceKind);
        Assert.Equal(ImpactObjective.Optimisation, need.Impact);
        Assert.Equal([ResponseA, ResponseB], need.SourceResponses);
        Assert.Equal(Lab, need.LabId);
        Assert.Equal(Facilitator, need.CreatedBy);
        Assert.Equal(Now, need.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_need_needs_a_text(string? text)
    {
        var error = Assert.Throws<DomainException>(() => new DiagnosticNeed(Lab, text!, null, null, [], Facilitator, Now));

        Assert.Equal("Need.TextRequired", error.Code);
    }

    [Fact]
    public void A_need_text_is_at_most_4000_characters()
    {
        Assert.Equal("Need.TextRequired", Assert.Throws<DomainException>(() => new DiagnosticNeed(Lab, new string('x', Limits.LongText + 1), null, null, [], null, Now)).Code);
        Assert.Equal(Limits.LongText, new DiagnosticNeed(Lab, new string('x', Limits.LongText), null, null, [], null, Now).Text.Length);
    }

    [Fact]
    public void A_need_may_name_no_resource_and_no_impact()
    {
        var need = new DiagnosticNeed(Lab, "Se parler plus souvent", null, null, [], null, Now);

        Assert.Null(need.ResourceKind);
        Assert.Null(need.Impact);
        Assert.Empty(need.SourceResponses);
    }

    [Fact]
    public void A_need_refuses_an_undefined_resource_kind_or_impact()
    {
        Assert.Equal("Need.ResourceKindInvalid", Assert.Throws<DomainException>(() => new DiagnosticNeed(Lab, "Besoin", (ResourceKind)42, null, [], null, Now)).Code);
        Assert.Equal("Need.ImpactInvalid", Assert.Throws<DomainException>(() => new DiagnosticNeed(Lab, "Besoin", null, (ImpactObjective)42, [], null, Now)).Code);
    }

    [Fact]
    public void A_need_counts_each_source_response_once()
    {
        var need = new DiagnosticNeed(Lab, "Un local", ResourceKind.Place, null, [ResponseA, ResponseB, ResponseA, ResponseB, ResponseA], null, Now);

        Assert.Equal([ResponseA, ResponseB], need.SourceResponses);
    }

    [Fact]
    public void Describing_a_need_again_replaces_its_sources()
    {
        var need = new DiagnosticNeed(Lab, "Un local", ResourceKind.Place, null, [ResponseA], null, Now);

        need.Describe("Deux locaux", ResourceKind.Data, ImpactObjective.Multiplication, [ResponseB, ResponseB]);

        Assert.Equal("Deux locaux", need.Text);
        Assert.Equal(ResourceKind.Data, need.ResourceKind);
        Assert.Equal(ImpactObjective.Multiplication, need.Impact);
        Assert.Equal([ResponseB], need.SourceResponses);
    }

    [Fact]
    public void A_refused_description_of_a_need_changes_nothing()
    {
        var need = new DiagnosticNeed(Lab, "Un local", ResourceKind.Place, null, [ResponseA], null, Now);

        Assert.Throws<DomainException>(() => need.Describe(" ", ResourceKind.Data, null, [ResponseB]));

        Assert.Equal("Un local", need.Text);
        Assert.Equal(ResourceKind.Place, need.ResourceKind);
        Assert.Equal([ResponseA], need.SourceResponses);
    }

    [Fact]
    public void A_candidate_resource_keeps_its_name_kind_description_and_sources()
    {
        var resource = new CandidateResource(Lab, " Salle polyvalente ", ResourceKind.Place, "  Au rez-de-chaussée ", [ResponseB, ResponseA], Facilitator, Now);

        Assert.Equal("Salle polyvalente", resource.Name);
        Assert.Equal(ResourceKind.Place, resource.Kind);
        Assert.Equal("Au rez-de-chaussée", resource.Description);
        Assert.Equal([ResponseB, ResponseA], resource.SourceResponses);
        Assert.Equal(Lab, resource.LabId);
        Assert.Equal(Now, resource.CreatedAt);
    }

    [Fact]
    public void A_candidate_resource_needs_a_name_of_at_most_200_characters()
    {
        Assert.Equal("Resource.NameRequired", Assert.Throws<DomainException>(() => new CandidateResource(Lab, "  ", ResourceKind.Data, null, [], null, Now)).Code);
        Assert.Equal("Resource.NameRequired", Assert.Throws<DomainException>(() => new CandidateResource(Lab, new string('x', Limits.Name + 1), ResourceKind.Data, null, [], null, Now)).Code);
    }

    [Fact]
    public void A_candidate_resource_description_is_optional_but_bounded()
    {
        Assert.Equal(string.Empty, new CandidateResource(Lab, "Cartes", ResourceKind.Data, null, [], null, Now).Description);
        Assert.Equal("Resource.DescriptionTooLong", Assert.Throws<DomainException>(() => new CandidateResource(Lab, "Cartes", ResourceKind.Data, new string('x', Limits.LongText + 1), [], null, Now)).Code);
    }

    [Fact]
    public void A_candidate_resource_refuses_an_undefined_kind()
    {
        Assert.Equal("Resource.KindInvalid", Assert.Throws<DomainException>(() => new CandidateResource(Lab, "Cartes", (ResourceKind)42, null, [], null, Now)).Code);
    }

    [Fact]
    public void A_candidate_resource_counts_each_source_response_once()
    {
        var resource = new CandidateResource(Lab, "Cartes", ResourceKind.Data, null, [ResponseA, ResponseA, ResponseB], null, Now);

        resource.Describe("Cartes partagées", ResourceKind.Data, "OpenStreetMap", [ResponseB, ResponseB, ResponseA, ResponseA]);

        Assert.Equal("Cartes partagées", resource.Name);
        Assert.Equal("OpenStreetMap", resource.Description);
        Assert.Equal([ResponseB, ResponseA], resource.SourceResponses);
    }
}
