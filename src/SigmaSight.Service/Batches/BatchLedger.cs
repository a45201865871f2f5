using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// The ledger's state changes (DESIGN §4). An item moves to a finished state exactly once: only that transaction
/// decrements its phase's <c>remaining</c>, and the transaction that brings it to zero completes the phase.
/// </summary>
public sealed partial class BatchLedger(SigmaSightDbContext db, TimeProvider time)
{
    /// <summary>
    /// Marks the item Running and counts the attempt. Returns false — the job has nothing to do — for a duplicate of a
    /// Succeeded item and for any item of a Superseded run.
    /// </summary>
    public async Task<bool> BeginItemAsync(LedgerItemRef item, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The job performing the item (when a Hangfire job does): linked here unless its planner already recorded it.
        var jobId = PerformingJob.JobIdOf(item);
        var updated = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_items
               SET status = CASE WHEN status IN ('Pending', 'Running') THEN 'Running' ELSE status END,
                   attempts = attempts + 1, started_at = coalesce(started_at, {now}),
                   hangfire_job_id = coalesce(hangfire_job_id, {jobId})
             WHERE run_id = {item.RunId} AND phase = {item.Phase} AND item_key = {item.ItemKey}
               AND status <> 'Succeeded'
               AND NOT EXISTS (SELECT 1 FROM sigmasight.batch_runs r WHERE r.id = run_id AND r.status = 'Superseded')
            """, cancellationToken).ConfigureAwait(false);
        if (updated > 0) return true;
        if (jobId is not null)
        {
            await db.BatchItems.Where(i => i.RunId == item.RunId && i.Phase == item.Phase && i.ItemKey == item.ItemKey && i.HangfireJobId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.HangfireJobId, jobId), cancellationToken).ConfigureAwait(false);
        }
        var exists = await db.BatchItems.AnyAsync(
            i => i.RunId == item.RunId && i.Phase == item.Phase && i.ItemKey == item.ItemKey, cancellationToken)
            .ConfigureAwait(false);
        return exists ? false : throw new NonTransientBatchException($"unknown ledger item: {item}");
    }

    /// <summary>
    /// Finishes the item inside the caller's transaction. A Failed phase-3 item blocks the rest of its
    /// portfolio's chain and its phase-4 risk item; a success of a Failed or Blocked item is a late success and decrements nothing.
    /// </summary>
    public async Task<FinishOutcome> FinishItemAsync(
        LedgerItemRef item, ItemStatus status, string? error, CancellationToken cancellationToken)
    {
        if (status == ItemStatus.Succeeded)
        {
            var success = SuccessCommand(item);
            var remaining = await db.Database.SqlQueryRaw<int>(success.CommandText, [.. success.Parameters.Select(p => p.Clone())])
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return await AfterSuccessAsync(item, remaining is [var left] ? left : null, cancellationToken).ConfigureAwait(false);
        }
        var now = time.GetUtcNow();
        var statusName = status.ToString();
        var finished = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_items SET status = {statusName}, error = {error}, finished_at = {now}
             WHERE run_id = {item.RunId} AND phase = {item.Phase} AND item_key = {item.ItemKey}
               AND status IN ('Pending', 'Running')
            """, cancellationToken).ConfigureAwait(false);
        if (finished == 0) return await RecordLateFailureAsync(item, error, now, cancellationToken).ConfigureAwait(false);

        var blocked = 0;
        if (status == ItemStatus.Failed && item.Phase == BatchPhases.Pnl)
        {
            blocked = await BlockDownstreamAsync(item, now, cancellationToken).ConfigureAwait(false);
            // The portfolio's risk item waits on its chain: it is blocked too, and counted in its own phase.
            var risk = await BlockRiskAsync(item, now, cancellationToken).ConfigureAwait(false);
            if (risk > 0) await CountFinishedAsync(item.RunId, BatchPhases.PortfolioRisk, risk, now, cancellationToken).ConfigureAwait(false);
        }
        var completed = await CountFinishedAsync(item.RunId, item.Phase, 1 + blocked, now, cancellationToken).ConfigureAwait(false);
        return completed ? FinishOutcome.PhaseCompleted : FinishOutcome.Finished;
    }

    /// <summary>
    /// Decrements the phase's <c>remaining</c>; true when that completed the phase. The completion check runs only
    /// for the decrement that reaches zero (the row stays locked by this transaction until it commits).
    /// </summary>
    private async Task<bool> CountFinishedAsync(Guid runId, int phase, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var remaining = await db.Database.SqlQuery<int>($"""
            UPDATE sigmasight.batch_phases SET remaining = remaining - {count}
             WHERE run_id = {runId} AND phase = {phase}
            RETURNING remaining AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return remaining is [<= 0] && await CompletePhaseAsync(runId, phase, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes the phase whose <c>remaining</c> reached zero: Completed, or CompletedWithErrors.</summary>
    private async Task<bool> CompletePhaseAsync(Guid runId, int phase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_phases AS p
               SET status = CASE WHEN EXISTS (SELECT 1 FROM sigmasight.batch_items i
                                               WHERE i.run_id = p.run_id AND i.phase = p.phase AND i.status <> 'Succeeded')
                                 THEN 'CompletedWithErrors' ELSE 'Completed' END,
                   finished_at = {now}
             WHERE run_id = {runId} AND phase = {phase} AND remaining <= 0 AND status = 'Running'
            """, cancellationToken).ConfigureAwait(false) > 0;
    }

    private Task<int> BlockRiskAsync(LedgerItemRef item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"blocked: {item.ItemKey} failed";
        var riskPhase = BatchPhases.PortfolioRisk;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_items AS d SET status = 'Blocked', error = {reason}, finished_at = {now}
              FROM sigmasight.batch_items AS f
             WHERE f.run_id = {item.RunId} AND f.phase = {item.Phase} AND f.item_key = {item.ItemKey}
               AND d.run_id = f.run_id AND d.phase = {riskPhase} AND d.portfolio_id = f.portfolio_id
               AND d.status IN ('Pending', 'Running')
            """, cancellationToken);
    }

    /// <summary>
    /// An item that ran again after a re-enqueue and failed (a Blocked one released by its chain, or a Failed one):
    /// it shows its latest error, counted once already. A Blocked item that never ran (a continuation Hangfire
    /// deleted with its parent) stays Blocked.
    /// </summary>
    private async Task<FinishOutcome> RecordLateFailureAsync(
        LedgerItemRef item, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_items SET status = 'Failed', error = {error}, finished_at = {now}
             WHERE run_id = {item.RunId} AND phase = {item.Phase} AND item_key = {item.ItemKey}
               AND (status = 'Failed' OR (status = 'Blocked' AND attempts > 0))
            """, cancellationToken).ConfigureAwait(false);
        return FinishOutcome.AlreadyFinished;
    }

    private Task<int> BlockDownstreamAsync(LedgerItemRef item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"blocked: {item.ItemKey} failed";
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_items AS d SET status = 'Blocked', error = {reason}, finished_at = {now}
              FROM sigmasight.batch_items AS f
             WHERE f.run_id = {item.RunId} AND f.phase = {item.Phase} AND f.item_key = {item.ItemKey}
               AND d.run_id = f.run_id AND d.phase = f.phase AND d.portfolio_id = f.portfolio_id
               AND d.item_date > f.item_date AND d.status IN ('Pending', 'Running')
            """, cancellationToken);
    }
}
