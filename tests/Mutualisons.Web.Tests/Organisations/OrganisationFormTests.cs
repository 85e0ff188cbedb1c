using System.Globalization;
using AngleSharp.Dom;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Mutualisons.Domain.Organisations;
using Mutualisons.Web.Features.Common;
using Mutualisons.Web.Features.Organisations;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Organisations;

public sealed class OrganisationFormTests : IAsyncLifetime, IAsyncDisposable
{
    // MudBlazor's services only dispose asynchronously, which xunit does through IAsyncLifetime.
    private readonly BunitContext _context = new();
    private readonly List<OrganisationInput> _saved = [];
    private SaveResult _answer = SaveResult.Saved(Guid.NewGuid());

    public OrganisationFormTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        _context.Services.AddValidatorsFromAssemblyContaining<OrganisationInputValidator>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    private IRenderedComponent<OrganisationForm> RenderForm(OrganisationInput? input = null)
    {
        _context.Render<MudPopoverProvider>();
        return _context.Render<OrganisationForm>(p => p
            .Add(f => f.Input, input ?? new OrganisationInput())
            .Add(f => f.Save, i =>
            {
                _saved.Add(i);
                return Task.FromResult(_answer);
            }));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static IElement SaveButton(IRenderedComponent<OrganisationForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Enregistrer");

    private static string HelperTextOf(IRenderedComponent<OrganisationForm> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? string.Empty;

    [Fact]
    public void Saving_an_empty_form_shows_each_message_beside_its_field_and_saves_nothing()
    {
        var form = RenderForm();

        SaveButton(form).Click();

        form.WaitForAssertion(() => Assert.Equal("Le nom de l'organisation est obligatoire.", HelperTextOf(form, "organisation-name")));
        Assert.Contains("Choisissez la forme de l'organisation.", form.Markup, StringComparison.Ordinal);
        Assert.Contains("Cochez au moins une langue de travail.", form.Markup, StringComparison.Ordinal);
        Assert.Contains("Certaines informations sont à corriger", form.Markup, StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public void Messages_follow_the_users_language()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var form = RenderForm();

        form.FindAll("button").Single(b => b.TextContent.Trim() == "Opslaan").Click();

        form.WaitForAssertion(() => Assert.Equal("De naam van de organisatie is verplicht.", HelperTextOf(form, "organisation-name")));
        Assert.Contains("Vink minstens één werktaal aan.", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_website_coordinates_and_contact_email_are_explained_and_the_typed_values_stay()
    {
        var input = new OrganisationInput { Name = "Atelier", Kind = OrganisationKind.Cooperative, Languages = [Language.French], Contacts = [new ContactInput { Name = "Ana" }] };
        var form = RenderForm(input);
        form.Find("#organisation-website").Change("atelier.be");
        form.Find("#organisation-latitude").Change("95");
        form.Find("#contact-0-email").Change("ana-at-atelier");

        SaveButton(form).Click();

        form.WaitForAssertion(() => Assert.StartsWith("Indiquez une adresse web complète", HelperTextOf(form, "organisation-website"), StringComparison.Ordinal));
        Assert.Contains("La latitude est comprise entre -90 et 90.", HelperTextOf(form, "organisation-latitude"), StringComparison.Ordinal);
        Assert.Contains("Latitude et longitude vont ensemble", HelperTextOf(form, "organisation-longitude"), StringComparison.Ordinal);
        Assert.Equal("Cette adresse de courriel n'est pas valide.", HelperTextOf(form, "contact-0-email"));
        Assert.Equal("atelier.be", form.Find("#organisation-website").GetAttribute("value"));
        Assert.Equal("ana-at-atelier", form.Find("#contact-0-email").GetAttribute("value"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_message_disappears_once_the_field_is_corrected()
    {
        var form = RenderForm(new OrganisationInput { Kind = OrganisationKind.Association, Languages = [Language.French] });
        SaveButton(form).Click();
        form.WaitForAssertion(() => Assert.NotEmpty(HelperTextOf(form, "organisation-name")));

        form.Find("#organisation-name").Input("Communa");

        form.WaitForAssertion(() => Assert.Empty(HelperTextOf(form, "organisation-name")));
    }

    [Fact]
    public void A_valid_form_is_saved_once_with_what_was_typed()
    {
        var form = RenderForm(new OrganisationInput { Kind = OrganisationKind.Association, Languages = [Language.Dutch] });
        form.Find("#organisation-name").Input("Communa");
        form.Find("#organisation-city").Change("Saint-Gilles");

        SaveButton(form).Click();

        form.WaitForAssertion(() => Assert.Single(_saved));
        var saved = _saved[0];
        Assert.Equal(("Communa", "Saint-Gilles"), (saved.Name, saved.City));
        Assert.DoesNotContain("mud-input-error", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_is_explained_and_the_input_is_kept()
    {
        _answer = SaveResult.Conflict;
        var form = RenderForm(new OrganisationInput { Name = "BRAL", Kind = OrganisationKind.Association, Languages = [Language.Dutch] });
        form.Find("#organisation-sector").Change("Mouvement urbain");

        SaveButton(form).Click();

        form.WaitForAssertion(() => Assert.Contains("Quelqu'un a modifié ces informations entre-temps", form.Markup, StringComparison.Ordinal));
        Assert.Equal("Mouvement urbain", form.Find("#organisation-sector").GetAttribute("value"));
        Assert.Single(_saved);
    }
}
