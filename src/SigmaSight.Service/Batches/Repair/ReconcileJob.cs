using Hangfire;

namespace SigmaSight.Service.Batches.Repair;

/// <summary>
/// The recurring reconciler pass (every minute by default); one at a time across hosts through the reconciler's own
/// advisory try-lock, never retried (the next minute's pass is the retry).
/// </summary>
public sealed class ReconcileJob(Reconciler reconciler)
{
    [AutomaticRetry(Attempts = 0)]
    [BatchJobDisplayName]
    public Task RunAsync(CancellationToken cancellationToken) => reconciler.ReconcileAsync(cancellationToken);
}
