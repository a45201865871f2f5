using Microsoft.EntityFrameworkCore;
using Npgsql;
using SigmaSight.Analytics.Pnl;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Pnl;

/// <summary>Adds the snapshot and position values of one day and moves the portfolio's equity balance.</summary>
public static class SnapshotWriter
{
    public static async Task WriteAsync(SigmaSightDbContext db, Guid portfolioId, Guid runId, PortfolioDayResult result,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(result);
        db.PortfolioSnapshots.Add(new PortfolioSnapshot
        {
            Id = Guid.CreateVersion7(now),
            PortfolioId = portfolioId,
            SnapshotDate = result.Date,
            EquityBalance = result.Nav,
            CashValue = result.Cash,
            DailyPnl = result.DailyPnl,
            DailyReturn = result.DailyReturn,
            DailyReturnNote = result.DailyReturnNote,
            CumulativePnl = result.CumulativePnl,
            DailyRealizedPnl = result.DailyRealizedPnl,
            CumulativeRealizedPnl = result.CumulativeRealizedPnl,
            DailyCapitalFlow = result.DailyCapitalFlow,
            CumulativeCapitalFlow = result.CumulativeCapitalFlow,
            LongValue = result.LongValue,
            ShortValue = result.ShortValue,
            GrossExposure = result.GrossExposure,
            NetExposure = result.NetExposure,
            NumPositions = result.NumPositions,
            NumLongPositions = result.NumLongPositions,
            NumShortPositions = result.NumShortPositions,
            StalePriceCount = result.StalePriceCount,
            RunId = runId,
            CreatedAt = now,
        });
        await db.SaveWithoutSavepointAsync(cancellationToken).ConfigureAwait(false);
        // The open lots' values and the equity balance in one round trip, the values as arrays (unnest) rather than
        // a statement per lot (issue 10).
        var lots = result.OpenLots;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        if (lots.Count > 0)
        {
            var values = new NpgsqlBatchCommand($"""
                INSERT INTO {SigmaSightDbContext.Schema}.position_values
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
        var balance = new NpgsqlBatchCommand($"UPDATE {SigmaSightDbContext.Schema}.portfolios SET equity_balance = @nav WHERE id = @portfolio");
        balance.Parameters.Add(new NpgsqlParameter<decimal>("nav", result.Nav));
        balance.Parameters.Add(new NpgsqlParameter<Guid>("portfolio", portfolioId));
        batch.BatchCommands.Add(balance);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
