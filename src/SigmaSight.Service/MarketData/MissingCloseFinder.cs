using Microsoft.EntityFrameworkCore;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Persistence;

namespace SigmaSight.Service.MarketData;

/// <summary>
/// Finds each (symbol, trading day of the run) with no close from the provider and none stored. With the
/// <c>database</c> provider nothing is fetched, so every held symbol without an imported close on a day is one.
/// </summary>
public static class MissingCloseFinder
{
    public static async Task<List<DataQualityFinding>> FindAsync(SigmaSightDbContext db, BatchRun run,
        IReadOnlyCollection<string> symbols, IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<DateOnly, decimal>>> closes,
        NyseCalendar calendar, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(calendar);
        var days = calendar.TradingDays(run.RangeFrom, run.RangeTo).ToList();
        var stored = (await db.Prices.AsNoTracking()
                .Where(p => symbols.Contains(p.Symbol) && p.Date >= run.RangeFrom && p.Date <= run.RangeTo)
                .Select(p => new { p.Symbol, p.Date }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(p => (p.Symbol, p.Date)).ToHashSet();
        var findings = new List<DataQualityFinding>();
        foreach (var symbol in symbols)
        {
            var provided = closes.TryGetValue(symbol, out var series) ? series.Select(c => c.Key).ToHashSet() : [];
            foreach (var day in days.Where(d => !provided.Contains(d) && !stored.Contains((symbol, d))))
            {
                findings.Add(new DataQualityFinding
                {
                    RunId = run.Id, BusinessDate = day, Symbol = symbol, Kind = "missing", Severity = "error",
                    Detail = series is not null ? $"no close for {symbol} on {day:yyyy-MM-dd}"
                        : source == Database.DatabaseMarketDataProvider.SourceName
                            ? $"no close for {symbol} on {day:yyyy-MM-dd} in prices (provider database: import it with import-prices)"
                            : $"provider {source} has no prices for {symbol}: unknown symbol",
                    CreatedAt = now,
                });
            }
        }
        return findings;
    }
}
