using Hangfire;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Phase 5: sets the run's final status from the data. Runs again after every late success, so a repaired
/// run can become Completed; does nothing while an earlier phase is still running.
/// </summary>
public sealed partial class VerifyRunJob(
    SigmaSightDbContext db, BatchLedger ledger, RunVerifier verifier, IBackgroundJobClient jobs, TestPauses pauses,
    TimeProvider time, Observability.BatchTelemetry telemetry, ILogger<VerifyRunJob> logger)
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
        // Serialises verifies of one run: the last to take the lock reads the latest ledger and writes last. NO KEY
        // UPDATE, not UPDATE: a ledger write's foreign-key check (KEY SHARE) must not wait on it, or the two deadlock.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM sigmasight.batch_runs WHERE id = {runId} FOR NO KEY UPDATE", cancellationToken).ConfigureAwait(false);
        var run = await db.BatchRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)
            ?? throw new NonTransientBatchException($"run {runId} does not exist");
        if (run.Status == RunStatus.Superseded) return;
        // Late successes requested before this moment are read by this verify; later ones are left for a follow-up.
        // A late success stamps its request while holding its phase's row and commits after: taking the run's phase
        // rows first waits for every such transaction in flight, so a request stamped before readFrom is committed
        // (visible to the ledger read below) and one stamped after waits for this verify and is answered by the next.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM sigmasight.batch_phases WHERE run_id = {runId} ORDER BY phase FOR UPDATE", cancellationToken).ConfigureAwait(false);
        var readFrom = await db.Database.SqlQuery<DateTimeOffset>($"SELECT clock_timestamp() AS \"Value\"")
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        await pauses.AtAsync(TestPauses.Verify, $"run {runId}", cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var result = await verifier.VerifyAsync(run, now, cancellationToken).ConfigureAwait(false);
        run.Status = result.Status;
        run.Summary = result.Summary;
        run.FinishedAt = now;
        run.FiguresVersion = await Diff.FigureVersions.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await ledger.FinishItemAsync(LedgerItemRef.Verify(runId), ItemStatus.Succeeded, null, cancellationToken)
            .ConfigureAwait(false);
        var later = await AnswerRequestsAsync(runId, readFrom, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogVerified(logger, runId, result.Status, result.Summary);
        telemetry.RunFinished(run);
        if (later) jobs.Enqueue<VerifyRunJob>(JobQueues.Coordination, j => j.RunAsync(runId, CancellationToken.None));
    }

    /// <summary>Clears the verify requests this verdict answered; true when a later one is left (a follow-up verify is due).</summary>
    private async Task<bool> AnswerRequestsAsync(Guid runId, DateTimeOffset readFrom, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_phases SET verify_requested_at = NULL WHERE run_id = {runId} AND verify_requested_at <= {readFrom}
            """, cancellationToken).ConfigureAwait(false);
        return await db.BatchPhases.AnyAsync(p => p.RunId == runId && p.VerifyRequestedAt != null, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Run {RunId} verified: {Status} — {Summary}")]
    private static partial void LogVerified(ILogger logger, Guid runId, RunStatus status, string summary);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Run {RunId}: verify deferred, a phase is still running")]
    private static partial void LogDeferred(ILogger logger, Guid runId);
}
