using Hangfire;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.Batches.Retention;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Batches.Scheduling;

/// <summary>
/// Registers <c>nightly-batch</c> (New York time, misfires Relaxed: starts are idempotent) unless
/// <see cref="ScheduleOptions.Nightly"/> is false, the reconciler and, unless <see cref="RetentionOptions.Enabled"/> is
/// false, <c>retention</c>. What is switched off is removed, so a storage never keeps a schedule its hosts turned off.
/// </summary>
public sealed class RecurringJobRegistrar(
    IRecurringJobManager recurring, IOptions<ScheduleOptions> options, IOptions<RetentionOptions> retention) : IHostedService
{
    public const string ReconcilerJobId = "reconciler";
    public const string RetentionJobId = "retention";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var schedule = options.Value;
        if (!schedule.Enabled) return Task.CompletedTask;
        if (schedule.Nightly)
            recurring.AddOrUpdate<NightlyBatchJob>(NightlyBatchJob.RecurringJobId, JobQueues.Coordination,
                j => j.RunAsync(null, CancellationToken.None), schedule.NightlyCron, new RecurringJobOptions
                {
                    TimeZone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone),
                    MisfireHandling = MisfireHandlingMode.Relaxed,
                });
        else recurring.RemoveIfExists(NightlyBatchJob.RecurringJobId);
        recurring.AddOrUpdate<ReconcileJob>(ReconcilerJobId, JobQueues.Coordination,
            j => j.RunAsync(CancellationToken.None), schedule.ReconcilerCron, new RecurringJobOptions
            {
                MisfireHandling = MisfireHandlingMode.Ignorable,
            });
        if (retention.Value.Enabled)
            recurring.AddOrUpdate<RetentionJob>(RetentionJobId, JobQueues.Coordination,
                j => j.RunAsync(CancellationToken.None), retention.Value.Cron, new RecurringJobOptions
                {
                    TimeZone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone),
                    MisfireHandling = MisfireHandlingMode.Ignorable,
                });
        else recurring.RemoveIfExists(RetentionJobId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
