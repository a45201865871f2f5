using Npgsql;
using PreviousSnapshot = SigmaSight.Analytics.Pnl.PreviousSnapshot;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Pnl;

/// <summary>What one P&amp;L day reads under its portfolio's lock before its closes, as the database holds it.</summary>
internal sealed record PnlReads(
    bool AlreadySucceeded,
    Portfolio? Portfolio,
    List<Position> Positions,
    List<EquityChange> Flows,
    List<PrivateValuation> Valuations,
    (Guid RunId, DateTimeOffset CreatedAt)? Existing,
    PreviousSnapshot? Previous,
    List<DateOnly> Closures,
    PriceWindow Window,
    List<StoredClose> Closes);

/// <summary>
/// Reads <see cref="PnlReads"/> with one batch: nine queries, one round trip (issue 10; see <see cref="BatchReads"/>).
/// The last reads the closes of the portfolio's symbols in the window the caller planned (<see cref="PnlInputLoader.PlannedWindow"/>):
/// an option's underlying from the history window's start, any other symbol from the stale window's, as
/// <see cref="PnlInputLoader"/> needs them.
/// </summary>
internal static class PnlInputBatch
{
    private const string S = SigmaSightDbContext.Schema;

    /// <summary>
    /// The closes of the portfolio's symbols in a window: an option's underlying from <c>@historyFrom</c>, any other symbol from
    /// <c>@staleFrom</c>, each up to <c>@date</c>. Each symbol's window is its own index range (OFFSET 0 keeps the subquery per
    /// symbol): joined as a whole, a day in the middle of the history planned a hash join over every stored close (7 ms against
    /// 0.3 ms on the demo's prices).
    /// </summary>
    private const string ClosesSql = $"""
        SELECT s.symbol, c.date, c.close
        FROM (SELECT CASE WHEN p.investment_class = 'OPTIONS' THEN coalesce(p.underlying_symbol, p.symbol) ELSE p.symbol END AS symbol,
                     bool_or(p.investment_class = 'OPTIONS') AS optioned
                FROM {S}.positions p WHERE p.portfolio_id = @portfolio AND p.investment_class <> 'PRIVATE' GROUP BY 1) s
        CROSS JOIN LATERAL (SELECT c.date, c.close FROM {S}.prices c
                             WHERE c.symbol = s.symbol AND c.date >= CASE WHEN s.optioned THEN @historyFrom ELSE @staleFrom END
                               AND c.date <= @date OFFSET 0) c
        """;

    private static readonly string[] Queries =
    [
        $"""
        SELECT EXISTS (SELECT 1 FROM {S}.batch_items
                        WHERE run_id = @run AND phase = @phase AND item_key = @key AND status = '{nameof(ItemStatus.Succeeded)}')
        """,
        $"""
        SELECT id, name, owner, currency, inception_date, equity_balance, is_active, created_at, rebuild_from
        FROM {S}.portfolios WHERE id = @portfolio
        """,
        $"SELECT {PositionRow.Columns} FROM {S}.positions p WHERE p.portfolio_id = @portfolio",
        $"""
        SELECT id, portfolio_id, change_date, change_type, amount FROM {S}.equity_changes
        WHERE portfolio_id = @portfolio AND change_date <= @date
        """,
        $"""
        SELECT v.id, v.position_id, v.valuation_date, v.value FROM {S}.private_valuations v
        WHERE v.position_id IN (SELECT p.id FROM {S}.positions p WHERE p.portfolio_id = @portfolio) AND v.valuation_date <= @date
        """,
        $"SELECT run_id, created_at FROM {S}.portfolio_snapshots WHERE portfolio_id = @portfolio AND snapshot_date = @date LIMIT 1",
        $"""
        SELECT snapshot_date, equity_balance, cumulative_pnl, cumulative_realized_pnl, cumulative_capital_flow
        FROM {S}.portfolio_snapshots WHERE portfolio_id = @portfolio ORDER BY snapshot_date DESC LIMIT 1
        """,
        $"SELECT date FROM {S}.market_closures",
        ClosesSql,
    ];

