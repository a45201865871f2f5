using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Waits for a run's final status, reporting phase progress from the ledger after every poll; a run superseded while
/// waited on is followed to the run that took over, so the caller gets the status of the work it asked for.
/// </summary>
public sealed class RunWaiter(SigmaSightDbContext db, IOptions<BatchOptions> options, TimeProvider time)
{
    /// <summary>The least time between two progress lines when the output is not a terminal (a cron log, a pipe).</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits for the run, printing a progress line when the phases' counts change, at most one per
    /// <paramref name="minInterval"/> (zero: every change) and always the last one.
    /// </summary>
    public Task<BatchRun> WaitAsync(Guid runId, TimeSpan timeout, TextWriter progress, CancellationToken cancellationToken,
        TimeSpan minInterval = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return WaitAsync(runId, timeout, new PlainRunProgress(progress, minInterval, time), cancellationToken);
    }

    /// <summary>Waits for the run, showing each poll's <see cref="RunProgress"/> on <paramref name="view"/>.</summary>
    public async Task<BatchRun> WaitAsync(Guid runId, TimeSpan timeout, IRunProgressView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var progress = await RunProgress.ReadAsync(db, runId, cancellationToken).ConfigureAwait(false);
            await view.ShowAsync(progress).ConfigureAwait(false);
            var run = progress.Run;
            if (run is { Status: RunStatus.Superseded, SupersededBy: { } next })
            {
                await view.FollowAsync(runId, next).ConfigureAwait(false);
                runId = next;
                continue;
            }
            if (run.Status != RunStatus.Running) return run;
            if (time.GetUtcNow() > deadline)
                throw new TimeoutException($"run {runId} still Running after {timeout}; see /hangfire and `status {runId}`");
            await Task.Delay(options.Value.WaitPollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
