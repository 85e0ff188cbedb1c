using System.Collections;
using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Mutualisons.Web.Features.Common;

namespace Mutualisons.Web.Components;

/// <summary>
/// The one bridge between forms and the FluentValidation validators the services use. Inside an
/// <see cref="EditForm"/> it runs the model's validator when the form is validated, then again at each change
/// once the person has tried to submit, and shows the refusals of a save (<see cref="Result"/>, property paths
/// such as <c>Contacts[0].Email</c>) beside the same fields. MudBlazor inputs with <c>For</c> and
/// <see cref="Shared.FieldMessage{TValue}"/> display the messages; static pages (sign-in, invitations) use the same
/// component with the framework's inputs.
/// </summary>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
{
    private readonly Dictionary<FieldIdentifier, List<string>> _serverMessages = [];
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;
    private SaveResult? _shownResult;

    // Messages appear once the person has tried to submit, then follow each correction.
    private bool _validated;

    // Inputs rendered in the same pass as a refusal subscribe after it was announced: announce it again.
    private bool _announceAfterRender;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>What the last save answered: a refusal's messages go beside their fields; a success clears them.</summary>
    [Parameter]
    public SaveResult? Result { get; set; }

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidationValidator)} goes inside an EditForm.");
        }
        if (!ReferenceEquals(EditContext, _subscribed))
        {
            Unsubscribe();
            _messages = new ValidationMessageStore(EditContext);
            EditContext.OnValidationRequested += ValidationRequested;
            EditContext.OnFieldChanged += FieldChanged;
            _subscribed = EditContext;
            _validated = false;
            _serverMessages.Clear();
        }
        if (!ReferenceEquals(Result, _shownResult))
        {
            _shownResult = Result;
            ShowResult(EditContext, Result);
        }
    }

    private void ShowResult(EditContext context, SaveResult? result)
    {
        if (result is { Succeeded: true })
        {
            _validated = false;
            _serverMessages.Clear();
            Publish(context, []);
            return;
        }
        if (result is not { Status: SaveStatus.Invalid, Errors: { Count: > 0 } errors })
        {
            // A conflict or a refused rule says so above the form; the fields keep what they show.
            return;
        }
        _validated = true;
        _serverMessages.Clear();
        foreach (var (path, messages) in errors)
        {
            AddTo(_serverMessages, FieldFor(context.Model, path), messages);
        }
        Publish(context, []);
        _announceAfterRender = true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_announceAfterRender)
        {
            _announceAfterRender = false;
            EditContext?.NotifyValidationStateChanged();
        }
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        var context = (EditContext)sender!;
        _validated = true;
        _serverMessages.Clear();
        Publish(context, Validate(context.Model));
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        if (!_validated)
        {
            return;
        }
        // What the server said about this field no longer holds once it is changed.
        _serverMessages.Remove(e.FieldIdentifier);
        var context = (EditContext)sender!;
        Publish(context, Validate(context.Model));
    }

    private Dictionary<FieldIdentifier, List<string>> Validate(object model)
    {
        var found = new Dictionary<FieldIdentifier, List<string>>();
        if (Services.GetService(typeof(IValidator<>).MakeGenericType(model.GetType())) is not IValidator validator)
        {
            return found;
        }
        foreach (var error in validator.Validate(new ValidationContext<object>(model)).Errors)
        {
            AddTo(found, FieldFor(model, error.PropertyName), [error.ErrorMessage]);
        }
        return found;
    }

    private void Publish(EditContext context, Dictionary<FieldIdentifier, List<string>> fromValidator)
    {
        _messages!.Clear();
        foreach (var (field, messages) in fromValidator)
        {
            _messages.Add(field, messages);
        }
        foreach (var (field, messages) in _serverMessages)
        {
            var shown = fromValidator.GetValueOrDefault(field) ?? [];
            _messages.Add(field, messages.Where(m => !shown.Contains(m)));
        }
        context.NotifyValidationStateChanged();
    }

    private static void AddTo(Dictionary<FieldIdentifier, List<string>> messages, FieldIdentifier field, IEnumerable<string> texts)
    {
        if (!messages.TryGetValue(field, out var list))
        {
            messages[field] = list = [];
        }
        list.AddRange(texts.Where(t => !list.Contains(t)));
    }

    /// <summary>
    /// The field a validator's property path names ("Name", "Contacts[0].Email", "Title.Fr"): the object that
    /// holds the last property, as the inputs' <c>For</c> expressions name it. A path that cannot be followed
    /// stays on the model, under its full text.
    /// </summary>
    public static FieldIdentifier FieldFor(object model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        var owner = model;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (Step(owner, segments[i]) is not { } next)
            {
                return new FieldIdentifier(model, path);
            }
            owner = next;
        }
        return new FieldIdentifier(owner, segments[^1]);
    }

    // One segment of a path: a property, optionally followed by indexes ("Contacts[0]", "Rows[1][2]").
    private static object? Step(object owner, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? segment : segment[..bracket];
        var value = owner.GetType().GetProperty(name)?.GetValue(owner);
        while (bracket >= 0 && value is not null)
        {
            var close = segment.IndexOf(']', bracket);
            if (close < 0 || !int.TryParse(segment.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return null;
            }
            value = value switch
            {
                IList list when index < list.Count => list[index],
                IEnumerable items => items.Cast<object?>().ElementAtOrDefault(index),
                _ => null,
            };
            bracket = segment.IndexOf('[', close);
        }
        return value;
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= ValidationRequested;
            _subscribed.OnFieldChanged -= FieldChanged;
        }
    }

    public void Dispose() => Unsubscribe();
}