    /// <summary>
    /// Runs the batch on <paramref name="connection"/> (open, in the caller's transaction), its first command the portfolio's
    /// lock (<see cref="PortfolioLock"/>): every read runs under it.
    /// </summary>
    public static async Task<PnlReads> ReadAsync(NpgsqlConnection connection, LedgerItemRef item, Guid portfolioId, DateOnly date,
        PriceWindow window, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        NpgsqlParameter[] parameters =
        [
            new NpgsqlParameter<Guid>("run", item.RunId), new NpgsqlParameter<int>("phase", item.Phase),
            new NpgsqlParameter<string>("key", item.ItemKey), new NpgsqlParameter<Guid>("portfolio", portfolioId),
            new NpgsqlParameter<DateOnly>("date", date), new NpgsqlParameter<DateOnly>("historyFrom", window.HistoryFrom),
            new NpgsqlParameter<DateOnly>("staleFrom", window.StaleFrom),
        ];
        batch.BatchCommands.Add(PortfolioLock.Command(portfolioId));
        foreach (var sql in Queries) batch.BatchCommands.Add(BatchCommands.Command(sql, parameters));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.RowsAsync(_ => 0, cancellationToken).ConfigureAwait(false); // the lock, held from here on
        var succeeded = (await reader.NextRowsAsync(r => r.GetBoolean(0), cancellationToken).ConfigureAwait(false)).Single();
        var portfolio = (await reader.NextRowsAsync(Portfolio, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var positions = await reader.NextRowsAsync(r => PositionRow.Read(r, 0), cancellationToken).ConfigureAwait(false);
        var flows = await reader.NextRowsAsync(Flow, cancellationToken).ConfigureAwait(false);
        var valuations = await reader.NextRowsAsync(Valuation, cancellationToken).ConfigureAwait(false);
        var existing = await reader.NextRowsAsync(r => (r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1)), cancellationToken)
            .ConfigureAwait(false);
        var previous = await reader.NextRowsAsync(Previous, cancellationToken).ConfigureAwait(false);
        var closures = await reader.NextRowsAsync(r => r.GetFieldValue<DateOnly>(0), cancellationToken).ConfigureAwait(false);
        var closes = await reader.NextRowsAsync(Close, cancellationToken).ConfigureAwait(false);
        return new PnlReads(succeeded, portfolio, positions, flows, valuations,
            existing.Count == 0 ? null : existing[0], previous.SingleOrDefault(), closures, window, closes);
    }

    /// <summary>
    /// <see cref="ClosesSql"/> alone on <paramref name="connection"/> (open, in the caller's transaction), in <paramref name="window"/>:
    /// the day's closes again when its calendar gives another window than the one the batch read.
    /// </summary>
    public static async Task<List<StoredClose>> ReadClosesAsync(NpgsqlConnection connection, Guid portfolioId, DateOnly date,
        PriceWindow window, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClosesSql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid>("portfolio", portfolioId), new NpgsqlParameter<DateOnly>("date", date),
                new NpgsqlParameter<DateOnly>("historyFrom", window.HistoryFrom), new NpgsqlParameter<DateOnly>("staleFrom", window.StaleFrom),
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.RowsAsync(Close, cancellationToken).ConfigureAwait(false);
    }

    private static StoredClose Close(NpgsqlDataReader r) => new(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetDecimal(2));

    private static Portfolio Portfolio(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), Name = r.GetString(1), Owner = r.GetString(2), Currency = r.GetString(3),
        InceptionDate = r.GetFieldValue<DateOnly>(4), EquityBalance = r.NullableValue<decimal>(5), IsActive = r.GetBoolean(6),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(7), RebuildFrom = r.NullableValue<DateOnly>(8),
    };

    private static EquityChange Flow(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), PortfolioId = r.GetGuid(1), ChangeDate = r.GetFieldValue<DateOnly>(2), ChangeType = r.GetString(3),
        Amount = r.GetDecimal(4),
    };

    private static PrivateValuation Valuation(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), PositionId = r.GetGuid(1), ValuationDate = r.GetFieldValue<DateOnly>(2), Value = r.GetDecimal(3),
    };

    private static PreviousSnapshot Previous(NpgsqlDataReader r) =>
        new(r.GetFieldValue<DateOnly>(0), r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4));
}
