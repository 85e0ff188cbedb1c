using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Mutualisons.Web.Features.Resources.MapData;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Resources;

/// <summary>The entry form of a map data set: bad input is explained beside its field before anything is sent.</summary>
public sealed class MapDataDialogsTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public MapDataDialogsTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        _context.Services.AddValidatorsFromAssemblyContaining<EntryInputValidator>();
        // Rendering and validation only: a save that reached the service would fail the test.
        _context.Services.AddScoped(_ => new MapContributionService(null!, null!, null!, null!, null!));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync(EntryInput input)
    {
        _context.Render<MudPopoverProvider>();
        var provider = _context.Render<MudDialogProvider>();
        var dialogs = _context.Services.GetRequiredService<IDialogService>();
        var source = Guid.NewGuid();
        var parameters = new DialogParameters<EntryDialog>
        {
            { d => d.LabId, Guid.NewGuid() },
            { d => d.DataSetId, Guid.NewGuid() },
            { d => d.Input, input },
            { d => d.Sources, [new OrganisationOption(source, "Dewey")] },
            { d => d.Categories, [new CategoryRow(Guid.NewGuid(), null, 1, "Alimentation", "Voeding", "Food")] },
        };
        await provider.InvokeAsync(() => dialogs.ShowAsync<EntryDialog>("Fiche", parameters));
        return provider;
    }

    private static string HelperTextOf(IRenderedComponent<MudDialogProvider> dialog, string inputId) =>
        dialog.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;

    [Theory]
    [InlineData("fr", "Une latitude entre −90 et 90.", "Une adresse commençant par http:// ou https://.", "Donnez un nom à la fiche.")]
    [InlineData("nl", "Een breedtegraad tussen −90 en 90.", "Een adres dat begint met http:// of https://.", "Geef de fiche een naam.")]
    [InlineData("en", "A latitude between −90 and 90.", "An address starting with http:// or https://.", "Give the entry a name.")]
    public async Task Latitude_91_a_javascript_link_and_a_missing_name_are_explained_beside_their_fields_in_the_users_language(string language, string latitude, string website, string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
        var dialog = await ShowAsync(new EntryInput { Latitude = 91, Longitude = 4.35, Website = "javascript:alert(1)" });

        dialog.FindAll("button").Single(b => b.TextContent.Trim() == (language switch { "nl" => "Voorstellen", "en" => "Propose", _ => "Proposer" })).Click();

        dialog.WaitForAssertion(() => Assert.Equal(latitude, HelperTextOf(dialog, "entry-latitude")));
        Assert.Equal(website, HelperTextOf(dialog, "entry-website"));
        Assert.Equal(name, HelperTextOf(dialog, "entry-name"));
        Assert.DoesNotContain("Validation.", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_an_entry_starts_from_its_accepted_content()
    {
        var content = Domain.Resources.MapData.MapEntryContent.Of("Repair café <Ixelles>", [], "Rue de la Tulipe", 50.834, 4.37, "Réparer ensemble", null, null, null, "Sa 14h–17h", "https://example.org", Guid.NewGuid(), new DateOnly(2026, 11, 2));
        var dialog = await ShowAsync(EntryInput.From(content));

        Assert.Equal("Repair café <Ixelles>", dialog.Find("#entry-name").GetAttribute("value"));
        Assert.Equal("Sa 14h–17h", dialog.Find("#entry-hours").GetAttribute("value"));
        Assert.Equal("2026-11-02", dialog.Find("#entry-checked").GetAttribute("value"));
        // The name is text: no element was made of it.
        Assert.Empty(dialog.FindAll("Ixelles"));
    }
}
