using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisons.Infrastructure.Persistence;
using Mutualisons.Web.Features.Workshops;

namespace Mutualisons.IntegrationTests.Support;

/// <summary>
/// Waits until an app instance's workshop listener hears its channel. <see cref="WorkshopSignals.Listening"/>
/// completes once, the first time; a test class's database put back between tests drops the listener's
/// connection, and signals sent while it listens again are lost. A probe is sent until it comes back.
/// </summary>
public static class SignalProbe
{
    public static async Task ListeningAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var signals = services.GetRequiredService<WorkshopSignals>();
        await signals.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var probe = Guid.NewGuid();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = signals.Subscribe(probe, _ => heard.TrySetResult());
        var factory = services.GetRequiredService<IDbContextFactory<MutualisonsDbContext>>();
        for (var attempt = 0; attempt < 60 && !heard.Task.IsCompleted; attempt++)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                await WorkshopSignals.NotifyAsync(db, probe, WorkshopChange.Room);
            }
            await Task.WhenAny(heard.Task, Task.Delay(500));
        }
        if (!heard.Task.IsCompleted)
        {
            throw new InvalidOperationException("The instance's workshop listener never heard its channel.");
        }
    }
}
