using System.Net.Mail;
using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Access;

/// <summary>
/// An invitation to join a lab in a role: a single-use link that expires. Only a hash of its token is kept,
/// so the database alone cannot be used to accept someone else's invitation.
/// </summary>
public sealed class Invitation : ILabOwned
{
    public static string AuditSubject => Audit.AuditSubject.Invitation;

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
        Email = string.Empty;
        TokenHash = string.Empty;
    }

    private Invitation(Guid labId, string email, LabRole role, Guid? organisationId, Guid invitedBy, DateTimeOffset now, TimeSpan lifetime, string tokenHash)
        : this()
    {
        Id = Guid.CreateVersion7();
        LabId = labId;
        Email = email;
        Role = role;
        OrganisationId = organisationId;
        InvitedBy = invitedBy;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
        TokenHash = tokenHash;
    }

    public Guid Id { get; private set; }

    public Guid LabId { get; private set; }

    public string Email { get; private set; }

    public LabRole Role { get; private set; }

    public Guid? OrganisationId { get; private set; }

    /// <summary>The person who sent it; null once their account is deleted.</summary>
    public Guid? InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Concurrency token: accepting and withdrawing at once cannot both win.</summary>
    public uint Version { get; private set; }

    /// <summary>Creates an invitation and the token to send; the token itself is not stored.</summary>
    public static (Invitation Invitation, string Token) Create(Guid labId, string email, LabRole role, Guid? organisationId, Guid invitedBy, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        var address = Guard.RequiredText(email, Limits.Email, "Invitation.EmailRequired", "The email");
        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            throw new DomainException("Invitation.EmailInvalid", "The email address is not valid.");
        }
        Guard.Defined(role, "Invitation.RoleInvalid");
        if (role == LabRole.Participant && organisationId is null)
        {
            throw new DomainException("Invitation.OrganisationRequired", "A participant represents an organisation.");
        }

        var token = SecretToken.New();
        var invitation = new Invitation(labId, address.ToLowerInvariant(), role, organisationId, invitedBy, Guard.Utc(now), lifetime ?? DefaultLifetime, SecretToken.HashOf(token));
        return (invitation, token);
    }

    public InvitationState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : AcceptedAt is not null ? InvitationState.Accepted
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>Uses the invitation once; an expired, revoked or already used one is refused.</summary>
    public void Accept(Guid personId, DateTimeOffset now)
    {
        switch (StateAt(now))
        {
            case InvitationState.Accepted:
                throw new DomainException("Invitation.AlreadyUsed", "This invitation has already been used.");
            case InvitationState.Revoked:
                throw new DomainException("Invitation.Revoked", "This invitation was withdrawn.");
            case InvitationState.Expired:
                throw new DomainException("Invitation.Expired", "This invitation has expired.");
        }
        AcceptedAt = Guard.Utc(now);
        AcceptedBy = personId;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (StateAt(now) == InvitationState.Pending)
        {
            RevokedAt = Guard.Utc(now);
        }
    }
}

public enum InvitationState
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}
