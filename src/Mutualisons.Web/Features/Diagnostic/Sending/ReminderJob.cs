using Quartz;

namespace Mutualisons.Web.Features.Diagnostic.Sending;

/// <summary>Sends one scheduled reminder when its time comes; Quartz runs it on one instance of the cluster only.</summary>
public sealed class ReminderJob(ReminderService reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap.ToDictionary(e => e.Key, e => e.Value?.ToString() ?? string.Empty);
        await reminders.SendScheduledAsync(data, cancellationToken);
    }
}
