using FluentValidation;
using Microsoft.Extensions.Localization;
using Mutualisons.Domain.Common;

namespace Mutualisons.Web.Features.Account;

public sealed class SignInInput
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class ForgotPasswordInput
{
    public string Email { get; set; } = string.Empty;
}

public sealed class ResetPasswordInput
{
    public string Email { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

/// <summary>A new account: from the one-time setup page or from an invitation.</summary>
public sealed class NewAccountInput
{
    public string DisplayName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class DeleteAccountInput
{
    public string Password { get; set; } = string.Empty;
}

/// <summary>Shared wording of the password rule: 12 characters at least, no composition rules (ASVS V2.1).</summary>
internal static class PasswordRule
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule, IStringLocalizer l) =>
        rule.NotEmpty().WithMessage(_ => l["Validation.Account.PasswordRequired"])
            .MinimumLength(MinLength).WithMessage(_ => l["Validation.Account.PasswordTooShort", MinLength])
            .MaximumLength(MaxLength).WithMessage(_ => l["Validation.TooLong", MaxLength]);

    public static IRuleBuilderOptions<T, string> Email<T>(this IRuleBuilder<T, string> rule, IStringLocalizer l) =>
        rule.NotEmpty().WithMessage(_ => l["Validation.Account.EmailRequired"])
            .EmailAddress().WithMessage(_ => l["Validation.Contact.EmailInvalid"])
            .MaximumLength(Limits.Email).WithMessage(_ => l["Validation.TooLong", Limits.Email]);
}

public sealed class SignInInputValidator : AbstractValidator<SignInInput>
{
    public SignInInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(i => i.Email).Email(l);
        RuleFor(i => i.Password).NotEmpty().WithMessage(_ => l["Validation.Account.PasswordRequired"]);
    }
}

public sealed class ForgotPasswordInputValidator : AbstractValidator<ForgotPasswordInput>
{
    public ForgotPasswordInputValidator(IStringLocalizer<SharedResource> l) => RuleFor(i => i.Email).Email(l);
}

public sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(i => i.Email).Email(l);
        RuleFor(i => i.Password).StrongPassword(l);
    }
}

public sealed class NewAccountInputValidator : AbstractValidator<NewAccountInput>
{
    public NewAccountInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(i => i.DisplayName)
            .NotEmpty().WithMessage(_ => l["Validation.Account.NameRequired"])
            .MaximumLength(Limits.Name).WithMessage(_ => l["Validation.TooLong", Limits.Name]);
        RuleFor(i => i.Email).Email(l);
        RuleFor(i => i.Password).StrongPassword(l);
    }
}

public sealed class DeleteAccountInputValidator : AbstractValidator<DeleteAccountInput>
{
    public DeleteAccountInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(i => i.Password).NotEmpty().WithMessage(_ => l["Validation.Account.PasswordRequired"]);
}
