using Microsoft.EntityFrameworkCore;
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
        db.PositionValues.AddRange(result.OpenLots.Select(l => new PositionValue
        {
            Id = Guid.CreateVersion7(now),
            PositionId = l.LotId,
            PortfolioId = portfolioId,
            ValueDate = result.Date,
            Price = l.Price,
            PriceDate = l.PriceDate,
            MarketValue = l.MarketValue,
            UnrealizedPnl = l.UnrealizedPnl,
            Delta = l.Delta,
        }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await db.Portfolios.Where(p => p.Id == portfolioId).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.EquityBalance, result.Nav), cancellationToken).ConfigureAwait(false);
    }
}
