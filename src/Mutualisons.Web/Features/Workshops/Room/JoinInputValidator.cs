using FluentValidation;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Workshops;

namespace Mutualisons.Web.Features.Workshops.Room;

/// <summary>
/// What a phone's join form must hold before the room is read: a name to show, and the other organisation's name
/// within its length. Each rule's code is the message key the page shows, the same the domain would refuse with.
/// </summary>
public sealed class JoinInputValidator : AbstractValidator<JoinInput>
{
    public JoinInputValidator()
    {
        RuleFor(j => j.DisplayName)
            .Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= WorkshopParticipant.NameLength)
            .WithErrorCode("Rule.Workshop.NameRequired");
        RuleFor(j => j.OtherOrganisation)
            .Must(other => (other?.Trim().Length ?? 0) <= Limits.ShortText)
            .When(j => j.OrganisationId is null)
            .WithErrorCode("Rule.Workshop.OrganisationTooLong");
    }
}
