using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Mutualisons.Infrastructure.Email;
using Mutualisons.Infrastructure.Identity;

namespace Mutualisons.Web.Features.Account;

/// <summary>
/// Tells an account's owner that an address was locked out after repeated wrong passwords. Sent off the
/// request: a sign-in answer that took longer when the account exists would reveal it.
/// </summary>
public sealed class SignInWarnings(IServiceScopeFactory scopes, ILogger<SignInWarnings> logger) : BackgroundService
{
    private readonly Channel<(Guid AccountId, string ClientAddress, int Failures)> _queue =
        Channel.CreateBounded<(Guid, string, int)>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Warn(Guid accountId, string clientAddress, int failures) =>
        _queue.Writer.TryWrite((accountId, clientAddress, failures));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (accountId, clientAddress, failures) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
                var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
                var email = scope.ServiceProvider.GetRequiredService<IEmailSender>();
                if (await users.FindByIdAsync(accountId.ToString()) is not { Email: { } to } account)
                {
                    continue;
                }
                await email.SendAsync(new EmailMessage(
                    to,
                    l["SignInWarning.MailSubject"],
                    l["SignInWarning.MailBody", WebUtility.HtmlEncode(account.DisplayName), failures, WebUtility.HtmlEncode(clientAddress)]), stoppingToken);
            }
            catch (Exception exception) when (exception is System.Net.Mail.SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException or Microsoft.EntityFrameworkCore.DbUpdateException or Npgsql.NpgsqlException)
            {
                // A warning that cannot be sent must not stop the next ones; the failure is logged for the operator.
                logger.LogError(exception, "The warning about repeated failed sign-ins to account {AccountId} could not be sent", accountId);
            }
        }
    }
}
