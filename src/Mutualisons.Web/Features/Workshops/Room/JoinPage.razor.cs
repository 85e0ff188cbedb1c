using FluentValidation;
using Microsoft.AspNetCore.Components;
using Mutualisons.Web.Features.Access;
using Mutualisons.Web.Localization;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>
/// The room's door for one code: the form to join (an organisation of the lab or another one, and a display
/// name), or why it is shut. A signed-in member of the lab joins as themselves; a phone already in the room
/// goes straight back to it.
/// </summary>
public partial class JoinPage
{
    private const string OtherValue = "other";

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private WorkshopRoomService Room { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IValidator<JoinInput> Validator { get; set; } = default!;

    private RoomGate? _gate;
    private MemberIdentity? _member;
    private bool _opensLater;
    private bool _awaitingPost;
    private string? _refusal;
    private string _name = string.Empty;
    private string _organisation = string.Empty;
    private string _other = string.Empty;

    protected override async Task OnInitializedAsync()
    {
        RoomResponses.Private(HttpContext);
        if (HttpMethods.IsPost(HttpContext.Request.Method))
        {
            _awaitingPost = true;
            return;
        }
        if (!await OpenAsync())
        {
            return;
        }
        // The same phone scanning again: it is already in the room.
        if (_gate!.AcceptsJoins && await Room.PulseAsync(_gate.WorkshopId, RoomCookies.SecretFor(HttpContext, _gate.WorkshopId), HttpContext.RequestAborted) is not null)
        {
            Navigation.NavigateTo(RoomRoutes.Room(_gate.WorkshopId), forceLoad: true);
            return;
        }
        if (_member is not null)
        {
            _name = _member.DisplayName;
            _organisation = _member.OrganisationId?.ToString() ?? string.Empty;
        }
    }

    /// <summary>Finds the workshop of the code, and who the signed-in person is in its lab; false when the page only explains.</summary>
    private async Task<bool> OpenAsync()
    {
        _gate = await Room.FindAsync(Code, HttpContext.RequestAborted);
        if (_gate is null)
        {
            _opensLater = await Room.OpensLaterAsync(Code, HttpContext.RequestAborted);
            // A room not open yet is there, only not yet. An unknown code is a 404, which the framework hands to
            // the not-found page: that page tells a phone that the code is unknown (see NotFound.razor).
            if (!_opensLater)
            {
                HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            return false;
        }
        _member = await Room.MemberAsync(Actor.From(HttpContext.User), _gate.LabId, HttpContext.RequestAborted);
        return true;
    }

    private async Task JoinAsync()
    {
        _awaitingPost = false;
        if (!await OpenAsync())
        {
            return;
        }
        var form = await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted);
        _name = form["name"].ToString();
        _organisation = form["organisation"].ToString();
        _other = form["other"].ToString();
        if (!_gate!.AcceptsJoins)
        {
            RoomResponses.Explained(HttpContext, StatusCodes.Status409Conflict);
            return;
        }
        Guid? organisationId = Guid.TryParse(_organisation, out var id) ? id : null;
        if (organisationId is null && _organisation != OtherValue)
        {
            _refusal = "Room.Join.OrganisationRequired";
            RoomResponses.Explained(HttpContext, StatusCodes.Status422UnprocessableEntity);
            return;
        }
        var input = new JoinInput(_name, organisationId, organisationId is null ? _other : null);
        if ((await Validator.ValidateAsync(input, HttpContext.RequestAborted)).Errors is [var first, ..])
        {
            _refusal = first.ErrorCode;
            RoomResponses.Explained(HttpContext, StatusCodes.Status422UnprocessableEntity);
            return;
        }
        var (result, secret) = await Room.JoinAsync(Code, input, _member?.UserId, ProductLocalization.CurrentLanguage, HttpContext.RequestAborted);
        if (!result.Succeeded || secret is null)
        {
            _refusal = result.MessageKey ?? "Save.NotFound";
            RoomResponses.Explained(HttpContext, StatusCodes.Status422UnprocessableEntity);
            return;
        }
        RoomCookies.KeepSecret(HttpContext, _gate.WorkshopId, secret);
        // Post, then redirect: a reload never joins twice.
        Navigation.NavigateTo(RoomRoutes.Room(_gate.WorkshopId), forceLoad: true);
    }
}
