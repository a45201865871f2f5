using Hangfire;

namespace SigmaSight.Service.Batches.Retention;

/// <summary>The recurring <c>retention</c> job: one pass of <see cref="RunPruner"/> with the configured
/// retention; its result (what it removed) shows on the job's dashboard page.</summary>
public sealed class RetentionJob(RunPruner pruner)
{
    [AutomaticRetry(Attempts = 3)]
    [BatchJobDisplayName]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await pruner.PruneAsync(dryRun: false, cancellationToken).ConfigureAwait(false)).Describe();
}
