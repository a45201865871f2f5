using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Finds, per portfolio, the first day whose snapshot must be rebuilt because of a close that changed since: a day
/// valued with a stale price (an older close) for which the real close is stored now, or the first day of a pending
/// <c>snapshot_rebuilds</c> row (a price import or a provider replaced a close the snapshots were valued with). From that day on
/// the portfolio's snapshots are rebuilt.
/// </summary>
public static class LateCloses
{
    public static async Task<IReadOnlyDictionary<Guid, DateOnly>> EarliestAsync(
        SigmaSightDbContext db, IReadOnlyCollection<Guid> portfolioIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from v in db.PositionValues.AsNoTracking()
                          join p in db.Positions on v.PositionId equals p.Id
                          where portfolioIds.Contains(v.PortfolioId) && v.PriceDate < v.ValueDate
                                && p.InvestmentClass != LotCodes.Private
                          let symbol = p.InvestmentClass == LotCodes.Options ? p.UnderlyingSymbol ?? p.Symbol : p.Symbol
                          where db.Prices.Any(c => c.Symbol == symbol && c.Date == v.ValueDate)
                          group v by v.PortfolioId into g
                          select new { g.Key, First = g.Min(x => x.ValueDate) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var corrected = await db.SnapshotRebuilds.AsNoTracking().Where(r => portfolioIds.Contains(r.PortfolioId))
            .Select(r => new { Key = r.PortfolioId, First = r.FromDate })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Concat(corrected).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Min(r => r.First));
    }

    /// <summary>
    /// Removes the pending rebuilds a run has planned: each portfolio's rows from its first planned day on, which the
    /// run's days now cover. One statement for every portfolio; runs in the planning transaction.
    /// </summary>
    public static Task<int> ClearPlannedAsync(SigmaSightDbContext db, IReadOnlyDictionary<Guid, DateOnly> firstDays,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(firstDays);
        if (firstDays.Count == 0) return Task.FromResult(0);
        var (ids, days) = (firstDays.Keys.ToArray(), firstDays.Values.ToArray());
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM sigmasight.snapshot_rebuilds r USING unnest({ids}, {days}) AS x(portfolio_id, first_day)
             WHERE r.portfolio_id = x.portfolio_id AND r.from_date >= x.first_day
            """, cancellationToken);
    }
}
