using Microsoft.EntityFrameworkCore;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.IntegrationTests.Support;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.ToolConfiguration.Swot;

namespace Mutualisons.IntegrationTests.ToolConfiguration;

/// <summary>The SWOT boards through their service, on a real database: the demo board, links to experiments, rights, other labs.</summary>
public sealed class SwotTests(DemoAppFixture app) : CleanDatabaseTest(app), IClassFixture<DemoAppFixture>
{
    private const string Pilot = DemoAppFixture.Pilot;
    private const string Omar = DemoAppFixture.Observer;
    private const string Camille = DemoAppFixture.Coordination;

    private async Task<(Guid Bota, Guid InCommon, Dictionary<string, Guid> Experiments)> LabsAsync()
    {
        await using var db = app.CreateDbContext();
        var bota = await db.Mutualisations.Where(m => m.Name == "Bota 75").Select(m => m.Id).SingleAsync();
        var inCommon = await db.Mutualisations.Where(m => m.Name == "In Common").Select(m => m.Id).SingleAsync();
        var experiments = await db.Experiments.IgnoreAutoIncludes().Where(e => e.LabId == bota).ToDictionaryAsync(e => e.Title, e => e.Id);
        return (bota, inCommon, experiments);
    }

    private Task<SaveResult> SaveAsync(string who, Guid lab, Guid? item, SwotItemInput input) =>
        app.AsAsync<SwotService, SaveResult>(who, s => s.SaveAsync(lab, item, input));

    [Fact]
    public async Task Bota_75s_place_board_holds_the_four_squares_with_the_notebooks_prompts_and_its_experiments()
    {
        var (bota, _, experiments) = await LabsAsync();

        var board = (await app.AsAsync<SwotService, SwotBoardView?>(Omar, s => s.GetBoardAsync(bota, ResourceKind.Place)))!;

        Assert.False(board.MayEdit);
        Assert.Equal([SwotQuadrant.Strength, SwotQuadrant.Weakness, SwotQuadrant.Opportunity, SwotQuadrant.Threat], board.Items.Select(i => i.Quadrant).Order());
        Assert.Equal((4, 1, 0), (board.Themes.Single(t => t.Theme == ResourceKind.Place).Items, board.Themes.Single(t => t.Theme == ResourceKind.WorkforceServicesExpertise).Items,
            board.Themes.Single(t => t.Theme == ResourceKind.Data).Items));
        var opportunity = board.Items.Single(i => i.Quadrant == SwotQuadrant.Opportunity);
        Assert.Equal(MutualisationOpportunity.SustainActivities, opportunity.Opportunity);
        Assert.Contains(opportunity.Experiments, e => e.Id == experiments["Éco-label « entreprise éco-dynamique »"]);
        var onEcoLabel = await app.AsAsync<SwotService, IReadOnlyList<SwotLinkRow>>(Omar, s => s.GetItemsOfExperimentAsync(bota, experiments["Éco-label « entreprise éco-dynamique »"]));
        Assert.Equal([SwotQuadrant.Weakness, SwotQuadrant.Opportunity], onEcoLabel.Select(i => i.Quadrant));
    }

