using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SigmaSight.Service.Batches;

/// <summary>The ledger's success path: one statement in the job's own write batch, then its outcome.</summary>
public sealed partial class BatchLedger
{
    /// <summary>
    /// A success in one statement, for the job's own write batch (issue 10: a round trip fewer than the item's update
    /// and the phase's count apart): the item moves to Succeeded if it is Pending or Running, and then only its phase's
    /// <c>remaining</c> is decremented, returned as the statement's one row (<c>Value</c>). No row: the item had finished
    /// already; <see cref="AfterSuccessAsync"/> records the late success.
    /// </summary>
    public NpgsqlBatchCommand SuccessCommand(LedgerItemRef item)
    {
        var command = new NpgsqlBatchCommand("""
            WITH finished AS (
                UPDATE sigmasight.batch_items SET status = 'Succeeded', error = NULL, finished_at = @finishedAt
                 WHERE run_id = @finishRun AND phase = @finishPhase AND item_key = @finishKey AND status IN ('Pending', 'Running')
                RETURNING 1)
            UPDATE sigmasight.batch_phases SET remaining = remaining - 1
             WHERE run_id = @finishRun AND phase = @finishPhase AND EXISTS (SELECT 1 FROM finished)
            RETURNING remaining AS "Value"
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("finishedAt", time.GetUtcNow()));
        command.Parameters.Add(new NpgsqlParameter<Guid>("finishRun", item.RunId));
        command.Parameters.Add(new NpgsqlParameter<int>("finishPhase", item.Phase));
        command.Parameters.Add(new NpgsqlParameter<string>("finishKey", item.ItemKey));
        return command;
    }

    /// <summary>
    /// The outcome of a <see cref="SuccessCommand"/> that returned <paramref name="remaining"/> (null: no row), in the
    /// same transaction: the phase completed when it reached zero, or the late success recorded when the item had finished.
    /// </summary>
    public async Task<FinishOutcome> AfterSuccessAsync(LedgerItemRef item, int? remaining, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (remaining is not { } left) return await RecordLateSuccessAsync(item, now, cancellationToken).ConfigureAwait(false);
        return left <= 0 && await CompletePhaseAsync(item.RunId, item.Phase, now, cancellationToken).ConfigureAwait(false)
            ? FinishOutcome.PhaseCompleted
            : FinishOutcome.Finished;
    }

    private async Task<FinishOutcome> RecordLateSuccessAsync(LedgerItemRef item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lifted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_items SET status = 'Succeeded', late_success = true, error = NULL, finished_at = {now}
             WHERE run_id = {item.RunId} AND phase = {item.Phase} AND item_key = {item.ItemKey}
               AND status IN ('Failed', 'Blocked')
            """, cancellationToken).ConfigureAwait(false);
        if (lifted == 0) return FinishOutcome.AlreadyFinished;
        // Recorded with the late success itself: if the host dies before it enqueues verify, the reconciler does (1e).
        // While a request is pending, the verify it enqueued (or that verify's follow-up) covers this success too.
        var pending = await db.Database.SqlQuery<bool>($"""
            SELECT verify_requested_at IS NOT NULL AS "Value" FROM sigmasight.batch_phases
             WHERE run_id = {item.RunId} AND phase = {item.Phase} FOR UPDATE
            """).SingleAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_phases SET verify_requested_at = clock_timestamp() WHERE run_id = {item.RunId} AND phase = {item.Phase}
            """, cancellationToken).ConfigureAwait(false);
        // The phase reads Completed again once its last unsuccessful item has succeeded late.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_phases AS p SET status = 'Completed'
             WHERE p.run_id = {item.RunId} AND p.phase = {item.Phase} AND p.status = 'CompletedWithErrors'
               AND NOT EXISTS (SELECT 1 FROM sigmasight.batch_items i
                                WHERE i.run_id = p.run_id AND i.phase = p.phase AND i.status <> 'Succeeded')
            """, cancellationToken).ConfigureAwait(false);
        return pending ? FinishOutcome.LateSuccessVerifyPending : FinishOutcome.LateSuccess;
    }
}
