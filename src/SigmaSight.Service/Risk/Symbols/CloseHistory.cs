using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Series;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.Risk.Symbols;

/// <summary>Loads the stored closes of many symbols over a date range in one query, as one series per symbol.</summary>
public static class CloseHistory
{
    public static async Task<IReadOnlyDictionary<string, DatedCloses>> LoadAsync(
        SigmaSightDbContext db, IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Prices.AsNoTracking()
            .Where(p => symbols.Contains(p.Symbol) && p.Date >= from && p.Date <= to)
            .OrderBy(p => p.Symbol).ThenBy(p => p.Date)
            .Select(p => new { p.Symbol, p.Date, p.Close })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Symbol, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => DatedCloses.FromDecimals(g.Key, [.. g.Select(r => r.Date)], [.. g.Select(r => r.Close)]),
            StringComparer.Ordinal);
    }
}
