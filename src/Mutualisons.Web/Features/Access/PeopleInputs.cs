using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Labs;

namespace Mutualisons.Web.Features.Access;

public sealed class InviteInput
{
    public string Email { get; set; } = string.Empty;

    public LabRole Role { get; set; } = LabRole.Participant;

    /// <summary>The lab organisation a participant represents.</summary>
    public Guid? OrganisationId { get; set; }
}

public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    public InviteInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.Email)
            .NotEmpty().WithMessage(_ => l["Validation.Account.EmailRequired"])
            .EmailAddress().WithMessage(_ => l["Validation.Contact.EmailInvalid"])
            .MaximumLength(Limits.Email).WithMessage(_ => l["Validation.TooLong", Limits.Email]);
        RuleFor(i => i.Role).IsInEnum().WithMessage(_ => l["Validation.People.RoleRequired"]);
        RuleFor(i => i.OrganisationId)
            .NotNull().When(i => i.Role == LabRole.Participant).WithMessage(_ => l["Validation.People.OrganisationRequired"]);
    }
}

public sealed class AddMemberInput
{
    public Guid? OrganisationId { get; set; }

    public MembershipRole Role { get; set; } = MembershipRole.Participant;
}

public sealed class AddMemberInputValidator : AbstractValidator<AddMemberInput>
{
    public AddMemberInputValidator(IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(i => i.OrganisationId).NotNull().WithMessage(_ => l["Validation.People.OrganisationRequired"]);
        RuleFor(i => i.Role).IsInEnum();
    }
}

public sealed record LabPersonRow(Guid PersonId, string DisplayName, string Email, LabRole Role, Guid? OrganisationId, string? OrganisationName, DateTimeOffset Since);

public sealed record InvitationRow(Guid Id, string Email, LabRole Role, string? OrganisationName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationState State);

public sealed record OrganisationChoice(Guid Id, string Name);

public sealed record LabPeople(
    Guid LabId,
    string LabName,
    uint Version,
    IReadOnlyList<LabPersonRow> People,
    IReadOnlyList<InvitationRow> Invitations,
    IReadOnlyList<OrganisationChoice> LabOrganisations,
    IReadOnlyList<OrganisationChoice> OtherOrganisations);
