using FluentValidation.Results;

namespace Mutualisons.Web.Features.Common;

/// <summary>Validation messages by property path ("Name", "Contacts[0].Email"), shown beside each field.</summary>
public sealed class FieldErrors
{
    public static readonly FieldErrors None = new(new Dictionary<string, string[]>());

    private readonly IReadOnlyDictionary<string, string[]> _errors;

    private FieldErrors(IReadOnlyDictionary<string, string[]> errors) => _errors = errors;

    public static FieldErrors From(ValidationResult validation) =>
        validation.IsValid ? None : new FieldErrors(new Dictionary<string, string[]>(validation.ToDictionary()));

    public static FieldErrors From(SaveResult result) =>
        result is { Status: SaveStatus.Invalid, Errors: { } errors } ? new FieldErrors(errors) : None;

    public bool Any => _errors.Count > 0;

    public bool Has(string property) => _errors.ContainsKey(property);

    public string? For(string property) => _errors.TryGetValue(property, out var messages) ? string.Join(" ", messages) : null;
}
