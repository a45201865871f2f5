using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>Which symbols lack stored closes on some of the given trading days: one set-based anti-join.</summary>
public static class StoredHistory
{
    /// <summary>Each symbol with a trading day of <paramref name="days"/> without a stored close, and the first such day.</summary>
    public static async Task<IReadOnlyDictionary<string, DateOnly>> FirstMissingAsync(SigmaSightDbContext db,
        IReadOnlyCollection<string> symbols, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(days);
        if (symbols.Count == 0 || days.Count == 0) return new Dictionary<string, DateOnly>();
        var symbolArray = symbols.ToArray();
        var dayArray = days.ToArray();
        var gaps = await db.Database.SqlQuery<SymbolGap>($"""
                SELECT s.symbol, min(d.day) AS first_missing
                  FROM unnest({symbolArray}) AS s(symbol) CROSS JOIN unnest({dayArray}) AS d(day)
                 WHERE NOT EXISTS (SELECT 1 FROM sigmasight.prices p WHERE p.symbol = s.symbol AND p.date = d.day)
                 GROUP BY s.symbol
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return gaps.ToDictionary(g => g.Symbol, g => g.FirstMissing, StringComparer.Ordinal);
    }

    private sealed record SymbolGap(string Symbol, DateOnly FirstMissing);
}
