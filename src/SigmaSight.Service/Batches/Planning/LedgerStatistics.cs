using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Refreshes PostgreSQL's statistics of <c>batch_items</c> after a phase planned many items, before its starter enqueues
/// them. Autovacuum would analyze the table only a minute or more later: until then a planner that took its statistics
/// while the ledger was empty (a new database, or one whose ledger is small next to tonight's run) believes the run has
/// one item, and the starter's statements read every item of the phase for each chain it records, which grows with the
/// square of the portfolios (issue 10: 2.1 ms a call at 1,000 portfolios, 0.09 ms on fresh statistics).
/// </summary>
public static class LedgerStatistics
{
    /// <summary>Planned items from which the starter analyzes the ledger first (ANALYZE samples at most 30,000 rows).</summary>
    public const int AnalyzeFromItems = 1_000;

    /// <summary>Analyzes <c>batch_items</c> when <paramref name="planned"/> reaches <see cref="AnalyzeFromItems"/>; true when it did.</summary>
    public static async Task<bool> RefreshAsync(SigmaSightDbContext db, int planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (planned < AnalyzeFromItems) return false;
        await db.Database.ExecuteSqlRawAsync("ANALYZE sigmasight.batch_items", cancellationToken).ConfigureAwait(false);
        return true;
    }
}
