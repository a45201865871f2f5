using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>One portfolio-day item a planner adds to the ledger, Pending.</summary>
public readonly record struct PlannedItem(string ItemKey, Guid PortfolioId, DateOnly Date);

/// <summary>
/// Inserts a phase's portfolio-day items with one statement (arrays unnested). A 10-year backfill of 100 portfolios
/// plans 252,000 P&amp;L items: tracked by EF Core and saved as one INSERT each, they took the planning host to 2.2 GB.
/// </summary>
public static class PlannedItems
{
    private const string Insert = """
        INSERT INTO sigmasight.batch_items (run_id, phase, item_key, status, attempts, portfolio_id, item_date, late_success)
        SELECT @run_id, @phase, i.item_key, @status, 0, i.portfolio_id, i.item_date, false
          FROM unnest(@item_key, @portfolio_id, @item_date) AS i(item_key, portfolio_id, item_date)
        """;

    /// <summary>Inserts <paramref name="items"/> of <paramref name="phase"/> as Pending; the number inserted.</summary>
    public static async Task<int> InsertAsync(SigmaSightDbContext db, Guid runId, int phase, IReadOnlyCollection<PlannedItem> items,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return 0;
        return await db.Database.ExecuteSqlRawAsync(Insert,
        [
            new NpgsqlParameter<Guid>("run_id", runId),
            new NpgsqlParameter<int>("phase", phase),
            new NpgsqlParameter<string>("status", nameof(ItemStatus.Pending)),
            new NpgsqlParameter<string[]>("item_key", [.. items.Select(i => i.ItemKey)]),
            new NpgsqlParameter<Guid[]>("portfolio_id", [.. items.Select(i => i.PortfolioId)]),
            new NpgsqlParameter<DateOnly[]>("item_date", [.. items.Select(i => i.Date)]),
        ], cancellationToken).ConfigureAwait(false);
    }
}
