using Microsoft.AspNetCore.Components;
using MudBlazor;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Diagnostic.Results;

public sealed partial class ResultsPage
{
    [Parameter]
    public Guid LabId { get; set; }

    [Parameter]
    public Guid Id { get; set; }

    private QuestionnaireResults? _results;
    private ResponseList? _responses;
    private ResultsFilter _filter = new();
    private bool _loaded;
    private int _responsePage;
    private Timer? _refresh;
    private string _exportLanguage = ProductLocalization.CurrentLanguage;
    private readonly HashSet<Guid> _openTexts = [];

    // The crumbs between the lab and this page.
    private BreadcrumbItem[] Trail =>
    [
        new(L["Questionnaires.Title"], AppRoutes.Questionnaires(LabId)),
    ];

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _loaded = true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // During a live workshop the figures follow the answers coming in.
        if (firstRender && RendererInfo.IsInteractive)
        {
            _refresh = new Timer(_ => _ = RefreshAsync(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        }
    }

    private async Task LoadAsync()
    {
        _results = await Results.GetAsync(LabId, Id, _filter);
        _responses = _results is null ? null : await Results.ListResponsesAsync(LabId, Id, _responsePage);
    }

    private void ToggleTexts(Guid question, bool open)
    {
        if (open)
        {
            _openTexts.Add(question);
        }
        else
        {
            _openTexts.Remove(question);
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The page was left between two ticks: nothing to refresh.
        }
    }

    private async Task FilterAsync(ResultsFilter filter)
    {
        _filter = filter;
        await LoadAsync();
    }

    private async Task ResponsesPageAsync(int page)
    {
        _responsePage = page - 1;
        _responses = await Results.ListResponsesAsync(LabId, Id, _responsePage);
    }

    private string ExportUrl(string format, Guid version)
    {
        var query = new List<string> { $"version={version}", $"lang={_exportLanguage}" };
        if (_filter.Kind is { } kind)
        {
            query.Add($"kind={kind}");
        }
        if (!string.IsNullOrEmpty(_filter.Sector))
        {
            query.Add($"sector={Uri.EscapeDataString(_filter.Sector)}");
        }
        return $"/labs/{LabId}/questionnaires/{Id}/export.{format}?{string.Join('&', query)}";
    }

    public void Dispose() => _refresh?.Dispose();
}
