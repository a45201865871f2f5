using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Batches.Planning;

/// <summary>
/// Finds, per portfolio, the first day a snapshot valued a position with a stale price (an older close) for which the
/// real close is stored now: from that day on the portfolio's snapshots are rebuilt.
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
                                && p.InvestmentClass != "PRIVATE"
                          let symbol = p.InvestmentClass == "OPTIONS" ? p.UnderlyingSymbol ?? p.Symbol : p.Symbol
                          where db.Prices.Any(c => c.Symbol == symbol && c.Date == v.ValueDate)
                          group v by v.PortfolioId into g
                          select new { g.Key, First = g.Min(x => x.ValueDate) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => r.First);
    }
}
