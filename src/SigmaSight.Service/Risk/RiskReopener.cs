using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk;

/// <summary>
/// Reopens a run's finished phase-4 items after a late success of symbol analytics: their figures were computed
/// without the repaired symbols, so they run again (inside the caller's transaction; the caller enqueues the phase's
/// starter after commit, and the phase's completion runs verify again).
/// </summary>
public static class RiskReopener
{
    public static async Task ReopenAsync(SigmaSightDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var phase = BatchPhases.PortfolioRisk;
        var reopened = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_items SET status = 'Pending', hangfire_job_id = NULL, error = NULL, finished_at = NULL
             WHERE run_id = {runId} AND phase = {phase} AND status IN ('Succeeded', 'Failed')
            """, cancellationToken).ConfigureAwait(false);
        if (reopened == 0) return;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE sigmasight.batch_phases SET remaining = remaining + {reopened}, status = 'Running', finished_at = NULL
             WHERE run_id = {runId} AND phase = {phase}
            """, cancellationToken).ConfigureAwait(false);
    }
}
