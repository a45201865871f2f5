using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Pnl;

/// <summary>
/// One portfolio at a time (DESIGN §4): a transaction-scoped advisory lock that every writer of a portfolio's
/// snapshot history takes — the P&amp;L job and a recompute's deletion.
/// </summary>
public static class PortfolioLock
{
    public static Task AcquireAsync(SigmaSightDbContext db, Guid portfolioId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = $"pnl:{portfolioId}";
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }
}
