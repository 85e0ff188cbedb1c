using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.ToolConfiguration;
using Mutualisons.Web.Features.Notebook;
using Mutualisons.Web.Features.ToolConfiguration.Swot;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.ToolConfiguration;

/// <summary>A square of a SWOT board: its items and their experiments, and the notebook's prompts it still offers.</summary>
public sealed class SwotQuadrantTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly Guid Lab = Guid.NewGuid();
    private readonly BunitContext _context = new();

    public SwotQuadrantTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static SwotItemRow Threat(string text, MutualisationRisk? risk, params LinkOption[] experiments) =>
        new(Guid.NewGuid(), 1, SwotQuadrant.Threat, text, null, risk, experiments);

    [Fact]
    public void The_threats_square_offers_only_the_risks_not_yet_noted_and_a_prompt_adds_from_it()
    {
        Enum? added = null;
        var square = _context.Render<SwotQuadrantPanel>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Quadrant, SwotQuadrant.Threat).Add(c => c.MayEdit, true)
            .Add(c => c.Items, [Threat("Des visions du lieu qui divergent", MutualisationRisk.ConflictingVisions)])
            .Add(c => c.OnAdd, (Enum? prompt) => added = prompt));

        var prompts = square.FindAll("[data-prompt]").Select(b => b.GetAttribute("data-prompt")).ToList();
        Assert.Equal(["Governance", "TimeToImplement", "RelationsBetweenPeople"], prompts);
        Assert.Contains("Conflits de vision", square.Find("li[data-item]").TextContent, StringComparison.Ordinal);

        square.Find("[data-prompt='Governance']").Click();
        Assert.Equal(MutualisationRisk.Governance, added);
    }

    [Fact]
    public void Linked_experiments_are_links_and_readers_get_neither_buttons_nor_prompts()
    {
        var ecoLabel = new LinkOption(Guid.NewGuid(), "Éco-label");
        var square = _context.Render<SwotQuadrantPanel>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Quadrant, SwotQuadrant.Threat).Add(c => c.MayEdit, false)
            .Add(c => c.Items, [Threat("Le temps manque", null, ecoLabel)]));

        Assert.Equal(AppRoutes.Experiment(Lab, ecoLabel.Id), square.Find("a[data-linked='Éco-label']").GetAttribute("href"));
        Assert.Empty(square.FindAll("button"));
        Assert.Empty(square.FindAll("[data-prompt]"));
    }

    [Fact]
    public void An_empty_strengths_square_says_so_and_offers_no_prompt()
    {
        var square = _context.Render<SwotQuadrantPanel>(p => p.Add(c => c.LabId, Lab).Add(c => c.Quadrant, SwotQuadrant.Strength).Add(c => c.MayEdit, true));

        Assert.Equal("Rien pour l'instant.", square.Find("[data-empty]").TextContent.Trim());
        Assert.Empty(square.FindAll("[data-prompt]"));
        Assert.Equal("Forces", square.Find("h2").TextContent.Trim());
    }
}
