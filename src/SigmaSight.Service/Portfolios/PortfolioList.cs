using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Portfolios;

/// <summary>One portfolio as listed by <c>portfolios</c> and <c>GET /api/portfolios</c>: who, since when, and its latest NAV.</summary>
public sealed record PortfolioListing(Guid Id, string Name, string Owner, string Currency, DateOnly InceptionDate, bool IsActive,
    DateOnly? LatestSnapshotDate, decimal? LatestNav);

/// <summary>Every portfolio in name order with its latest snapshot (one query).</summary>
public static class PortfolioList
{
    public static Task<List<PortfolioListing>> ReadAsync(SigmaSightDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Portfolios.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                Portfolio = p,
                Latest = db.PortfolioSnapshots.Where(s => s.PortfolioId == p.Id).OrderByDescending(s => s.SnapshotDate)
                    .Select(s => new { s.SnapshotDate, s.EquityBalance }).FirstOrDefault(),
            })
            .Select(x => new PortfolioListing(x.Portfolio.Id, x.Portfolio.Name, x.Portfolio.Owner, x.Portfolio.Currency,
                x.Portfolio.InceptionDate, x.Portfolio.IsActive,
                x.Latest == null ? null : x.Latest.SnapshotDate, x.Latest == null ? null : x.Latest.EquityBalance))
            .ToListAsync(cancellationToken);
    }
}
