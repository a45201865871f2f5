using Hangfire;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.Hosting;

namespace SigmaSight.Service.Batches.Scheduling;

/// <summary>Registers <c>nightly-batch</c> (New York time, misfires Relaxed: starts are idempotent) and the reconciler.</summary>
public sealed class RecurringJobRegistrar(IRecurringJobManager recurring, IOptions<ScheduleOptions> options) : IHostedService
{
    public const string ReconcilerJobId = "reconciler";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var schedule = options.Value;
        if (!schedule.Enabled) return Task.CompletedTask;
        recurring.AddOrUpdate<NightlyBatchJob>(NightlyBatchJob.RecurringJobId, JobQueues.Coordination,
            j => j.RunAsync(null, CancellationToken.None), schedule.NightlyCron, new RecurringJobOptions
            {
                TimeZone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone),
                MisfireHandling = MisfireHandlingMode.Relaxed,
            });
        recurring.AddOrUpdate<ReconcileJob>(ReconcilerJobId, JobQueues.Coordination,
            j => j.RunAsync(CancellationToken.None), schedule.ReconcilerCron, new RecurringJobOptions
            {
                MisfireHandling = MisfireHandlingMode.Ignorable,
            });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
