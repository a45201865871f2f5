using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Starts one phase of a run: claims the Pending phase under a row lock, plans its items and enqueues their
/// jobs. Safe to run twice: a second run finds the phase claimed and only enqueues items still without a job, and
/// only one starter at a time enqueues (the phase's enqueue lease, issue 7 1d).
/// </summary>
public sealed partial class StartPhaseJob(
    SigmaSightDbContext db, IEnumerable<IPhasePlanner> planners, PhaseAdvancer advancer, IOptions<BatchOptions> options,
    TimeProvider time, ILogger<StartPhaseJob> logger)
{
    [BatchJobDisplayName]
    public async Task RunAsync(Guid runId, int phase, CancellationToken cancellationToken)
    {
        var run = await db.BatchRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            .ConfigureAwait(false) ?? throw new NonTransientBatchException($"run {runId} does not exist");
        var planner = planners.SingleOrDefault(p => p.Phase == phase)
            ?? throw new NonTransientBatchException($"phase {phase} has no planner");
        if (run.Status == RunStatus.Superseded) return;

        PhaseStatus status;
        int? planned;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            (status, planned) = await PhaseClaim.ClaimAsync(db, run, planner, time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            if (planned is { } count) LogPlanned(logger, runId, phase, count);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        if (await LedgerStatistics.RefreshAsync(db, planned ?? 0, cancellationToken).ConfigureAwait(false))
            LogAnalyzed(logger, runId, phase, planned ?? 0);

        if (status.IsFinished())
        {
            await advancer.StartNextPhaseAsync(runId, phase, cancellationToken).ConfigureAwait(false);
            return;
        }
        var lease = await PhaseLease.TryAcquireAsync(db, runId, phase, options.Value.StarterLease, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            LogLeaseHeld(logger, runId, phase);
            return;
        }
        try
        {
            var delay = options.Value.TestStarterDelay;
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            await planner.EnqueueAsync(run, lease, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await lease.ReleaseAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Run {RunId}: planned {Count} items of phase {Phase}")]
    private static partial void LogPlanned(ILogger logger, Guid runId, int phase, int count);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Run {RunId}: phase {Phase} planned {Count} items; the ledger's statistics refreshed (ANALYZE batch_items) before enqueueing")]
    private static partial void LogAnalyzed(ILogger logger, Guid runId, int phase, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Run {RunId}: another starter holds the enqueue lease of phase {Phase}; this one enqueues nothing")]
    private static partial void LogLeaseHeld(ILogger logger, Guid runId, int phase);
}
