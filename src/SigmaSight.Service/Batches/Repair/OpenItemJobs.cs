using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Repair;

/// <summary>
/// The open items of a run whose Hangfire job needs the reconciler, found in one query over the ledger joined with
/// Hangfire's job and state tables (issue 10, point 2), not one storage call per item: the job is gone, Failed or
/// Deleted; or it is a continuation still Awaiting a parent that has done its work.
/// </summary>
internal static class OpenItemJobs
{
    /// <summary>One open item with a job in need of repair.</summary>
    /// <param name="Phase">The item's phase.</param>
    /// <param name="ItemKey">The item's ledger key.</param>
    /// <param name="HangfireJobId">The item's Hangfire job.</param>
    /// <param name="State">The job's Hangfire state, null when the job is gone (expired or never stored).</param>
    /// <param name="ParentDone">An Awaiting job's parent has done its work: Hangfire holds it Succeeded for at least
    /// <c>Schedule:StuckAwaitingAfter</c> (on the database's clock, as Hangfire stamps states), or it is
    /// Failed or Deleted while every ledger item it ran Succeeded (its state change was forced after the ledger committed,
    /// issue 7, 1c; a P&amp;L job covers a slice of days, and one that stopped midway has not succeeded).</param>
    internal sealed record Row(int Phase, string ItemKey, string HangfireJobId, string? State, bool ParentDone)
    {
        public bool Dead => State is null || Reconciler.DeadStates.Contains(State);

        public bool ReleasableContinuation => State == AwaitingState.StateName && ParentDone;
    }

    public static Task<List<Row>> ReadAsync(SigmaSightDbContext db, Guid runId, TimeSpan stuckAwaitingAfter,
        CancellationToken cancellationToken)
    {
        var (failed, deleted, awaiting, succeeded) =
            (FailedState.StateName, DeletedState.StateName, AwaitingState.StateName, SucceededState.StateName);
        // Hangfire.PostgreSql's tables in HangfireRegistration.Schema ("hangfire"); a job id is its bigint key as text.
        return db.Database.SqlQuery<Row>($"""
            SELECT x.phase, x.item_key, x.hangfire_job_id, x.state, x.parent_done FROM (
              SELECT b.phase, b.item_key, b.hangfire_job_id, b.item_date, j.statename AS state,
                     COALESCE((pj.statename = {succeeded} AND ps.createdat <= now() - {stuckAwaitingAfter})
                       OR (pj.statename IN ({failed}, {deleted})
                           AND EXISTS (SELECT 1 FROM sigmasight.batch_items p
                                        WHERE p.run_id = b.run_id AND p.hangfire_job_id = pj.id::text)
                           AND NOT EXISTS (SELECT 1 FROM sigmasight.batch_items p
                                        WHERE p.run_id = b.run_id AND p.hangfire_job_id = pj.id::text
                                          AND p.status <> 'Succeeded')), false) AS parent_done
                FROM sigmasight.batch_items b
                LEFT JOIN hangfire.job j
                       ON j.id = CASE WHEN b.hangfire_job_id ~ '^[0-9]+$' THEN b.hangfire_job_id::bigint END
                LEFT JOIN hangfire.state s ON s.id = j.stateid AND j.statename = {awaiting}
                LEFT JOIN hangfire.job pj
                       ON pj.id = CASE WHEN s.data->>'ParentId' ~ '^[0-9]+$' THEN (s.data->>'ParentId')::bigint END
                LEFT JOIN hangfire.state ps ON ps.id = pj.stateid
               WHERE b.run_id = {runId} AND b.hangfire_job_id IS NOT NULL AND b.status IN ('Pending', 'Running')) x
             WHERE x.state IS NULL OR x.state IN ({failed}, {deleted}) OR (x.state = {awaiting} AND x.parent_done)
             ORDER BY x.item_date
            """).ToListAsync(cancellationToken);
    }
}
