using System.Globalization;
using AngleSharp.Dom;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Impact;

/// <summary>The indicator form says what is wrong beside each field, in the user's language, and keeps what was typed.</summary>
public sealed class IndicatorFormTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly List<IndicatorInput> _saved = [];
    private SaveResult _answer = SaveResult.Saved(Guid.NewGuid());

    public IndicatorFormTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        _context.Services.AddValidatorsFromAssemblyContaining<IndicatorInputValidator>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<IndicatorForm> RenderForm(IndicatorInput input)
    {
        _context.Render<MudPopoverProvider>();
        return _context.Render<IndicatorForm>(p => p
            .Add(f => f.Input, input)
            .Add(f => f.Save, i =>
            {
                _saved.Add(i);
                return Task.FromResult(_answer);
            }));
    }

    private static IElement SaveButton(IRenderedComponent<IndicatorForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Enregistrer l'indicateur");

    private static string HelperTextOf(IRenderedComponent<IndicatorForm> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;

    [Fact]
    public void A_baseline_that_does_not_fit_the_unit_is_explained_beside_it_and_nothing_is_saved()
    {
        var form = RenderForm(new IndicatorInput { Name = "Collaborations nouvelles", BaselineDate = "2026-01-31" });
        form.Find("#indicator-baseline-value").Change("-3");
        form.Find("#indicator-target-date").Change("2025-12-31");

        SaveButton(form).Click();

        form.WaitForAssertion(() => Assert.Equal("Un décompte est un nombre entier, positif ou nul.", HelperTextOf(form, "indicator-baseline-value")));
        Assert.Equal("Un objectif a une valeur et une date.", HelperTextOf(form, "indicator-target-value"));
        Assert.Contains("Certaines informations sont à corriger", form.Markup, StringComparison.Ordinal);
        Assert.Equal("Collaborations nouvelles", form.Find("#indicator-name").GetAttribute("value"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_name_already_used_in_the_hypothesis_comes_back_beside_the_name()
    {
        _answer = new SaveResult(SaveStatus.Invalid, "Save.Invalid", new Dictionary<string, string[]>
        {
            [nameof(IndicatorInput.Name)] = ["Un autre indicateur de cette hypothèse porte déjà ce nom."],
        });
        var form = RenderForm(new IndicatorInput { Name = "Heures libérées", BaselineValue = 10, BaselineDate = "2026-01-31" });

        SaveButton(form).Click();

        form.WaitForAssertion(() => Assert.Equal("Un autre indicateur de cette hypothèse porte déjà ce nom.", HelperTextOf(form, "indicator-name")));
        Assert.Single(_saved);
    }

    [Fact]
    public void Messages_follow_the_users_language()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var form = RenderForm(new IndicatorInput());

        form.FindAll("button").Single(b => b.TextContent.Trim() == "Indicator opslaan").Click();

        form.WaitForAssertion(() => Assert.Equal("Geef de indicator een naam.", HelperTextOf(form, "indicator-name")));
        Assert.Equal("Vul een waarde in.", HelperTextOf(form, "indicator-baseline-value"));
        Assert.Equal("Vul een datum in.", HelperTextOf(form, "indicator-baseline-date"));
    }
}
