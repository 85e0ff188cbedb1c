using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Mutualisons.Domain.Labs;
using Mutualisons.Domain.Publics;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Workshops.Outcomes;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Tests.Workshops;

/// <summary>The outcomes page's content: its empty states, and the buttons that turn notes and clusters into needs and experiments.</summary>
public sealed class OutcomesBodyTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly Guid Lab = Guid.NewGuid();
    private readonly BunitContext _context = new();

    public OutcomesBodyTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddProductLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();

    private static WorkshopOutcomes Outcomes(IReadOnlyList<OutcomeNote>? notes = null, IReadOnlyList<OutcomeCluster>? clusters = null, IReadOnlyList<AttendanceGroup>? attendance = null,
        bool mayRun = true, bool mayMakeExperiments = true) =>
        new(Lab, "Bota 75", Guid.NewGuid(), "Atelier des communs", WorkshopState.Ended,
            new OutcomeActivity(Guid.NewGuid(), "Atelier des communs", ParticipationLevel.Deliberation, [Cycle.Publics], ActivityStatus.Planned),
            [], notes ?? [], clusters ?? [], attendance ?? [], mayRun, mayRun, mayRun && mayMakeExperiments, mayRun);

    private static string Text(IRenderedComponent<OutcomesBody> body) => string.Concat(body.Nodes.Select(n => n.TextContent));

    [Fact]
    public void A_workshop_nobody_joined_says_so_in_each_part()
    {
        var body = _context.Render<OutcomesBody>(p => p.Add(c => c.Outcomes, Outcomes()));

        Assert.Contains("Personne n'a encore rejoint l'atelier.", Text(body), StringComparison.Ordinal);
        Assert.Contains("Aucune idée n'a encore été écrite.", Text(body), StringComparison.Ordinal);
        Assert.Contains("Cet atelier n'a pas encore d'étape.", Text(body), StringComparison.Ordinal);
        Assert.Empty(body.FindAll(".make-need"));
        Assert.Contains("Enregistrer les présences", Text(body), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_note_and_cluster_offers_the_conversions_the_role_allows_and_a_click_asks_with_the_proposed_words()
    {
        var note = new OutcomeNote(Guid.NewGuid(), Guid.NewGuid(), "Une cuisine partagée", "Amina", "BRAL", "Espaces", false, null);
        var cluster = new OutcomeCluster(Guid.NewGuid(), Guid.NewGuid(), "Espaces", ["Une cuisine partagée"], null);
        ConversionRequest? asked = null;
        var body = _context.Render<OutcomesBody>(p => p
            .Add(c => c.Outcomes, Outcomes([note], [cluster], mayMakeExperiments: false))
            .Add(c => c.OnConvert, request => asked = request));

        Assert.Equal(2, body.FindAll(".make-need").Count);
        Assert.Empty(body.FindAll(".make-experiment"));
        body.Find($"[data-note='{note.Id}'] .make-need").Click();

        Assert.Equal(new ConversionRequest(WorkshopSource.Note(note.Id), OutcomeKind.Need, "Une cuisine partagée (BRAL)"), asked);
        body.Find($"[data-cluster='{cluster.Id}'] .make-need").Click();
        Assert.Equal(new ConversionRequest(WorkshopSource.Cluster(cluster.Id), OutcomeKind.Need, "Espaces"), asked);
    }

    [Fact]
    public void What_a_note_became_is_linked_instead_of_the_buttons_and_an_observer_gets_no_buttons()
    {
        var experimentId = Guid.NewGuid();
        var became = new OutcomeNote(Guid.NewGuid(), Guid.NewGuid(), "Un local vélo", null, null, null, false, new BecameView(experimentId, OutcomeKind.Experiment, "Local vélo commun"));
        var free = new OutcomeNote(Guid.NewGuid(), Guid.NewGuid(), "Des achats groupés", null, null, null, false, null);

        var facilitator = _context.Render<OutcomesBody>(p => p.Add(c => c.Outcomes, Outcomes([became, free])));
        var observer = _context.Render<OutcomesBody>(p => p.Add(c => c.Outcomes, Outcomes([became, free], mayRun: false)));

        var link = facilitator.Find($"[data-note='{became.Id}'] a");
        Assert.Equal($"/labs/{Lab}/experiments/{experimentId}", link.GetAttribute("href"));
        Assert.Equal("Local vélo commun", link.TextContent.Trim());
        Assert.Empty(facilitator.FindAll($"[data-note='{became.Id}'] button"));
        Assert.Single(facilitator.FindAll($"[data-note='{free.Id}'] .make-experiment"));
        Assert.Empty(observer.FindAll("button"));
        Assert.Equal(link.GetAttribute("href"), observer.Find($"[data-note='{became.Id}'] a").GetAttribute("href"));
    }

    [Fact]
    public void Participants_of_other_organisations_are_counted_and_said_to_move_no_ladder()
    {
        var attendance = new[]
        {
            new AttendanceGroup(Guid.NewGuid(), "BRAL", true, true, true, [new AttendeeView("Amina", false), new AttendeeView("Dan", true)]),
            new AttendanceGroup(null, "Une autre asbl", false, false, false, [new AttendeeView("Chloé", false)]),
        };

        var body = _context.Render<OutcomesBody>(p => p.Add(c => c.Outcomes, Outcomes(attendance: attendance)));

        Assert.Contains("1 participant·e(s) d'autres organisations sont compté·e·s mais ne font monter aucune échelle", Text(body), StringComparison.Ordinal);
        Assert.Contains("Autre organisation", Text(body), StringComparison.Ordinal);
        Assert.Contains("Présente à l'activité", Text(body), StringComparison.Ordinal);
        Assert.Equal("Dan", body.Find("s").TextContent);
    }
}
