using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using Mutualisons.Domain.Impact;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Sources;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Impact;

/// <summary>An indicator's source in words, the measurement proposed from the answers, and who may confirm it.</summary>
public sealed class IndicatorSourcePanelTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _context = new();
    private bool _popovers;

    public IndicatorSourcePanelTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        // Rendering only: nothing here reaches the database.
        _context.Services.AddScoped(sp => new IndicatorSourceService(null!, null!, null!, sp.GetRequiredService<IStringLocalizer<SharedResource>>(), null!, null!, null!));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static IndicatorView Indicator(IndicatorUnit unit = IndicatorUnit.Percentage) =>
        new(Guid.NewGuid(), "Membres signataires d'une position commune", unit, IndicatorDirection.HigherIsBetter, 20, new DateOnly(2026, 1, 1), 80, new DateOnly(2026, 12, 31), IndicatorSource.Questionnaire, []);

    private IRenderedComponent<IndicatorSourcePanel> Render(IndicatorView indicator, IndicatorSourceView source, bool mayConfirm, bool mayCollect = false)
    {
        if (!_popovers)
        {
            // One provider per page, as in the app.
            _context.Render<MudPopoverProvider>();
            _popovers = true;
        }
        return _context.Render<IndicatorSourcePanel>(p => p
            .Add(x => x.LabId, Guid.NewGuid())
            .Add(x => x.HypothesisId, Guid.NewGuid())
            .Add(x => x.Indicator, indicator)
            .Add(x => x.Source, source)
            .Add(x => x.MayConfirm, mayConfirm)
            .Add(x => x.MayCollect, mayCollect)
            .Add(x => x.MayChangeSource, mayCollect));
    }

    private static IndicatorSourceView FromQuestion(IndicatorView indicator, ProposedMeasurement? proposal) =>
        new(indicator.Id, IndicatorSource.Questionnaire, true, Guid.NewGuid(), "Positions communes 2026", "Q1. Votre organisation a-t-elle signé une position commune ?",
            AnswerComputation.ShareChoosing, "Oui", null, null, null, proposal);

    [Fact]
    public void A_proposal_from_answers_reads_in_the_users_language_and_the_pilot_group_can_confirm_or_dismiss_it()
    {
        var indicator = Indicator();
        var panel = Render(indicator, FromQuestion(indicator, new ProposedMeasurement(indicator.Id, 66.67m, 3, Now, true)), mayConfirm: true);

        var proposal = panel.Find("[data-testid=proposal]").TextContent;
        Assert.Contains("Mesure proposée : 66,67 %, calculée à partir de 3 réponse(s).", proposal, StringComparison.Ordinal);
        Assert.Contains("Q1. Votre organisation a-t-elle signé une position commune ? (questionnaire « Positions communes 2026 »)", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("part des répondants ayant choisi « Oui »", panel.Markup, StringComparison.Ordinal);
        var buttons = panel.FindAll("button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains("Confirmer la mesure proposée pour Membres signataires d'une position commune", buttons);
        Assert.Contains("Écarter la mesure proposée pour Membres signataires d'une position commune", buttons);
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Contains("Collecter", StringComparison.Ordinal));
        Assert.DoesNotContain("Impact.", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observer_reads_the_proposal_without_buttons_and_a_value_the_unit_cannot_take_cannot_be_confirmed()
    {
        var indicator = Indicator();
        var asObserver = Render(indicator, FromQuestion(indicator, new ProposedMeasurement(indicator.Id, 50m, 2, Now, true)), mayConfirm: false);
        Assert.Contains("50 %", asObserver.Find("[data-testid=proposal]").TextContent, StringComparison.Ordinal);
        Assert.Empty(asObserver.FindAll("[data-testid=proposal] button"));

        var count = Indicator(IndicatorUnit.Count);
        var unfit = Render(count, FromQuestion(count, new ProposedMeasurement(count.Id, 2.5m, 2, Now, false)), mayConfirm: true);
        var confirm = unfit.FindAll("button").Single(b => b.GetAttribute("aria-label")!.StartsWith("Confirmer", StringComparison.Ordinal));
        Assert.True(confirm.HasAttribute("disabled"));
        Assert.Contains("Cette valeur ne convient pas", unfit.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_recorded_by_hand_offers_to_collect_it_by_questionnaire_and_proposes_nothing()
    {
        var indicator = Indicator() with { Source = IndicatorSource.RecordedByHand };
        var panel = Render(indicator, new IndicatorSourceView(indicator.Id, IndicatorSource.RecordedByHand, false, null, null, null, null, null, null, null, null, null), mayConfirm: true, mayCollect: true);

        Assert.Empty(panel.FindAll("[data-testid=proposal]"));
        Assert.Contains("Relevé à la main", panel.Markup, StringComparison.Ordinal);
        Assert.Contains(panel.FindAll("button"), b => b.GetAttribute("aria-label") == "Collecter par questionnaire : Membres signataires d'une position commune");
    }
}
