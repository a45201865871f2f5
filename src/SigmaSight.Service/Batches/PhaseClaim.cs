using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches;

/// <summary>
/// Claims a Pending phase inside the caller's transaction: locks its row, plans its items and records how many
/// (Completed at once when there are none). A phase already claimed keeps its state; its status is returned.
/// </summary>
public static class PhaseClaim
{
    public static async Task<(PhaseStatus Status, int? Planned)> ClaimAsync(
        SigmaSightDbContext db, BatchRun run, IPhasePlanner planner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(planner);
        var phase = planner.Phase;
        var status = Enum.Parse<PhaseStatus>(await db.Database.SqlQuery<string>($"""
            SELECT status AS "Value" FROM sigmasight.batch_phases
             WHERE run_id = {run.Id} AND phase = {phase} FOR UPDATE
            """).SingleAsync(cancellationToken).ConfigureAwait(false));
        if (status != PhaseStatus.Pending) return (status, null);

        var count = await planner.PlanAsync(run, cancellationToken).ConfigureAwait(false);
        status = count == 0 ? PhaseStatus.Completed : PhaseStatus.Running;
        await db.BatchPhases.Where(p => p.RunId == run.Id && p.Phase == phase).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Expected, count).SetProperty(p => p.Remaining, count)
            .SetProperty(p => p.Status, status).SetProperty(p => p.StartedAt, now)
            .SetProperty(p => p.FinishedAt, count == 0 ? now : null), cancellationToken).ConfigureAwait(false);
        return (status, count);
    }
}
