using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SigmaSight.Service.Hosting;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Repair;

/// <summary>
/// Work a crash or a forced state change can strand outside Running runs (issue 7, 1e): a verify a late success asked
/// for but never enqueued, and a Blocked item whose predecessor has since succeeded while its own job never ran
/// (still Awaiting a parent Hangfire holds Failed, or Deleted with it). Found with set-based queries over the ledger.
/// </summary>
public sealed class StrandedWork(
    SigmaSightDbContext db, JobStorage storage, IBackgroundJobClient jobs, IOptions<ScheduleOptions> options)
{
    private sealed record Stranded(Guid RunId, int Phase, string ItemKey, string HangfireJobId);

    public async Task RepairAsync(ReconcileReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await DrainVerifyRequestsAsync(report, cancellationToken).ConfigureAwait(false);
        await RescueBlockedAsync(report, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verify requests older than the grace period (the late success's own enqueue was lost) get a verify.</summary>
    private async Task DrainVerifyRequestsAsync(ReconcileReport report, CancellationToken cancellationToken)
    {
        // Stamped on the database's clock (by the late success), so aged on it too.
        var grace = options.Value.RepairGrace;
        var runs = await db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT p.run_id AS "Value" FROM sigmasight.batch_phases p
              JOIN sigmasight.batch_runs r ON r.id = p.run_id AND r.status NOT IN ('Running', 'Superseded')
             WHERE p.verify_requested_at <= now() - {grace}
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var runId in runs)
        {
            var job = jobs.Enqueue<VerifyRunJob>(JobQueues.Coordination, j => j.RunAsync(runId, CancellationToken.None));
            // Re-armed, not cleared: only the verify that reads the ledger clears it; until then one retry per grace period.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE sigmasight.batch_phases SET verify_requested_at = clock_timestamp() WHERE run_id = {runId} AND verify_requested_at IS NOT NULL
                """, cancellationToken).ConfigureAwait(false);
            report.Add($"run {runId}: a late success asked for a verify that never ran: verify enqueued as job {job}");
        }
    }

    /// <summary>
    /// Blocked phase-3 items whose previous day Succeeded, and Blocked phase-4 items whose whole chain Succeeded, when
    /// their job is still Awaiting or was Deleted: Hangfire will never run them by itself.
    /// </summary>
    private async Task RescueBlockedAsync(ReconcileReport report, CancellationToken cancellationToken)
    {
        var (pnl, risk) = (BatchPhases.Pnl, BatchPhases.PortfolioRisk);
        var candidates = await db.Database.SqlQuery<Stranded>($"""
            SELECT b.run_id, b.phase, b.item_key, b.hangfire_job_id
              FROM sigmasight.batch_items b
              JOIN sigmasight.batch_runs r ON r.id = b.run_id AND r.status <> 'Superseded'
             WHERE b.status = 'Blocked' AND b.hangfire_job_id IS NOT NULL
               AND ((b.phase = {pnl} AND (SELECT p.status FROM sigmasight.batch_items p
                                           WHERE p.run_id = b.run_id AND p.phase = {pnl} AND p.portfolio_id = b.portfolio_id
                                             AND p.item_date < b.item_date
                                           ORDER BY p.item_date DESC LIMIT 1) = 'Succeeded')
                 OR (b.phase = {risk} AND EXISTS (SELECT 1 FROM sigmasight.batch_items p
                                           WHERE p.run_id = b.run_id AND p.phase = {pnl} AND p.portfolio_id = b.portfolio_id)
                                      AND NOT EXISTS (SELECT 1 FROM sigmasight.batch_items p
                                           WHERE p.run_id = b.run_id AND p.phase = {pnl} AND p.portfolio_id = b.portfolio_id
                                             AND p.status <> 'Succeeded')))
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0) return;
        using var connection = storage.GetConnection();
        foreach (var item in candidates)
        {
            var state = connection.GetStateData(item.HangfireJobId)?.Name;
            if (state != AwaitingState.StateName && state != DeletedState.StateName) continue;
            var queue = item.Phase == pnl ? JobQueues.Portfolio : JobQueues.Analytics;
            if (jobs.ChangeState(item.HangfireJobId, new EnqueuedState(queue) { Reason = "reconciler: its predecessor succeeded" }, state))
                report.Add($"{item.ItemKey}: Blocked, its predecessor has succeeded, job {item.HangfireJobId} was {state}: enqueued");
        }
    }
}
