using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Starts one phase of a run: claims the Pending phase under a row lock, plans its items and enqueues their
/// jobs. Safe to run twice: a second run finds the phase claimed and only enqueues items still without a job.
/// </summary>
public sealed partial class StartPhaseJob(
    SigmaSightDbContext db, IEnumerable<IPhasePlanner> planners, PhaseAdvancer advancer, TimeProvider time,
    ILogger<StartPhaseJob> logger)
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
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            (status, var planned) = await PhaseClaim.ClaimAsync(db, run, planner, time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            if (planned is { } count) LogPlanned(logger, runId, phase, count);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (status.IsFinished())
        {
            await advancer.StartNextPhaseAsync(runId, phase, cancellationToken).ConfigureAwait(false);
            return;
        }
        await planner.EnqueueAsync(run, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Run {RunId}: planned {Count} items of phase {Phase}")]
    private static partial void LogPlanned(ILogger logger, Guid runId, int phase, int count);
}
