using Microsoft.AspNetCore.Components;
using MudBlazor;

// The namespace is the one Razor gives LabPageFrame.razor (its folder), which a partial class must share.
#pragma warning disable CA1716
namespace Mutualisons.Web.Components.Shared;
#pragma warning restore CA1716

public partial class LabPageFrame<TModel> where TModel : class
{
    /// <summary>The lab the page belongs to.</summary>
    [Parameter, EditorRequired]
    public Guid LabId { get; set; }

    [Parameter]
    public string? LabName { get; set; }

    /// <summary>What the page shows; null while loading, and null once loaded when it does not exist for this person.</summary>
    [Parameter]
    public TModel? Model { get; set; }

    /// <summary>True once the page has asked for its data: a null <see cref="Model"/> then means "not found".</summary>
    [Parameter]
    public bool Loaded { get; set; }

    /// <summary>The page's heading, also its last breadcrumb.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>The browser tab's title when it should differ from "heading · lab".</summary>
    [Parameter]
    public string? DocumentTitle { get; set; }

    /// <summary>The crumbs between the lab and this page (the questionnaires list, the publics dashboard…).</summary>
    [Parameter]
    public IReadOnlyList<BreadcrumbItem>? Trail { get; set; }

    /// <summary>The lab's own page: the lab is the last crumb, not a link.</summary>
    [Parameter]
    public bool IsLabHome { get; set; }

    /// <summary>What to say when the page does not exist and no router shows the site's not-found page.</summary>
    [Parameter]
    public string? NotFoundText { get; set; }

    /// <summary>Buttons and chips beside the heading.</summary>
    [Parameter]
    public RenderFragment<TModel>? Actions { get; set; }

    [Parameter]
    public RenderFragment<TModel>? ChildContent { get; set; }

    private bool _notFoundReported;

    private string DocumentTitleText => DocumentTitle is { Length: > 0 } title
        ? $"{title} · Mutualisons"
        : IsLabHome || string.IsNullOrEmpty(LabName) ? $"{Title} · Mutualisons" : $"{Title} · {LabName} · Mutualisons";

    private List<BreadcrumbItem> Breadcrumbs
    {
        get
        {
            var crumbs = new List<BreadcrumbItem> { new(L["Nav.Labs"], AppRoutes.Home) };
            if (IsLabHome)
            {
                crumbs.Add(new(LabName ?? Title ?? string.Empty, null, disabled: true));
                return crumbs;
            }
            crumbs.Add(new(LabName ?? string.Empty, AppRoutes.Lab(LabId)));
            crumbs.AddRange(Trail ?? []);
            crumbs.Add(new(Title ?? string.Empty, null, disabled: true));
            return crumbs;
        }
    }

    protected override void OnParametersSet()
    {
        if (Model is not null)
        {
            _notFoundReported = false;
            return;
        }
        if (Loaded && !_notFoundReported)
        {
            // On the first (prerendered) request this answers HTTP 404 with the not-found page; once the
            // circuit runs, the router shows that same page in place of this one.
            _notFoundReported = true;
            Navigation.NotFound();
        }
    }
}
