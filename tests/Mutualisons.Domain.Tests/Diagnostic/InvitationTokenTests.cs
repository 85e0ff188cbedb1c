using System.Security.Cryptography;
using System.Text;
using Mutualisons.Domain.Common;
using Mutualisons.Domain.Diagnostic;
using static Mutualisons.Domain.Tests.Diagnostic.Sample;

namespace Mutualisons.Domain.Tests.Diagnostic;

public sealed class InvitationTokenTests
{
    private static readonly Guid Organisation = new("0195a1b2-0000-7000-8000-0000000000aa");

    private static string Protect(string token) => "P:" + token;

    private static byte[] FromBase64Url(string token) =>
        Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length % 4)) % 4));

    [Fact]
    public void A_token_is_43_url_safe_characters_carrying_32_random_bytes()
    {
        var token = SecretToken.New();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(32, FromBase64Url(token).Length);
        Assert.True(SecretToken.LooksValid(token));
    }

    [Fact]
    public void Tokens_never_repeat_and_use_their_whole_alphabet()
    {
        var tokens = Enumerable.Range(0, 2_000).Select(_ => SecretToken.New()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.True(SecretToken.LooksValid(t)));
        // 256 bits cannot come from a narrow source: over 2,000 tokens every position takes many values.
        for (var position = 0; position < 42; position++)
        {
            Assert.True(tokens.Select(t => t[position]).Distinct().Count() > 32, $"Position {position} barely varies.");
        }
        // The bytes themselves spread over the whole range, as 32 random bytes do.
        var bytes = tokens.SelectMany(FromBase64Url).ToList();
        Assert.Equal(256, bytes.Distinct().Count());
    }

    [Fact]
    public void The_hash_is_the_lowercase_hex_SHA256_of_the_token()
    {
        var token = SecretToken.New();

        var hash = SecretToken.HashOf(token);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), hash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, SecretToken.HashOf(token));
        Assert.NotEqual(hash, SecretToken.HashOf(SecretToken.New()));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretToken.HashOf("abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u0663")] // an Arabic-Indic digit
    public void A_token_we_could_not_have_issued_is_refused_before_any_lookup(string? token)
    {
        Assert.False(SecretToken.LooksValid(token));
    }

    [Fact]
    public void Enabling_the_public_link_returns_a_token_and_keeps_only_its_hash_and_a_protected_copy()
    {
        var questionnaire = new Sample().NewQuestionnaire();

        var token = questionnaire.EnablePublicLink(Protect, onePerBrowser: false, Now.AddHours(1));

        Assert.True(SecretToken.LooksValid(token));
        Assert.True(questionnaire.PublicLinkEnabled);
        Assert.Equal(SecretToken.HashOf(token), questionnaire.PublicTokenHash);
        Assert.Equal("P:" + token, questionnaire.PublicTokenProtected);
        Assert.False(questionnaire.OnePerBrowser);
        Assert.Equal(Now.AddHours(1), questionnaire.UpdatedAt);
    }

    [Fact]
    public void Enabling_the_public_link_again_issues_a_new_token_so_the_old_link_dies()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        var first = questionnaire.EnablePublicLink(Protect, onePerBrowser: true, Now);

        var second = questionnaire.EnablePublicLink(Protect, onePerBrowser: true, Now.AddHours(1));

        Assert.NotEqual(first, second);
        Assert.Equal(SecretToken.HashOf(second), questionnaire.PublicTokenHash);
        Assert.NotEqual(SecretToken.HashOf(first), questionnaire.PublicTokenHash);
        Assert.Equal("P:" + second, questionnaire.PublicTokenProtected);
        Assert.True(questionnaire.OnePerBrowser);
    }

    [Fact]
    public void Disabling_the_public_link_forgets_its_token()
    {
        var questionnaire = new Sample().NewQuestionnaire();
        questionnaire.EnablePublicLink(Protect, onePerBrowser: true, Now);

        questionnaire.DisablePublicLink(Now.AddDays(1));

        Assert.False(questionnaire.PublicLinkEnabled);
        Assert.Null(questionnaire.PublicTokenHash);
        Assert.Null(questionnaire.PublicTokenProtected);
        Assert.Equal(Now.AddDays(1), questionnaire.UpdatedAt);
    }

    [Fact]
    public void One_response_per_browser_can_be_turned_off_and_on()
    {
        var questionnaire = new Sample().NewQuestionnaire();

        questionnaire.SetOnePerBrowser(false, Now);
        Assert.False(questionnaire.OnePerBrowser);

        questionnaire.SetOnePerBrowser(true, Now);
        Assert.True(questionnaire.OnePerBrowser);
    }

    [Fact]
    public void An_invitation_keeps_only_the_hash_and_a_protected_copy_of_its_token()
    {
        var questionnaire = Guid.NewGuid();

        var (invitation, token) = QuestionnaireInvitation.Create(questionnaire, Organisation, "  contact@bota.be ", Protect, Now);

        Assert.True(SecretToken.LooksValid(token));
        Assert.Equal(SecretToken.HashOf(token), invitation.TokenHash);
        Assert.Equal("P:" + token, invitation.TokenProtected);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.Equal(questionnaire, invitation.QuestionnaireId);
        Assert.Equal(Organisation, invitation.OrganisationId);
        Assert.Equal("contact@bota.be", invitation.Email);
        Assert.Equal(Now, invitation.InvitedAt);
        Assert.Equal(RespondentProgress.Invited, invitation.Progress);
        Assert.NotEqual(Guid.Empty, invitation.Id);
    }

    [Fact]
    public void Each_invitation_gets_its_own_token()
    {
        var questionnaire = Guid.NewGuid();

        var (first, firstToken) = QuestionnaireInvitation.Create(questionnaire, Organisation, null, Protect, Now);
        var (second, secondToken) = QuestionnaireInvitation.Create(questionnaire, Organisation, null, Protect, Now);

        Assert.NotEqual(firstToken, secondToken);
        Assert.NotEqual(first.TokenHash, second.TokenHash);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void An_invitation_handed_over_by_hand_has_no_email_but_a_too_long_one_is_refused()
    {
        var (handed, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, null, Protect, Now);
        Assert.Equal(string.Empty, handed.Email);

        var tooLong = new string('a', Limits.Email) + "@bota.be";
        var error = Assert.Throws<DomainException>(() => QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, tooLong, Protect, Now));
        Assert.Equal("Invitation.EmailInvalid", error.Code);
    }

    [Fact]
    public void An_invitation_progresses_from_invited_to_opened_started_and_submitted()
    {
        var (invitation, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, null, Protect, Now);

        invitation.MarkOpened(Now.AddHours(1));
        Assert.Equal(RespondentProgress.Opened, invitation.Progress);

        invitation.MarkStarted(Now.AddHours(2));
        Assert.Equal(RespondentProgress.Started, invitation.Progress);

        invitation.MarkSubmitted(Now.AddHours(3));
        Assert.Equal(RespondentProgress.Submitted, invitation.Progress);

        Assert.Equal(Now.AddHours(1), invitation.OpenedAt);
        Assert.Equal(Now.AddHours(2), invitation.StartedAt);
        Assert.Equal(Now.AddHours(3), invitation.SubmittedAt);
    }

    [Fact]
    public void Each_step_keeps_the_moment_it_first_happened_and_progress_never_goes_back()
    {
        var (invitation, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, null, Protect, Now);
        invitation.MarkStarted(Now.AddHours(1));

        invitation.MarkOpened(Now.AddHours(5));
        invitation.MarkStarted(Now.AddHours(6));

        Assert.Equal(RespondentProgress.Started, invitation.Progress);
        Assert.Equal(Now.AddHours(1), invitation.OpenedAt);
        Assert.Equal(Now.AddHours(1), invitation.StartedAt);
    }

    [Fact]
    public void Submitting_straight_away_also_marks_the_invitation_opened_and_started()
    {
        var (invitation, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, null, Protect, Now);

        invitation.MarkSubmitted(Now.AddMinutes(10));
        invitation.MarkSubmitted(Now.AddMinutes(20));

        Assert.Equal(RespondentProgress.Submitted, invitation.Progress);
        Assert.Equal(Now.AddMinutes(10), invitation.OpenedAt);
        Assert.Equal(Now.AddMinutes(10), invitation.StartedAt);
        Assert.Equal(Now.AddMinutes(10), invitation.SubmittedAt);
    }

    [Fact]
    public void A_revoked_invitation_shows_as_revoked_whatever_was_done_before()
    {
        var (invitation, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, null, Protect, Now);
        invitation.MarkSubmitted(Now.AddHours(1));

        invitation.Revoke(Now.AddHours(2));
        invitation.Revoke(Now.AddHours(3));

        Assert.Equal(RespondentProgress.Revoked, invitation.Progress);
        Assert.Equal(Now.AddHours(2), invitation.RevokedAt);
        Assert.Equal(Now.AddHours(1), invitation.SubmittedAt);
    }

    [Fact]
    public void Reminders_are_counted_until_the_organisation_answers()
    {
        var (invitation, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, "contact@bota.be", Protect, Now);

        invitation.Remind(Now.AddDays(3));
        invitation.MarkStarted(Now.AddDays(4));
        invitation.Remind(Now.AddDays(7));

        Assert.Equal(2, invitation.ReminderCount);
        Assert.Equal(Now.AddDays(7), invitation.LastReminderAt);
    }

    [Fact]
    public void No_reminder_after_submitting()
    {
        var (invitation, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, "contact@bota.be", Protect, Now);
        invitation.Remind(Now.AddDays(3));
        invitation.MarkSubmitted(Now.AddDays(4));

        var error = Assert.Throws<DomainException>(() => invitation.Remind(Now.AddDays(7)));

        Assert.Equal("Questionnaire.NoReminder", error.Code);
        Assert.Equal(1, invitation.ReminderCount);
        Assert.Equal(Now.AddDays(3), invitation.LastReminderAt);
    }

    [Fact]
    public void No_reminder_after_revoking()
    {
        var (invitation, _) = QuestionnaireInvitation.Create(Guid.NewGuid(), Organisation, "contact@bota.be", Protect, Now);
        invitation.Revoke(Now.AddDays(1));

        Assert.Equal("Questionnaire.NoReminder", Assert.Throws<DomainException>(() => invitation.Remind(Now.AddDays(2))).Code);
        Assert.Equal(0, invitation.ReminderCount);
    }
}
