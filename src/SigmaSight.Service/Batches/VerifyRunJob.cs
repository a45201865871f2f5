using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Phase 5: sets the run's final status from the data. Runs again after every late success, so a repaired
/// run can become Completed; does nothing while an earlier phase is still running.
/// </summary>
public sealed partial class VerifyRunJob(
    SigmaSightDbContext db, BatchLedger ledger, RunVerifier verifier, TestPauses pauses, TimeProvider time,
    ILogger<VerifyRunJob> logger)
{
    [BatchJobDisplayName]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var unfinished = await db.BatchPhases.AnyAsync(
            p => p.RunId == runId && p.Phase != BatchPhases.Verify && p.Status != PhaseStatus.Completed && p.Status != PhaseStatus.CompletedWithErrors, cancellationToken)
            .ConfigureAwait(false);
        if (unfinished)
        {
            LogDeferred(logger, runId);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Serialises verifies of one run: the last to take the lock reads the latest ledger and writes last.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM sigmasight.batch_runs WHERE id = {runId} FOR UPDATE", cancellationToken).ConfigureAwait(false);
        var run = await db.BatchRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)
            ?? throw new NonTransientBatchException($"run {runId} does not exist");
        if (run.Status == RunStatus.Superseded) return;
        await pauses.AtAsync(TestPauses.Verify, $"run {runId}", cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var result = await verifier.VerifyAsync(run, now, cancellationToken).ConfigureAwait(false);
        run.Status = result.Status;
        run.Summary = result.Summary;
        run.FinishedAt = now;
        // This verify read the ledger under the run's row lock, which a late success's request also takes: every
        // request committed before is answered by this verdict; a later one waits for this commit and is kept.
        run.VerifyRequestedAt = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await ledger.FinishItemAsync(LedgerItemRef.Verify(runId), ItemStatus.Succeeded, null, cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogVerified(logger, runId, result.Status, result.Summary);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Run {RunId} verified: {Status} — {Summary}")]
    private static partial void LogVerified(ILogger logger, Guid runId, RunStatus status, string summary);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Run {RunId}: verify deferred, a phase is still running")]
    private static partial void LogDeferred(ILogger logger, Guid runId);
}
