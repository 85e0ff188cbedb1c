using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Organisations;

/// <summary>A person of the organisation and the role they hold there.</summary>
public sealed record ContactPerson
{
    public ContactPerson(string name, ContactRole role, string? email)
    {
        Name = Guard.RequiredText(name, Limits.Name, "Organisation.ContactNameRequired", "A contact's name");
        Role = Guard.Defined(role, "Organisation.ContactRoleInvalid");
        Email = Guard.OptionalText(email, Limits.Email, "Organisation.ContactEmailTooLong", "A contact's email");
    }

    public string Name { get; private init; }

    public ContactRole Role { get; private init; }

    public string Email { get; private init; }
}
