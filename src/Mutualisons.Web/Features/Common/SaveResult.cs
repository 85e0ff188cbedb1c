namespace Mutualisons.Web.Features.Common;

public enum SaveStatus
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>Someone else changed the record since it was read: nothing was overwritten.</summary>
    Conflict,

    /// <summary>A rule of the method refused the change; <see cref="SaveResult.MessageKey"/> says which.</summary>
    Refused,

    /// <summary>The person's role does not allow this change.</summary>
    Forbidden,

    /// <summary>Someone else took the same slot of a shared resource first (a room at that time): nothing was written.</summary>
    Taken,
}

/// <summary>What became of a change the user asked for, with texts keyed for localisation.</summary>
public sealed record SaveResult(SaveStatus Status, string? MessageKey = null, IReadOnlyDictionary<string, string[]>? Errors = null, Guid? Id = null)
{
    public bool Succeeded => Status == SaveStatus.Saved;

    public static SaveResult Saved(Guid? id = null) => new(SaveStatus.Saved, Id: id);

    public static readonly SaveResult NotFound = new(SaveStatus.NotFound, "Save.NotFound");

    public static readonly SaveResult Conflict = new(SaveStatus.Conflict, "Save.Conflict");

    public static readonly SaveResult Forbidden = new(SaveStatus.Forbidden, "Save.Forbidden");

    public static readonly SaveResult Taken = new(SaveStatus.Taken, "Save.Taken");

    /// <summary>A rule of the method refused the change; its code maps to the text <c>Rule.{code}</c>.</summary>
    public static SaveResult Refused(string ruleCode) => new(SaveStatus.Refused, $"Rule.{ruleCode}");

    public static SaveResult Invalid(FluentValidation.Results.ValidationResult validation) =>
        new(SaveStatus.Invalid, "Save.Invalid", new Dictionary<string, string[]>(validation.ToDictionary()));
}
