using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;

namespace Mutualisons.Domain.Tests.ToolConfiguration;

public sealed class SwotItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();

    private static Experiment ExperimentOf(Guid lab, string title = "Éco-label") =>
        new(lab, new ExperimentDescription(title, null, ExperimentMeans.None, CooperationLevel.Simple, null, null), null, Now);

    private static SwotItem Item(SwotQuadrant quadrant, string text = "Un bâtiment en plein centre", MutualisationOpportunity? opportunity = null, MutualisationRisk? risk = null)
    {
        var item = new SwotItem(Lab, ResourceKind.Place, null, Now);
        item.Describe(quadrant, text, opportunity, risk);
        return item;
    }

    [Fact]
    public void An_item_of_the_place_board_says_its_square_and_its_text()
    {
        var item = Item(SwotQuadrant.Strength, "  Un bâtiment en plein centre ");

        Assert.Equal((ResourceKind.Place, SwotQuadrant.Strength, "Un bâtiment en plein centre"), (item.Theme, item.Quadrant, item.Text));
        Assert.Null(item.Prompt);
    }

    [Fact]
    public void An_item_has_a_text_of_reasonable_length()
    {
        var item = new SwotItem(Lab, ResourceKind.Data, null, Now);

        Assert.Equal("Swot.TextRequired", Assert.Throws<DomainException>(() => item.Describe(SwotQuadrant.Weakness, " ", null, null)).Code);
        Assert.Equal("Swot.TextRequired", Assert.Throws<DomainException>(() => item.Describe(SwotQuadrant.Weakness, new string('a', Limits.Reason + 1), null, null)).Code);
        Assert.Equal("Swot.Unknown", Assert.Throws<DomainException>(() => item.Describe((SwotQuadrant)9, "x", null, null)).Code);
        Assert.Equal("Swot.Unknown", Assert.Throws<DomainException>(() => new SwotItem(Lab, (ResourceKind)42, null, Now)).Code);
    }

    [Fact]
    public void A_notebook_opportunity_belongs_to_the_opportunities_and_a_risk_to_the_threats()
    {
        var opportunity = Item(SwotQuadrant.Opportunity, "Des loyers plus bas", opportunity: MutualisationOpportunity.SustainActivities);
        var threat = Item(SwotQuadrant.Threat, "Des visions du lieu qui divergent", risk: MutualisationRisk.ConflictingVisions);

        Assert.Equal(MutualisationOpportunity.SustainActivities, opportunity.Prompt);
        Assert.Equal(MutualisationRisk.ConflictingVisions, threat.Prompt);
        Assert.Equal("Swot.OpportunityOutsideOpportunities",
            Assert.Throws<DomainException>(() => opportunity.Describe(SwotQuadrant.Strength, "x", MutualisationOpportunity.Solidarity, null)).Code);
        Assert.Equal("Swot.RiskOutsideThreats",
            Assert.Throws<DomainException>(() => threat.Describe(SwotQuadrant.Weakness, "x", null, MutualisationRisk.Governance)).Code);
        Assert.Equal("Swot.Unknown", Assert.Throws<DomainException>(() => threat.Describe(SwotQuadrant.Threat, "x", null, (MutualisationRisk)42)).Code);
        // A refused change leaves the item as it was.
        Assert.Equal((SwotQuadrant.Opportunity, "Des loyers plus bas"), (opportunity.Quadrant, opportunity.Text));
    }

    [Fact]
    public void An_item_moved_out_of_the_opportunities_leaves_its_prompt_behind()
    {
        var item = Item(SwotQuadrant.Opportunity, "Des loyers plus bas", opportunity: MutualisationOpportunity.SustainActivities);

        item.Describe(SwotQuadrant.Strength, "Des loyers déjà bas", null, null);

        Assert.Equal((SwotQuadrant.Strength, (Enum?)null), (item.Quadrant, item.Prompt));
    }

    [Fact]
    public void An_item_links_the_labs_experiments_once_each_and_never_another_labs()
    {
        var item = Item(SwotQuadrant.Strength);
        var ecoLabel = ExperimentOf(Lab);
        var council = ExperimentOf(Lab, "Conseil des occupants");

        item.LinkTo([ecoLabel, council, ecoLabel]);
        Assert.Equal([ecoLabel.Id, council.Id], item.Experiments.Select(e => e.ExperimentId));
        item.LinkTo([council]);
        Assert.Equal([council.Id], item.Experiments.Select(e => e.ExperimentId));

        var elsewhere = ExperimentOf(Guid.NewGuid());
        Assert.Equal("Swot.ExperimentOfAnotherLab", Assert.Throws<DomainException>(() => item.LinkTo([ecoLabel, elsewhere])).Code);
        Assert.Equal([council.Id], item.Experiments.Select(e => e.ExperimentId));
    }

    [Fact]
    public void The_opportunities_square_offers_the_notebooks_opportunities_the_threats_its_risks_and_the_others_none()
    {
        Assert.Equal(Enum.GetValues<MutualisationOpportunity>().Cast<Enum>(), SwotItem.PromptsFor(SwotQuadrant.Opportunity));
        Assert.Equal(Enum.GetValues<MutualisationRisk>().Cast<Enum>(), SwotItem.PromptsFor(SwotQuadrant.Threat));
        Assert.Empty(SwotItem.PromptsFor(SwotQuadrant.Strength));
        Assert.Empty(SwotItem.PromptsFor(SwotQuadrant.Weakness));
    }

    [Fact]
    public void A_prompt_already_noted_on_the_board_is_no_longer_offered()
    {
        var left = SwotItem.PromptsLeft(SwotQuadrant.Threat, [MutualisationRisk.Governance, null, MutualisationRisk.Governance]);

        Assert.Equal([MutualisationRisk.ConflictingVisions, MutualisationRisk.TimeToImplement, MutualisationRisk.RelationsBetweenPeople], left.Cast<MutualisationRisk>());
    }
}
