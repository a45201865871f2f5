using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SigmaSight.Analytics.Pnl;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Pnl;

/// <summary>Adds the snapshot and position values of one day and moves the portfolio's equity balance.</summary>
public static class SnapshotWriter
{
    private const string S = SigmaSightDbContext.Schema;

    /// <summary>
    /// The day's snapshot, its open lots' values (as arrays, unnest, not a statement per lot) and the equity balance, and
    /// then <paramref name="success"/> (the ledger item's, <see cref="Batches.BatchLedger.SuccessCommand"/>): one round
    /// trip (issue 10). Returns what <paramref name="success"/> returned.
    /// </summary>
    public static async Task<int?> WriteAsync(SigmaSightDbContext db, Guid portfolioId, Guid runId, PortfolioDayResult result,
        DateTimeOffset now, NpgsqlBatchCommand success, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(success);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        batch.BatchCommands.Add(Snapshot(portfolioId, runId, result, now));
        var lots = result.OpenLots;
        if (lots.Count > 0)
        {
            var values = new NpgsqlBatchCommand($"""
                INSERT INTO {S}.position_values
                       (id, position_id, portfolio_id, value_date, price, price_date, market_value, unrealized_pnl, delta)
                SELECT id, position_id, @portfolio, @date, price, price_date, market_value, unrealized_pnl, delta
                  FROM unnest(@ids, @lots, @prices, @priceDates, @marketValues, @unrealized, @deltas)
                       AS v(id, position_id, price, price_date, market_value, unrealized_pnl, delta)
                """);
            values.Parameters.Add(new NpgsqlParameter<Guid>("portfolio", portfolioId));
            values.Parameters.Add(new NpgsqlParameter<DateOnly>("date", result.Date));
            values.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. lots.Select(_ => Guid.CreateVersion7(now))]));
            values.Parameters.Add(new NpgsqlParameter<Guid[]>("lots", [.. lots.Select(l => l.LotId)]));
            values.Parameters.Add(new NpgsqlParameter<decimal[]>("prices", [.. lots.Select(l => l.Price)]));
            values.Parameters.Add(new NpgsqlParameter<DateOnly[]>("priceDates", [.. lots.Select(l => l.PriceDate)]));
            values.Parameters.Add(new NpgsqlParameter<decimal[]>("marketValues", [.. lots.Select(l => l.MarketValue)]));
            values.Parameters.Add(new NpgsqlParameter<decimal[]>("unrealized", [.. lots.Select(l => l.UnrealizedPnl)]));
            values.Parameters.Add(new NpgsqlParameter<double?[]>("deltas", [.. lots.Select(l => l.Delta)]));
            batch.BatchCommands.Add(values);
        }
        var balance = new NpgsqlBatchCommand($"UPDATE {S}.portfolios SET equity_balance = @nav WHERE id = @portfolio");
        balance.Parameters.Add(new NpgsqlParameter<decimal>("nav", result.Nav));
        balance.Parameters.Add(new NpgsqlParameter<Guid>("portfolio", portfolioId));
        batch.BatchCommands.Add(balance);
        batch.BatchCommands.Add(success);
        return await batch.ExecuteForValueAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The snapshot's row; its risk columns stay empty until phase 4 (<c>version</c> comes from its sequence).</summary>
    private static NpgsqlBatchCommand Snapshot(Guid portfolioId, Guid runId, PortfolioDayResult result, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO {S}.portfolio_snapshots
                   (id, portfolio_id, snapshot_date, equity_balance, cash_value, daily_pnl, daily_return, daily_return_note,
                    cumulative_pnl, daily_realized_pnl, cumulative_realized_pnl, daily_capital_flow, cumulative_capital_flow,
                    long_value, short_value, gross_exposure, net_exposure, num_positions, num_long_positions,
                    num_short_positions, stale_price_count, run_id, created_at)
            VALUES (@id, @portfolio, @date, @nav, @cash, @dailyPnl, @dailyReturn, @dailyReturnNote,
                    @cumulativePnl, @dailyRealized, @cumulativeRealized, @dailyFlow, @cumulativeFlow,
                    @long, @short, @gross, @net, @positions, @longPositions,
                    @shortPositions, @stale, @run, @createdAt)
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid>("id", Guid.CreateVersion7(now)));
        p.Add(new NpgsqlParameter<Guid>("portfolio", portfolioId));
        p.Add(new NpgsqlParameter<DateOnly>("date", result.Date));
        p.Add(new NpgsqlParameter<decimal>("nav", result.Nav));
        p.Add(new NpgsqlParameter<decimal>("cash", result.Cash));
        p.Add(new NpgsqlParameter<decimal>("dailyPnl", result.DailyPnl));
        p.Add(BatchCommands.Nullable("dailyReturn", NpgsqlDbType.Numeric, result.DailyReturn));
        p.Add(BatchCommands.Nullable("dailyReturnNote", NpgsqlDbType.Text, result.DailyReturnNote));
        p.Add(new NpgsqlParameter<decimal>("cumulativePnl", result.CumulativePnl));
        p.Add(new NpgsqlParameter<decimal>("dailyRealized", result.DailyRealizedPnl));
        p.Add(new NpgsqlParameter<decimal>("cumulativeRealized", result.CumulativeRealizedPnl));
        p.Add(new NpgsqlParameter<decimal>("dailyFlow", result.DailyCapitalFlow));
        p.Add(new NpgsqlParameter<decimal>("cumulativeFlow", result.CumulativeCapitalFlow));
        p.Add(new NpgsqlParameter<decimal>("long", result.LongValue));
        p.Add(new NpgsqlParameter<decimal>("short", result.ShortValue));
        p.Add(new NpgsqlParameter<decimal>("gross", result.GrossExposure));
        p.Add(new NpgsqlParameter<decimal>("net", result.NetExposure));
        p.Add(new NpgsqlParameter<int>("positions", result.NumPositions));
        p.Add(new NpgsqlParameter<int>("longPositions", result.NumLongPositions));
        p.Add(new NpgsqlParameter<int>("shortPositions", result.NumShortPositions));
        p.Add(new NpgsqlParameter<int>("stale", result.StalePriceCount));
        p.Add(new NpgsqlParameter<Guid>("run", runId));
        p.Add(new NpgsqlParameter<DateTimeOffset>("createdAt", now));
        return command;
    }
}
