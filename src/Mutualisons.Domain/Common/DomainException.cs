namespace Mutualisons.Domain.Common;

/// <summary>
/// Thrown when an operation would break a rule of the method. <see cref="Code"/> is a stable key
/// the web layer translates into the user's language.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message) : base(message) => Code = code;

    public DomainException() : this("Domain.Unknown", "A domain rule was broken.") { }

    public DomainException(string message) : this("Domain.Unknown", message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) => Code = "Domain.Unknown";

    public string Code { get; }
}