    [Fact]
    public async Task The_pilot_group_notes_a_threat_with_a_notebook_risk_links_an_experiment_changes_it_and_deletes_it()
    {
        var (bota, _, experiments) = await LabsAsync();
        var council = experiments["Conseil des occupants de la coopérative"];

        var saved = await SaveAsync(Pilot, bota, null, new SwotItemInput
        {
            Theme = ResourceKind.Data, Quadrant = SwotQuadrant.Threat, Text = "Chacun garde ses données", Risk = MutualisationRisk.Governance, ExperimentIds = { council },
        });
        Assert.True(saved.Succeeded, saved.MessageKey);
        var item = (await app.AsAsync<SwotService, SwotBoardView?>(Pilot, s => s.GetBoardAsync(bota, ResourceKind.Data)))!.Items.Single();
        Assert.Equal((MutualisationRisk.Governance, council), (item.Risk!.Value, item.Experiments.Single().Id));

        var changed = await SaveAsync(Pilot, bota, item.Id, new SwotItemInput { Theme = ResourceKind.Data, Quadrant = SwotQuadrant.Weakness, Text = "Des données éparpillées", Version = item.Version });
        Assert.True(changed.Succeeded, changed.MessageKey);
        Assert.Equal(SaveStatus.Conflict, (await SaveAsync(Pilot, bota, item.Id, new SwotItemInput { Theme = ResourceKind.Data, Text = "Trop tard", Version = item.Version })).Status);
        var after = (await app.AsAsync<SwotService, SwotBoardView?>(Pilot, s => s.GetBoardAsync(bota, ResourceKind.Data)))!.Items.Single();
        Assert.Equal((SwotQuadrant.Weakness, (MutualisationRisk?)null, 0), (after.Quadrant, after.Risk, after.Experiments.Count));

        Assert.True((await app.AsAsync<SwotService, SaveResult>(Pilot, s => s.DeleteAsync(bota, after.Id, after.Version))).Succeeded);
        Assert.Empty((await app.AsAsync<SwotService, SwotBoardView?>(Pilot, s => s.GetBoardAsync(bota, ResourceKind.Data)))!.Items);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LabId == bota && a.Subject == "SwotItem" && a.Action == Domain.Audit.AuditAction.Deleted));
    }

    [Fact]
    public async Task A_prompt_outside_its_square_is_refused_beside_the_field()
    {
        var (bota, _, _) = await LabsAsync();

        var refused = await SaveAsync(Pilot, bota, null, new SwotItemInput { Quadrant = SwotQuadrant.Strength, Text = "x", Opportunity = MutualisationOpportunity.Solidarity });

        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Contains(nameof(SwotItemInput.Opportunity), refused.Errors!.Keys);
    }

    [Fact]
    public async Task Observers_read_but_do_not_write_and_another_labs_people_and_experiments_are_not_found()
    {
        var (bota, inCommon, experiments) = await LabsAsync();
        var input = new SwotItemInput { Text = "Un lieu central" };

        Assert.Equal(SaveStatus.Forbidden, (await SaveAsync(Omar, bota, null, input)).Status);
        Assert.Null(await app.AsAsync<SwotService, SwotBoardView?>(Camille, s => s.GetBoardAsync(bota, ResourceKind.Place)));
        Assert.Empty(await app.AsAsync<SwotService, IReadOnlyList<SwotLinkRow>>(Camille, s => s.GetItemsOfExperimentAsync(bota, experiments["Éco-label « entreprise éco-dynamique »"])));
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(Camille, bota, null, input)).Status);
        // Camille facilitates In Common: Bota 75's experiment is not hers to link, nor Bota 75's item to change.
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(Camille, inCommon, null, new SwotItemInput { Text = "Emprunt", ExperimentIds = { experiments["Partage d'expertise"] } })).Status);
        var botaItem = (await app.AsAsync<SwotService, SwotBoardView?>(Pilot, s => s.GetBoardAsync(bota, ResourceKind.Place)))!.Items[0];
        Assert.Equal(SaveStatus.NotFound, (await SaveAsync(Camille, inCommon, botaItem.Id, new SwotItemInput { Text = "Pris", Version = botaItem.Version })).Status);
        Assert.Equal(SaveStatus.NotFound, (await app.AsAsync<SwotService, SaveResult>(Camille, s => s.DeleteAsync(inCommon, botaItem.Id, botaItem.Version))).Status);
        Assert.Empty((await app.AsAsync<SwotService, SwotBoardView?>(Camille, s => s.GetBoardAsync(inCommon, ResourceKind.Place)))!.Items);
        await using var db = app.CreateDbContext();
        Assert.Equal(5, await db.SwotItems.CountAsync(i => i.LabId == bota));
        Assert.Equal(0, await db.SwotItems.CountAsync(i => i.LabId == inCommon));
    }
}
