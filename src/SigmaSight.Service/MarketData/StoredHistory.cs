using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>What history of a chunk's symbols is stored before the run: one indexed range query on (symbol, date).</summary>
public static class StoredHistory
{
    /// <summary>
    /// Each symbol with a stored close in [<paramref name="windowStart"/>, <paramref name="rangeFrom"/>), with its
    /// first and last such day; a symbol with none is absent.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, StoredSpan>> SpansAsync(SigmaSightDbContext db,
        IReadOnlyCollection<string> symbols, DateOnly windowStart, DateOnly rangeFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0 || windowStart >= rangeFrom) return new Dictionary<string, StoredSpan>();
        var symbolArray = symbols.ToArray();
        var spans = await db.Database.SqlQuery<SymbolSpan>($"""
                SELECT p.symbol, min(p.date) AS first, max(p.date) AS last FROM sigmasight.prices p
                 WHERE p.symbol = ANY({symbolArray}) AND p.date >= {windowStart} AND p.date < {rangeFrom}
                 GROUP BY p.symbol
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return spans.ToDictionary(s => s.Symbol, s => new StoredSpan(s.First, s.Last), StringComparer.Ordinal);
    }

    private sealed record SymbolSpan(string Symbol, DateOnly First, DateOnly Last);
}

/// <summary>The first and last stored close of a symbol within a history window.</summary>
public sealed record StoredSpan(DateOnly First, DateOnly Last);
