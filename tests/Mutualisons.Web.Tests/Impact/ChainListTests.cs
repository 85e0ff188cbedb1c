using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Mutualisons.Domain.Impact;
using Mutualisons.Domain.Labs;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Chain;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Impact;

/// <summary>The chain as nested lists: mutualisation → logics → hypotheses → indicators, readable without the diagram.</summary>
public sealed class ChainListTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly Guid Lab = Guid.NewGuid();
    private readonly BunitContext _context = new();

    public ChainListTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static readonly ChainHypothesis Rooms = new(Guid.NewGuid(), "Partager les salles libère du temps", "Réseau Financité", HypothesisStatus.BeingMeasured,
    [
        new IndicatorSummary(Guid.NewGuid(), "Frais de location", IndicatorUnit.Euros, IndicatorDirection.LowerIsBetter, 1800, 600, 850, new DateOnly(2019, 6, 30)),
        new IndicatorSummary(Guid.NewGuid(), "Heures d'accompagnement", IndicatorUnit.Hours, IndicatorDirection.HigherIsBetter, 40, 50, 54, new DateOnly(2019, 6, 30)),
    ]);

    private static readonly ChainHypothesis Directory = new(Guid.NewGuid(), "Un annuaire fait naître des collaborations", "SAW-B", HypothesisStatus.Open, []);

    [Fact]
    public void Each_logic_lists_its_hypotheses_and_each_hypothesis_its_indicators_with_the_latest_value_against_the_target()
    {
        var chain = new ImpactChain("Bota 75", false, null,
        [
            new ChainLogic(Guid.NewGuid(), MutualisationLogic.Means, "Moins de loyer", [ImpactObjective.Optimisation], [ScalingStrategy.Protection], [Rooms]),
            new ChainLogic(Guid.NewGuid(), MutualisationLogic.WeakProject, string.Empty, [], [], []),
        ], [Directory]);

        var list = _context.Render<ChainList>(p => p.Add(c => c.Chain, chain).Add(c => c.LabId, Lab));

        var root = list.Find("ul.chain-list > li");
        Assert.StartsWith("Bota 75", root.TextContent.Trim(), StringComparison.Ordinal);
        var means = list.Find("ul.chain-list > li > ul > li[data-chain-logic='Means']");
        Assert.Contains("Logique : Logique de moyens", means.TextContent, StringComparison.Ordinal);
        Assert.Contains("Optimisation, Protection", means.TextContent, StringComparison.Ordinal);
        var hypothesis = means.QuerySelector($"ul > li[data-chain-hypothesis='{Rooms.Id}']")!;
        Assert.Equal($"/labs/{Lab}/impact/hypotheses/{Rooms.Id}", hypothesis.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Réseau Financité — Partager les salles libère du temps", hypothesis.TextContent, StringComparison.Ordinal);
        var indicators = hypothesis.QuerySelectorAll("ul > li[data-chain-indicator]");
        Assert.Equal(2, indicators.Length);
        var rent = indicators.Single(i => i.GetAttribute("data-chain-indicator") == "Frais de location").TextContent;
        Assert.Contains("850 €", rent, StringComparison.Ordinal);
        Assert.Contains("objectif 600 €", rent, StringComparison.Ordinal);
        Assert.DoesNotContain("objectif atteint", rent, StringComparison.Ordinal);
        Assert.Contains("objectif atteint", indicators.Single(i => i.GetAttribute("data-chain-indicator") == "Heures d'accompagnement").TextContent, StringComparison.Ordinal);

        // A logic that serves nothing yet, and a hypothesis no logic serves, say so in words.
        Assert.Contains("Aucune hypothèse reliée.", list.Find("li[data-chain-logic='WeakProject']").TextContent, StringComparison.Ordinal);
        var unlinked = list.Find("ul.chain-list > li[data-chain-unlinked]");
        Assert.Contains("Aucun indicateur.", unlinked.QuerySelector($"li[data-chain-hypothesis='{Directory.Id}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lab_that_pursues_no_logic_says_so()
    {
        var list = _context.Render<ChainList>(p => p.Add(c => c.Chain, new ImpactChain("In Common", true, null, [], [])).Add(c => c.LabId, Lab));

        Assert.Equal("Aucune logique de mutualisation poursuivie pour l'instant.", list.Find("ul.chain-list > li > ul > li").TextContent.Trim());
        Assert.Empty(list.FindAll("[data-chain-unlinked]"));
    }

    [Theory]
    [InlineData("fr", "Le cadre d'évaluation du lab", "Pourquoi évaluer ?")]
    [InlineData("nl", "Het evaluatiekader van het lab", null)]
    [InlineData("en", "The lab's evaluation frame", null)]
    public void The_chain_recalls_the_labs_evaluation_frame_in_the_readers_language(string language, string heading, string? why)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
        var frame = new ChainFrame([EvaluationPurpose.FindImprovements, EvaluationPurpose.ConvinceFunders], [EvaluationAudience.Funders], "Le groupe pilote",
            [EvaluationMethod.Indicators], [EvaluationTiming.Continuous]);

        var summary = _context.Render<ChainFrameSummary>(p => p.Add(c => c.Frame, frame).Add(c => c.LabId, Lab));

        Assert.Equal(heading, summary.Find("h2").TextContent.Trim());
        Assert.Equal(4, summary.FindAll("dd").Count);
        Assert.Contains("Le groupe pilote", summary.FindAll("dd")[2].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/labs/{Lab}/impact/frame", summary.Find("a").GetAttribute("href"));
        Assert.DoesNotContain("EvaluationPurpose.", summary.Markup, StringComparison.Ordinal);
        if (why is not null)
        {
            Assert.Equal(why, summary.Find("dt").TextContent.Trim());
        }
    }

    [Fact]
    public void A_chain_without_a_frame_says_so_and_offers_to_write_it_to_those_who_may()
    {
        var summary = _context.Render<ChainFrameSummary>(p => p.Add(c => c.Frame, null).Add(c => c.LabId, Lab).Add(c => c.MayEdit, true));

        Assert.Contains("Ce cadre n'est pas encore écrit.", summary.Markup, StringComparison.Ordinal);
        Assert.Equal("Écrire le cadre d'évaluation", summary.Find("a").TextContent.Trim());
    }
}
