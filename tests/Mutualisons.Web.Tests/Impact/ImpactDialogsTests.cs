using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using Mutualisons.Domain.Diagnostic;
using Mutualisons.Domain.Impact;
using Mutualisons.Web.Features.Impact;
using Mutualisons.Web.Features.Impact.Sources;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Impact;

/// <summary>
/// The dialogs of a hypothesis page: recording or correcting a measurement (bad input beside its field, in the
/// user's language, before anything is sent) and choosing an indicator's source.
/// </summary>
public sealed class ImpactDialogsTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _context = new();

    public ImpactDialogsTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        _context.Services.AddValidatorsFromAssemblyContaining<MeasurementInputValidator>();
        _context.Services.AddSingleton(TimeProvider.System);
        // Rendering and validation only: a save that reached these services would fail the test.
        _context.Services.AddScoped(_ => new ImpactHypothesisService(null!, null!, null!, null!, null!, null!, null!, null!, null!, null!));
        _context.Services.AddScoped(sp => new IndicatorSourceService(null!, null!, null!, sp.GetRequiredService<IStringLocalizer<SharedResource>>(), null!, null!, null!));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static IndicatorView Hours(params MeasurementLine[] measurements) =>
        new(Guid.NewGuid(), "Heures libérées", IndicatorUnit.Hours, IndicatorDirection.HigherIsBetter, 10, new DateOnly(2026, 1, 31), 30, new DateOnly(2026, 12, 31), IndicatorSource.RecordedByHand, measurements);

    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync<TDialog>(DialogParameters<TDialog> parameters) where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        _context.Render<MudPopoverProvider>();
        var provider = _context.Render<MudDialogProvider>();
        var dialogs = _context.Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Dialogue", parameters));
        return provider;
    }

    private static string HelperTextOf(IRenderedComponent<MudDialogProvider> dialog, string inputId) =>
        dialog.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;

    [Theory]
    [InlineData("fr", "Un nombre d'heures est positif ou nul.", "La mesure ne peut pas précéder la situation de départ (31 janv. 2026).")]
    [InlineData("nl", "Een aantal uren is positief of nul.", "De meting kan niet vóór de beginsituatie liggen (31 jan 2026).")]
    [InlineData("en", "A number of hours is zero or more.", "The measurement cannot come before the baseline (31 Jan 2026).")]
    public async Task A_value_out_of_the_unit_and_a_day_before_the_baseline_are_explained_beside_their_fields_in_the_users_language(string language, string value, string day)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
        var dialog = await ShowAsync(new DialogParameters<MeasurementDialog> { { d => d.Indicator, Hours() } });

        dialog.Find("#measurement-date").Change("2025-12-31");
        dialog.Find("#measurement-value").Change("-2");
        dialog.Find("form#measurement-form").Submit();

        dialog.WaitForAssertion(() => Assert.Equal(value, HelperTextOf(dialog, "measurement-value")));
        Assert.Equal(day, HelperTextOf(dialog, "measurement-date"));
        Assert.Equal("measurement-form", dialog.FindAll("button[type=submit]").Single().GetAttribute("form"));
        Assert.DoesNotContain("Validation.", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correcting_a_measurement_starts_from_what_was_recorded()
    {
        var may = new MeasurementLine(Guid.NewGuid(), new DateOnly(2026, 5, 31), 14, "Premier mois", "Pieter");
        var dialog = await ShowAsync(new DialogParameters<MeasurementDialog> { { d => d.Indicator, Hours(may) }, { d => d.Measurement, may } });

        Assert.Equal("2026-05-31", dialog.Find("#measurement-date").GetAttribute("value"));
        Assert.Equal("14", dialog.Find("#measurement-value").GetAttribute("value"));
        Assert.Equal("Premier mois", dialog.Find("#measurement-note").TextContent.Trim() is { Length: > 0 } text ? text : dialog.Find("#measurement-note").GetAttribute("value"));
    }

    private static QuestionnaireOption Survey() => new(Guid.NewGuid(), "Bilan du partage des lieux", false,
    [
        new QuestionOption(Guid.NewGuid(), 1, "Combien de mètres carrés partagez-vous ?", QuestionType.Number, []),
        new QuestionOption(Guid.NewGuid(), 2, "Utilisez-vous un service commun ?", QuestionType.YesNo, [new ChoiceOption(QuestionDefinition.Yes, "Oui"), new ChoiceOption(QuestionDefinition.No, "Non")]),
    ]);

    private static IndicatorSourceView ByHand(IndicatorView indicator) =>
        new(indicator.Id, IndicatorSource.RecordedByHand, false, null, null, null, null, null, null, null, null, null);

    [Fact]
    public async Task The_source_dialog_offers_the_labs_questionnaires_and_marks_the_figures_the_unit_cannot_take()
    {
        var indicator = Hours();
        var dialog = await ShowAsync(new DialogParameters<SourceDialog>
        {
            { d => d.Indicator, indicator }, { d => d.Current, ByHand(indicator) }, { d => d.Questionnaires, [Survey()] },
        });

        Assert.Contains("Une question d'un questionnaire du lab", dialog.Markup, StringComparison.Ordinal);
        // The lab's only questionnaire is already chosen; its questions are offered next.
        Assert.Contains("Bilan du partage des lieux", dialog.Markup, StringComparison.Ordinal);
        Assert.Contains(dialog.FindAll("label"), l => l.TextContent.Contains("Question", StringComparison.Ordinal));
        Assert.Contains(dialog.FindAll("button"), b => b.TextContent.Trim() == "Enregistrer la source");
        Assert.DoesNotContain("Impact.", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_questionnaire_the_source_dialog_starts_from_the_platforms_figures()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var indicator = Hours() with { Unit = IndicatorUnit.Count };
        var dialog = await ShowAsync(new DialogParameters<SourceDialog> { { d => d.Indicator, indicator }, { d => d.Current, ByHand(indicator) } });

        Assert.Contains("Een cijfer dat het platform al kent", dialog.Markup, StringComparison.Ordinal);
        Assert.Contains("Cijfer van het platform", dialog.Markup, StringComparison.Ordinal);
        // A count cannot follow a share: the first figure offered is one it can take, with its cycle and level.
        Assert.Contains("Participatieniveau", dialog.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Impact.", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_figure_proposal_can_be_dismissed_and_every_source_can_be_changed()
    {
        _context.Render<MudPopoverProvider>();
        var indicator = Hours() with { Unit = IndicatorUnit.Count, Source = IndicatorSource.PlatformFigure };
        var source = new IndicatorSourceView(indicator.Id, IndicatorSource.PlatformFigure, false, null, null, null, null, null, PlatformFigure.NeedsRecorded, null, null,
            new ProposedMeasurement(indicator.Id, 3, 0, Now, true));

        var panel = _context.Render<IndicatorSourcePanel>(p => p.Add(x => x.Indicator, indicator).Add(x => x.Source, source)
            .Add(x => x.MayConfirm, true).Add(x => x.MayChangeSource, true));

        var labels = panel.FindAll("button").Select(b => (Text: b.TextContent.Trim(), Label: b.GetAttribute("aria-label") ?? string.Empty)).ToList();
        Assert.Contains(("Écarter", "Écarter la mesure proposée pour Heures libérées"), labels);
        Assert.Contains(("Choisir la source", "Choisir la source de Heures libérées"), labels);
        Assert.All(labels.Where(l => l.Label.Length > 0), l => Assert.StartsWith(l.Text, l.Label, StringComparison.Ordinal));
    }
}
