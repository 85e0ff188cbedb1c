using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Primitives;
using Mutualisons.Domain.Workshops;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>
/// The participant's page: the room's current step and what this phone gave to it, rendered on the server with
/// no live circuit (the state is in PostgreSQL). Each tap is a plain form post, answered by a redirect to the
/// page with its outcome; a small script reloads the page when the room changes (see workshop-room.js).
/// </summary>
public partial class RoomPage
{
    [Parameter]
    public Guid WorkshopId { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private WorkshopRoomService Room { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private RoomView? _view;
    private RoomFlash? _flash;
    private bool _awaitingPost;

    private string? Secret => RoomCookies.SecretFor(HttpContext, WorkshopId);

    protected override async Task OnInitializedAsync()
    {
        RoomResponses.Private(HttpContext);
        if (HttpMethods.IsPost(HttpContext.Request.Method))
        {
            _awaitingPost = true;
            return;
        }
        _view = await Room.ViewAsync(WorkshopId, Secret, HttpContext.RequestAborted);
        if (_view is null)
        {
            // No cookie, or one that names nobody in this room: back to the door.
            Navigation.NavigateTo(RoomRoutes.Join, forceLoad: true);
            return;
        }
        _flash = RoomCookies.TakeFlash(HttpContext);
    }

    private async Task TapAsync()
    {
        _awaitingPost = false;
        var form = await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted);
        var name = form["_handler"].ToString();
        var cancel = HttpContext.RequestAborted;
        var stepId = Guid.TryParse(form["step"], out var parsed) ? parsed : Guid.Empty;
        string? item = null;
        string? text = null;
        SaveResult result;
        switch (name)
        {
            case "note":
                text = form["text"].ToString();
                result = await Room.WriteNoteAsync(WorkshopId, Secret, stepId, text, cancel);
                break;
            case "dots":
                // The pressed button says the item and how many dots it should now hold: a repeated tap sets the same count.
                var tap = form["tap"].ToString();
                var bar = tap.LastIndexOf('|');
                item = bar > 0 ? tap[..bar] : string.Empty;
                var dots = bar > 0 && int.TryParse(tap[(bar + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : 0;
                result = await Room.GiveDotsAsync(WorkshopId, Secret, stepId, item, dots, cancel);
                break;
            case "place":
                item = form["item"].ToString();
                result = Number(form[$"x:{item}"]) is { } x && Number(form[$"y:{item}"]) is { } y
                    ? await Room.PlaceAsync(WorkshopId, Secret, stepId, item, x, y, cancel)
                    : SaveResult.Refused("Workshop.PlacementOutside");
                break;
            case "poll":
                result = await AnswerPollAsync(form, stepId, cancel);
                break;
            case "consent":
                text = form["reason"].ToString();
                item = form["position"].ToString();
                result = Enum.TryParse<ConsentPosition>(item, out var position) && Enum.IsDefined(position)
                    ? await Room.ConsentAsync(WorkshopId, Secret, stepId, position, text, cancel)
                    : SaveResult.Refused("Workshop.ConsentInvalid");
                break;
            default:
                result = SaveResult.NotFound;
                break;
        }
        if (result.Status == SaveStatus.NotFound && await Room.PulseAsync(WorkshopId, Secret, cancel) is null)
        {
            Navigation.NavigateTo(RoomRoutes.Join, forceLoad: true);
            return;
        }
        RoomCookies.Flash(HttpContext, result.Succeeded
            ? new RoomFlash(name, "Room.Saved", true, item)
            : new RoomFlash(name, result.MessageKey ?? "Save.NotFound", false, item, text));
        // Post, then redirect: a reload never sends the tap again.
        Navigation.NavigateTo(RoomRoutes.Room(WorkshopId), forceLoad: true);
    }

    private async Task<SaveResult> AnswerPollAsync(IFormCollection form, Guid stepId, CancellationToken cancellationToken)
    {
        var ranks = form.Keys.Where(k => k.StartsWith("rank:", StringComparison.Ordinal)).ToList();
        if (ranks.Count == 0)
        {
            var choices = form["choice"].Select(c => Number(c)).ToList();
            return choices.Any(c => c is null)
                ? SaveResult.Refused("Workshop.ChoiceInvalid")
                : await Room.AnswerPollAsync(WorkshopId, Secret, stepId, [.. choices.Select(c => c!.Value)], cancellationToken);
        }
        // A ranking: each option's rank, read back as the options in rank order; a gap or a tie ranks nothing.
        var ranked = ranks.Select(k => (Option: Number(k[5..]), Rank: Number(form[k]))).ToList();
        if (ranked.Any(r => r.Option is null || r.Rank is null) || ranked.Select(r => r.Rank).Distinct().Count() != ranked.Count)
        {
            return SaveResult.Refused("Workshop.RankAll");
        }
        return await Room.AnswerPollAsync(WorkshopId, Secret, stepId, [.. ranked.OrderBy(r => r.Rank).Select(r => r.Option!.Value)], cancellationToken);
    }

    private static int? Number(StringValues value) => Number(value.ToString());

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The note refused on the last tap, given back so nothing typed is lost.</summary>
    private string? KeptText(string form) => _flash is { Saved: false } flash && flash.Form == form ? flash.Text : null;

    /// <summary>Where the script keeps what is typed: per workshop and step.</summary>
    private static string StoreKey(RoomView view) => $"mw:{view.WorkshopId:N}:{view.Step?.Id.ToString("N") ?? "none"}";

    private static string ItemId(string key) => "item-" + key.Replace(':', '-');

    private static string Median(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
