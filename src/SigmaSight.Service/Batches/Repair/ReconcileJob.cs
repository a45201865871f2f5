using Hangfire;

namespace SigmaSight.Service.Batches.Repair;

/// <summary>The recurring reconciler pass (every minute by default); one at a time across hosts.</summary>
public sealed class ReconcileJob(Reconciler reconciler)
{
    [DisableConcurrentExecution(60)]
    [BatchJobDisplayName]
    public Task RunAsync(CancellationToken cancellationToken) => reconciler.ReconcileAsync(cancellationToken);
}
