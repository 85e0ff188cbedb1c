using Mutualisons.Domain.Access;
using Mutualisons.Domain.Common;

namespace Mutualisons.Domain.Tests.Access;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lab = Guid.NewGuid();
    private static readonly Guid Inviter = Guid.NewGuid();

    [Fact]
    public void The_token_is_unguessable_and_only_its_hash_is_kept()
    {
        var (invitation, token) = Invitation.Create(Lab, "Ana@Example.org", LabRole.Observer, null, Inviter, Now);
        var (_, other) = Invitation.Create(Lab, "ana@example.org", LabRole.Observer, null, Inviter, Now);

        // 256 random bits in base64url take 43 characters.
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(token, other);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.Equal(SecretToken.HashOf(token), invitation.TokenHash);
        Assert.Equal("ana@example.org", invitation.Email);
        Assert.Equal(Now + Invitation.DefaultLifetime, invitation.ExpiresAt);
    }

    [Fact]
    public void An_invitation_is_used_once()
    {
        var (invitation, _) = Invitation.Create(Lab, "ana@example.org", LabRole.Observer, null, Inviter, Now);
        var person = Guid.NewGuid();

        invitation.Accept(person, Now.AddHours(1));

        Assert.Equal(InvitationState.Accepted, invitation.StateAt(Now.AddHours(2)));
        Assert.Equal(person, invitation.AcceptedBy);
        Assert.Equal("Invitation.AlreadyUsed", Assert.Throws<DomainException>(() => invitation.Accept(Guid.NewGuid(), Now.AddHours(2))).Code);
    }

    [Fact]
    public void An_expired_or_withdrawn_invitation_is_refused()
    {
        var (expired, _) = Invitation.Create(Lab, "ana@example.org", LabRole.Observer, null, Inviter, Now, TimeSpan.FromDays(1));
        Assert.Equal(InvitationState.Pending, expired.StateAt(Now.AddHours(23)));
        Assert.Equal(InvitationState.Expired, expired.StateAt(Now.AddDays(1)));
        Assert.Equal("Invitation.Expired", Assert.Throws<DomainException>(() => expired.Accept(Guid.NewGuid(), Now.AddDays(2))).Code);

        var (revoked, _) = Invitation.Create(Lab, "ana@example.org", LabRole.Observer, null, Inviter, Now);
        revoked.Revoke(Now);
        Assert.Equal("Invitation.Revoked", Assert.Throws<DomainException>(() => revoked.Accept(Guid.NewGuid(), Now)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("ana@")]
    public void An_invitation_needs_a_valid_address(string email)
    {
        var error = Assert.Throws<DomainException>(() => Invitation.Create(Lab, email, LabRole.Observer, null, Inviter, Now));
        Assert.StartsWith("Invitation.Email", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_participant_is_invited_for_an_organisation()
    {
        Assert.Equal("Invitation.OrganisationRequired", Assert.Throws<DomainException>(() => Invitation.Create(Lab, "ana@example.org", LabRole.Participant, null, Inviter, Now)).Code);
    }
}
