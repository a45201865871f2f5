using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;

namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// The stored portfolios an import names, with their lots and flows, read (tracked) inside the import's transaction
/// after taking each portfolio's P&amp;L lock, so no P&amp;L job computes a day while its lots change.
/// </summary>
internal sealed class StoredBook
{
    private StoredBook(Dictionary<string, Portfolio> portfolios, ILookup<Guid, Position> lots, ILookup<Guid, EquityChange> flows)
    {
        Portfolios = portfolios;
        Lots = lots;
        Flows = flows;
    }

    public IReadOnlyDictionary<string, Portfolio> Portfolios { get; }

    public ILookup<Guid, Position> Lots { get; }

    public ILookup<Guid, EquityChange> Flows { get; }

    public static async Task<StoredBook> LoadAsync(SigmaSightDbContext db, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Portfolios.AsNoTracking().Where(p => names.Contains(p.Name)).Select(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // In id order: two imports (or an import and a recompute) never wait for each other crosswise.
        foreach (var id in ids.Order()) await PortfolioLock.AcquireAsync(db, id, cancellationToken).ConfigureAwait(false);

        var portfolios = await db.Portfolios.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Name, StringComparer.Ordinal,
            cancellationToken).ConfigureAwait(false);
        var lots = await db.Positions.Where(p => ids.Contains(p.PortfolioId)).OrderBy(p => p.LotIndex).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var flows = await db.EquityChanges.Where(f => ids.Contains(f.PortfolioId)).OrderBy(f => f.ChangeDate).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new StoredBook(portfolios, lots.ToLookup(p => p.PortfolioId), flows.ToLookup(f => f.PortfolioId));
    }
}
