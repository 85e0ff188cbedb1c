using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Mutualisons.Web.Components.Shared;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Pages;

/// <summary>The frame every lab page shares: loading, not found, then the page with its breadcrumbs.</summary>
public sealed class LabPageFrameTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly Guid Lab = Guid.NewGuid();
    private readonly BunitContext _context = new();

    public LabPageFrameTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<LabPageFrame<string>> Render(string? model, bool loaded) =>
        _context.Render<LabPageFrame<string>>(p => p
            .Add(f => f.LabId, Lab)
            .Add(f => f.LabName, "Bota 75")
            .Add(f => f.Model, model)
            .Add(f => f.Loaded, loaded)
            .Add(f => f.Title, "Activités")
            .Add(f => f.Trail, [new BreadcrumbItem("Publics", $"/labs/{Lab}/publics")])
            .Add(f => f.NotFoundText, "Ce lab n'existe pas ou plus.")
            .Add(f => f.ChildContent, (RenderFragment<string>)(text => builder => builder.AddMarkupContent(0, $"<p id=\"content\">{text}</p>"))));

    [Fact]
    public void While_loading_it_shows_a_labelled_progress_bar_and_nothing_else()
    {
        var frame = Render(null, loaded: false);

        Assert.Equal("Chargement…", frame.Find(".mud-progress-linear").GetAttribute("aria-label"));
        Assert.Empty(frame.FindAll("h1"));
        Assert.Empty(frame.FindAll("#content"));
        Assert.Empty(frame.FindAll("[role=alert]"));
    }

    [Fact]
    public void Once_loaded_without_anything_it_says_so_and_leads_home()
    {
        var frame = Render(null, loaded: true);

        Assert.Equal("Ce lab n'existe pas ou plus.", frame.Find("[role=alert]").TextContent.Trim());
        Assert.Contains(frame.FindAll("a"), a => a.GetAttribute("href") == "/" && a.TextContent.Contains("Retour à l'accueil", StringComparison.Ordinal));
        Assert.Empty(frame.FindAll("#content"));
        Assert.Empty(frame.FindAll(".mud-progress-linear"));
    }

    [Fact]
    public void Once_loaded_it_shows_the_heading_the_breadcrumbs_from_the_lab_and_the_page()
    {
        var frame = Render("Trois ateliers", loaded: true);

        Assert.Equal("Activités", frame.Find("h1").TextContent.Trim());
        Assert.Equal("Trois ateliers", frame.Find("#content").TextContent);
        var links = frame.FindAll(".mud-breadcrumbs a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Living labs", "/"), ("Bota 75", $"/labs/{Lab}"), ("Publics", $"/labs/{Lab}/publics")], links.Take(3));
        Assert.Equal("Activités", links[^1].Item1);
        Assert.Equal(4, links.Count);
        Assert.Empty(frame.FindAll(".mud-progress-linear"));
    }
}
