using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Mutualisons.Domain.Organisations;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Organisations;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Forms;

/// <summary>The one adapter between the forms and the services' FluentValidation validators.</summary>
public sealed class FluentValidationAdapterTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public FluentValidationAdapterTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        _context.Services.AddValidatorsFromAssemblyContaining<OrganisationInputValidator>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<ValidatedFormHost> Render(OrganisationInput input, SaveResult? result = null) =>
        _context.Render<ValidatedFormHost>(p => p.Add(f => f.Input, input).Add(f => f.Result, result));

    private static string HelperTextOf(IRenderedComponent<ValidatedFormHost> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;

    private static OrganisationInput Valid() => new()
    {
        Name = "Communa",
        Kind = OrganisationKind.Association,
        Languages = [Language.French],
        Contacts = [new ContactInput { Name = "Ana", Email = "ana@communa.be" }],
    };

    [Fact]
    public async Task A_field_shows_its_validators_message_once_the_form_is_validated()
    {
        var form = Render(new OrganisationInput { Contacts = [new ContactInput { Name = "Ana", Email = "ana-at-communa" }] });
        Assert.Empty(HelperTextOf(form, "name"));

        var valid = true;
        await form.InvokeAsync(() => valid = form.Instance.Form.Validate());

        Assert.False(valid);
        form.WaitForAssertion(() => Assert.Equal("Le nom de l'organisation est obligatoire.", HelperTextOf(form, "name")));
        Assert.Equal("Cette adresse de courriel n'est pas valide.", HelperTextOf(form, "contact-0-email"));
        Assert.Equal("Cochez au moins une langue de travail.", form.Find(".field-message").TextContent.Trim());
    }

    [Fact]
    public void A_refusal_from_the_service_shows_beside_the_same_fields_even_inside_a_list()
    {
        var refused = new SaveResult(SaveStatus.Invalid, "Save.Invalid", new Dictionary<string, string[]>
        {
            ["Name"] = ["Ce nom est déjà pris."],
            ["Contacts[0].Email"] = ["Cette adresse est déjà utilisée."],
        });

        var form = Render(Valid(), refused);

        form.WaitForAssertion(() => Assert.Equal("Ce nom est déjà pris.", HelperTextOf(form, "name")));
        Assert.Equal("Cette adresse est déjà utilisée.", HelperTextOf(form, "contact-0-email"));
        Assert.Equal("Communa", form.Find("#name").GetAttribute("value"));
    }

    [Fact]
    public void What_was_typed_stays_and_each_message_follows_its_correction()
    {
        var input = Valid();
        var form = Render(input);
        form.Find("#website").Change("communa.be");
        form.Find("#name").Input(string.Empty);
        form.InvokeAsync(() => form.Instance.Form.Validate());
        form.WaitForAssertion(() => Assert.StartsWith("Indiquez une adresse web complète", HelperTextOf(form, "website"), StringComparison.Ordinal));
        Assert.Equal("Le nom de l'organisation est obligatoire.", HelperTextOf(form, "name"));

        form.Find("#name").Input("Communa");

        form.WaitForAssertion(() => Assert.Empty(HelperTextOf(form, "name")));
        Assert.StartsWith("Indiquez une adresse web complète", HelperTextOf(form, "website"), StringComparison.Ordinal);
        Assert.Equal("communa.be", form.Find("#website").GetAttribute("value"));
        Assert.Equal("communa.be", input.Website);
    }

    [Fact]
    public void A_refusal_from_the_service_goes_once_its_field_is_changed_and_a_save_clears_everything()
    {
        var refused = new SaveResult(SaveStatus.Invalid, "Save.Invalid", new Dictionary<string, string[]> { ["Name"] = ["Ce nom est déjà pris."] });
        var form = Render(Valid(), refused);
        form.WaitForAssertion(() => Assert.Equal("Ce nom est déjà pris.", HelperTextOf(form, "name")));

        form.Find("#name").Input("Communa bis");
        form.WaitForAssertion(() => Assert.Empty(HelperTextOf(form, "name")));

        form.Render(p => p.Add(f => f.Result, refused with { }));
        form.WaitForAssertion(() => Assert.Equal("Ce nom est déjà pris.", HelperTextOf(form, "name")));
        form.Render(p => p.Add(f => f.Result, SaveResult.Saved(Guid.NewGuid())));
        form.WaitForAssertion(() => Assert.Empty(HelperTextOf(form, "name")));
    }
}
