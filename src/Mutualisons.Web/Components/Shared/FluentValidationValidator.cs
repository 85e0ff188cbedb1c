using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Mutualisons.Web.Components;

/// <summary>
/// Runs the model's FluentValidation validator inside an <see cref="EditForm"/>, so static pages (sign-in,
/// invitations) show the same messages, in the same language, as the interactive forms.
/// </summary>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidationValidator)} goes inside an EditForm.");
        }
        if (ReferenceEquals(EditContext, _subscribed))
        {
            return;
        }
        Unsubscribe();
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += Validate;
        _subscribed = EditContext;
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        var context = (EditContext)sender!;
        var validatorType = typeof(IValidator<>).MakeGenericType(context.Model.GetType());
        if (Services.GetService(validatorType) is not IValidator validator)
        {
            return;
        }
        _messages!.Clear();
        var result = validator.Validate(new ValidationContext<object>(context.Model));
        foreach (var error in result.Errors)
        {
            _messages.Add(context.Field(error.PropertyName), error.ErrorMessage);
        }
        context.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= Validate;
        }
    }

    public void Dispose() => Unsubscribe();
}
